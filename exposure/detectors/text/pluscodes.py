"""Plus codes (Open Location Codes) in text: full codes, and short codes with a locality.

A full code ("9F4MGCC2+2X") is decoded offline with Google's reference library to the
centre of its box.  A short code ("GCC2+2X Berlin") needs the locality looked up, which
would take an online geocoder, so it is reported without a position and with medium
confidence.  Upper case only, as every app writes them: lower-case look-alikes are words.
"""

from __future__ import annotations

import re

from openlocationcode import openlocationcode as olc

from exposure.detectors.text.base import PatternDetector
from exposure.detectors.text.hit import TextHit, point, squash
from exposure.i18n.message import M_
from exposure.model import Confidence

KIND = "text-plus-code"
_DIGIT = "[23456789CFGHJMPQRVWX]"

# Full codes: 8 digits from the code alphabet, "+", 2 or 3 more.  Not part of a longer
# token (the alphabet has no vowels, so ordinary words never match).
_FULL = re.compile(rf"(?<![\w+]){_DIGIT}{{8}}\+{_DIGIT}{{2,3}}(?![\w+])")
# Short codes: 4 to 6 digits, "+", 2 or 3 more, and then a locality in capitals ("GCC2+2X
# Berlin", "CWC8+R9, Mountain View, CA"): without the locality it is not a place.
_SHORT = re.compile(
    rf"(?<![\w+])(?P<code>{_DIGIT}{{4,6}}\+{_DIGIT}{{2,3}})(?![\w+])"
    r",?\s+(?P<locality>[A-ZÀ-Ý][\w'’.-]+(?:,?\s+[A-ZÀ-Ý][\w'’.-]+){0,3})"
)


class PlusCodeDetector(PatternDetector):
    """Plus codes: full codes decoded to a position, short codes with a locality flagged."""

    name = "plus-codes"
    kinds = (KIND,)
    screen = f"{_DIGIT}{{4}}\\+{_DIGIT}{{2}}"
    patterns = (_FULL, _SHORT)

    def decode(self, match: re.Match[str]) -> TextHit | None:
        """Check the code against the Open Location Code rules; decode full codes."""
        if match.re is _FULL:
            code = match.group(0)
            if not (olc.isValid(code) and olc.isFull(code)):
                return None
            area = olc.decode(code)
            position = point(area.latitudeCenter, area.longitudeCenter)
            if position is None:
                return None
            lat, lon = f"{position.lat:.5f}", f"{position.lon:.5f}"
            return TextHit(
                kind=KIND,
                start=match.start(),
                end=match.end(),
                text=code,
                value=code,
                label=M_("a plus code ({code}, at {lat}, {lon})", code=code, lat=lat, lon=lon),
                position=position,
            )
        code = match["code"]
        if not (olc.isValid(code) and olc.isShort(code)):
            return None
        locality = squash(match["locality"])
        return TextHit(
            kind=KIND,
            start=match.start(),
            end=match.end(),
            text=match.group(0),
            value=f"{code} {locality}".casefold(),
            label=M_("a plus code ({code} {locality})", code=code, locality=locality),
            place=locality,
            confidence=Confidence.MEDIUM,
            note="a short plus code: its place depends on the town named after it",
        )
