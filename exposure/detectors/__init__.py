"""Detectors: each turns one parsed item into findings.

``PHOTO_DETECTORS`` is the explicit registry (no package walking); a test checks that every
entry has a name, a docstring, documented kinds and a remediation entry.
"""

from __future__ import annotations

from exposure.detectors.base import PhotoDetector, TextDetector, make_finding
from exposure.detectors.camera_details import CameraDetailsDetector
from exposure.detectors.photo_gps import GpsDetector
from exposure.detectors.photo_identity import OwnerDetector, SerialDetector
from exposure.detectors.text import LOCATION_TEXT_DETECTORS

PHOTO_DETECTORS: tuple[type[PhotoDetector], ...] = (
    GpsDetector,
    SerialDetector,
    OwnerDetector,
    CameraDetailsDetector,
)


TEXT_DETECTORS: tuple[type[TextDetector], ...] = (*LOCATION_TEXT_DETECTORS,)
"""Detectors for free text: map links, coordinates, plus codes, addresses, check-ins
(``exposure.detectors.text``; ``scan_text`` runs them on any string)."""


def new_photo_detectors() -> list[PhotoDetector]:
    """Fresh detector instances for one audit (some keep per-audit state)."""
    return [cls() for cls in PHOTO_DETECTORS]


def new_text_detectors() -> list[TextDetector]:
    """Fresh text detector instances for one audit."""
    return [cls() for cls in TEXT_DETECTORS]


def all_kinds() -> tuple[str, ...]:
    """Every finding kind the registered detectors can produce."""
    detectors: tuple[type[PhotoDetector] | type[TextDetector], ...] = (
        *PHOTO_DETECTORS,
        *TEXT_DETECTORS,
    )
    return tuple(kind for cls in detectors for kind in cls.kinds)


__all__ = [
    "PHOTO_DETECTORS",
    "CameraDetailsDetector",
    "GpsDetector",
    "OwnerDetector",
    "PhotoDetector",
    "SerialDetector",
    "TEXT_DETECTORS",
    "TextDetector",
    "all_kinds",
    "make_finding",
    "new_photo_detectors",
    "new_text_detectors",
]
