"""Canon CR3 raw files (ISO base media, major brand ``crx ``).

Canon keeps the EXIF in a ``uuid`` box inside ``moov`` (UUID 85c0b687-820f-11e0-8111-
f4ce462b6a48) as four TIFF blocks with one directory each: ``CMT1`` IFD0 (make, model,
artist, copyright), ``CMT2`` the EXIF IFD (capture time, body serial), ``CMT3`` the Canon
maker note (internal serial) and ``CMT4`` the GPS IFD; XMP is a top-level ``uuid`` box.
The image data (``mdat``, tens of MB) is never read: box headers are followed by seeking.
"""

from __future__ import annotations

from exposure.i18n import N_
from exposure.metadata.collect import Collector
from exposure.metadata.containers.boxes import iter_boxes
from exposure.metadata.containers.isobmff import read_payload
from exposure.metadata.containers.quicktime import XMP_UUID
from exposure.metadata.errors import TRUNCATED, Malformed
from exposure.metadata.exif import decode_split_exif
from exposure.metadata.source import Buffer, Source
from exposure.metadata.xmp import decode_xmp

CANON_UUID = bytes.fromhex("85c0b687820f11e08111f4ce462b6a48")
CMT_BOXES = {b"CMT1": "ifd0", b"CMT2": "exif", b"CMT3": "maker", b"CMT4": "gps"}


def parse_cr3(src: Source, out: Collector) -> None:
    """Read a CR3 file's EXIF blocks and XMP into ``out``."""
    seen_canon = False
    for kind, start, end in iter_boxes(src, 0, src.size):
        if kind == b"moov":
            for inner, s, e in iter_boxes(src, start, min(end, src.size)):
                if inner == b"uuid" and src.read(s, 16) == CANON_UUID:
                    seen_canon = True
                    _canon(read_payload(src, s + 16, e), out)
                    break
        elif kind == b"uuid" and src.read(start, 16) == XMP_UUID:
            decode_xmp(read_payload(src, start + 16, end).data, out)
        if end > src.size:
            out.fail(TRUNCATED, N_("the file ends inside a box (truncated?)"))
            break
    if not seen_canon:
        out.fail(N_("it has no Canon metadata box (CR3 'moov/uuid'); truncated?"))


def _canon(buf: Buffer, out: Collector) -> None:
    """The Canon box: its CMT1-CMT4 TIFF blocks, decoded together."""
    blocks: dict[str, Buffer] = {}
    try:
        for kind, s, e in iter_boxes(buf, 0, buf.size):
            name = CMT_BOXES.get(kind)
            if name is not None and name not in blocks:
                blocks[name] = Buffer(buf.data[s:e], cut=e > buf.size)
    except Malformed as exc:  # keep the blocks before the damage
        out.fail(exc.reason, N_("its Canon metadata box is damaged; read what came before it"))
    decode_split_exif(blocks, out)
