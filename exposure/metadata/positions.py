"""Classifying coordinate pairs and describing raw GPS values, shared by every parser."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from exposure.geo import PositionProblem, check_position
from exposure.metadata.model import GpsReading

MAX_RAW = 160


def classify(lat: float | None, lon: float | None) -> PositionProblem | None:
    """Why ``(lat, lon)`` is not a real position (``None`` when it is one).

    Unlike :func:`exposure.geo.check_position` alone, a pair with only one coordinate
    still reports a broken value it holds (NaN, out of range) before calling it empty.
    """
    if lat is None and lon is None:
        return PositionProblem.EMPTY
    probe = check_position(1.0 if lat is None else lat, 1.0 if lon is None else lon)
    if probe in (PositionProblem.NOT_A_NUMBER, PositionProblem.OUT_OF_RANGE):
        return probe
    if lat is None or lon is None:
        return PositionProblem.EMPTY
    return probe


def finite(value: float | None) -> float | None:
    """``value`` when it is a finite number, else ``None``."""
    return value if value is not None and math.isfinite(value) else None


def reading(
    lat: float | None,
    lon: float | None,
    altitude_m: float | None,
    gps_time: datetime | None,
    origin: str,
    raw: str,
    *,
    unreadable: bool = False,
) -> GpsReading:
    """A :class:`GpsReading`; ``unreadable`` marks values that exist but are not numbers."""
    if unreadable or (lat is not None and math.isnan(lat)) or (lon is not None and math.isnan(lon)):
        problem: PositionProblem | None = PositionProblem.NOT_A_NUMBER
        lat = finite(lat)
        lon = finite(lon)
    else:
        problem = classify(lat, lon)
    if len(raw) > MAX_RAW:
        raw = raw[: MAX_RAW - 1] + "…"
    return GpsReading(lat, lon, finite(altitude_m), gps_time, origin, problem, raw)


def format_rationals(pairs: Sequence[tuple[int, int]]) -> str:
    """``[52, 31, 25/2]``: rationals as the camera stored them."""
    return "[" + ", ".join(str(n) if d == 1 else f"{n}/{d}" for n, d in pairs) + "]"
