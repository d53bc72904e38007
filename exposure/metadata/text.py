"""Turning stored bytes into clean text and dates, and telling real values from placeholders."""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime, timedelta, timezone

MAX_TEXT = 4096
"""Longest text kept from one tag; longer values are cut."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]+")
_SPACES = re.compile(r"\s+")
_DATETIME = re.compile(
    r"\s*(\d{4})[:\-/.](\d\d)[:\-/.](\d\d)[ T](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?"
    r"\s*(Z|[+-]\d\d:?\d\d)?"
)
_OFFSET = re.compile(r"\s*([+-])(\d\d):?(\d\d)\s*$")
_NAME_NOISE = re.compile(r"(?i)copyright|\(c\)|©|all rights reserved|[\d\W_]+")

_PLACEHOLDER_SERIALS = frozenset(
    {"", "NA", "N/A", "NONE", "NULL", "UNKNOWN", "SERIALNUMBER", "SERIAL NUMBER", "-", "?"}
)
_PLACEHOLDER_TEXTS = frozenset(
    {
        "",
        "OLYMPUS DIGITAL CAMERA",
        "SONY DSC",
        "SAMSUNG CAMERA PICTURES",
        "DIGITAL CAMERA",
        "KONICA MINOLTA DIGITAL CAMERA",
        "MINOLTA DIGITAL CAMERA",
        "LEICA DIGITAL CAMERA",
        "EXIF_JPEG_PICTURE",
        "EXIF JPEG PICTURE",
        "DEFAULT",
        "IMAGE",
        "PICTURE",
        "PHOTO",
        "DCIM",
        "CAMERA",
        "SCREENSHOT",
        "DCF",
        "JPEG",
        "UNTITLED",
        "NONE",
        "DESCRIPTION",
    }
)
_OWNER_PLACEHOLDERS = frozenset(
    {"UNKNOWN", "NONE", "AUTHOR", "ARTIST", "OWNER", "COPYRIGHT", "USER", "ADMIN", "NULL"}
)


def clean(value: str) -> str:
    """``value`` with control and zero-width characters removed and spaces collapsed."""
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    if value.isprintable():
        if "  " not in value:
            return value.strip()
    else:
        value = _CONTROL.sub(" ", value)
    return _SPACES.sub(" ", value).strip()


def decode(data: bytes) -> str:
    """Stored text bytes to clean text: up to the first NUL, UTF-8 else Latin-1."""
    end = data.find(b"\x00")
    if end >= 0:
        data = data[:end]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return clean(text)


def decode_utf16(data: bytes, little: bool = True) -> str:
    """UCS-2/UTF-16 text (Windows XP tags, EXIF "UNICODE" comments), BOM honoured."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        little = data[:2] == b"\xff\xfe"
        data = data[2:]
    data = data[: len(data) & ~1]
    text = data.decode("utf-16-le" if little else "utf-16-be", errors="replace")
    end = text.find("\x00")
    return clean(text if end < 0 else text[:end])


def is_placeholder_serial(value: str) -> bool:
    """True for empty, all-zero, all-space or generic serial numbers like ``"0000000"``."""
    core = value.strip(" \t#.-_:/")
    if core.upper() in _PLACEHOLDER_SERIALS:
        return True
    return not core.strip("0 ")


def is_placeholder_text(value: str, *also: str | None) -> bool:
    """True for a camera's default description (``"OLYMPUS DIGITAL CAMERA"``) or noise."""
    norm = _SPACES.sub(" ", value.replace("_", " ")).strip().upper()
    if norm in _PLACEHOLDER_TEXTS or norm.replace(" ", "_") in _PLACEHOLDER_TEXTS:
        return True
    if not any(ch.isalnum() for ch in norm):
        return True
    return any(other and norm == other.strip().upper() for other in also)


def looks_like_name(value: str) -> bool:
    """True when a copyright or author value still names someone once boilerplate is gone."""
    core = _NAME_NOISE.sub("", value)
    return len(core) >= 2 and value.strip().upper() not in _OWNER_PLACEHOLDERS


@functools.lru_cache(maxsize=256)
def parse_offset(value: str | None) -> timezone | None:
    """``"+02:00"`` / ``"-0530"`` to a timezone; ``None`` when absent or invalid."""
    if not value:
        return None
    match = _OFFSET.match(value)
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=18):
        return None
    return timezone(-delta if sign == "-" else delta)


def parse_datetime(value: str | None, offset: str | None = None) -> datetime | None:
    """EXIF (``"2021:06:01 12:00:00"``) or ISO 8601 date-time; aware when an offset is known.

    An offset inside ``value`` wins over ``offset``; impossible dates give ``None``.
    """
    if not value:
        return None
    match = _DATETIME.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        stamp = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro
        )
    except ValueError:
        return None
    if zone == "Z":
        return stamp.replace(tzinfo=UTC)
    tz = parse_offset(zone) or parse_offset(offset)
    return stamp.replace(tzinfo=tz) if tz is not None else stamp
