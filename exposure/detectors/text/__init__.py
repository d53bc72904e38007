"""Location in what people write: coordinates, map links, plus codes, addresses, check-ins.

Each family is one detector module; all are
:class:`~exposure.detectors.text.base.PatternDetector` subclasses, registered in
``exposure.detectors.TEXT_DETECTORS``.  The audit engine calls them on every SourceItem
with ``text`` (posts, bios, pages, photo descriptions).  Other code (the crawler, the export
parsers) can call :func:`scan_text` on any string.

Where the text lives decides the advice (see :func:`exposure.catalogue.text.where_of`):
sources should set ``SourceItem.kind`` to ``post`` (or ``caption``, ``comment``,
``review``...), ``bio`` / ``profile``, or ``page``; the engine uses ``photo-description``
for descriptions read from inside a photo file.  Any other kind gets generic advice.
"""

from __future__ import annotations

from exposure.detectors.text.addresses import AddressDetector
from exposure.detectors.text.base import PatternDetector
from exposure.detectors.text.checkins import CheckInDetector
from exposure.detectors.text.coordinates import CoordinatesDetector
from exposure.detectors.text.hit import TextHit
from exposure.detectors.text.maplinks import MapLinkDetector
from exposure.detectors.text.pluscodes import PlusCodeDetector
from exposure.detectors.text.scan import LOCATION_TEXT_DETECTORS, TextScanner, scan_text

__all__ = [
    "LOCATION_TEXT_DETECTORS",
    "AddressDetector",
    "CheckInDetector",
    "CoordinatesDetector",
    "MapLinkDetector",
    "PatternDetector",
    "PlusCodeDetector",
    "TextHit",
    "TextScanner",
    "scan_text",
]
