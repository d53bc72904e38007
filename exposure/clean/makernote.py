"""Maker notes: location tags zeroed where a make keeps them, serial numbers on request.

Maker notes are private structures with their own offset rules, so nothing in them is
moved or taken out: values are overwritten with zeros where they lie.

- Location (layouts as in ExifTool's Nikon.pm, Panasonic.pm and Samsung.pm): Nikon
  ``LocationInfo`` (0x0039: country, region and place name), Panasonic ``Location``,
  ``Country``, ``State``, ``City``, ``Landmark``, ``City2`` and Samsung ``LocalLocationName``,
  ``LocationName``.
- Identity (``--also-identity``): every serial number and owner name exposure's reader
  found in the maker note (whatever the make) is overwritten wherever its text, or for a
  numeric serial its 4-byte value, appears inside the maker note.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from exposure.clean.state import Pass
from exposure.metadata.tiff import TIFF_HEADERS, TYPE_SIZES

if TYPE_CHECKING:
    from exposure.clean.tiffblock import TiffBlock

NIKON_LOCATION = {0x0039: "LocationInfo"}
PANASONIC_LOCATION = {
    0x0067: "Location",
    0x0069: "Country",
    0x006B: "State",
    0x006D: "City",
    0x006F: "Landmark",
    0x0080: "City2",
}
SAMSUNG_LOCATION = {0x0030: "LocalLocationName", 0x0031: "LocationName"}


def clean_maker_note(block: TiffBlock, start: int, end: int, make: str | None, state: Pass) -> None:
    """Zero the location (and, with identity, serial) values of the maker note at ``start``."""
    buf = block.buf
    upper = (make or "").strip().upper()
    head = bytes(buf[start : start + 16])
    if head.startswith(b"Nikon\x00\x02"):
        tiff = start + 10
        little = TIFF_HEADERS.get(bytes(buf[tiff : tiff + 4]))
        if little is not None:
            order = "<" if little else ">"
            (first,) = struct.unpack_from(order + "I", buf, tiff + 4)
            _zero_tags(buf, tiff, tiff + first, order, end, NIKON_LOCATION, "Nikon", state)
    elif head.startswith(b"Panasonic\x00"):
        _zero_tags(
            buf, block.base, start + 12, block.order, end, PANASONIC_LOCATION, "Panasonic", state
        )
    elif upper.startswith("SAMSUNG") and head[:2] not in (b"II", b"MM"):
        _zero_tags(buf, block.base, start, block.order, end, SAMSUNG_LOCATION, "Samsung", state)
    if state.identity and state.maker_note_ids:
        _zero_values(buf, start, end, block.little, state)


def _zero_tags(
    buf: bytearray,
    base: int,
    ifd_at: int,
    order: str,
    end: int,
    tags: dict[int, str],
    label: str,
    state: Pass,
) -> None:
    """Zero the values of ``tags`` in the IFD at ``ifd_at`` (offsets counted from ``base``)."""
    if ifd_at + 2 > end:
        return
    (count,) = struct.unpack_from(order + "H", buf, ifd_at)
    if count > 512 or ifd_at + 2 + 12 * count > end:
        return
    entry = struct.Struct(order + "HHII")
    for i in range(count):
        at = ifd_at + 2 + 12 * i
        tag, typ, n, value = entry.unpack_from(buf, at)
        name = tags.get(tag)
        if name is None:
            continue
        size = (TYPE_SIZES[typ] if typ < len(TYPE_SIZES) else 0) * n
        if size <= 4:
            lo, hi = at + 8, at + 12
        else:
            lo, hi = base + value, base + value + size
        lo, hi = max(lo, 0), min(hi, len(buf))
        if lo < hi and any(buf[lo:hi]):
            buf[lo:hi] = bytes(hi - lo)
            state.location(f"MakerNote {label} {name}")


def _zero_values(buf: bytearray, start: int, end: int, little: bool, state: Pass) -> None:
    """Overwrite every occurrence of the known serial numbers and names inside the note."""
    end = min(end, len(buf))
    for label, value in state.maker_note_ids:
        needles = [value.encode("utf-8")]
        if value.isdigit() and int(value) < 1 << 32:
            needles.append(int(value).to_bytes(4, "little" if little else "big"))
        found = False
        for needle in needles:
            if len(needle) < 3:
                continue
            at = buf.find(needle, start, end)
            while at >= 0:
                buf[at : at + len(needle)] = bytes(len(needle))
                found = True
                at = buf.find(needle, at + len(needle), end)
        if found:
            state.person(label)
