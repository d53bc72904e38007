"""The result types of :func:`exposure.metadata.read_metadata`: frozen, slotted dataclasses.

A :class:`PhotoMetadata` holds what one file says about *where* and *by whom* it was
made: every GPS reading (valid or not), the capture time, the camera make and model,
serial numbers, owner names and a free-text description.  Nothing here refers back to
the file's bytes, so results can be pickled between worker processes and compared.

Each class pickles itself as plain values (:meth:`GpsReading.__reduce__`): photo workers
send one result per file, and the default pickling of a frozen dataclass holding aware
datetimes and an enum cost ~16 µs per result to write and ~11 µs to read, more than
parsing the file's GPS block.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from exposure.geo import PositionProblem

Reduced = tuple[Callable[..., object], tuple[object, ...]]


def pack_time(moment: datetime | None) -> str | datetime | None:
    """``moment`` as ISO text for pickling, which keeps everything a fixed-offset or naive
    datetime holds; any other datetime (a zone object, a repeated hour) stays as it is."""
    if moment is None:
        return None
    tz = moment.tzinfo
    if moment.fold == 0 and (tz is None or type(tz) is timezone):
        return moment.isoformat()
    return moment


def unpack_time(value: str | datetime | None) -> datetime | None:
    """The reverse of :func:`pack_time`."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _gps_reading(
    lat: float | None,
    lon: float | None,
    altitude_m: float | None,
    gps_time: str | datetime | None,
    origin: str,
    problem: str | None,
    raw: str,
) -> GpsReading:
    return GpsReading(
        lat,
        lon,
        altitude_m,
        unpack_time(gps_time),
        origin,
        None if problem is None else PositionProblem(problem),
        raw,
    )


def _photo_metadata(
    fmt: str,
    content_key: str,
    size: int,
    gps: tuple[GpsReading, ...],
    captured_at: str | datetime | None,
    *rest: Any,
) -> PhotoMetadata:
    return PhotoMetadata(fmt, content_key, size, gps, unpack_time(captured_at), *rest)


@dataclass(frozen=True, slots=True)
class GpsReading:
    """One GPS position as stored in one metadata block.

    ``lat``/``lon`` are the stored values converted to signed decimal degrees; they
    may be invalid (out of range, (0, 0)) or missing.  ``problem`` says why the reading
    is not a real position, or is ``None`` when it is one.
    """

    lat: float | None
    lon: float | None
    altitude_m: float | None
    """Height in metres, negative below sea level (EXIF GPSAltitudeRef = 1)."""
    gps_time: datetime | None
    """Aware UTC time of the fix, when the block stores a valid date and time."""
    origin: str
    """Where it was found: ``"exif"``, ``"xmp"``, ``"quicktime"`` or ``"png-text"``."""
    problem: PositionProblem | None
    raw: str
    """A short human description of the stored values, shown in the report for a reading
    that is not a real position.  The EXIF reader leaves it empty for a real position
    (describing every photo's values cost more than reading them)."""

    def __reduce__(self) -> Reduced:
        problem = None if self.problem is None else self.problem.value
        return _gps_reading, (
            self.lat,
            self.lon,
            self.altitude_m,
            pack_time(self.gps_time),
            self.origin,
            problem,
            self.raw,
        )


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifying value (serial number or person's name) and the tag it came from."""

    label: str
    """The tag, e.g. ``"BodySerialNumber"``, ``"MakerNote SerialNumber"``, ``"XMP dc:creator"``."""
    value: str
    """Stripped, printable text."""

    def __reduce__(self) -> Reduced:
        return Identifier, (self.label, self.value)


@dataclass(frozen=True, slots=True)
class TextField:
    """Free text a person may have typed into the file, and the field it was read from."""

    label: str
    """The field, e.g. ``"ImageDescription"``, ``"XPComment"``, ``"IPTC Caption-Abstract"``,
    ``"XMP dc:title"``."""
    value: str
    """Stripped, printable text."""

    def __reduce__(self) -> Reduced:
        return TextField, (self.label, self.value)


_PLACE_LABELS: dict[str, tuple[str, ...]] = {
    "IPTC": (
        "IPTC Sub-location",
        "IPTC City",
        "IPTC Province-State",
        "IPTC Country-PrimaryLocationName",
        "IPTC Country-PrimaryLocationCode",
        "",
    ),
    "XMP": (
        "XMP Iptc4xmpCore:Location",
        "XMP photoshop:City",
        "XMP photoshop:State",
        "XMP photoshop:Country",
        "XMP Iptc4xmpCore:CountryCode",
        "",
    ),
}


_STRUCT_FIELDS = (
    "Sublocation",
    "City",
    "ProvinceState",
    "CountryName",
    "CountryCode",
    "LocationName",
)
"""The fields of an XMP ``Iptc4xmpExt`` location structure, in :meth:`PlaceName.values` order."""


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A place written into the file by name: the IPTC location fields (IIM in a JPEG's
    APP13 or a TIFF's IPTC tag, or their XMP copies) or one XMP ``Iptc4xmpExt``
    LocationCreated / LocationShown structure."""

    origin: str
    """``"IPTC"`` (IIM 2:92, 2:90, 2:95, 2:101, 2:100), ``"XMP"`` (``Iptc4xmpCore:Location``,
    ``photoshop:City``/``State``/``Country``, ``Iptc4xmpCore:CountryCode``),
    ``"XMP LocationCreated"`` (where the photo was taken) or ``"XMP LocationShown"`` (a
    place the photo shows)."""
    sublocation: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    country_code: str | None = None
    name: str | None = None
    """``Iptc4xmpExt:LocationName`` (the structures only)."""

    def __reduce__(self) -> Reduced:
        return PlaceName, (self.origin, *self.values())

    def values(self) -> tuple[str | None, ...]:
        """(sublocation, city, state, country, country_code, name)."""
        return (
            self.sublocation,
            self.city,
            self.state,
            self.country,
            self.country_code,
            self.name,
        )

    @property
    def specific(self) -> bool:
        """True when it names more than a region or country (a sub-location, city or name)."""
        return bool(self.sublocation or self.city or self.name)

    def fields(self) -> tuple[tuple[str, str], ...]:
        """(field label, value) for each value present, the location name first."""
        labels = _PLACE_LABELS.get(self.origin) or tuple(
            f"{self.origin} {part}"
            for part in _STRUCT_FIELDS  # "XMP LocationShown City"
        )
        values = self.values()
        return tuple((labels[i], v) for i in (5, 0, 1, 2, 3, 4) if (v := values[i]))

    def as_text(self) -> str:
        """``"Fotostudio HS, Mainz, Rheinland-Pfalz, Deutschland"``: the place as written."""
        country = self.country or self.country_code
        parts = (self.name, self.sublocation, self.city, self.state, country)
        return ", ".join(dict.fromkeys(p for p in parts if p))


@dataclass(frozen=True, slots=True)
class PhotoMetadata:
    """Location and identifying metadata read from one photo, video or XMP sidecar."""

    format: str
    """The detected container: ``"jpeg"``, ``"heic"``, ``"avif"``, ``"tiff"``, ``"dng"``,
    ``"raw"``, ``"png"``, ``"webp"``, ``"xmp"``, ``"mp4"`` or ``"mov"``."""
    content_key: str
    """Hex XXH3-128 of the 8-byte big-endian file size plus the first 16 KiB (32 hex digits)."""
    size: int
    """File size in bytes."""
    gps: tuple[GpsReading, ...]
    """Every GPS reading found (identical readings from one origin appear once)."""
    captured_at: datetime | None
    """Capture time: naive local time, or aware when the file states an offset or UTC."""
    make: str | None
    model: str | None
    serials: tuple[Identifier, ...]
    """Camera body, lens and internal serial numbers (placeholders dropped)."""
    owners: tuple[Identifier, ...]
    """Artist, owner name, creator and copyright holder names."""
    description: str | None
    """The first of :attr:`texts` (kept for callers that want one line)."""
    software: str | None
    notes: tuple[str, ...]
    """What could not be read, when the rest of the file still gave results."""
    texts: tuple[TextField, ...] = ()
    """Every free-text field the user may have typed, each with its field: descriptions and
    comments (EXIF, XMP, IPTC, QuickTime) and Windows' Title/Subject/Tags/Comments (XP tags);
    camera placeholder texts dropped, the same text once."""
    places: tuple[PlaceName, ...] = ()
    """Places written by name (IPTC/XMP location fields); the same place once per origin."""

    def __reduce__(self) -> Reduced:
        return _photo_metadata, (
            self.format,
            self.content_key,
            self.size,
            self.gps,
            pack_time(self.captured_at),
            self.make,
            self.model,
            self.serials,
            self.owners,
            self.description,
            self.software,
            self.notes,
            self.texts,
            self.places,
        )

    @property
    def real_positions(self) -> tuple[GpsReading, ...]:
        """The readings that are real places on Earth."""
        return tuple(g for g in self.gps if g.problem is None)

    def scanned_texts(self) -> tuple[TextField, ...]:
        """What the text detectors read: every text field, and each place written with a
        free-form part (a sub-location or location name can hold a street address)."""
        places = tuple(
            TextField(f"{p.origin} location", p.as_text())
            for p in self.places
            if p.sublocation or p.name
        )
        return self.texts + places if places else self.texts
