"""JPEG: walk the marker segments up to the start of the image data (SOS).

Read: APP1 ``Exif`` (the TIFF block), APP1 XMP and Extended XMP, APP12 "picture info"
(old Olympus serial numbers), APP13 Photoshop resources (the IPTC block; a block split
over several APP13 segments is joined first).  Every other segment is skipped by its length without
reading it, and nothing after SOS is touched.
"""

from __future__ import annotations

from exposure.i18n import N_
from exposure.i18n.message import M_, Message
from exposure.metadata.collect import Collector
from exposure.metadata.errors import TRUNCATED, Malformed
from exposure.metadata.exif import decode_exif_payload, is_exif_payload
from exposure.metadata.iptc import PHOTOSHOP_JPEG, decode_photoshop
from exposure.metadata.source import Bytes, Source
from exposure.metadata.xmp import decode_xmp

MAX_SEGMENTS = 4096
MAX_EXTENDED_XMP = 4 * 1024 * 1024
_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def _broken_at(pos: int) -> Message:
    """The note on a JPEG whose segments stop making sense at byte ``pos`` (built only then)."""
    return M_("the JPEG structure is broken at byte {pos}; stopped reading there", pos=pos)


def parse_jpeg(src: Source, out: Collector) -> None:
    """Read a JPEG file's metadata segments into ``out``."""
    walk_jpeg(src, 0, out)


def walk_jpeg(src: Bytes, start: int, out: Collector) -> None:
    """Walk the JPEG whose SOI is at ``start`` (also used for previews inside raw files)."""
    if src.read(start, 2) != b"\xff\xd8":
        raise Malformed(N_("its embedded JPEG is damaged"))
    pos = start + 2
    extended: dict[bytes, bytearray] = {}
    photoshop: list[bytes] = []
    for _ in range(MAX_SEGMENTS):
        header = src.read(pos, 4)
        if len(header) < 2:
            out.fail(TRUNCATED, N_("the file ends before the image data (truncated?)"))
            break
        if header[0] != 0xFF:
            out.note(_broken_at(pos), damage=True)
            break
        marker = header[1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        if marker in (0xDA, 0xD9):
            break
        if len(header) < 4:
            out.fail(TRUNCATED, N_("the file ends before the image data (truncated?)"))
            break
        length = (header[2] << 8) | header[3]
        if length < 2:
            out.note(_broken_at(pos), damage=True)
            break
        if marker == 0xE1 or marker == 0xEC:
            _segment(src, marker, pos + 4, length - 2, out, extended)
        elif marker == 0xED:
            _photoshop(src, pos + 4, length - 2, out, photoshop)
        pos += 2 + length
    else:
        out.note(N_("the JPEG has too many segments; stopped reading"))
    for data in extended.values():
        decode_xmp(bytes(data), out)
    if photoshop:
        decode_photoshop(b"".join(photoshop), out)


def _segment(
    src: Bytes,
    marker: int,
    start: int,
    length: int,
    out: Collector,
    extended: dict[bytes, bytearray],
) -> None:
    data = src.read(start, length)
    cut = len(data) < length
    if marker == 0xEC:
        _picture_info(data, out)
    elif data.startswith(_XMP):
        decode_xmp(data[len(_XMP) :], out)
    elif data.startswith(_XMP_EXTENSION):
        _extended_xmp(data[len(_XMP_EXTENSION) :], extended)
    elif is_exif_payload(data):  # (some writers leave out the "Exif" prefix)
        decode_exif_payload(data, out, cut=cut)
    if cut:
        out.fail(TRUNCATED, N_("the file ends inside a metadata segment (truncated?)"))


def _photoshop(src: Bytes, start: int, length: int, out: Collector, parts: list[bytes]) -> None:
    """APP13 ``"Photoshop 3.0\\0"``: image resources, kept until every segment is seen."""
    data = src.read(start, length)
    if len(data) < length:
        out.fail(TRUNCATED, N_("the file ends inside a metadata segment (truncated?)"))
    if data.startswith(PHOTOSHOP_JPEG) and len(parts) < 64:
        parts.append(data[len(PHOTOSHOP_JPEG) :])


def _extended_xmp(data: bytes, extended: dict[bytes, bytearray]) -> None:
    """One chunk of Extended XMP: 32-byte GUID, full length, offset, then the bytes."""
    if len(data) < 40:
        return
    guid = data[:32]
    total = int.from_bytes(data[32:36], "big")
    offset = int.from_bytes(data[36:40], "big")
    chunk = data[40:]
    if total > MAX_EXTENDED_XMP or offset + len(chunk) > total:
        return
    if guid not in extended:
        if len(extended) >= 2:
            return
        extended[guid] = bytearray(total)
    extended[guid][offset : offset + len(chunk)] = chunk


def _picture_info(data: bytes, out: Collector) -> None:
    """APP12 "[picture info]" text of old Olympus cameras: ``Serial#=…`` lines."""
    mark = data.find(b"Serial#=")
    if mark >= 0 and (b"[picture info]" in data or b"Type=" in data):
        end = data.find(b"\r", mark)
        value = data[mark + 8 : end if end > 0 else mark + 40]
        out.add_serial("APP12 Serial#", value.decode("latin-1"))
