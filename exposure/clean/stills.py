"""Photos: JPEG, PNG, WebP, HEIF/AVIF, TIFF/DNG and XMP sidecars, cleaned in memory.

Each function takes the whole file as a ``bytearray`` and edits it in place; only PNG may
change length (its chunks carry no offsets, so a chunk can be dropped or recompressed).
The compressed image data is never decoded: JPEG scans, PNG IDAT, WebP VP8/VP8L, HEIF
and AVIF coded items, TIFF strips and tiles are copied byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import zlib

from exposure.clean import iptc, trailers
from exposure.clean.state import NoTiff, Pass, Unsafe
from exposure.clean.tiffblock import clean_exif_payload, clean_tiff
from exposure.clean.xmpblank import blank_xmp
from exposure.i18n.message import M_
from exposure.metadata.containers.boxes import iter_boxes
from exposure.metadata.containers.isobmff import _Item, _parse_iinf, _parse_iloc, read_payload
from exposure.metadata.errors import Malformed
from exposure.metadata.source import Buffer
from exposure.metadata.tiff import EXIF_MAGIC

XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXTENSION_ID = b"http://ns.adobe.com/xmp/extension/\x00"
PHOTOSHOP_ID = b"Photoshop 3.0\x00"
MPF_ID = b"MPF\x00"
MAX_SEGMENTS = 4096
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


# -- JPEG ----------------------------------------------------------------------------------
def clean_jpeg(buf: bytearray, state: Pass) -> None:
    """A JPEG, the images its Multi-Picture (MPF) index lists after it (previews, gain maps,
    the second view of a 3D photo), a Samsung trailer and a motion photo's video, each
    cleaned where it lies."""
    mpf, scan, motion = _clean_jpeg_at(buf, 0, state)
    if mpf is not None:
        for offset in _mpf_offsets(buf, mpf):
            at = mpf + offset
            if offset > 0 and buf[at : at + 3] == b"\xff\xd8\xff":
                _clean_jpeg_at(buf, at, state)
    trailers.clean_samsung_trailer(buf, state)
    if motion:
        trailers.clean_motion_photo(buf, scan, state)


HEAD_JPEG = 1 << 20
"""Most bytes of a JPEG's head read to find its image data (metadata beyond: read whole)."""
_TRAILER_MARKS = (b"MPF\x00", b"MotionPhoto", b"MicroVideo")


def jpeg_head(fd: int, size: int, first: bytes) -> bytes | None:
    """The bytes of a JPEG up to and including its start-of-scan marker, when everything
    to clean lies there: no Multi-Picture index, motion photo or Samsung trailer (those
    files are read whole).  The rest of the file (the image data) is then copied by the
    kernel, never read into Python.  None when the whole file has to be read.

    ``first``: the file's first bytes, already read; more is read only if needed."""
    head = first
    pos = 2
    while True:
        if pos + 4 > len(head):
            if len(head) >= min(size, HEAD_JPEG):
                return None
            head += os.pread(fd, min(size, HEAD_JPEG) - len(head), len(head))
            continue
        if head[pos] != 0xFF:
            return None
        marker = head[pos + 1]
        if marker == 0xFF:
            pos += 1
        elif marker in _STANDALONE:
            pos += 2
        elif marker == 0xDA:
            head = head[: pos + 2]
            if any(mark in head for mark in _TRAILER_MARKS):
                return None
            if size >= 8 and os.pread(fd, 4, size - 4) == b"SEFT":
                return None
            return head
        else:
            pos += 2 + ((head[pos + 2] << 8) | head[pos + 3])


def _clean_jpeg_at(buf: bytearray, start: int, state: Pass) -> tuple[int | None, int, bool]:
    """Clean the metadata segments of the JPEG at ``start``: (the MPF index's base if any,
    where the image data starts, whether its XMP announces a motion photo)."""
    if buf[start : start + 2] != b"\xff\xd8":
        raise Unsafe(M_("it is not a JPEG after all (no start-of-image marker)"))
    pos = start + 2
    size = len(buf)
    mpf: int | None = None
    extended: dict[bytes, list[tuple[int, int, int, int]]] = {}
    main_xmp: tuple[int, int] | None = None
    flir: list[tuple[int, int]] = []
    for _ in range(MAX_SEGMENTS):
        if pos + 2 > size or buf[pos] != 0xFF:
            raise Unsafe(
                M_(
                    "its JPEG structure is damaged before the image data, so not every metadata "
                    "block can be found"
                )
            )
        marker = buf[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        if marker in (0xDA, 0xD9):
            break
        if pos + 4 > size:
            raise Unsafe(M_("the file ends inside its metadata (truncated?)"))
        length = (buf[pos + 2] << 8) | buf[pos + 3]
        seg, end = pos + 4, pos + 2 + length
        if length < 2 or end > size:
            raise Unsafe(M_("the file ends inside its metadata (truncated?)"))
        if marker == 0xE1:
            head = bytes(buf[seg : seg + 40])
            if head.startswith(b"Exif\x00") or head[:4] in EXIF_MAGIC:
                try:
                    clean_exif_payload(buf, seg, end, state)
                except NoTiff:  # unreadable by anyone: emptied, and made a comment
                    buf[pos + 1] = 0xFE
                    buf[seg:end] = bytes(end - seg)
                    state.location("a damaged EXIF block (emptied)")
            elif head.startswith(b"FLIR\x00"):
                flir.append((seg + 8, end))
            elif head.startswith(XMP_ID):
                main_xmp = (seg + len(XMP_ID), end)
                blank_xmp(buf, seg + len(XMP_ID), end, state)
            elif head.startswith(XMP_EXTENSION_ID):
                _extended_chunk(buf, seg + len(XMP_EXTENSION_ID), end, extended)
        elif marker == 0xED and buf[seg : seg + len(PHOTOSHOP_ID)] == PHOTOSHOP_ID:
            iptc.clean_resources(buf, seg + len(PHOTOSHOP_ID), end, state)
        elif marker == 0xE2 and buf[seg : seg + 4] == MPF_ID and mpf is None:
            mpf = seg + 4
        pos = end
    else:
        raise Unsafe(M_("its JPEG has too many segments to check them all"))
    for guid, chunks in extended.items():
        _clean_extended(buf, guid, chunks, main_xmp, state)
    if flir:
        trailers.clean_flir(buf, flir, state)
    motion = main_xmp is not None and any(
        buf.find(mark, main_xmp[0], main_xmp[1]) >= 0 for mark in (b"MotionPhoto", b"MicroVideo")
    )
    return mpf, pos, motion


def _extended_chunk(
    buf: bytearray, start: int, end: int, extended: dict[bytes, list[tuple[int, int, int, int]]]
) -> None:
    """Extended XMP: 32-byte GUID, full length, this chunk's offset, then the bytes."""
    if end - start < 40:
        return
    guid = bytes(buf[start : start + 32])
    total = int.from_bytes(buf[start + 32 : start + 36], "big")
    offset = int.from_bytes(buf[start + 36 : start + 40], "big")
    extended.setdefault(guid, []).append((total, offset, start + 40, end))


def _clean_extended(
    buf: bytearray,
    guid: bytes,
    chunks: list[tuple[int, int, int, int]],
    main_xmp: tuple[int, int] | None,
    state: Pass,
) -> None:
    """Reassemble one Extended XMP packet, clean it, put it back, and give it its new GUID
    (the MD5 of the packet, in the chunks and in the main packet's HasExtendedXMP)."""
    total = chunks[0][0]
    if total > 64 * 1024 * 1024 or any(c[0] != total for c in chunks):
        raise Unsafe(M_("its Extended XMP is inconsistent; not safe to clean"))
    packet = bytearray(total)
    for _total, offset, lo, hi in chunks:
        if offset + (hi - lo) > total:
            raise Unsafe(M_("its Extended XMP is inconsistent; not safe to clean"))
        packet[offset : offset + hi - lo] = buf[lo:hi]
    before = len(state.removed) + len(state.identity_removed)
    blank_xmp(packet, 0, total, state)
    if len(state.removed) + len(state.identity_removed) == before:
        return
    for _total, offset, lo, hi in chunks:
        buf[lo:hi] = packet[offset : offset + hi - lo]
    new_guid = hashlib.md5(packet, usedforsecurity=False).hexdigest().upper().encode("ascii")
    for _total, _offset, lo, _hi in chunks:
        buf[lo - 40 : lo - 8] = new_guid
    if main_xmp is not None:
        lo, hi = main_xmp
        at = buf.find(guid, lo, hi)
        if at >= 0:
            buf[at : at + 32] = new_guid


def _mpf_offsets(buf: bytearray, base: int) -> list[int]:
    """Offsets (from the MPF header) of the images listed in the MP index's MPEntry."""
    order = {b"II*\x00": "<", b"MM\x00*": ">"}.get(bytes(buf[base : base + 4]))
    if order is None:
        return []
    try:
        (first,) = struct.unpack_from(order + "I", buf, base + 4)
        (count,) = struct.unpack_from(order + "H", buf, base + first)
        for i in range(min(count, 64)):
            tag, _typ, n, value = struct.unpack_from(order + "HHII", buf, base + first + 2 + 12 * i)
            if tag == 0xB002:
                entries = min(n // 16, 64)
                return [
                    struct.unpack_from(order + "I", buf, base + value + 16 * k + 8)[0]
                    for k in range(entries)
                ]
    except struct.error:
        return []
    return []


# -- PNG -----------------------------------------------------------------------------------
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")
_LOCATION_KEYWORD = re.compile(
    rb"(?i)^(?:exif:)?gps|location|^(?:photoshop:|iptc:)?(?:city|state|country|sub-?location)$"
)
_IDENTITY_KEYWORD = re.compile(rb"(?i)^(?:author|copyright|artist|owner|serial|.*serialnumber)$")
_RAW_EXIF = (b"Raw profile type exif", b"Raw profile type APP1")
_RAW_IPTC = (b"Raw profile type iptc", b"Raw profile type 8bim")
_RAW_XMP = (b"Raw profile type xmp",)
MAX_INFLATED = 64 * 1024 * 1024


def clean_png(data: bytearray, state: Pass) -> bytearray:
    """A PNG with its metadata chunks cleaned, location text chunks dropped; IDAT untouched."""
    if data[:8] != _PNG_SIGNATURE:
        raise Unsafe(M_("it is not a PNG after all"))
    out = bytearray(_PNG_SIGNATURE)
    pos = 8
    while True:
        if pos + 12 > len(data):
            raise Unsafe(M_("the file ends before its last chunk (truncated?)"))
        length, kind = struct.unpack_from(">I4s", data, pos)
        end = pos + 12 + length
        if length > 0x7FFFFFFF or end > len(data):
            raise Unsafe(M_("the file ends inside a chunk (truncated?)"))
        body = data[pos + 8 : pos + 8 + length]
        new: bytearray | None = body
        if kind == b"eXIf":
            clean_exif_payload(body, 0, len(body), state)
        elif kind in _TEXT_CHUNKS:
            new = _png_text(kind, body, state)
        if new is body and kind not in (b"eXIf", *_TEXT_CHUNKS):
            out += data[pos:end]
        elif new is not None:
            out += struct.pack(">I", len(new)) + kind + new
            out += struct.pack(">I", zlib.crc32(kind + new))
        pos = end
        if kind == b"IEND":
            out += data[pos:]
            return out


def _png_text(kind: bytes, body: bytearray, state: Pass) -> bytearray | None:
    """A text chunk's new body, or None to drop the chunk."""
    keyword, _, rest = bytes(body).partition(b"\x00")
    if _LOCATION_KEYWORD.search(keyword):
        state.location(f"PNG text {keyword.decode('latin-1')}")
        return None
    if state.texts and f"PNG {keyword.decode('latin-1')}" in state.texts:
        state.location(f"PNG text {keyword.decode('latin-1')} (it names a place)")
        return None
    if state.identity and _IDENTITY_KEYWORD.search(keyword):
        state.person(f"PNG text {keyword.decode('latin-1')}")
        return None
    if keyword != b"XML:com.adobe.xmp" and keyword not in (*_RAW_EXIF, *_RAW_IPTC, *_RAW_XMP):
        return body
    if kind == b"tEXt":
        prefix, compressed, text = keyword + b"\x00", False, rest
    elif kind == b"zTXt":
        prefix, compressed, text = keyword + b"\x00" + rest[:1], True, rest[1:]
    else:
        flag = rest[:1] == b"\x01"
        language, _, more = rest[2:].partition(b"\x00")
        translated, _, text = more.partition(b"\x00")
        prefix = keyword + b"\x00" + rest[:2] + language + b"\x00" + translated + b"\x00"
        compressed = flag
    if compressed:
        inflater = zlib.decompressobj()
        try:
            plain = inflater.decompress(text, MAX_INFLATED)
        except zlib.error:
            raise Unsafe(M_("a compressed PNG metadata chunk is damaged")) from None
        if inflater.unconsumed_tail:
            raise Unsafe(M_("a compressed PNG metadata chunk is too large to check"))
    else:
        plain = text
    cleaned = bytearray(plain)
    if keyword == b"XML:com.adobe.xmp" or keyword in _RAW_XMP:
        blank_xmp(cleaned, 0, len(cleaned), state)
    else:
        cleaned = _raw_profile(cleaned, keyword in _RAW_EXIF, state)
    if cleaned == plain:
        return body
    payload = zlib.compress(bytes(cleaned), 9) if compressed else bytes(cleaned)
    return bytearray(prefix + payload)


def _raw_profile(text: bytearray, exif: bool, state: Pass) -> bytearray:
    """ImageMagick "Raw profile": ``\\nname\\n   <length>\\n<hex digits…>``, cleaned."""
    parts = bytes(text).split(None, 2)
    if len(parts) < 3:
        return text
    digits = b"".join(parts[2].split())
    try:
        raw = bytearray(bytes.fromhex(digits[: len(digits) & ~1].decode("ascii")))
    except ValueError:
        raise Unsafe(M_("a PNG raw metadata profile is not valid hex; not safe to clean")) from None
    if exif:
        start = 6 if raw.startswith(b"Exif\x00") else 0
        if raw[start : start + 4] in EXIF_MAGIC:
            clean_exif_payload(raw, 0, len(raw), state)
    elif raw[:4] == b"8BIM":
        iptc.clean_resources(raw, 0, len(raw), state)
    elif raw[:1] == b"\x1c":
        iptc.clean_iim(raw, 0, len(raw), state)
    hexed = raw.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    return bytearray(f"\n{parts[0].decode('latin-1')}\n{len(raw):8d}\n{lines}\n".encode("ascii"))


# -- WebP ----------------------------------------------------------------------------------
def clean_webp(buf: bytearray, state: Pass) -> None:
    """A WebP's ``EXIF`` and ``XMP `` chunks, in place."""
    pos = 12
    for _ in range(100_000):
        if pos >= len(buf):
            return
        if pos + 8 > len(buf):
            raise Unsafe(M_("the file ends inside a chunk header (truncated?)"))
        kind, length = struct.unpack_from("<4sI", buf, pos)
        end = pos + 8 + length
        if end > len(buf):
            raise Unsafe(M_("the file ends inside a chunk (truncated?)"))
        if kind == b"EXIF":
            clean_exif_payload(buf, pos + 8, end, state)
        elif kind == b"XMP ":
            blank_xmp(buf, pos + 8, end, state)
        pos = end + (length & 1)
    raise Unsafe(M_("the WebP has too many chunks to check them all"))


# -- HEIF / AVIF ---------------------------------------------------------------------------
def clean_heif(buf: bytearray, state: Pass) -> None:
    """The Exif and XMP items of a HEIC/AVIF, edited inside their extents (which may lie in
    ``mdat``, at the end of the file or in the meta box's ``idat``)."""
    src = Buffer(bytes(buf))
    try:
        meta = next(
            ((s, e) for kind, s, e in iter_boxes(src, 0, src.size) if kind == b"meta"), None
        )
        if meta is None:
            raise Unsafe(M_("it has no HEIF metadata box ('meta')"))
        payload = read_payload(src, meta[0], meta[1])
        items: dict[int, _Item] = {}
        idat: tuple[int, int] | None = None
        iloc: tuple[int, int] | None = None
        for kind, start, end in iter_boxes(payload, 4, payload.size):
            if kind == b"iinf":
                _parse_iinf(payload, start, end, items)
            elif kind == b"iloc":
                iloc = (start, end)
            elif kind == b"idat":
                idat = (start, end)
        if iloc is not None and items:
            _parse_iloc(payload.data, iloc[0], iloc[1], items)
    except Malformed as exc:
        raise Unsafe(exc.reason) from None
    for item in items.values():
        is_xmp = item.kind == b"mime" and b"xml" in item.content_type.lower()
        if item.kind != b"Exif" and not is_xmp:
            continue
        spans = _item_spans(item, meta[0], idat, len(buf))
        data = bytearray(b"".join(buf[lo:hi] for lo, hi in spans))
        if is_xmp:
            blank_xmp(data, 0, len(data), state)
        else:
            start = 4 + int.from_bytes(data[:4], "big") if len(data) >= 4 else 0
            if data[start : start + 4] not in EXIF_MAGIC:
                found = [i for i in (data.find(m, 0, 64) for m in EXIF_MAGIC) if i >= 0]
                if not found:
                    raise Unsafe(M_("its Exif item has no TIFF header; not safe to clean"))
                start = min(found)
            clean_tiff(data, start, len(data), state)
        at = 0
        for lo, hi in spans:
            buf[lo:hi] = data[at : at + hi - lo]
            at += hi - lo
    trailers.clean_samsung_trailer(buf, state)


def _item_spans(
    item: _Item, meta_start: int, idat: tuple[int, int] | None, size: int
) -> list[tuple[int, int]]:
    """Absolute byte ranges of an item's extents."""
    if item.method == 0:
        origin, limit = 0, size
    elif item.method == 1 and idat is not None:
        origin, limit = meta_start + idat[0], meta_start + idat[1]
    else:
        raise Unsafe(M_("its metadata item is stored in a way exposure cannot edit"))
    spans = []
    for offset, length in item.extents:
        lo = origin + item.base + offset
        hi = lo + (length or max(0, limit - lo))
        if lo < 0 or hi > limit:
            raise Unsafe(M_("its metadata item lies outside the file (truncated?)"))
        spans.append((lo, hi))
    return spans


# -- TIFF / DNG, XMP sidecars --------------------------------------------------------------
def clean_tiff_file(buf: bytearray, state: Pass) -> None:
    """A TIFF or DNG: the file is one TIFF structure, edited in place."""
    if bytes(buf[:4]) in (b"II+\x00", b"MM\x00+"):
        raise Unsafe(M_("BigTIFF files are not cleaned yet"))
    clean_tiff(buf, 0, len(buf), state)


def clean_xmp_sidecar(buf: bytearray, state: Pass) -> None:
    """An XMP sidecar file: the packet blanked in place."""
    blank_xmp(buf, 0, len(buf), state)
