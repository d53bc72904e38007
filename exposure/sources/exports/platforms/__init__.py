"""The export platforms exposure reads: every module of this package is one declaration (a
``PLATFORM = Platform(...)``, see :class:`~exposure.sources.exports.platform.Platform` and
CONTRIBUTING.md), found by listing the package: a new platform is a new module here and
nothing else to register.

:data:`PLATFORMS` is in module-name order, the order exposure names them (``exposure
platforms``, messages); recognition follows each platform's ``rank``.  Everything else about
exports is built from these declarations.  Listing and importing them is cheap (every audit
of a folder reads the markers): a declaration imports nothing heavy at module level.
"""

from __future__ import annotations

import importlib
import os

from exposure.sources.exports.platform import Platform


def module_names() -> list[str]:
    """The modules of this package, sorted.  A folder listing (tens of microseconds: this
    runs on every start); :mod:`pkgutil` only where the package is not in a folder (a zip)."""
    names: set[str] = set()
    for folder in __path__:
        try:
            entries = os.listdir(folder)
        except OSError:
            import pkgutil

            return sorted(m.name for m in pkgutil.iter_modules(__path__))
        for entry in entries:
            stem, dot, suffix = entry.rpartition(".")
            if dot and suffix in ("py", "pyc") and stem.isidentifier() and stem != "__init__":
                names.add(stem)
    return sorted(names)


def _declared() -> tuple[Platform, ...]:
    """The ``PLATFORM`` of every module of this package, in module-name order."""
    found: list[Platform] = []
    for name in module_names():
        declaration = getattr(importlib.import_module(f"{__name__}.{name}"), "PLATFORM", None)
        if not isinstance(declaration, Platform):
            raise TypeError(
                f"{__name__}.{name} is not a platform declaration: every module of this "
                "package must define PLATFORM = Platform(...)"
            )
        found.append(declaration)
    return tuple(found)


PLATFORMS: tuple[Platform, ...] = _declared()
"""Every declared platform, in module-name order."""

BY_RANK: tuple[Platform, ...] = tuple(sorted(PLATFORMS, key=lambda p: p.rank))
"""The order in which layouts are tried (a stable sort: equal ranks keep PLATFORMS order)."""

__all__ = ["BY_RANK", "PLATFORMS", "Platform"]
