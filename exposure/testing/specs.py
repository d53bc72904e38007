"""What a synthetic photo should contain: :class:`PhotoSpec` and :class:`GpsSpec`."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

Rationals = tuple[tuple[int, int], ...]


@functools.lru_cache(maxsize=32)
def zeros(count: int) -> bytes:
    """``count`` zero bytes (cached: padding is the same for thousands of files)."""
    return bytes(count)


@dataclass(frozen=True, slots=True)
class GpsSpec:
    """A GPS block.  ``GpsSpec()`` with nothing set writes an empty GPS IFD.

    ``lat_rationals``/``lon_rationals`` are written verbatim instead of ``lat``/``lon``
    (for invalid values such as ``((4294967295, 1),)`` or zero denominators).
    """

    lat: float | None = None
    lon: float | None = None
    altitude_m: float | None = None
    time: datetime | None = None
    """Aware UTC time of the fix (GPSDateStamp + GPSTimeStamp)."""
    lat_rationals: Rationals | None = None
    lon_rationals: Rationals | None = None
    lat_ref: str | None = None
    """Hemisphere letter to write; default: from the sign of ``lat``."""
    lon_ref: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceSpec:
    """A place written by name.  As :attr:`PhotoSpec.place` it becomes the IPTC IIM
    location datasets and their XMP copies (``photoshop:City``… ``Iptc4xmpCore:Location``);
    in :attr:`PhotoSpec.locations_created`/``locations_shown`` an XMP ``Iptc4xmpExt``
    structure, with ``name`` (LocationName) and the position when given."""

    sublocation: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    country_code: str | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class PhotoSpec:
    """Metadata of a synthetic photo or video; ``None`` fields are left out."""

    make: str | None = "Exposure"
    model: str | None = "Factory One"
    software: str | None = None
    datetime_original: datetime | None = None
    """Naive local capture time (EXIF DateTimeOriginal and CreateDate)."""
    offset_time: str | None = None
    """``"+02:00"``: written as OffsetTimeOriginal/OffsetTime, and used for video UTC times."""
    gps: GpsSpec | None = None
    body_serial: str | None = None
    lens_serial: str | None = None
    artist: str | None = None
    copyright: str | None = None
    owner_name: str | None = None
    description: str | None = None
    maker_note: bytes | None = None
    """A maker note blob (see :mod:`exposure.testing.makernotes`), stored in the EXIF IFD
    (a CR3 has a Canon note of its own instead; see ``internal_serial``)."""
    internal_serial: str | None = None
    """Canon's maker-note InternalSerialNumber (0x0096), written in a CR3's CMT3 block."""
    xmp: bool = False
    """Also embed an XMP packet with the same fields (JPEG, TIFF, PNG, WebP, HEIF)."""
    big_endian: bool = False
    """Write the TIFF/EXIF structure in Motorola (MM) byte order."""
    padding: int = 0
    """Extra bytes of non-metadata content, to give the file a realistic size."""
    windows: tuple[tuple[str, str], ...] = ()
    """Windows Explorer fields in IFD0 as UTF-16LE BYTE arrays: ``(("XPComment", "…"),)``;
    names are ``XPTitle``, ``XPComment``, ``XPAuthor``, ``XPKeywords``, ``XPSubject``."""
    iptc: bool = False
    """Also write an IPTC IIM block (JPEG APP13 Photoshop resource, TIFF tag 0x83BB) with
    the place, the description (Caption-Abstract) and the artist (By-line)."""
    place: PlaceSpec | None = None
    """The IPTC location fields (IIM when ``iptc``, XMP when ``xmp``)."""
    locations_created: tuple[PlaceSpec, ...] = ()
    """XMP ``Iptc4xmpExt:LocationCreated`` structures (written when ``xmp``)."""
    locations_shown: tuple[PlaceSpec, ...] = ()
    """XMP ``Iptc4xmpExt:LocationShown`` structures (written when ``xmp``)."""
