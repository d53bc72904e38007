"""Synthetic photos and videos with chosen metadata, in pure Python (no Pillow needed).

Build a :class:`PhotoSpec` and turn it into file bytes::

    from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo, write_photo

    spec = PhotoSpec(gps=GpsSpec(lat=52.52, lon=13.405, altitude_m=34.0),
                     body_serial="SN123", artist="Jane Doe")
    data = make_photo(spec, "jpeg")
    write_photo(tmp_path / "a.heic", spec, "heic")

Formats (:data:`FORMATS`): ``jpeg`` (EXIF, plus XMP when ``spec.xmp``), ``jpeg-xmp`` (XMP
only), ``tiff``, ``dng``, ``raf``, ``png`` (``eXIf``), ``png-text`` (ImageMagick "Raw
profile type exif" zTXt chunk), ``webp``, ``heic``, ``heic-eof`` (Exif item at the end
of the file), ``heic-idat`` (Exif item inside the meta box), ``avif``, ``xmp`` (sidecar),
``mp4`` (Android ``©xyz``), ``mov`` (Apple ``keys``/``ilst``) and ``cr3`` (Canon raw: the
EXIF as CMT1-CMT4 TIFF blocks in ``moov/uuid``).

Every file is built from a few precomputed constants and small struct packs (about
0.1 ms for a phone JPEG), so a benchmark folder of 50,000 files takes seconds.
:func:`truncate` and :func:`corrupt` make damaged copies.  Maker note blobs live in
:mod:`exposure.testing.makernotes`; deliberately broken files in
:mod:`exposure.testing.hostile`.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from exposure.testing import isobmffwriter, stillwriters
from exposure.testing.makernotes import (
    apple_maker_note,
    fujifilm_maker_note,
    motorola_maker_note,
    nikon_maker_note,
    olympus_maker_note,
    sigma_maker_note,
)
from exposure.testing.specs import GpsSpec, PhotoSpec, PlaceSpec
from exposure.testing.xmpwriter import xmp_packet

_BUILDERS: dict[str, Callable[[PhotoSpec], bytes]] = {
    "jpeg": lambda s: stillwriters.jpeg(s, exif=True, xmp=s.xmp),
    "jpeg-xmp": lambda s: stillwriters.jpeg(s, exif=False, xmp=True),
    "tiff": stillwriters.tiff,
    "dng": lambda s: stillwriters.tiff(s, dng=True),
    "raf": stillwriters.raf,
    "png": stillwriters.png,
    "png-text": lambda s: stillwriters.png(s, text_profile=True),
    "webp": stillwriters.webp,
    "heic": isobmffwriter.heif,
    "heic-eof": lambda s: isobmffwriter.heif(s, placement="eof"),
    "heic-idat": lambda s: isobmffwriter.heif(s, placement="idat"),
    "avif": lambda s: isobmffwriter.heif(s, avif=True),
    "xmp": lambda s: xmp_packet(s, s.padding),
    "mp4": isobmffwriter.mp4,
    "mov": isobmffwriter.mov,
    "cr3": isobmffwriter.cr3,
}

FORMATS: tuple[str, ...] = tuple(_BUILDERS)
"""Every format name :func:`make_photo` accepts."""

SUFFIXES: dict[str, str] = {
    "jpeg": ".jpg",
    "jpeg-xmp": ".jpg",
    "tiff": ".tif",
    "dng": ".dng",
    "raf": ".raf",
    "png": ".png",
    "png-text": ".png",
    "webp": ".webp",
    "heic": ".heic",
    "heic-eof": ".heic",
    "heic-idat": ".heic",
    "avif": ".avif",
    "xmp": ".xmp",
    "mp4": ".mp4",
    "mov": ".mov",
    "cr3": ".cr3",
}
"""The usual file name suffix for each format."""

DETECTED: dict[str, str] = {
    "jpeg-xmp": "jpeg",
    "raf": "raw",
    "png-text": "png",
    "heic-eof": "heic",
    "heic-idat": "heic",
    "cr3": "raw",
}
"""What :func:`exposure.metadata.sniff_format` reports for factory formats whose name differs."""

VIDEO_FORMATS = frozenset({"mp4", "mov"})
"""Formats that carry only location, make/model/software and time (no serials or owners)."""


def make_photo(spec: PhotoSpec, fmt: str = "jpeg") -> bytes:
    """The bytes of a file in format ``fmt`` carrying the metadata of ``spec``."""
    try:
        builder = _BUILDERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return builder(spec)


def write_photo(path: str | os.PathLike[str], spec: PhotoSpec, fmt: str = "jpeg") -> int:
    """Write :func:`make_photo` output to ``path``; returns the number of bytes written."""
    data = make_photo(spec, fmt)
    with open(path, "wb") as fh:
        fh.write(data)
    return len(data)


def truncate(data: bytes, keep: float | int) -> bytes:
    """The first ``keep`` bytes of ``data`` (a float keeps that fraction), like a cut copy."""
    count = int(len(data) * keep) if isinstance(keep, float) else keep
    return data[: max(0, count)]


def corrupt(data: bytes, *, seed: int = 0, flips: int = 8, start: int = 2) -> bytes:
    """``data`` with ``flips`` bytes at or after ``start`` overwritten, reproducibly by ``seed``."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(flips if len(out) > start else 0):
        out[rng.randrange(start, len(out))] = rng.randrange(256)
    return bytes(out)


def sigma_jpeg(spec: PhotoSpec, serial: str = "02000019") -> bytes:
    """A JPEG carrying a Sigma maker note whose offsets point where the note landed (its
    offsets count from the EXIF block, so it is built twice: once to find its place)."""
    probe = make_photo(replace(spec, maker_note=sigma_maker_note(serial, 0)), "jpeg")
    at = probe.index(b"SIGMA\x00\x00\x00") - (probe.index(b"Exif\x00\x00") + 6)
    return make_photo(replace(spec, maker_note=sigma_maker_note(serial, at)), "jpeg")


def phone_spec(index: int = 0, *, maker_note: bool = True, padding: int = 0) -> PhotoSpec:
    """A realistic phone photo spec, varied by ``index`` (for demos and benchmarks)."""
    when = datetime(2023, 5, 1, 8, 0, 0) + timedelta(minutes=37 * index)
    return PhotoSpec(
        make="Apple",
        model="iPhone 13 Pro",
        software="16.4.1",
        datetime_original=when,
        offset_time="+02:00",
        gps=GpsSpec(
            lat=52.52 + (index % 1000) * 1e-4,
            lon=13.405 - (index % 777) * 1e-4,
            altitude_m=34.0 + index % 50,
            time=(when - timedelta(hours=2)).replace(tzinfo=UTC),
        ),
        lens_serial=None,
        maker_note=apple_maker_note() if maker_note else None,
        padding=padding,
    )


__all__ = [
    "DETECTED",
    "FORMATS",
    "SUFFIXES",
    "VIDEO_FORMATS",
    "GpsSpec",
    "PhotoSpec",
    "PlaceSpec",
    "apple_maker_note",
    "corrupt",
    "fujifilm_maker_note",
    "make_photo",
    "motorola_maker_note",
    "nikon_maker_note",
    "olympus_maker_note",
    "phone_spec",
    "sigma_jpeg",
    "sigma_maker_note",
    "truncate",
    "write_photo",
]
