"""HEIF/HEIC and AVIF: find the ``Exif`` and XMP (``mime``) items through meta/iinf/iloc.

The item data may sit anywhere in the file (after the image data, at the very end),
in one or more extents, or inside the meta box's ``idat`` (construction method 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exposure.i18n import N_
from exposure.metadata.collect import Collector
from exposure.metadata.containers.boxes import BOX_HEADER, Cursor, full_box, iter_boxes
from exposure.metadata.errors import Malformed, Truncated
from exposure.metadata.exif import decode_exif_payload
from exposure.metadata.source import READ_BUDGET, Buffer, Bytes, Source
from exposure.metadata.tiff import EXIF_MAGIC
from exposure.metadata.xmp import decode_xmp

MAX_ITEMS = 65536
MAX_EXTENTS = 1024


@dataclass(slots=True)
class _Item:
    kind: bytes = b""
    content_type: bytes = b""
    method: int = 0
    base: int = 0
    extents: list[tuple[int, int]] = field(default_factory=list)


def parse_heif(src: Source, out: Collector) -> None:
    """Read the Exif and XMP items of a HEIF/AVIF file into ``out``."""
    for kind, start, end in iter_boxes(src, 0, src.size):
        if kind == b"meta":
            _parse_meta(src, read_payload(src, start, end), out)
            return
    out.fail(N_("it has no HEIF metadata box ('meta')"))


def read_payload(src: Bytes, start: int, end: int) -> Buffer:
    """A box payload in memory (cut when the file ends early); refuses absurd sizes."""
    if end - start > READ_BUDGET:
        raise Malformed(N_("a metadata box claims to be larger than 16 MiB"))
    data = src.read(start, end - start)
    return Buffer(data, cut=len(data) < end - start)


def _parse_meta(src: Source, meta: Buffer, out: Collector) -> None:
    full_box(meta.data)
    items: dict[int, _Item] = {}
    idat: tuple[int, int] | None = None
    iloc: tuple[int, int] | None = None
    try:
        for kind, start, end in iter_boxes(meta, 4, meta.size):
            if kind == b"iinf":
                _parse_iinf(meta, start, end, items)
            elif kind == b"iloc":
                iloc = (start, end)
            elif kind == b"idat":
                idat = (start, end)
        if iloc is not None and items:
            _parse_iloc(meta.data, iloc[0], iloc[1], items)
    except Truncated:
        out.fail(
            N_("the file ends before its metadata does (truncated?)"),
            N_("HEIF metadata box is truncated; read what came before the break"),
        )
    for item in items.values():
        if item.kind == b"Exif":
            data = _item_data(src, meta, idat, item)
            if data is not None:
                _exif_item(data, out)
        elif item.kind == b"mime" and b"xml" in item.content_type.lower():
            data = _item_data(src, meta, idat, item)
            if data is not None:
                decode_xmp(data.data, out)


def _parse_iinf(meta: Buffer, start: int, end: int, items: dict[int, _Item]) -> None:
    """Item types from the ``infe`` boxes; only Exif and mime items are kept."""
    data = meta.data
    version, _ = full_box(data[start : start + 4])
    pos = start + 4 + (2 if version == 0 else 4)
    end = min(end, len(data))
    for _ in range(MAX_ITEMS):
        if pos + 8 > end:
            break
        size, kind = BOX_HEADER.unpack_from(data, pos)
        if size < 8:
            raise Malformed(N_("an item information box has an impossible size"))
        if kind == b"infe" and pos + 16 <= end:
            infe_version = data[pos + 8]
            if infe_version >= 2:
                id_size = 2 if infe_version == 2 else 4
                item_id = int.from_bytes(data[pos + 12 : pos + 12 + id_size], "big")
                type_at = pos + 14 + id_size
                kind_ = data[type_at : type_at + 4]
                if kind_ == b"Exif" or kind_ == b"mime":
                    item = items.setdefault(item_id, _Item())
                    item.kind = kind_
                    if kind_ == b"mime":
                        cur = Cursor(data, type_at + 4, pos + size)
                        cur.cstring()
                        item.content_type = cur.cstring()
            else:
                cur = Cursor(data, pos + 12, pos + size)
                item_id = cur.uint(2)
                cur.take(2)
                cur.cstring()
                items.setdefault(item_id, _Item()).kind = b"mime"
                items[item_id].content_type = cur.cstring()
        pos += size


def _parse_iloc(data: bytes, start: int, end: int, items: dict[int, _Item]) -> None:
    """Locations of the items already named in ``items`` (others are skipped over)."""
    cur = Cursor(data, start, end)
    version = cur.uint(1)
    cur.take(3)
    sizes = cur.uint(2)
    offset_size, length_size = sizes >> 12, (sizes >> 8) & 15
    base_size, index_size = (sizes >> 4) & 15, sizes & 15
    if any(s not in (0, 4, 8) for s in (offset_size, length_size, base_size)):
        raise Malformed(N_("its HEIF item locations use impossible field sizes"))
    if version not in (1, 2):
        index_size = 0
    id_size = 2 if version < 2 else 4
    count = cur.uint(id_size)
    method_size = 2 if version in (1, 2) else 0
    head = id_size + method_size + 2 + base_size  # bytes before the extent count
    extent_size = index_size + offset_size + length_size
    pos, end = cur.pos, cur.end
    for _ in range(min(count, MAX_ITEMS)):
        if pos + head + 2 > end:
            raise Truncated()
        extent_count = int.from_bytes(data[pos + head : pos + head + 2], "big")
        item = items.get(int.from_bytes(data[pos : pos + id_size], "big"))
        if item is not None:
            fields = Cursor(data, pos + id_size, end)
            item.method = fields.uint(method_size) & 15
            fields.take(2)
            item.base = fields.uint(base_size)
            fields.take(2)
            extents = []
            for _ in range(min(extent_count, MAX_EXTENTS)):
                fields.take(index_size)
                extents.append((fields.uint(offset_size), fields.uint(length_size)))
            item.extents = extents
            if all(i.extents for i in items.values()):
                return
        pos += head + 2 + extent_count * extent_size


def _item_data(
    src: Source, meta: Buffer, idat: tuple[int, int] | None, item: _Item
) -> Buffer | None:
    """The concatenated extents of ``item`` (None for unsupported construction methods)."""
    if item.method == 0:
        where: Bytes = src
        origin, limit = 0, src.size
    elif item.method == 1 and idat is not None:
        where, origin, limit = meta, idat[0], idat[1]
    else:
        return None
    parts = []
    cut = False
    total = 0
    for offset, length in item.extents:
        start = origin + item.base + offset
        length = length or max(0, limit - start)
        if total + length > READ_BUDGET:
            raise Malformed(N_("a metadata item claims to be larger than 16 MiB"))
        part = where.read(start, length)
        cut = cut or len(part) < length
        parts.append(part)
        total += length
    return Buffer(b"".join(parts), cut)


def _exif_item(data: Buffer, out: Collector) -> None:
    """An Exif item: a 4-byte offset to the TIFF header, then the EXIF block."""
    raw = data.data
    start = 4 + int.from_bytes(raw[:4], "big") if len(raw) >= 4 else 0
    if raw[start : start + 4] not in EXIF_MAGIC:
        found = [i for i in (raw.find(m, 0, 64) for m in EXIF_MAGIC) if i >= 0]
        start = min(found) if found else start
    decode_exif_payload(raw[start:], out, cut=data.cut)
