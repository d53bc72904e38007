"""The finding-kind registry: for each kind, one :class:`KindInfo` with its severity,
headings, why it matters, how to fix it and its documentation.

One module per area (``photos``, ``text``, ``web``, ``exports``) holds that area's entries;
:data:`AREAS` lists the areas and :data:`CATALOGUE` joins them.  Every other table about
kinds is derived from here (severity in :func:`exposure.detectors.make_finding`, headings in
:mod:`exposure.report.wording`, the tables of docs/finding-kinds.md in :mod:`.docs`); a test
checks that every kind a detector or source can produce has an entry, and the reverse.
"""

from __future__ import annotations

from exposure.catalogue import exports, inference, photos, text, web
from exposure.catalogue.base import CHECKED, KindInfo, step

AREAS: dict[str, tuple[KindInfo, ...]] = {
    "photos": photos.ENTRIES,
    "text": text.ENTRIES,
    "web": web.ENTRIES,
    "exports": exports.ENTRIES,
    "inference": inference.ENTRIES,
}
"""Area -> its entries, in documentation order (each area is one table of
docs/finding-kinds.md)."""

CATALOGUE: dict[str, KindInfo] = {
    entry.kind: entry for entries in AREAS.values() for entry in entries
}


def info(kind: str) -> KindInfo:
    """The catalogue entry for ``kind``; a KeyError here is a programming error."""
    return CATALOGUE[kind]


__all__ = ["AREAS", "CATALOGUE", "CHECKED", "KindInfo", "info", "step"]
