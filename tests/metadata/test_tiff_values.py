"""TiffView's value reading: where values are stored depends on all of them, not on how
many a caller asks for (values that fit in 4 bytes sit in the entry, the rest elsewhere)."""

from __future__ import annotations

import struct

import pytest

from exposure.metadata.source import Buffer
from exposure.metadata.tiff import TiffView

SHORT, LONG, RATIONAL = 3, 4, 5


def _block(little: bool, entries: list[tuple[int, int, list[int]]]) -> bytes:
    """A TIFF block with one IFD; each entry's values go in place when they fit."""
    order = "<" if little else ">"
    header = (b"II*\x00" if little else b"MM\x00*") + struct.pack(order + "I", 8)
    ifd_size = 2 + 12 * len(entries) + 4
    extra = b""
    fields = b""
    for tag, typ, values in entries:
        code = {SHORT: "H", LONG: "I", RATIONAL: "I"}[typ]
        count = len(values) // 2 if typ == RATIONAL else len(values)
        packed = struct.pack(f"{order}{len(values)}{code}", *values)
        if len(packed) <= 4:
            field = packed.ljust(4, b"\x00")
        else:
            field = struct.pack(order + "I", 8 + ifd_size + len(extra))
            extra += packed
        fields += struct.pack(order + "HHI", tag, typ, count) + field
    return header + struct.pack(order + "H", len(entries)) + fields + b"\x00" * 4 + extra


@pytest.mark.parametrize("little", [True, False])
def test_first_values_of_arrays_in_place_and_elsewhere(little: bool) -> None:
    data = _block(
        little,
        [
            (1, LONG, [70000]),  # in place
            (2, LONG, [7, 9]),  # 8 bytes: elsewhere
            (3, SHORT, [3, 4]),  # in place
            (4, SHORT, [5, 6, 8]),  # 6 bytes: elsewhere
            (5, RATIONAL, [1, 2, 3, 4]),
        ],
    )
    opened = TiffView.open(Buffer(data))
    assert opened is not None
    view, first = opened
    ifd = view.ifd(first)
    assert [view.first_int(ifd[tag]) for tag in (1, 2, 3, 4)] == [70000, 7, 3, 5]
    assert view.numbers(ifd[2], 1) == [7.0]
    assert view.numbers(ifd[4], 2) == [5.0, 6.0]
    assert view.numbers(ifd[4]) == [5.0, 6.0, 8.0]
    assert view.numbers(ifd[5], 1) == [0.5]
    assert view.rationals(ifd[5]) == [(1, 2), (3, 4)]
    assert view.problem is None
