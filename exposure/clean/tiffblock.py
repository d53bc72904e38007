"""Removing location (and optionally identity) from a TIFF structure, in place, lengths kept.

Used for the EXIF block of every container (JPEG APP1, PNG eXIf, WebP EXIF, the HEIF Exif
item) and for whole TIFF/DNG files.  Nothing moves: the bytes before and after the block,
the image data, the thumbnail and every offset stay where they were.

- The GPS IFD is dropped: the GPSInfo pointer entry is taken out of its IFD (the entries
  after it move up by 12 bytes, the count goes down by one, the next-IFD pointer follows),
  and the GPS IFD's own table and values are overwritten with zeros.
- With identity: BodySerialNumber, LensSerialNumber, CameraSerialNumber, CameraOwnerName,
  Artist, Copyright and XPAuthor entries are taken out the same way, their values zeroed.
- The XMP packet (tag 700), IPTC (33723) and Photoshop resources (34377) are cleaned where
  they lie (:mod:`exposure.clean.xmpblank`, :mod:`exposure.clean.iptc`).
- Maker notes: location tags of the notes that hold them (Nikon LocationInfo, Panasonic
  and Samsung place names) and, with identity, serial numbers are zeroed in place
  (:mod:`exposure.clean.makernote`).

Bytes are only zeroed where nothing that stays refers to them: every byte a kept entry,
a kept IFD, the thumbnail or the image strips and tiles use is "protected", and a value to
zero that overlaps a protected byte makes the copy refused (:class:`Unsafe`) rather than
risk damaging the picture.
"""

from __future__ import annotations

import struct

from exposure.clean import iptc, makernote
from exposure.clean.state import NoTiff, Pass, Unsafe
from exposure.clean.xmpblank import blank_xmp
from exposure.i18n.message import M_
from exposure.metadata.tiff import TIFF_HEADERS, TYPE_SIZES

EXIF_POINTER = 0x8769
GPS_POINTER = 0x8825
INTEROP_POINTER = 0xA005
SUB_IFDS = 0x014A
MAKER_NOTE = 0x927C
XMP_TAG = 0x02BC
IPTC_TAG = 0x83BB
PHOTOSHOP_TAG = 0x8649
_DATA_PAIRS = ((0x0111, 0x0117), (0x0144, 0x0145), (0x0201, 0x0202))
"""(offsets, byte counts) of image data: strips, tiles, the JPEG thumbnail."""

IDENTITY_TAGS = {
    0x013B: "Artist",
    0x8298: "Copyright",
    0x9C9D: "XPAuthor",
    0xA430: "CameraOwnerName",
    0xA431: "BodySerialNumber",
    0xA435: "LensSerialNumber",
    0xC62F: "CameraSerialNumber",
    0xFDE8: "OwnerName",
    0xFDE9: "SerialNumber",
}
TEXT_TAGS = {
    0x010E: "ImageDescription",
    0x9286: "UserComment",
    0x9C9B: "XPTitle",
    0x9C9C: "XPComment",
    0x9C9E: "XPKeywords",
    0x9C9F: "XPSubject",
}
"""Free-text tags (IFD0, EXIF IFD), by the reader's label: removed when they name a place."""
_VALUE_CODES = {3: "H", 4: "I", 13: "I", 16: "Q"}
"""struct codes of the integer types an offset or count may have (SHORT, LONG, IFD, LONG8)."""
MAX_IFDS = 64
MAX_ENTRIES = 1024
MAX_STRIPS = 1 << 20


class _Ifd:
    """One IFD's table: where it is and its entries (tag, type, count, value field, entry pos)."""

    __slots__ = ("by_tag", "entries", "name", "offset", "pos")

    def __init__(self, name: str, offset: int, pos: int) -> None:
        self.name = name
        self.offset = offset
        self.pos = pos
        self.entries: list[tuple[int, int, int, bytes, int]] = []
        self.by_tag: dict[int, tuple[int, int, int, bytes, int]] = {}

    def index(self) -> None:
        """Build :meth:`get`'s table once the entries are read (or changed)."""
        self.by_tag = {entry[0]: entry for entry in reversed(self.entries)}  # the first wins

    def get(self, tag: int) -> tuple[int, int, int, bytes, int] | None:
        return self.by_tag.get(tag)


class TiffBlock:
    """The TIFF structure whose header is at ``base`` in ``buf`` and which ends at ``end``."""

    def __init__(self, buf: bytearray, base: int, end: int) -> None:
        little = TIFF_HEADERS.get(bytes(buf[base : base + 4]))
        if little is None or end - base < 8:
            raise NoTiff("its EXIF block is damaged (no valid TIFF header)")
        self.buf = buf
        self.base = base
        self.end = min(end, len(buf))
        self.order = "<" if little else ">"
        self.little = little
        self._u16 = struct.Struct(self.order + "H")
        self._u32 = struct.Struct(self.order + "I")
        self._entry = struct.Struct(self.order + "HHI4s")
        self.first = self._u32.unpack_from(buf, base + 4)[0]
        self.ifds: list[_Ifd] = []
        self._walk()

    # -- reading ---------------------------------------------------------------------------
    def _read_ifd(self, name: str, offset: int) -> _Ifd | None:
        pos = self.base + offset
        if offset < 8 or pos + 2 > self.end or any(i.offset == offset for i in self.ifds):
            return None
        count = self._u16.unpack_from(self.buf, pos)[0]
        if count > MAX_ENTRIES or pos + 2 + 12 * count > self.end:
            return None
        ifd = _Ifd(name, offset, pos)
        table = bytes(self.buf[pos + 2 : pos + 2 + 12 * count])
        ifd.entries = [
            (tag, typ, n, raw, pos + 2 + 12 * i)
            for i, (tag, typ, n, raw) in enumerate(self._entry.iter_unpack(table))
        ]
        ifd.index()
        self.ifds.append(ifd)
        return ifd

    def _pointers(self, entry: tuple[int, int, int, bytes, int] | None) -> list[int]:
        """The offsets an IFD-pointer entry holds (one LONG usually; SubIFDs may hold more)."""
        if entry is None or entry[1] not in (4, 13):
            return []
        values = self.values(entry, 64)
        return [v for v in values if v]

    def _walk(self) -> None:
        offset, index = self.first, 0
        chain: list[_Ifd] = []
        while offset and index < MAX_IFDS:
            ifd = self._read_ifd(f"IFD{index}", offset)
            if ifd is None:
                break
            chain.append(ifd)
            end = ifd.pos + 2 + 12 * len(ifd.entries)
            offset = self._u32.unpack_from(self.buf, end)[0] if end + 4 <= self.end else 0
            index += 1
        pending = list(chain)
        while pending and len(self.ifds) < MAX_IFDS:
            ifd = pending.pop()
            for tag, name in (
                (EXIF_POINTER, "ExifIFD"),
                (SUB_IFDS, "SubIFD"),
                (INTEROP_POINTER, "InteropIFD"),
            ):
                for pointer in self._pointers(ifd.get(tag)):
                    sub = self._read_ifd(name, pointer)
                    if sub is not None:
                        pending.append(sub)

    def value_range(self, entry: tuple[int, int, int, bytes, int]) -> tuple[int, int]:
        """Absolute (start, end) of an entry's value (inside the entry when it fits in 4 bytes)."""
        _tag, typ, count, raw, at = entry
        unit = TYPE_SIZES[typ] if typ < len(TYPE_SIZES) else 0
        size = unit * count
        if size <= 4:
            return at + 8, at + 8 + size
        start = self.base + self._u32.unpack(raw)[0]
        return start, start + size

    def values(self, entry: tuple[int, int, int, bytes, int], limit: int) -> list[int]:
        """Integer values of a SHORT/LONG entry (at most ``limit``; [] when out of the block)."""
        typ, count = entry[1], min(entry[2], limit)
        code = _VALUE_CODES.get(typ)
        if code is None or count <= 0:
            return []
        start, end = self.value_range(entry)
        start_end = start + count * TYPE_SIZES[typ]
        if start < 0 or start_end > self.end or end < start:
            return []
        return list(struct.unpack_from(f"{self.order}{count}{code}", self.buf, start))

    # -- cleaning --------------------------------------------------------------------------
    def clean(self, state: Pass, make: str | None = None) -> None:
        """Remove location (and identity when ``state.identity``) from this block."""
        drop: dict[int, set[int]] = {}  # IFD offset -> tags to take out
        dead_tables: list[tuple[int, int]] = []  # IFD tables that go away entirely
        for ifd in self.ifds:
            if ifd.name == "GPSIFD":
                continue
            gps = ifd.get(GPS_POINTER)
            if gps is not None:
                drop.setdefault(ifd.offset, set()).add(GPS_POINTER)
                state.location("EXIF GPS block")
                for pointer in self._pointers(gps)[:1]:
                    table = self._read_ifd("GPSIFD", pointer)
                    if table is not None:
                        dead_tables.append(table_range(table))
            if state.identity and ifd.name in ("IFD0", "ExifIFD"):
                for entry in ifd.entries:
                    label = IDENTITY_TAGS.get(entry[0])
                    if label is not None:
                        drop.setdefault(ifd.offset, set()).add(entry[0])
                        state.person(f"EXIF {label}")
            if state.texts and ifd.name in ("IFD0", "ExifIFD"):
                for entry in ifd.entries:
                    label = TEXT_TAGS.get(entry[0])
                    if label is not None and label in state.texts:
                        drop.setdefault(ifd.offset, set()).add(entry[0])
                        state.location(f"EXIF {label} (it names a place)")
        if not drop:  # nothing to take out (as in the check's second pass)
            self._embedded(state, make)
            return
        zero: list[tuple[int, int]] = list(dead_tables)
        for ifd in self.ifds:
            if ifd.name == "GPSIFD":
                zero += [self.value_range(e) for e in ifd.entries if self._outside(e)]
            for entry in ifd.entries:
                if entry[0] in drop.get(ifd.offset, ()) and self._outside(entry):
                    zero.append(self.value_range(entry))
        protected = self._protected(drop)
        for start, end in zero:
            lo, hi = max(start, self.base), min(end, self.end)
            if lo >= hi:
                continue
            for p_start, p_end in protected:
                if lo < p_end and p_start < hi:
                    raise Unsafe(
                        M_(
                            "its location data shares bytes with other parts of the file; "
                            "not safe to remove without rewriting the file"
                        )
                    )
        for ifd in self.ifds:
            tags = drop.get(ifd.offset)
            if tags:
                self._remove_entries(ifd, tags)
        for start, end in zero:
            lo, hi = max(start, self.base), min(end, self.end)
            if lo < hi:
                self.buf[lo:hi] = bytes(hi - lo)
        self._embedded(state, make)

    def _outside(self, entry: tuple[int, int, int, bytes, int]) -> bool:
        typ, count = entry[1], entry[2]
        unit = TYPE_SIZES[typ] if typ < len(TYPE_SIZES) else 0
        return unit * count > 4

    def _protected(self, drop: dict[int, set[int]]) -> list[tuple[int, int]]:
        """Every byte range that stays in use: kept IFD tables, kept values, image data."""
        ranges: list[tuple[int, int]] = [(self.base, self.base + 8)]
        for ifd in self.ifds:
            if ifd.name == "GPSIFD":
                continue
            ranges.append(table_range(ifd))
            dropped = drop.get(ifd.offset, set())
            ranges.extend(
                self.value_range(e) for e in ifd.entries if e[0] not in dropped and self._outside(e)
            )
            for offsets_tag, counts_tag in _DATA_PAIRS:
                offsets = ifd.get(offsets_tag)
                counts = ifd.get(counts_tag)
                if offsets is None or counts is None:
                    continue
                starts = self.values(offsets, MAX_STRIPS)
                lengths = self.values(counts, MAX_STRIPS)
                if offsets_tag == 0x0201:  # the thumbnail: one offset, one length
                    starts, lengths = starts[:1], lengths[:1]
                ranges += [
                    (self.base + s, self.base + s + n)
                    for s, n in zip(starts, lengths, strict=False)
                ]
        return ranges

    def _remove_entries(self, ifd: _Ifd, tags: set[int]) -> None:
        """Take entries out of ``ifd``'s table in place; the rest move up, the count shrinks."""
        kept = [e for e in ifd.entries if e[0] not in tags]
        old = len(ifd.entries)
        table_end = ifd.pos + 2 + 12 * old
        has_next = table_end + 4 <= self.end
        next_ifd = bytes(self.buf[table_end : table_end + 4]) if has_next else b""
        out = bytearray(self._u16.pack(len(kept)))
        for tag, typ, count, raw, _at in kept:
            out += self._entry.pack(tag, typ, count, raw)
        out += next_ifd
        length = 2 + 12 * old + len(next_ifd)
        out += bytes(length - len(out))
        self.buf[ifd.pos : ifd.pos + length] = out
        ifd.entries = [
            (tag, typ, count, raw, ifd.pos + 2 + 12 * i)
            for i, (tag, typ, count, raw, _at) in enumerate(kept)
        ]
        ifd.index()

    def _embedded(self, state: Pass, make: str | None) -> None:
        """XMP, IPTC, Photoshop resources and the maker note, cleaned where they lie."""
        for ifd in self.ifds:
            for entry in ifd.entries:
                tag = entry[0]
                if tag not in (XMP_TAG, IPTC_TAG, PHOTOSHOP_TAG, MAKER_NOTE) or not self._outside(
                    entry
                ):
                    continue
                start, end = self.value_range(entry)
                if start < self.base or end > self.end:
                    continue
                if tag == XMP_TAG:
                    blank_xmp(self.buf, start, end, state)
                elif tag == IPTC_TAG:
                    iptc.clean_iim(self.buf, start, end, state)
                elif tag == PHOTOSHOP_TAG:
                    iptc.clean_resources(self.buf, start, end, state)
                elif ifd.name == "ExifIFD":
                    makernote.clean_maker_note(self, start, end, make, state)

    def make(self) -> str | None:
        """The Make text of IFD0, for the maker note's layout."""
        for ifd in self.ifds[:1]:
            entry = ifd.get(0x010F)
            if entry is not None and entry[1] == 2:
                start, end = self.value_range(entry)
                return bytes(self.buf[start:end]).split(b"\x00")[0].decode("latin-1").strip()
        return None


def table_range(ifd: _Ifd) -> tuple[int, int]:
    """Bytes of an IFD's table: count, entries, next-IFD pointer."""
    return ifd.pos, ifd.pos + 2 + 12 * len(ifd.entries) + 4


def clean_tiff(buf: bytearray, base: int, end: int, state: Pass) -> None:
    """Clean the TIFF structure at ``base`` (an EXIF payload or a whole TIFF file)."""
    block = TiffBlock(buf, base, end)
    block.clean(state, block.make())


def clean_exif_payload(buf: bytearray, start: int, end: int, state: Pass) -> None:
    """An EXIF payload as containers store it: maybe ``"Exif\\0\\0"``, then the TIFF block."""
    if buf[start : start + 6] == b"Exif\x00\x00" or buf[start : start + 5] == b"Exif\x00":
        start += 6
    if end - start < 8:
        raise NoTiff("its EXIF block is damaged (too short to hold anything)")
    clean_tiff(buf, start, end, state)
