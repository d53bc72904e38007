"""What the markup extractors find: a :class:`Clue` (coordinates, an address or a place name).

Every extractor (meta tags, JSON-LD and microdata, microformats, geo: URIs, feeds) turns
what it reads into clues with the same helpers, so numbers are validated the same way
everywhere: (0, 0), NaN and out-of-range values never become a place.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from exposure.geo import Position, make_position

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_PAIR = re.compile(rf"^\s*({_NUMBER})\s*[;,\s]\s*({_NUMBER})(?:\s*[;,\s]\s*({_NUMBER}))?\s*$")
MAX_TEXT = 300
"""Longest value shown in a finding (addresses, place names)."""


class ClueKind(StrEnum):
    """How precise a clue is."""

    COORDINATES = "coordinates"
    """A latitude and longitude."""
    ADDRESS = "address"
    """A street address or a postcode, without coordinates."""
    PLACE = "place"
    """A named place, town, region or country."""


@dataclass(frozen=True, slots=True)
class Clue:
    """One location statement found in the markup of a page or feed."""

    kind: ClueKind
    markup: str
    """Where it was written, in words: ``"Open Graph og:latitude"``, ``"JSON-LD GeoCoordinates"``."""
    text: str
    """The value as a person would read it (coordinates, address, place name)."""
    position: Position | None = None
    name: str | None = None
    """The place's own name, when the markup gives one (``"The Owl Music Parlor"``)."""

    @property
    def value(self) -> str:
        """The normalised leaked value: the key for findings and duplicate removal."""
        if self.position is not None:
            return f"{self.position.lat:.5f},{self.position.lon:.5f}"
        return " ".join(self.text.split()).casefold()


def clean(text: object) -> str:
    """Whitespace-collapsed text of a scalar value, at most :data:`MAX_TEXT` characters."""
    if text is None or isinstance(text, (dict, list, bool)):
        return ""
    return " ".join(str(text).split())[:MAX_TEXT]


def number(value: object) -> float | None:
    """A float from a number or numeric text (``"40.66"``, ``40.66``), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        result = float(value)
    else:
        text = str(value).strip()
        if not re.fullmatch(_NUMBER, text):
            return None
        result = float(text)
    return result if math.isfinite(result) else None


def coordinates(
    markup: str,
    lat: object,
    lon: object,
    *,
    altitude: object = None,
    accuracy: object = None,
    name: str | None = None,
    address: str = "",
) -> Clue | None:
    """A coordinates clue, or None when the pair is not a real place."""
    flat, flon = number(lat), number(lon)
    if flat is None or flon is None:
        return None
    position = make_position(flat, flon, number(altitude), number(accuracy))
    if not isinstance(position, Position):
        return None
    text = position.as_text()
    if address:
        text += f" ({address})"
    return Clue(ClueKind.COORDINATES, markup, text, position, name or None)


def split_pair(text: str) -> tuple[str, str, str | None] | None:
    """``(lat, lon, altitude)`` from ``"lat;lon"``, ``"lat, lon"`` or ``"lat lon"`` text."""
    found = _PAIR.match(text or "")
    return (found.group(1), found.group(2), found.group(3)) if found else None


def pair(markup: str, text: str, *, name: str | None = None, address: str = "") -> Clue | None:
    """A clue from ``"lat;lon"``, ``"lat, lon"`` or ``"lat lon"`` (optionally with altitude)."""
    found = split_pair(text)
    if found is None:
        return None
    lat, lon, alt = found
    return coordinates(markup, lat, lon, altitude=alt, name=name, address=address)


ADDRESS_FIELDS = (
    "street-address",
    "extended-address",
    "locality",
    "region",
    "postal-code",
    "country-name",
)
"""The parts of an address, in the order they are written out."""


def address(markup: str, parts: dict[str, str], *, name: str | None = None) -> Clue | None:
    """An address clue from named parts; a PLACE clue when there is no street or postcode."""
    values = [clean(parts.get(field)) for field in ADDRESS_FIELDS]
    text = ", ".join(v for v in values if v)
    if not text:
        return None
    precise = bool(clean(parts.get("street-address")) or clean(parts.get("postal-code")))
    kind = ClueKind.ADDRESS if precise else ClueKind.PLACE
    return Clue(kind, markup, text, None, clean(name) or None)


def place(markup: str, text: object, *, name: str | None = None) -> Clue | None:
    """A place-name clue (``"San Francisco"``), or None for empty text."""
    value = clean(text)
    return Clue(ClueKind.PLACE, markup, value, None, clean(name) or None) if value else None
