"""Deliberately broken and hostile files, for robustness tests.

Each builder returns the bytes of one file that a careless parser would loop on,
recurse into, allocate gigabytes for or crash on.  :data:`HOSTILE` maps a short name
to a ``(suffix, builder)`` pair so tests can run them all.
"""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import Callable

from exposure.testing.isobmffwriter import box, full_box, heif, mp4
from exposure.testing.specs import GpsSpec, PhotoSpec
from exposure.testing.stillwriters import JPEG_BODY, XMP_JPEG_ID, chunk, png, raw_profile, segment
from exposure.testing.tiffwriter import TiffWriter

_SPEC = PhotoSpec(gps=GpsSpec(lat=52.52, lon=13.405))


def _jpeg_with_tiff(block: bytes) -> bytes:
    return b"\xff\xd8" + segment(0xE1, b"Exif\x00\x00" + block) + JPEG_BODY


def ifd_cycle() -> bytes:
    """IFD0 links to itself as next IFD, EXIF IFD and GPS IFD; the GPS IFD links back too."""
    w = TiffWriter()
    ifd0 = [w.ascii(0x010F, "Loop"), w.long(0x8769, 8), w.long(0x8825, 8)]
    block = bytearray(w.magic + struct.pack("<I", 8) + w.ifd_bytes(ifd0, 8))
    next_at = 8 + 2 + 12 * len(ifd0)
    block[next_at : next_at + 4] = struct.pack("<I", 8)
    return _jpeg_with_tiff(bytes(block))


def huge_counts() -> bytes:
    """Entries claiming 2^32-1 values and an IFD claiming 65535 entries."""
    w = TiffWriter()
    make = (0x010F, 2, 0xFFFFFFFF, struct.pack("<I", 26))
    lat = (0x0002, 5, 0xFFFFFFFF, struct.pack("<I", 26))
    gps_at = 8 + 2 + 12 * 3 + 4
    ifd0 = [make, w.long(0x8825, gps_at), (0x927C, 7, 0xFFFFFFFF, struct.pack("<I", 8))]
    gps = w.ifd_bytes([lat], gps_at)
    block = w.magic + struct.pack("<I", 8) + w.ifd_bytes(ifd0, 8) + gps
    bogus_ifd = struct.pack("<H", 0xFFFF) + b"\x01" * 64
    return _jpeg_with_tiff(block + bogus_ifd)


def pointers_outside() -> bytes:
    """IFD0, EXIF and GPS pointers far beyond the end of the block."""
    w = TiffWriter()
    ifd0 = [w.ascii(0x010F, "Far"), w.long(0x8769, 0x7FFFFFF0), w.long(0x8825, 0xFFFFFFF0)]
    return _jpeg_with_tiff(w.magic + struct.pack("<I", 8) + w.ifd_bytes(ifd0, 8))


def jpeg_segment_storm(count: int = 20000) -> bytes:
    """Thousands of empty COM segments before anything else."""
    return b"\xff\xd8" + b"\xff\xfe\x00\x02" * count + JPEG_BODY


def jpeg_bad_lengths() -> bytes:
    """An APP1 segment whose length field is 0, then garbage."""
    return b"\xff\xd8\xff\xe1\x00\x00Exif\x00\x00" + b"\xff" * 40


def xmp_billion_laughs() -> bytes:
    """An XMP packet with nested entity definitions (must not be expanded)."""
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    packet = (
        f'<?xml version="1.0"?><!DOCTYPE x:xmpmeta [{entities}]>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>&j;</dc:description>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    return b"\xff\xd8" + segment(0xE1, XMP_JPEG_ID + packet.encode()) + JPEG_BODY


@functools.lru_cache(maxsize=1)
def png_inflate_bomb() -> bytes:
    """A zTXt raw EXIF profile that inflates to 32 MiB of hex digits."""
    bomb = zlib.compress(raw_profile(b"") + b"0" * (32 * 1024 * 1024), 9)
    base = png(_SPEC)
    iend = base.rindex(b"IEND") - 4
    return base[:iend] + chunk(b"zTXt", b"Raw profile type exif\x00\x00" + bomb) + base[iend:]


def png_huge_chunk() -> bytes:
    """A chunk claiming 2 GiB - 1 bytes right after IHDR."""
    base = png(_SPEC)
    return base[:33] + struct.pack(">I", 0x7FFFFFFF) + b"eXIf" + base[33:]


def box_below_8() -> bytes:
    """A HEIF whose meta box contains a child of size 3."""
    data = bytearray(heif(_SPEC))
    at = data.index(b"hdlr") - 4
    data[at : at + 4] = struct.pack(">I", 3)
    return bytes(data)


def heif_huge_extent() -> bytes:
    """A HEIF whose Exif item claims 4 GiB at an offset far past the end."""
    data = bytearray(heif(_SPEC))
    at = data.index(b"iloc") + 4 + 4 + 2 + 2
    # second item record: id(2) method(2) dref(2) count(2) offset(4) length(4)
    second = at + 16 + 8
    data[second : second + 8] = struct.pack(">II", 0xFFFFFF00, 0xFFFFFFFF)
    return bytes(data)


def mp4_largesize() -> bytes:
    """A top-level box with a 64-bit size of 2^63 after ftyp."""
    base = mp4(_SPEC)
    ftyp_end = struct.unpack(">I", base[:4])[0]
    huge = struct.pack(">I4sQ", 1, b"free", 1 << 63)
    return base[:ftyp_end] + huge + base[ftyp_end:]


def mp4_nested_udta(depth: int = 5000) -> bytes:
    """moov holding udta boxes nested ``depth`` deep."""
    inner = b""
    for _ in range(depth):
        inner = box(b"udta", inner)
    return box(b"ftyp", b"isom", bytes(4), b"isom") + box(b"moov", inner)


def mp4_zero_size_mdat() -> bytes:
    """moov first, then an mdat of size 0 ("to the end of the file")."""
    base = mp4(_SPEC)
    ftyp_end = struct.unpack(">I", base[:4])[0]
    rest = base[ftyp_end:]
    mdat_size = struct.unpack(">I", rest[:4])[0]
    moov = rest[mdat_size:]
    return base[:ftyp_end] + moov + struct.pack(">I", 0) + b"mdat" + bytes(1000)


def mov_bad_keys() -> bytes:
    """Apple keys/ilst whose indices point past the key list and whose sizes are 0."""
    keys = full_box(b"keys", 0, 0, struct.pack(">I", 0xFFFFFFFF), struct.pack(">I", 0), b"mdta")
    ilst = box(b"ilst", box(struct.pack(">I", 99), box(b"data", bytes(8), b"+1+2/")))
    meta = box(b"meta", full_box(b"hdlr", 0, 0, bytes(4), b"mdta", bytes(13)), keys, ilst)
    return box(b"ftyp", b"qt  ", bytes(4)) + box(b"moov", meta)


HOSTILE: dict[str, tuple[str, Callable[[], bytes]]] = {
    "ifd-cycle": (".jpg", ifd_cycle),
    "huge-counts": (".jpg", huge_counts),
    "pointers-outside": (".jpg", pointers_outside),
    "segment-storm": (".jpg", jpeg_segment_storm),
    "bad-segment-length": (".jpg", jpeg_bad_lengths),
    "billion-laughs": (".jpg", xmp_billion_laughs),
    "inflate-bomb": (".png", png_inflate_bomb),
    "huge-png-chunk": (".png", png_huge_chunk),
    "box-below-8": (".heic", box_below_8),
    "huge-extent": (".heic", heif_huge_extent),
    "largesize": (".mp4", mp4_largesize),
    "nested-udta": (".mp4", mp4_nested_udta),
    "zero-size-mdat": (".mp4", mp4_zero_size_mdat),
    "bad-keys": (".mov", mov_bad_keys),
}
"""name → (file suffix, builder) of every hostile file."""
