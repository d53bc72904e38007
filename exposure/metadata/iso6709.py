"""ISO 6709 location strings as phones store them in videos: ``"+52.5200+013.4050+034.000/"``.

Accepted: degrees (``±DD.DDDD±DDD.DDDD``), degrees and minutes (``±DDMM.MM±DDDMM.MM``)
and degrees, minutes and seconds (``±DDMMSS.S±DDDMMSS.S``), an optional altitude, an
optional ``CRS…`` suffix and the trailing ``/``.
"""

from __future__ import annotations

import re

_ISO6709 = re.compile(
    r"\s*([+-])(\d+)(\.\d*)?([+-])(\d+)(\.\d*)?(?:([+-]\d+(?:\.\d*)?))?\s*(?:CRS[^/]*)?/?\s*$"
)


def _part(digits: str, fraction: str | None, degree_digits: int) -> float | None:
    """Degrees from the integer ``digits`` (D, DM or DMS form) and a decimal fraction."""
    extra = len(digits) - degree_digits
    tail = float("0" + (fraction or "."))
    if extra <= 0:
        return int(digits) + tail
    if extra == 2:
        degrees, minutes = int(digits[:-2]), int(digits[-2:]) + tail
        return None if minutes >= 60 else degrees + minutes / 60
    if extra == 4:
        degrees, minutes, seconds = int(digits[:-4]), int(digits[-4:-2]), int(digits[-2:]) + tail
        return None if minutes >= 60 or seconds >= 60 else degrees + minutes / 60 + seconds / 3600
    return None


def parse_iso6709(text: str) -> tuple[float, float, float | None] | None:
    """``(lat, lon, altitude)`` from an ISO 6709 string, or ``None`` when it is not one."""
    match = _ISO6709.match(text)
    if match is None:
        return None
    lat_sign, lat_digits, lat_frac, lon_sign, lon_digits, lon_frac, alt = match.groups()
    lat = _part(lat_digits, lat_frac, 2)
    lon = _part(lon_digits, lon_frac, 3)
    if lat is None or lon is None:
        return None
    altitude = float(alt) if alt not in (None, "+", "-") else None
    return (-lat if lat_sign == "-" else lat), (-lon if lon_sign == "-" else lon), altitude
