"""Renderers: turn a :class:`~exposure.model.Report` into a document.

:data:`FORMATS` is the registry the CLI offers as ``--format`` choices.  Every entry is a
pure function ``Report -> str`` (see :mod:`exposure.report.base`).  :func:`redact` makes
the shareable copy of a report before rendering.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from exposure.report.base import Renderer
from exposure.report.context import ReportContext, build_context
from exposure.report.html import render_html
from exposure.report.json import render_json, to_dict
from exposure.report.redact import redact

FORMATS: Mapping[str, Renderer] = MappingProxyType({"html": render_html, "json": render_json})
"""Output format name -> render function (read-only)."""

__all__ = [
    "FORMATS",
    "Renderer",
    "ReportContext",
    "build_context",
    "redact",
    "render_html",
    "render_json",
    "to_dict",
]
