"""The EXIF GPS IFD to a :class:`GpsReading`.

Stored values are checked, never trusted: coordinates may come as 1 to 3 rationals,
as signed rationals, integers or floats, or as text; a zero denominator makes a
coordinate unreadable (NOT_A_NUMBER) like in ExifTool, unless every part is 0/0, which
is how writers say "no value" (EMPTY).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from exposure.geo import dms_to_degrees
from exposure.metadata.model import GpsReading
from exposure.metadata.positions import format_rationals, reading
from exposure.metadata.tiff import ASCII, Entry, Ifd, TiffView

GPS_TAGS = frozenset({0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x1D})
_NAN = float("nan")


def _ref(view: TiffView, entry: Entry | None) -> str | None:
    if entry is None:
        return None
    typ, count, raw = entry
    if typ == ASCII and count <= 4:  # the usual "N\0": no need for the general path
        letter = raw[:1]
        return letter.decode("latin-1") if letter.isalpha() else None
    if typ == ASCII or typ == 7:
        return view.text(entry, 8)
    number = view.first_int(entry)
    return None if number is None else str(number)


def _coordinate(
    view: TiffView, value: Entry | None, ref_entry: Entry | None, name: str, describe: bool
) -> tuple[float | None, str]:
    """Signed degrees (NaN when unreadable, ``None`` when absent) and, when ``describe``
    is set, its stored values as text (else ``""``: a real position needs no description,
    and building one for every photo costs more than reading the coordinate)."""
    if value is None:
        return None, ""
    ref = _ref(view, ref_entry)
    suffix = f" {ref}" if ref else ""
    raw = ""
    pairs = view.rationals(value, 3)
    if pairs is not None:
        if describe:
            raw = f"{name}={format_rationals(pairs)}{suffix}"
        if not pairs:
            return None, raw
        try:
            parts = [n / d for n, d in pairs]
        except ZeroDivisionError:
            if not any(n or d for n, d in pairs):
                return None, raw  # 0/0 everywhere: the writer's way of saying "no value"
            return _NAN, raw
    elif value[0] == ASCII:
        text = view.text(value, 64) or ""
        if describe:
            raw = f"{name}={text!r}{suffix}"
        try:
            parts = [float(p) for p in text.replace(",", " ").split()[:3]]
        except ValueError:
            return _NAN, raw
        if not parts:
            return None, raw
    else:
        numbers = view.numbers(value, 3)
        if describe:
            raw = f"{name}={numbers}{suffix}"
        if numbers is None:
            return _NAN, raw
        if not numbers:
            return None, raw
        parts = numbers
    parts += [0.0] * (3 - len(parts))
    value_ = dms_to_degrees(parts[0], parts[1], parts[2], ref)
    return (value_ if math.isfinite(value_) else _NAN), raw


def _altitude(view: TiffView, ifd: Ifd) -> float | None:
    values = view.numbers(ifd.get(0x06), 1)
    if not values or not math.isfinite(values[0]):
        return None
    ref_entry = ifd.get(0x05)
    if ref_entry is not None and ref_entry[0] == 1:  # the usual single BYTE
        ref: int | None = ref_entry[2][0]
    else:
        ref = view.first_int(ref_entry)
    return -abs(values[0]) if ref == 1 else values[0]


def _gps_time(view: TiffView, ifd: Ifd) -> datetime | None:
    date = view.text(ifd.get(0x1D), 16)
    parts = view.numbers(ifd.get(0x07), 3)
    if not date or not parts or len(parts) < 3 or not all(math.isfinite(p) for p in parts):
        return None
    hour, minute, second = parts
    if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 61):
        return None
    try:
        if hour.is_integer() and minute.is_integer() and second.is_integer() and second < 60:
            # The usual case: whole numbers, one constructor call and no arithmetic.
            return datetime(
                int(date[0:4]),
                int(date[5:7]),
                int(date[8:10]),
                int(hour),
                int(minute),
                int(second),
                tzinfo=UTC,
            )
        day = datetime(int(date[0:4]), int(date[5:7]), int(date[8:10]), tzinfo=UTC)
    except ValueError:
        return None
    return day + timedelta(hours=hour, minutes=minute, seconds=second)


def read_gps(view: TiffView, ifd: Ifd, origin: str) -> GpsReading:
    """The reading of one GPS IFD (EMPTY when it holds no position tags).

    Its ``raw`` text is built only for a reading that is not a real position (the report
    shows it to explain why); a real position's stored values need no description.
    """
    lat_entry, lon_entry = ifd.get(0x02), ifd.get(0x04)
    lat_ref, lon_ref = ifd.get(0x01), ifd.get(0x03)
    lat = _coordinate(view, lat_entry, lat_ref, "GPSLatitude", False)[0]
    lon = _coordinate(view, lon_entry, lon_ref, "GPSLongitude", False)[0]
    altitude, when = _altitude(view, ifd), _gps_time(view, ifd)
    result = reading(lat, lon, altitude, when, origin, "")
    if result.problem is None:
        return result
    lat_raw = _coordinate(view, lat_entry, lat_ref, "GPSLatitude", True)[1]
    lon_raw = _coordinate(view, lon_entry, lon_ref, "GPSLongitude", True)[1]
    raw = "; ".join(p for p in (lat_raw, lon_raw) if p) or "GPS block without a position"
    return reading(lat, lon, altitude, when, origin, raw)
