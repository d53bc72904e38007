"""One entry point for other code: every location leak in a string, as :class:`TextHit`s.

    >>> [h.kind for h in scan_text("Meet me at https://maps.app.goo.gl/Xyz12 or ///filled.count.soap")]
    ['text-map-link', 'text-what3words']

Use :class:`TextScanner` to scan many strings (it builds the detectors once);
:func:`scan_text` is the one-off form.
"""

from __future__ import annotations

from exposure.detectors.text.addresses import AddressDetector
from exposure.detectors.text.base import PatternDetector
from exposure.detectors.text.checkins import CheckInDetector
from exposure.detectors.text.coordinates import CoordinatesDetector
from exposure.detectors.text.hit import TextHit
from exposure.detectors.text.maplinks import MapLinkDetector
from exposure.detectors.text.pluscodes import PlusCodeDetector

LOCATION_TEXT_DETECTORS: tuple[type[PatternDetector], ...] = (
    MapLinkDetector,
    CoordinatesDetector,
    PlusCodeDetector,
    AddressDetector,
    CheckInDetector,
)
"""The text detectors, in the order their findings are listed.  Map links come first: they
own the web links, so the coordinates inside a map link are reported once, as a link."""


class TextScanner:
    """All text detectors, built once, run over any number of strings."""

    def __init__(self) -> None:
        self.detectors = tuple(cls() for cls in LOCATION_TEXT_DETECTORS)

    def scan(self, text: str) -> list[TextHit]:
        """Every hit in ``text`` from every detector, sorted by where it starts."""
        hits = [hit for detector in self.detectors for hit in detector.find(text)]
        return sorted(hits, key=lambda h: (h.start, h.end, h.kind))


def scan_text(text: str) -> list[TextHit]:
    """Every location leak in ``text`` (see the module docstring)."""
    return TextScanner().scan(text)
