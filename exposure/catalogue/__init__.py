"""The remediation catalogue: for each finding kind, why it matters and how to fix it.

One module per area (photos, later platform exports, web pages, text); this package joins
their entries.  ``CATALOGUE`` maps a kind to its :class:`KindInfo`; a test checks that every
kind a detector or source can produce has an entry and documentation.
"""

from __future__ import annotations

from exposure.catalogue import exports, photos, text, web
from exposure.catalogue.base import CHECKED, KindInfo, step

CATALOGUE: dict[str, KindInfo] = {
    entry.kind: entry for entry in (*photos.ENTRIES, *text.ENTRIES, *web.ENTRIES, *exports.ENTRIES)
}


def info(kind: str) -> KindInfo:
    """The catalogue entry for ``kind``; a KeyError here is a programming error."""
    return CATALOGUE[kind]


__all__ = ["CATALOGUE", "CHECKED", "KindInfo", "info", "step"]
