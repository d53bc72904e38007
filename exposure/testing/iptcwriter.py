"""IPTC IIM blocks for synthetic photos: the datasets, Photoshop's resource wrapper and the
JPEG APP13 payload, laid out as Photoshop and ExifTool write them."""

from __future__ import annotations

import struct

from exposure.testing.specs import PhotoSpec

PHOTOSHOP_JPEG = b"Photoshop 3.0\x00"
UTF8_CHARSET = b"\x1b%G"


def dataset(record: int, number: int, value: bytes) -> bytes:
    """One IIM dataset: 0x1C, record, dataset number, length, value (extended length when
    the value is 32 KiB or more)."""
    if len(value) < 0x8000:
        return struct.pack(">BBBH", 0x1C, record, number, len(value)) + value
    return struct.pack(">BBBHI", 0x1C, record, number, 0x8004, len(value)) + value


def iim(spec: PhotoSpec) -> bytes:
    """The IIM datasets for ``spec``: UTF-8 coded character set, then record 2."""
    parts = [dataset(1, 90, UTF8_CHARSET), dataset(2, 0, b"\x00\x04")]
    place = spec.place
    if place is not None:
        for number, value in (
            (92, place.sublocation),
            (90, place.city),
            (95, place.state),
            (100, place.country_code),
            (101, place.country),
        ):
            if value is not None:
                parts.append(dataset(2, number, value.encode("utf-8")))
    if spec.artist is not None:
        parts.append(dataset(2, 80, spec.artist.encode("utf-8")))
    if spec.description is not None:
        parts.append(dataset(2, 120, spec.description.encode("utf-8")))
    return b"".join(parts)


def resource(number: int, data: bytes, name: bytes = b"") -> bytes:
    """One Photoshop image resource: ``8BIM``, id, Pascal name (even length), size, data."""
    pascal = bytes([len(name)]) + name
    pascal += b"\x00" * (len(pascal) & 1)
    return (
        b"8BIM"
        + struct.pack(">H", number)
        + pascal
        + struct.pack(">I", len(data))
        + data
        + (b"\x00" * (len(data) & 1))
    )


def photoshop_app13(spec: PhotoSpec) -> bytes:
    """The APP13 payload: ``"Photoshop 3.0\\0"``, a resolution resource, the IPTC resource."""
    resolution = resource(0x03ED, struct.pack(">IHHIHH", 72 << 16, 1, 1, 72 << 16, 1, 1))
    return PHOTOSHOP_JPEG + resolution + resource(0x0404, iim(spec))
