"""WebP: the RIFF chunks ``EXIF`` and ``XMP `` of the extended (VP8X) format."""

from __future__ import annotations

import struct

from exposure.i18n import N_
from exposure.metadata.collect import Collector
from exposure.metadata.errors import TRUNCATED
from exposure.metadata.exif import decode_exif_payload
from exposure.metadata.source import Source
from exposure.metadata.xmp import decode_xmp

MAX_CHUNKS = 100_000
_HEADER = struct.Struct("<4sI")


def parse_webp(src: Source, out: Collector) -> None:
    """Read a WebP file's EXIF and XMP chunks into ``out``."""
    end = src.size  # the RIFF size field is often wrong; walk to the end of the file
    pos = 12
    for _ in range(MAX_CHUNKS):
        if pos >= end:
            return
        header = src.read(pos, 8)
        if len(header) < 8:
            out.fail(TRUNCATED, N_("the file ends inside a chunk header (truncated?)"))
            return
        kind, length = _HEADER.unpack(header)
        if kind in (b"EXIF", b"XMP "):
            data = src.read(pos + 8, length)
            cut = len(data) < length
            if kind == b"EXIF":
                decode_exif_payload(data, out, cut=cut)
            else:
                decode_xmp(data, out)
            if cut:
                out.fail(TRUNCATED, N_("the file ends inside a metadata chunk (truncated?)"))
        pos += 8 + length + (length & 1)
    out.note(N_("the WebP has too many chunks; stopped reading"))
