"""Detectors: each turns one parsed item into findings.

``PHOTO_DETECTORS`` is the explicit registry (no package walking); a test checks that every
entry has a name, a docstring, documented kinds and a remediation entry.  The text
detectors (``TEXT_DETECTORS``) load on first use: a photo-only audit never compiles their
patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exposure.detectors.base import PhotoDetector, TextDetector, make_finding
from exposure.detectors.camera_details import CameraDetailsDetector
from exposure.detectors.photo_gps import GpsDetector
from exposure.detectors.photo_identity import OwnerDetector, SerialDetector
from exposure.detectors.photo_places import PlaceNameDetector

PHOTO_DETECTORS: tuple[type[PhotoDetector], ...] = (
    GpsDetector,
    SerialDetector,
    OwnerDetector,
    PlaceNameDetector,
    CameraDetailsDetector,
)

if TYPE_CHECKING:
    TEXT_DETECTORS: tuple[type[TextDetector], ...]


def _text_detectors() -> tuple[type[TextDetector], ...]:
    """Detectors for free text: map links, coordinates, plus codes, addresses, check-ins
    (``exposure.detectors.text``; ``scan_text`` runs them on any string)."""
    from exposure.detectors.text import LOCATION_TEXT_DETECTORS

    return LOCATION_TEXT_DETECTORS


def __getattr__(name: str) -> Any:
    if name == "TEXT_DETECTORS":
        return _text_detectors()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def new_photo_detectors() -> list[PhotoDetector]:
    """Fresh detector instances for one audit (some keep per-audit state)."""
    return [cls() for cls in PHOTO_DETECTORS]


def new_text_detectors() -> list[TextDetector]:
    """Fresh text detector instances for one audit."""
    return [cls() for cls in _text_detectors()]


def all_kinds() -> tuple[str, ...]:
    """Every finding kind the registered detectors can produce."""
    detectors: tuple[type[PhotoDetector] | type[TextDetector], ...] = (
        *PHOTO_DETECTORS,
        *_text_detectors(),
    )
    return tuple(kind for cls in detectors for kind in cls.kinds)


__all__ = [
    "PHOTO_DETECTORS",
    "CameraDetailsDetector",
    "GpsDetector",
    "OwnerDetector",
    "PhotoDetector",
    "PlaceNameDetector",
    "SerialDetector",
    "TEXT_DETECTORS",
    "TextDetector",
    "all_kinds",
    "make_finding",
    "new_photo_detectors",
    "new_text_detectors",
]
