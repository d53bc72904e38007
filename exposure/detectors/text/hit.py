"""What a text detector finds: :class:`TextHit`, and the small helpers that build one."""

from __future__ import annotations

from dataclasses import dataclass

from exposure.geo import Position, make_position
from exposure.i18n.message import Message
from exposure.model import Confidence


@dataclass(frozen=True, slots=True)
class TextHit:
    """One location leak found in a string."""

    kind: str
    """The finding kind (``text-coordinates``, ``text-map-link``...)."""
    start: int
    """Where the matched text starts in the scanned string."""
    end: int
    """Where it ends (exclusive): ``text[start:end]`` is the exact match."""
    text: str
    """The matched text, exactly as written."""
    value: str
    """The normalised leaked value (part of the finding's stable id)."""
    label: str | Message
    """What was found, for a title: ``coordinates 52.52001, 13.40495`` (a Message when it
    is words to translate, not only the matched text)."""
    position: Position | None = None
    """The decoded position, when the text gives one."""
    place: str | None = None
    """A place name or address the text names (a map search, a venue), when there is one."""
    confidence: Confidence = Confidence.HIGH
    note: str | None = None
    """Something the user should know about this hit (``a short link: not opened``)."""


def point(lat: float, lon: float) -> Position | None:
    """A real position, or None for what is not a place ((0, 0), out of range...)."""
    made = make_position(lat, lon)
    return made if isinstance(made, Position) else None


def number(text: str) -> float:
    """A decimal number as people type it (a typographic minus sign is a minus)."""
    return float(text.replace("−", "-").replace("+", ""))


def squash(text: str) -> str:
    """Runs of whitespace as one space, ends stripped: the form used in values and labels."""
    return " ".join(text.split())
