"""Shared helpers for the text-detector table tests."""

from __future__ import annotations

from exposure.detectors.text import PatternDetector
from exposure.geo import Position, distance_m


def found(detector: PatternDetector, text: str) -> list[tuple[str, str]]:
    """``(kind, matched text)`` for each hit, in order."""
    return [(hit.kind, hit.text) for hit in detector.find(text)]


def near(position: Position | None, lat: float, lon: float, metres: float = 2.0) -> bool:
    """True when ``position`` is within ``metres`` of (lat, lon)."""
    return position is not None and distance_m(position, Position(lat, lon)) <= metres
