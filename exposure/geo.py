"""Coordinates: the validated position type, validity rules, distance and rounding.

A *position* is only ever built through :func:`make_position`, which refuses what is
not a place on Earth: NaN or infinite values, latitude outside [-90, 90], longitude
outside [-180, 180], and the (0, 0) "null island" placeholder that cameras and apps
write when they have no fix.  Callers get a :class:`PositionProblem` instead, so a
bogus value can become a low-severity note but never a place on a map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180.0
"""Length of one degree of latitude (and of longitude at the equator), in metres."""


NEAR_ZERO_DEGREES = 0.1
"""A position this close to (0, 0) read from a damaged block is taken for a placeholder."""


class PositionProblem(StrEnum):
    """Why a coordinate pair is not a usable position."""

    EMPTY = "empty"
    """The tags exist but hold no value."""
    ZERO = "zero"
    """Exactly (0, 0): a placeholder written when there was no fix."""
    OUT_OF_RANGE = "out-of-range"
    """Latitude beyond +/-90 or longitude beyond +/-180."""
    NOT_A_NUMBER = "not-a-number"
    """NaN, infinity, or a value that could not be read as a number."""
    DAMAGED_NEAR_ZERO = "damaged-near-zero"
    """Within :data:`NEAR_ZERO_DEGREES` of (0, 0) in a file whose structure is damaged: a
    placeholder (or a zero value with damaged bytes), not a place someone stood."""


@dataclass(frozen=True, slots=True)
class Position:
    """A real place on Earth in WGS84 decimal degrees."""

    lat: float
    lon: float
    altitude_m: float | None = None
    """Height above sea level in metres, when the source gives one."""
    accuracy_m: float | None = None
    """Radius of uncertainty in metres, when the source gives one."""

    def rounded(self, decimals: int) -> Position:
        """The same position rounded to ``decimals`` places (for redaction)."""
        return Position(round(self.lat, decimals), round(self.lon, decimals), None, None)

    def as_text(self, decimals: int = 6) -> str:
        """``"52.520008, 13.404954"``: the form a map search box accepts."""
        return f"{self.lat:.{decimals}f}, {self.lon:.{decimals}f}"


def check_position(lat: float | None, lon: float | None) -> PositionProblem | None:
    """Return why ``(lat, lon)`` is not a real position, or ``None`` when it is one."""
    if lat is None or lon is None:
        return PositionProblem.EMPTY
    try:
        flat, flon = float(lat), float(lon)
    except (TypeError, ValueError, OverflowError):
        return PositionProblem.NOT_A_NUMBER
    if not (math.isfinite(flat) and math.isfinite(flon)):
        return PositionProblem.NOT_A_NUMBER
    if not (-90.0 <= flat <= 90.0 and -180.0 <= flon <= 180.0):
        return PositionProblem.OUT_OF_RANGE
    if flat == 0.0 and flon == 0.0:
        return PositionProblem.ZERO
    return None


def make_position(
    lat: float | None,
    lon: float | None,
    altitude_m: float | None = None,
    accuracy_m: float | None = None,
) -> Position | PositionProblem:
    """Build a :class:`Position`, or say why the pair is not one."""
    problem = check_position(lat, lon)
    if problem is not None:
        return problem
    assert lat is not None and lon is not None
    alt = altitude_m if altitude_m is not None and math.isfinite(altitude_m) else None
    acc = accuracy_m if accuracy_m is not None and math.isfinite(accuracy_m) else None
    return Position(float(lat), float(lon), alt, acc)


def distance_m(a: Position, b: Position) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp = p2 - p1
    dl = math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def dms_to_degrees(degrees: float, minutes: float, seconds: float, ref: str | None) -> float:
    """Degrees, minutes and seconds plus a hemisphere letter to signed decimal degrees."""
    value = abs(degrees) + minutes / 60.0 + seconds / 3600.0
    if degrees < 0 or (ref or "").strip().upper()[:1] in {"S", "W"}:
        value = -value
    return value
