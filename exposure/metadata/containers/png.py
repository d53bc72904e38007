"""PNG: ``eXIf`` chunks, EXIF in ImageMagick-style "Raw profile" text chunks, XMP in iTXt,
and the standard Author/Copyright/Description text keywords.

Chunk bodies are read only for those chunks; image data (IDAT) is skipped by seeking.
The walk goes on after IDAT because ``eXIf`` may legally follow it.
"""

from __future__ import annotations

import binascii
import struct
import zlib

from exposure.i18n import N_
from exposure.i18n.message import M_
from exposure.metadata.collect import Collector
from exposure.metadata.errors import TRUNCATED, Malformed
from exposure.metadata.exif import decode_exif_payload, is_exif_payload
from exposure.metadata.iptc import decode_iptc, decode_photoshop
from exposure.metadata.source import Source
from exposure.metadata.text import decode
from exposure.metadata.xmp import decode_xmp

MAX_CHUNKS = 100_000
MAX_TEXT_CHUNK = 4 * 1024 * 1024
MAX_INFLATED = 4 * 1024 * 1024
_HEADER = struct.Struct(">I4s")
_TEXT_CHUNKS = frozenset({b"tEXt", b"zTXt", b"iTXt"})
_RAW_PROFILES = (
    b"Raw profile type exif",
    b"Raw profile type APP1",
    b"Raw profile type iptc",
    b"Raw profile type 8bim",
)
_OWNER_KEYWORDS = {b"Author": "PNG Author", b"Copyright": "PNG Copyright"}
_DESCRIPTION_KEYWORDS = frozenset({b"Description", b"Comment", b"Title"})


def parse_png(src: Source, out: Collector) -> None:
    """Read a PNG file's metadata chunks into ``out``."""
    pos = 8
    for _ in range(MAX_CHUNKS):
        header = src.read(pos, 8)
        if len(header) < 8:
            out.fail(TRUNCATED, N_("the file ends before its last chunk (truncated?)"))
            return
        length, kind = _HEADER.unpack(header)
        if kind == b"IEND":
            return
        if length > 0x7FFFFFFF:
            raise Malformed(M_("a PNG chunk claims an impossible length ({length})", length=length))
        if kind == b"eXIf" or kind in _TEXT_CHUNKS:
            data = src.read(pos + 8, min(length, MAX_TEXT_CHUNK))
            if len(data) < min(length, MAX_TEXT_CHUNK):
                out.fail(TRUNCATED, N_("the file ends inside a metadata chunk (truncated?)"))
            if kind == b"eXIf":
                decode_exif_payload(data, out, cut=len(data) < length)
            else:
                _text_chunk(kind, data, out)
        pos += 12 + length
    out.note(N_("the PNG has too many chunks; stopped reading"))


def _text_chunk(kind: bytes, data: bytes, out: Collector) -> None:
    keyword, _, rest = data.partition(b"\x00")
    if kind == b"zTXt":
        text = _inflate(rest[1:])
    elif kind == b"iTXt":
        if len(rest) < 2:
            return
        compressed = rest[0] == 1
        _language, _, rest = rest[2:].partition(b"\x00")
        _translated, _, rest = rest.partition(b"\x00")
        text = _inflate(rest) if compressed else rest
    else:
        text = rest
    if text is None:
        out.note(
            f"a compressed PNG text chunk ({decode(keyword)}) is damaged; skipped it", damage=True
        )
        return
    if keyword == b"XML:com.adobe.xmp":
        decode_xmp(text, out)
    elif keyword in _RAW_PROFILES:
        _raw_profile(text, out)
    elif keyword in _OWNER_KEYWORDS:
        out.add_owner(_OWNER_KEYWORDS[keyword], decode(text))
    elif keyword in _DESCRIPTION_KEYWORDS:
        out.add_text(f"PNG {decode(keyword)}", decode(text))
    elif keyword == b"Software":
        out.set_software(decode(text))


def _inflate(data: bytes) -> bytes | None:
    try:
        inflater = zlib.decompressobj()
        return inflater.decompress(data, MAX_INFLATED)
    except zlib.error:
        return None


def _raw_profile(text: bytes, out: Collector) -> None:
    """ImageMagick "Raw profile": ``\\nexif\\n   <length>\\n<hex digits…>`` (EXIF, XMP,
    or the IPTC block)."""
    parts = text.split(None, 2)
    if len(parts) < 3:
        return
    hexdigits = b"".join(parts[2].split())
    try:
        data = binascii.unhexlify(hexdigits[: len(hexdigits) & ~1])
    except (binascii.Error, ValueError):
        out.note(N_("a PNG raw EXIF profile is not valid hex; skipped it"))
        return
    if is_exif_payload(data):
        decode_exif_payload(data, out, origin="png-text")
    elif data.startswith(b"8BIM"):  # ImageMagick's "8bim"/"iptc" profiles: Photoshop resources
        decode_photoshop(data, out)
    elif data.startswith(b"\x1c"):  # bare IPTC datasets
        decode_iptc(data, out)
    elif b"<x:xmpmeta" in data[:4096] or data.startswith(b"http://ns.adobe.com/xap/1.0/"):
        decode_xmp(data, out)
