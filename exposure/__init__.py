"""exposure: find location leaks in your own photos, exports and public profiles."""

from __future__ import annotations

__version__ = "0.1.0"
