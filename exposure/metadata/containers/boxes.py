"""ISO base media file format boxes (HEIF, AVIF, MP4, QuickTime): bounded iteration."""

from __future__ import annotations

import struct
from collections.abc import Iterator

from exposure.i18n import N_
from exposure.i18n.message import M_
from exposure.metadata.errors import Malformed, Truncated
from exposure.metadata.source import Bytes, exact

MAX_BOXES = 4096
"""Most boxes visited at one level (real files have a handful at the top level)."""

BOX_HEADER = struct.Struct(">I4s")
"""A box header: 32-bit size, 4-byte type."""
_U64 = struct.Struct(">Q")

Box = tuple[bytes, int, int]
"""(type, start of payload, end of payload as declared, possibly past the data)."""


def iter_boxes(src: Bytes, start: int, end: int) -> Iterator[Box]:
    """The boxes between ``start`` and ``end`` in ``src``.

    Raises :class:`Truncated` when a box header is cut off and :class:`Malformed` for a
    size below 8 or too many boxes; a box running past ``end`` is yielded as declared
    and ends the iteration.
    """
    pos = start
    for _ in range(MAX_BOXES):
        if pos + 8 > end:
            if pos < end and pos < src.size:
                raise Truncated()
            return
        size, kind = BOX_HEADER.unpack(exact(src, pos, 8))
        header = 8
        if size == 1:
            size = _U64.unpack(exact(src, pos + 8, 8))[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            raise Malformed(
                M_("a {box} box has an impossible size ({size})", box=_name(kind), size=size)
            )
        yield kind, pos + header, pos + size
        pos += size
        if pos >= end:
            return
    raise Malformed(N_("it has too many boxes"))


def _name(kind: bytes) -> str:
    return kind.decode("latin-1") if kind.isascii() and kind.isalnum() else repr(kind)


def full_box(data: bytes) -> tuple[int, int]:
    """(version, flags) of a full box payload."""
    if len(data) < 4:
        raise Truncated()
    return data[0], int.from_bytes(data[1:4], "big")


class Cursor:
    """Sequential big-endian reads from an in-memory payload; :class:`Truncated` past its end."""

    __slots__ = ("data", "end", "pos")

    def __init__(self, data: bytes, pos: int = 0, end: int | None = None) -> None:
        self.data = data
        self.pos = pos
        self.end = len(data) if end is None else min(end, len(data))

    def take(self, length: int) -> bytes:
        """The next ``length`` bytes."""
        if length < 0 or self.pos + length > self.end:
            raise Truncated()
        chunk = self.data[self.pos : self.pos + length]
        self.pos += length
        return chunk

    def uint(self, size: int) -> int:
        """An unsigned big-endian integer of ``size`` bytes (0 bytes reads as 0)."""
        return int.from_bytes(self.take(size), "big") if size else 0

    def cstring(self, limit: int = 1024) -> bytes:
        """Bytes up to the next NUL (consumed), or to the end of the payload."""
        stop = self.data.find(b"\x00", self.pos, min(self.end, self.pos + limit))
        if stop < 0:
            stop = min(self.end, self.pos + limit)
            text = self.data[self.pos : stop]
            self.pos = stop
            return text
        text = self.data[self.pos : stop]
        self.pos = stop + 1
        return text
