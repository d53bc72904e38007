"""Our reading of the photo text and place fields in ExifTool's terms, so the two can be
compared field by field (``exiftool -j -a -G1 -n``).

Each field is compared as a set of values: ExifTool flattens XMP structures
(``XMP-iptcExt:LocationShownCity`` lists the cities of every LocationShown entry) and
reports a text once per block, where our reader keeps a text once per file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from exposure.metadata import PhotoMetadata
from exposure.metadata.text import clean

XP_FIELDS = ("XPTitle", "XPSubject", "XPComment", "XPKeywords")
_PLACE_KEYS = {
    "IPTC": (
        "IPTC:Sub-location",
        "IPTC:City",
        "IPTC:Province-State",
        "IPTC:Country-PrimaryLocationName",
        "IPTC:Country-PrimaryLocationCode",
        None,
    ),
    "XMP": (
        "XMP-iptcCore:Location",
        "XMP-photoshop:City",
        "XMP-photoshop:State",
        "XMP-photoshop:Country",
        "XMP-iptcCore:CountryCode",
        None,
    ),
}
for _origin, _prefix in (("XMP LocationCreated", "Created"), ("XMP LocationShown", "Shown")):
    _PLACE_KEYS[_origin] = tuple(
        f"XMP-iptcExt:Location{_prefix}{part}"
        for part in ("Sublocation", "City", "ProvinceState", "CountryName", "CountryCode",
                     "LocationName")
    )  # fmt: skip
PLACE_KEYS = frozenset(k for keys in _PLACE_KEYS.values() for k in keys if k)
GPS_KEYS = {
    "xmp-location-created": "XMP-iptcExt:LocationCreatedGPS",
    "xmp-location-shown": "XMP-iptcExt:LocationShownGPS",
}
TEXT_KEYS = frozenset(
    {f"IFD0:{name}" for name in XP_FIELDS}
    | {"IPTC:Caption-Abstract", "IPTC:Headline", "IPTC:ObjectName"}
    | {"XMP-dc:Title", "XMP-photoshop:Headline"}
)
COMPARED = PLACE_KEYS | TEXT_KEYS | {f"{k}{a}" for k in GPS_KEYS.values() for a in ("Latitude", "Longitude")}  # fmt: skip
"""The ExifTool keys the comparison covers."""
TAGS = [
    "-XP*",
    "-IPTC:Caption-Abstract",
    "-IPTC:Headline",
    "-IPTC:ObjectName",
    "-XMP-dc:Title",
    "-XMP-photoshop:Headline",
    "-IPTC:City",
    "-IPTC:Sub-location",
    "-IPTC:Province-State",
    "-IPTC:Country-PrimaryLocationName",
    "-IPTC:Country-PrimaryLocationCode",
    "-XMP-photoshop:City",
    "-XMP-photoshop:State",
    "-XMP-photoshop:Country",
    "-XMP-iptcCore:Location",
    "-XMP-iptcCore:CountryCode",
    "-XMP-iptcExt:LocationCreated*",
    "-XMP-iptcExt:LocationShown*",
    "-SerialNumber",
    "-InternalSerialNumber",
]
"""ExifTool arguments that ask for those fields (and the serial numbers)."""


def _values(value: Any) -> Iterable[str]:
    items = value if isinstance(value, list) else [value]
    return (clean(str(v)) for v in items)


def theirs(record: dict[str, Any]) -> dict[str, set[str]]:
    """ExifTool's values of the compared fields (blank values dropped, as ours are)."""
    found: dict[str, set[str]] = {}
    for key, value in record.items():
        if key in PLACE_KEYS or key in TEXT_KEYS:
            values = {v for v in _values(value) if v}
        elif key in COMPARED:  # coordinates: compared rounded
            values = {f"{float(v):.6f}" for v in _values(value)}
        else:
            continue
        if values:
            found.setdefault(key, set()).update(values)
    return found


def ours(meta: PhotoMetadata) -> dict[str, set[str]]:
    """Our places and their positions, in ExifTool's keys."""
    found: dict[str, set[str]] = {}
    for place in meta.places:
        for key, value in zip(_PLACE_KEYS[place.origin], place.values(), strict=True):
            if key and value:
                found.setdefault(key, set()).add(value)
    for reading in meta.real_positions:
        prefix = GPS_KEYS.get(reading.origin)
        if prefix is not None and reading.lat is not None and reading.lon is not None:
            found.setdefault(f"{prefix}Latitude", set()).add(f"{reading.lat:.6f}")
            found.setdefault(f"{prefix}Longitude", set()).add(f"{reading.lon:.6f}")
    return found


def mismatches(
    meta: PhotoMetadata, record: dict[str, Any], groups: tuple[str, ...] = ("",)
) -> list[str]:
    """Where our reading of the compared fields (of the ExifTool ``groups`` given, e.g.
    ``("XMP-",)``; default all) differs from ExifTool's ``record``.  A text is looked for
    among all the file's texts: our reader keeps each text once (an XPTitle equal to the
    description is one text)."""
    expected, got = theirs(record), ours(meta)
    texts = {t.value.casefold() for t in meta.texts}
    problems = []
    for key in sorted(k for k in set(expected) | set(got) if k.startswith(groups)):
        want, have = expected.get(key, set()), got.get(key, set())
        if key in TEXT_KEYS:
            if not all(w.casefold() in texts for w in want):
                problems.append(f"{key}: exiftool {sorted(want)}, ours {sorted(texts)}")
        elif want != have:
            problems.append(f"{key}: exiftool {sorted(want)}, ours {sorted(have)}")
    return problems
