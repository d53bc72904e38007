"""Wrapping EXIF/XMP into HEIF (HEIC, AVIF) and location into MP4/MOV videos."""

from __future__ import annotations

import struct
from datetime import UTC, datetime

from exposure.testing.specs import PhotoSpec, zeros
from exposure.testing.tiffwriter import (
    TiffWriter,
    exif_block,
    exif_entries,
    gps_entries,
    ifd0_entries,
)
from exposure.testing.xmpwriter import iso_time, parse_offset, xmp_packet

_EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)
_FAKE_IMAGE = b"\x00\x00\x00\x10" + bytes(60)  # stands in for coded image data
CANON_UUID = bytes.fromhex("85c0b687820f11e08111f4ce462b6a48")
XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")


def box(kind: bytes, *payload: bytes) -> bytes:
    """A box: 32-bit size, type, payload."""
    data = b"".join(payload)
    return struct.pack(">I", 8 + len(data)) + kind + data


def full_box(kind: bytes, version: int, flags: int, *payload: bytes) -> bytes:
    """A full box: version and flags before the payload."""
    return box(kind, struct.pack(">I", (version << 24) | flags), *payload)


def _infe(item_id: int, kind: bytes, content_type: bytes = b"") -> bytes:
    extra = content_type + b"\x00" if kind == b"mime" else b""
    return full_box(b"infe", 2, 0, struct.pack(">HH", item_id, 0), kind, b"\x00", extra)


def heif(spec: PhotoSpec, avif: bool = False, placement: str = "mdat") -> bytes:
    """A minimal HEIC/AVIF: ftyp, meta (hdlr, pitm, iinf, iloc[, idat]) and mdat.

    ``placement``: ``"mdat"`` (Exif item right after the image data), ``"eof"`` (in a
    second mdat at the very end, after the padding) or ``"idat"`` (inside the meta box).
    """
    brand = b"avif" if avif else b"heic"
    ftyp = box(b"ftyp", brand, b"\x00\x00\x00\x00", b"mif1", brand, b"miaf")
    exif = b"\x00\x00\x00\x06Exif\x00\x00" + exif_block(spec)
    items: list[tuple[int, bytes, bytes, bytes]] = [
        (1, b"av01" if avif else b"hvc1", b"", _FAKE_IMAGE),
        (2, b"Exif", b"", exif),
    ]
    if spec.xmp:
        items.append((3, b"mime", b"application/rdf+xml", xmp_packet(spec)))

    def build_meta(offsets: list[int]) -> bytes:
        infe = b"".join(_infe(i, k, c) for i, k, c, _ in items)
        method = 1 if placement == "idat" else 0
        iloc = [struct.pack(">BBH", 0x44, 0x00, len(items))]
        for (item_id, kind, _, data), offset in zip(items, offsets, strict=True):
            m = method if kind != b"hvc1" and kind != b"av01" else 0
            iloc.append(struct.pack(">HHHHII", item_id, m, 0, 1, offset, len(data)))
        idat = box(b"idat", *(d for _, k, _, d in items[1:])) if method else b""
        return full_box(
            b"meta", 0, 0,
            full_box(b"hdlr", 0, 0, bytes(4), b"pict", bytes(12), b"\x00"),
            full_box(b"pitm", 0, 0, struct.pack(">H", 1)),
            full_box(b"iinf", 0, 0, struct.pack(">H", len(items)), infe),
            full_box(b"iloc", 1, 0, *iloc),
            idat,
        )  # fmt: skip

    meta_size = len(build_meta([0] * len(items)))
    image_at = len(ftyp) + meta_size + 8
    offsets = [image_at]
    tail = b""
    if placement == "idat":
        pos = 0
        for _, _, _, data in items[1:]:
            offsets.append(pos)
            pos += len(data)
        mdat = box(b"mdat", _FAKE_IMAGE, zeros(spec.padding))
    elif placement == "eof":
        mdat = box(b"mdat", _FAKE_IMAGE, zeros(spec.padding))
        pos = len(ftyp) + meta_size + len(mdat) + 8
        for _, _, _, data in items[1:]:
            offsets.append(pos)
            pos += len(data)
        tail = box(b"mdat", *(d for _, _, _, d in items[1:]))
    else:
        pos = image_at + len(_FAKE_IMAGE)
        for _, _, _, data in items[1:]:
            offsets.append(pos)
            pos += len(data)
        mdat = box(b"mdat", _FAKE_IMAGE, *(d for _, _, _, d in items[1:]), zeros(spec.padding))
    return ftyp + build_meta(offsets) + mdat + tail


def _utc_seconds(spec: PhotoSpec) -> int:
    when = spec.datetime_original
    if when is None:
        return 0
    aware = when.replace(tzinfo=parse_offset(spec.offset_time) or UTC)
    return int((aware - _EPOCH_1904).total_seconds())


def _mvhd(spec: PhotoSpec) -> bytes:
    created = _utc_seconds(spec)
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    return full_box(
        b"mvhd", 0, 0,
        struct.pack(">IIII", created, created, 1000, 1000),
        struct.pack(">IH", 0x10000, 0x100), bytes(10), matrix, bytes(24), struct.pack(">I", 2),
    )  # fmt: skip


def iso6709(spec: PhotoSpec) -> str | None:
    """``"+52.5200080+013.4049540+034.000/"`` for the spec's position, if it has one."""
    gps = spec.gps
    if gps is None or gps.lat is None or gps.lon is None:
        return None
    text = f"{gps.lat:+011.7f}{gps.lon:+012.7f}"
    if gps.altitude_m is not None:
        text += f"{gps.altitude_m:+.3f}"
    return text + "/"


def _udta_text(kind: bytes, text: str) -> bytes:
    data = text.encode("utf-8")
    return box(kind, struct.pack(">HH", len(data), 0x15C7), data)


def mp4(spec: PhotoSpec) -> bytes:
    """An MP4 as Android phones write it: mdat first, then moov with udta ``©xyz``."""
    udta = []
    location = iso6709(spec)
    if location is not None:
        udta.append(_udta_text(b"\xa9xyz", location))
    for kind, value in ((b"\xa9mak", spec.make), (b"\xa9mod", spec.model)):
        if value is not None:
            udta.append(_udta_text(kind, value))
    moov = box(b"moov", _mvhd(spec), box(b"udta", *udta))
    ftyp = box(b"ftyp", b"isom", struct.pack(">I", 512), b"isom", b"iso2", b"mp41")
    return ftyp + box(b"mdat", _FAKE_IMAGE, zeros(spec.padding)) + moov


def mov(spec: PhotoSpec) -> bytes:
    """A QuickTime movie as iPhones write it: moov/meta with ``keys`` and ``ilst``."""
    values = [
        ("com.apple.quicktime.location.ISO6709", iso6709(spec)),
        ("com.apple.quicktime.make", spec.make),
        ("com.apple.quicktime.model", spec.model),
        ("com.apple.quicktime.software", spec.software),
    ]
    if spec.datetime_original is not None:
        stamp = iso_time(spec.datetime_original, (spec.offset_time or "").replace(":", ""))
        values.append(("com.apple.quicktime.creationdate", stamp))
    present = [(k, v) for k, v in values if v is not None]
    keys = full_box(
        b"keys", 0, 0, struct.pack(">I", len(present)),
        *(struct.pack(">I", 8 + len(k)) + b"mdta" + k.encode() for k, _ in present),
    )  # fmt: skip
    ilst = box(
        b"ilst",
        *(
            box(struct.pack(">I", i), box(b"data", struct.pack(">II", 1, 0), v.encode("utf-8")))
            for i, (_, v) in enumerate(present, 1)
        ),
    )
    hdlr = full_box(b"hdlr", 0, 0, bytes(4), b"mdta", bytes(12), b"\x00")
    moov = box(b"moov", _mvhd(spec), box(b"meta", hdlr, keys, ilst))
    ftyp = box(b"ftyp", b"qt  ", struct.pack(">I", 0), b"qt  ")
    return ftyp + box(b"wide") + box(b"mdat", _FAKE_IMAGE, zeros(spec.padding)) + moov


def cr3(spec: PhotoSpec) -> bytes:
    """A Canon CR3 as the cameras lay it out: ftyp ``crx ``, moov holding the Canon uuid box
    (CNCV, then TIFF blocks CMT1 = IFD0, CMT2 = EXIF IFD, CMT3 = Canon maker note, CMT4 =
    GPS IFD) and mvhd, the XMP uuid box when ``spec.xmp``, then mdat."""
    w = TiffWriter(spec.big_endian)
    exif = [e for e in exif_entries(w, spec) if e[0] != 0x927C]
    maker = [w.short(0x0001, 100, 0, 0, 0), w.ascii(0x0006, "Canon EOS")]
    if spec.internal_serial is not None:
        maker.append(w.ascii(0x0096, spec.internal_serial))
    blocks = [
        box(b"CMT1", w.build(ifd0_entries(w, spec))),
        box(b"CMT2", w.build(exif)),
        box(b"CMT3", w.build(maker)),
    ]
    if spec.gps is not None:
        blocks.append(box(b"CMT4", w.build(gps_entries(w, spec.gps))))
    canon = box(b"uuid", CANON_UUID, box(b"CNCV", b"CanonCR3_001/00.09.00/00.00.00"), *blocks)
    ftyp = box(b"ftyp", b"crx ", struct.pack(">I", 1), b"crx ", b"isom")
    xmp = box(b"uuid", XMP_UUID, xmp_packet(spec)) if spec.xmp else b""
    return (
        ftyp
        + box(b"moov", canon, _mvhd(spec))
        + xmp
        + box(b"mdat", _FAKE_IMAGE, zeros(spec.padding))
    )
