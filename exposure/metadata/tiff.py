"""A bounded reader for TIFF structures: the header, one IFD at a time, and tag values.

Used for EXIF blocks (in memory), whole TIFF/DNG/raw files (read by seeking) and the
IFD-shaped maker notes.  Nothing here follows IFD chains or recurses: callers ask for
the IFDs they want by offset, so cycles cannot loop.  Entry counts and value sizes
are capped, and reads past the data are reported through :attr:`TiffView.problem`
instead of raising.
"""

from __future__ import annotations

import functools
import math
import struct

from exposure.metadata.source import Buffer, Bytes
from exposure.metadata.text import decode

MAX_ENTRIES = 1024
"""Most entries read from one IFD (real IFDs have a few hundred at most)."""
MAX_VALUE = 4 * 1024 * 1024
"""Largest single tag value read (maker notes can be a few hundred KiB)."""

# Bytes per value of each TIFF field type, indexed by type id (0 = unknown).
TYPE_SIZES = (0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8)
ASCII = 2
UNDEFINED = 7
RATIONAL_TYPES = frozenset({5, 10})
_INT_CODES = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i", 13: "I", 16: "Q", 17: "q", 18: "Q"}
_FLOAT_CODES = {11: "f", 12: "d"}

TIFF_HEADERS = {
    b"II*\x00": True,
    b"MM\x00*": False,
    b"IIRO": True,  # Olympus ORF
    b"IIRS": True,  # Olympus ORF (some models)
    b"MMOR": False,  # Olympus ORF, big-endian
    b"IIU\x00": True,  # Panasonic RW2
}
"""TIFF header magic → little-endian?  (Plain TIFF plus the raw formats' variants.)"""
EXIF_MAGIC = (b"II*\x00", b"MM\x00*")
"""The headers an EXIF block starts with."""

_N_TYPES = len(TYPE_SIZES)
_TEXT_TYPES = frozenset({1, ASCII, UNDEFINED})

Entry = tuple[int, int, bytes]
"""An IFD entry: (field type, count, the 4-byte value-or-offset field)."""
Ifd = dict[int, Entry]

_LE = (struct.Struct("<H"), struct.Struct("<I"), struct.Struct("<HHI4s"))
_BE = (struct.Struct(">H"), struct.Struct(">I"), struct.Struct(">HHI4s"))


@functools.lru_cache(maxsize=64)
def _rational_struct(little: bool, signed: bool, count: int) -> struct.Struct:
    return struct.Struct(f"{'<' if little else '>'}{2 * count}{'i' if signed else 'I'}")


class TiffView:
    """Reads IFDs of one TIFF structure whose offsets count from ``base`` in ``src``."""

    __slots__ = ("_buf", "_entry", "_u16", "_u32", "base", "little", "problem", "src")

    def __init__(self, src: Bytes, base: int, little: bool) -> None:
        self.src = src
        # In-memory blocks are sliced directly: this is the hot path of every photo.
        self._buf: bytes | None = src.data if isinstance(src, Buffer) else None
        self.base = base
        self.little = little
        self._u16, self._u32, self._entry = _LE if little else _BE
        self.problem: str | None = None
        """Set when a read ran past the data: "cut" (the block is truncated) or "outside"."""

    @classmethod
    def open(cls, src: Bytes, base: int = 0) -> tuple[TiffView, int] | None:
        """The view and the offset of IFD0, or ``None`` when there is no TIFF header."""
        header = src.read(base, 8)
        little = TIFF_HEADERS.get(header[:4])
        if little is None or len(header) < 8:
            return None
        view = cls(src, base, little)
        return view, view._u32.unpack_from(header, 4)[0]

    def u32(self, raw: bytes) -> int:
        """The 4-byte field (or any 4 bytes) as an unsigned integer in this byte order."""
        return int(self._u32.unpack_from(raw)[0])

    def _missing(self) -> None:
        if self.problem is None:
            self.problem = "cut" if self.src.cut else "outside"

    def ifd(self, offset: int, wanted: frozenset[int] | None = None) -> Ifd:
        """Entries of the IFD at ``offset`` (only ``wanted`` tags when given)."""
        start = self.base + offset
        head = self.src.read(start, 2)
        if len(head) < 2 or offset <= 0:
            self._missing()
            return {}
        count = self._u16.unpack(head)[0]
        if count > MAX_ENTRIES:
            self.problem = self.problem or "outside"
            return {}
        block = self.src.read(start + 2, 12 * count)
        if len(block) < 12 * count:
            self._missing()
            block = block[: len(block) - len(block) % 12]
        entries: Ifd = {}
        for tag, typ, n, raw in self._entry.iter_unpack(block):
            if wanted is None or tag in wanted:
                entries[tag] = (typ, n, raw)
        return entries

    def data(self, entry: Entry, limit: int = MAX_VALUE) -> bytes | None:
        """The value bytes (at most ``limit``), or ``None`` when they are not there."""
        typ, count, raw = entry
        unit = TYPE_SIZES[typ] if typ < _N_TYPES else 0
        size = unit * count
        if size <= 4:
            return raw[:size] if unit else None
        want = size if size < limit else limit
        start = self.base + self._u32.unpack(raw)[0]
        buf = self._buf
        data = buf[start : start + want] if buf is not None else self.src.read(start, want)
        if len(data) < want:
            self._missing()
            if typ not in (1, ASCII, UNDEFINED) or not data:
                return None
        return data

    def text(self, entry: Entry | None, limit: int = 4096) -> str | None:
        """An ASCII (or byte) value as clean text."""
        if entry is None or entry[0] not in _TEXT_TYPES:
            return None
        count = entry[1]
        data = entry[2][:count] if count <= 4 else self.data(entry, limit)
        return None if data is None else decode(data)

    def numbers(self, entry: Entry | None, limit: int = 8) -> list[float] | None:
        """Up to ``limit`` numeric values (integers, rationals as floats, NaN for x/0)."""
        if entry is None:
            return None
        typ, count, raw = entry
        if typ in RATIONAL_TYPES:
            pairs = self.rationals(entry, limit)
            if pairs is None:
                return None
            return [n / d if d else math.nan for n, d in pairs]
        code = _INT_CODES.get(typ) or _FLOAT_CODES.get(typ)
        if code is None:
            return None
        # Where the values are depends on all of them (in place only when they fit in 4
        # bytes); how many are read, on ``limit``.
        wanted = min(count, limit)
        data = self.data(entry, wanted * TYPE_SIZES[typ])
        if data is None or len(data) < wanted * TYPE_SIZES[typ]:
            return None
        order = "<" if self.little else ">"
        return [float(v) for v in struct.unpack_from(f"{order}{wanted}{code}", data)]

    def rationals(self, entry: Entry | None, limit: int = 8) -> list[tuple[int, int]] | None:
        """Up to ``limit`` (numerator, denominator) pairs of a RATIONAL/SRATIONAL value."""
        if entry is None or entry[0] not in RATIONAL_TYPES:
            return None
        typ, count, _ = entry
        count = min(count, limit)
        data = self.data(entry, 8 * count)
        if data is None or len(data) < 8 * count:
            return None
        values = _rational_struct(self.little, typ == 10, count).unpack_from(data)
        return list(zip(values[0::2], values[1::2], strict=True))

    def text_or_number(self, entry: Entry | None, limit: int = 256) -> str | None:
        """Text of an ASCII/byte value, or the decimal form of an integer one."""
        if entry is None:
            return None
        if entry[0] in (1, ASCII, UNDEFINED):
            return self.text(entry, limit)
        number = self.first_int(entry)
        return None if number is None else str(number)

    def first_int(self, entry: Entry | None) -> int | None:
        """The first value of an integer-typed entry (offsets, counts, flags)."""
        if entry is None or entry[0] not in _INT_CODES:
            return None
        typ, count, raw = entry
        if count == 1 and typ == 4:  # the usual IFD pointer: one LONG, stored in place
            return int(self._u32.unpack(raw)[0])
        if typ == 3 and 0 < count <= 2:  # one or two SHORTs: stored in place
            return int(self._u16.unpack_from(raw)[0])
        values = self.numbers(entry, 1)
        if not values or values[0] != values[0]:
            return None
        return int(values[0])
