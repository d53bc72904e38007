"""Maker note blobs for synthetic photos, laid out the way the cameras write them.

Each builder returns bytes that are position-independent (offsets relative to the note
or to a TIFF header inside it), so they can be dropped into any EXIF IFD.  Results are
cached: building the same note twice costs nothing.
"""

from __future__ import annotations

import functools
import struct

from exposure.testing.tiffwriter import Entry, TiffWriter

_FILLER_TAG = 0x0E00  # PrintIM-like opaque block, used to reach a realistic size


def _filler(w: TiffWriter, used: int, size: int) -> list[Entry]:
    missing = size - used - 12
    return [w.undefined(_FILLER_TAG, bytes(missing))] if missing > 4 else []


@functools.lru_cache(maxsize=256)
def nikon_maker_note(serial: str | None = "3105364", size: int = 2048) -> bytes:
    """A Nikon type-3 note: ``"Nikon\\0\\2\\x10\\0\\0"`` then a big-endian TIFF structure."""
    w = TiffWriter(big_endian=True)
    entries = [
        w.undefined(0x0001, b"0210"),
        w.short(0x0002, 0, 200),
        w.ascii(0x0004, "FINE  "),
        w.ascii(0x0005, "AUTO        "),
        w.ascii(0x0007, "AF-S  "),
        w.undefined(0x0098, bytes(range(33))),
    ]
    if serial is not None:
        entries.append(w.ascii(0x001D, serial))
    body = w.build(entries)
    entries += _filler(w, len(body) + 10, size)
    return b"Nikon\x00\x02\x10\x00\x00" + w.build(entries)


@functools.lru_cache(maxsize=16)
def apple_maker_note(size: int = 1024) -> bytes:
    """An iPhone note: ``"Apple iOS\\0"``, version, ``"MM"``, then an IFD (offsets from the note)."""
    w = TiffWriter(big_endian=True)
    entries = [
        w.long(0x0001, 14),
        w.undefined(0x0002, bytes(512)),
        w.long(0x0003, 0, 1, 2, 3),
        w.ascii(0x000A, "3C1BD1E4-5B8C-4F7E-9E0A-9F4E7E6D5C4B"),
        w.short(0x000C, 1, 2),
    ]
    entries += _filler(w, 14 + len(w.ifd_bytes(entries, 14)), size)
    return b"Apple iOS\x00\x00\x01MM" + w.ifd_bytes(entries, 14)


@functools.lru_cache(maxsize=64)
def olympus_maker_note(serial: str = "BHP123456", lens_serial: str | None = "ABE012345") -> bytes:
    """A newer Olympus note: ``"OLYMPUS\\0II\\3\\0"``, IFD at 12, an Equipment sub-IFD."""
    w = TiffWriter(big_endian=False)
    equipment = [w.undefined(0x0000, b"0100"), w.ascii(0x0101, serial.ljust(31))]
    if lens_serial is not None:
        equipment.append(w.ascii(0x0202, lens_serial.ljust(31)))
    main = [w.undefined(0x0000, b"0100"), (0x2010, 13, 1, b"\x00" * 4)]
    main_size = len(w.ifd_bytes(main, 12))
    equipment_at = 12 + main_size
    main[1] = (0x2010, 13, 1, struct.pack("<I", equipment_at))
    return b"OLYMPUS\x00II\x03\x00" + w.ifd_bytes(main, 12) + w.ifd_bytes(equipment, equipment_at)


@functools.lru_cache(maxsize=64)
def fujifilm_maker_note(serial: str = "FF02B4565423     59313030323017") -> bytes:
    """A Fujifilm note: ``"FUJIFILM"``, little-endian offset 12, an IFD (offsets from the note)."""
    w = TiffWriter(big_endian=False)
    entries = [w.undefined(0x0000, b"0130"), w.ascii(0x0010, serial), w.short(0x1000, 3)]
    return b"FUJIFILM" + struct.pack("<I", 12) + w.ifd_bytes(entries, 12)


@functools.lru_cache(maxsize=64)
def motorola_maker_note(serial: str = "NX0A3S0075") -> bytes:
    """A Motorola phone note: ``"MOT\\0"``, 4 bytes, a big-endian IFD at 8 whose offsets
    count from the note's start (build number 0x5500, serial number 0x5501)."""
    w = TiffWriter(big_endian=True)
    entries = [w.ascii(0x5500, "LPH23.116-18"), w.ascii(0x5501, serial), w.byte(0x5502, 96)]
    return b"MOT\x00\x01\x01\x01\x01" + w.ifd_bytes(entries, 8)


@functools.lru_cache(maxsize=64)
def sigma_maker_note(serial: str = "02000019", at: int = 0) -> bytes:
    """A Sigma/Foveon note: ``"SIGMA\\0\\0\\0"``, version, then a little-endian IFD at 10
    whose offsets count from the EXIF block's TIFF header; ``at`` is where the note starts
    in that block (see :func:`exposure.testing.photofactory.sigma_jpeg`)."""
    w = TiffWriter(big_endian=False)
    entries = [w.ascii(0x0002, serial), w.ascii(0x0003, "SINGLE"), w.ascii(0x0004, "HI")]
    return b"SIGMA\x00\x00\x00\x01\x00" + w.ifd_bytes(entries, at + 10)
