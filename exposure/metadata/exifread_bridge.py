"""exifread as the second EXIF decoder.

Our own reader (:mod:`exposure.metadata.exif`) decodes EXIF blocks first: it reads only the
tags an audit needs, with every read bounded, at 5-40x the speed of ``exifread.process_file``
on the same block (measured on phone JPEGs; see the issue-2 closing note).  When it meets a
block it cannot walk (an unexpected structure that raises rather than a clean "damaged"
verdict), the same bytes, already cut out of the container and bounded in size, go to
exifread, the project's reference EXIF library, so a quirk of our reader costs speed, not
the file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from exposure.geo import dms_to_degrees
from exposure.metadata.collect import RANK_ORIGINAL, Collector
from exposure.metadata.positions import reading
from exposure.metadata.text import parse_datetime

_SERIALS = {
    "EXIF BodySerialNumber": "BodySerialNumber",
    "EXIF LensSerialNumber": "LensSerialNumber",
    "Image CameraSerialNumber": "CameraSerialNumber",
}
_OWNERS = {"Image Artist": "Artist", "EXIF CameraOwnerName": "CameraOwnerName"}


def _text(tags: dict[str, Any], key: str) -> str | None:
    tag = tags.get(key)
    return None if tag is None else str(tag.printable if hasattr(tag, "printable") else tag)


def _number(value: Any) -> float:
    den = getattr(value, "den", 1) or 0
    num = getattr(value, "num", value)
    return float(num) / den if den else float("nan")


def _coordinate(tags: dict[str, Any], axis: str) -> float | None:
    tag = tags.get(f"GPS GPS{axis}")
    if tag is None:
        return None
    values: Sequence[Any] = getattr(tag, "values", ())
    if not values:
        return None
    parts = [_number(v) for v in list(values)[:3]] + [0.0, 0.0]
    ref = _text(tags, f"GPS GPS{axis}Ref")
    return dms_to_degrees(parts[0], parts[1], parts[2], ref)


def decode_with_exifread(block: bytes, out: Collector, origin: str = "exif") -> bool:
    """Decode the TIFF ``block`` with exifread into ``out``; ``True`` if it read anything."""
    # Imported here: only files our reader cannot walk pay for exifread (and logging).
    import logging

    import exifread

    logging.getLogger("exifread").setLevel(logging.CRITICAL)
    try:
        tags: dict[str, Any] = exifread.process_file(
            io.BytesIO(block), details=False, extract_thumbnail=False
        )
    except Exception:  # exifread gave up too: the caller reports the original failure
        return False
    if not tags:
        return False
    out.set_make(_text(tags, "Image Make"))
    out.set_model(_text(tags, "Image Model"))
    out.set_software(_text(tags, "Image Software"))
    out.offer_captured(parse_datetime(_text(tags, "EXIF DateTimeOriginal"), None), RANK_ORIGINAL)
    for key, label in _SERIALS.items():
        out.add_serial(label, _text(tags, key))
    for key, label in _OWNERS.items():
        out.add_owner(label, _text(tags, key))
    if any(key.startswith("GPS ") for key in tags):
        lat, lon = _coordinate(tags, "Latitude"), _coordinate(tags, "Longitude")
        altitude = tags.get("GPS GPSAltitude")
        alt = _number(altitude.values[0]) if altitude is not None and altitude.values else None
        if alt is not None and _text(tags, "GPS GPSAltitudeRef") in {"1", "[1]"}:
            alt = -alt
        raw = f"GPSLatitude={_text(tags, 'GPS GPSLatitude')} GPSLongitude={_text(tags, 'GPS GPSLongitude')}"
        out.add_gps(reading(lat, lon, alt, None, origin, raw))
    return True
