"""Reading the values exports store: coordinates in their many spellings, times, text.

Every function accepts whatever a hostile or odd file puts in a field (wrong types,
strings for numbers, missing values) and returns None rather than raising.  Positions go
through :func:`exposure.geo.make_position`, so (0, 0), latitude 91 and NaN never become
places.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any

from exposure.geo import Position, PositionProblem, make_position

_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_PAIR = re.compile(rf"({_NUMBER})\s*°?\s*,\s*({_NUMBER})\s*°?")
_SNAP = re.compile(rf"({_NUMBER})\s*±\s*({_NUMBER})\s*m\w*")
_EPOCH = re.compile(r"^\d{9,14}$")
E7_WRAP = 2**32
"""Some Records.json files store negative E7 values as unsigned 32-bit numbers."""


def number(value: Any) -> float | None:
    """A finite float from an int, float or numeric string; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def position(
    lat: Any, lon: Any, *, accuracy: Any = None, altitude: Any = None
) -> Position | PositionProblem:
    """A checked position from two values of any type."""
    flat, flon = number(lat), number(lon)
    if flat is None or flon is None:
        both_missing = lat is None and lon is None
        return PositionProblem.EMPTY if both_missing else PositionProblem.NOT_A_NUMBER
    return make_position(flat, flon, number(altitude), number(accuracy))


def from_e7(lat: Any, lon: Any, accuracy: Any = None) -> Position | PositionProblem:
    """Google's ``latitudeE7`` / ``longitudeE7`` integers (degrees times 10^7)."""
    flat, flon = number(lat), number(lon)
    if flat is None or flon is None:
        return (
            PositionProblem.EMPTY if lat is None and lon is None else PositionProblem.NOT_A_NUMBER
        )
    if flat > 900_000_000:
        flat -= E7_WRAP
    if flon > 1_800_000_000:
        flon -= E7_WRAP
    return make_position(flat / 1e7, flon / 1e7, None, number(accuracy))


def from_text(text: Any) -> Position | PositionProblem:
    """``"48.8566°, 2.3522°"``, ``"geo:27.72,-97.34"``, ``"48.8566, 2.3522"``."""
    if not isinstance(text, str):
        return PositionProblem.EMPTY if text is None else PositionProblem.NOT_A_NUMBER
    match = _PAIR.search(text.removeprefix("geo:"))
    if match is None:
        return PositionProblem.NOT_A_NUMBER
    return make_position(float(match.group(1)), float(match.group(2)))


def from_snapchat(text: Any) -> Position | PositionProblem:
    """Snapchat's ``"lat 34.206 ± 19.47 meters, long -118.432 ± 19.47 meters"`` and
    ``"37.332 ± 39.66 meters, -121.884 ± 39.66 meters"`` (accuracy kept)."""
    if not isinstance(text, str):
        return PositionProblem.EMPTY if text is None else PositionProblem.NOT_A_NUMBER
    found = _SNAP.findall(text)
    if len(found) >= 2:
        (lat, acc), (lon, _) = found[0], found[1]
        return make_position(float(lat), float(lon), None, float(acc))
    return from_text(text)


def when(value: Any) -> datetime | None:
    """A UTC-aware time from ISO text, epoch seconds or milliseconds (number or digits),
    ``"2025-03-24 20:07:24 +0100"`` or ``"2021/09/02 20:37:47 UTC"``; None when unreadable."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, bool) or value is None:
        return None
    if type(value) is str and len(value) > 15 and value[4] == "-":  # ISO text: the common case
        try:
            iso = datetime.fromisoformat(value)
            return iso if iso.tzinfo else iso.replace(tzinfo=UTC)
        except ValueError:
            pass
    if isinstance(value, int | float) or (isinstance(value, str) and _EPOCH.match(value.strip())):
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000.0
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip().removesuffix(" UTC")
    if re.match(r"^\d{4}/\d\d/\d\d", text):
        text = text.replace("/", "-", 2)
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = _strptime(text)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _strptime(text: str) -> datetime | None:
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%a %b %d %H:%M:%S %z %Y", "%Y:%m:%d %H:%M:%S")
"""Other spellings: ``2025-03-24 20:07:24 +0100``, X's ``Wed Sep 04 08:19:17 +0000 2019``,
EXIF's ``2024:05:02 22:47:28``."""


def meta_text(value: Any) -> str:
    """Text from a Meta export, repaired: Meta writes each UTF-8 byte as its own ``\\u00XX``
    escape, so "café" arrives as "cafÃ©".  Re-encoding as Latin-1 gets the bytes back."""
    if not isinstance(value, str):
        return ""
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def excerpt(text: str, limit: int = 80) -> str:
    """The first ``limit`` characters of ``text`` on one line, with an ellipsis if cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def day(moment: datetime | None) -> str:
    """``2024-05-01`` or an empty string."""
    return moment.date().isoformat() if moment else ""


def obj(value: Any) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one (fields of the wrong type)."""
    return value if isinstance(value, dict) else {}
