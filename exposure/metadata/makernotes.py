"""Serial numbers from camera maker notes (Nikon, Canon, Olympus/OM, Fujifilm, Pentax/Ricoh,
Panasonic, Samsung, Reconyx, Motorola, Sigma/Foveon).

Only the maker notes of makes that keep a serial number there are opened, and from each
only the serial tags are read: the offsets, byte orders and headers below follow
ExifTool's ``MakerNotes.pm``.  A broken note adds a note to the result and never
undoes what the rest of the EXIF block gave.
"""

from __future__ import annotations

from exposure.i18n import N_
from exposure.metadata.collect import Collector
from exposure.metadata.text import decode, decode_utf16
from exposure.metadata.tiff import Entry, TiffView

SERIAL_MAKES = (
    "NIKON",
    "CANON",
    "OLYMPUS",
    "OM DIGITAL",
    "OM SYSTEM",
    "EPSON",
    "FUJIFILM",
    "GENERAL IMAGING",
    "PENTAX",
    "ASAHI",
    "RICOH",
    "PANASONIC",
    "SAMSUNG",
    "RECONYX",
    "MOTOROLA",
    "SIGMA",
    "FOVEON",
)
_NIKON = {0x001D: "MakerNote SerialNumber", 0x00A0: "MakerNote SerialNumber"}
_CANON = {0x000C: "MakerNote SerialNumber", 0x0096: "MakerNote InternalSerialNumber"}
_OLYMPUS = {0x0404: "MakerNote SerialNumber", 0x101A: "MakerNote SerialNumber"}
_OLYMPUS_EQUIPMENT = {
    0x0101: "MakerNote SerialNumber",
    0x0102: "MakerNote InternalSerialNumber",
    0x0202: "MakerNote LensSerialNumber",
}
_FUJIFILM = {0x0010: "MakerNote InternalSerialNumber"}
_PENTAX = {0x0229: "MakerNote SerialNumber"}
_PANASONIC = {0x0025: "MakerNote InternalSerialNumber", 0x0052: "MakerNote LensSerialNumber"}
_SAMSUNG = {0xA002: "MakerNote SerialNumber"}
_MOTOROLA = {0x5501: "MakerNote SerialNumber"}
_SIGMA = {0x0002: "MakerNote SerialNumber"}
_ORDERS = {b"II": True, b"MM": False}


def read_maker_note(view: TiffView, entry: Entry, make: str | None, out: Collector) -> None:
    """Add the serial numbers in the maker note ``entry`` of ``view`` to ``out``."""
    upper = (make or "").strip().upper()
    if upper and not upper.startswith(SERIAL_MAKES):
        return
    typ, count, raw = entry
    if count <= 4 or typ not in (1, 7):
        return
    start = view.base + view.u32(raw)
    head = view.src.read(start, 32)
    try:
        _dispatch(view, start, head, upper, out)
    except Exception:  # a broken note must not lose the rest of the block
        out.note(N_("its maker note is damaged; skipped it"))


def _dispatch(view: TiffView, start: int, head: bytes, make: str, out: Collector) -> None:
    src = view.src
    if head.startswith(b"Nikon\x00\x02"):
        opened = TiffView.open(src, start + 10)
        if opened is not None:
            _serials(opened[0], opened[1], _NIKON, out)
    elif head.startswith((b"OLYMP\x00", b"EPSON\x00")):
        _olympus(_guess(view, view.base, start + 8), start + 8 - view.base, out)
    elif head.startswith(b"OLYMPUS\x00") and head[8:10] in _ORDERS:
        _olympus(TiffView(src, start, _ORDERS[head[8:10]]), 12, out)
    elif head.startswith(b"OM SYSTEM\x00") and head[12:14] in _ORDERS:
        _olympus(TiffView(src, start, _ORDERS[head[12:14]]), 16, out)
    elif head.startswith((b"FUJIFILM", b"GENERALE")):
        sub = TiffView(src, start, True)
        _serials(sub, sub.u32(head[8:12]), _FUJIFILM, out)
    elif head.startswith(b"AOC\x00"):
        for base in (view.base, start):
            sub = TiffView(src, base, _ORDERS.get(head[4:6], view.little))
            if _serials(sub, start + 6 - base, _PENTAX, out):
                break
    elif head.startswith(b"PENTAX \x00") and head[8:10] in _ORDERS:
        _serials(TiffView(src, start, _ORDERS[head[8:10]]), 10, _PENTAX, out)
    elif head.startswith(b"RICOH\x00") and head[6:8] in _ORDERS:
        _serials(TiffView(src, start, _ORDERS[head[6:8]]), 8, _PENTAX, out)
    elif head.startswith(b"Panasonic\x00"):
        _serials(_guess(view, view.base, start + 12), start + 12 - view.base, _PANASONIC, out)
    elif head.startswith(b"\x01\xf1") and (
        make.startswith("RECONYX") or head[2:4] in (b"\x02\x00", b"\x03\x00")
    ):
        out.add_serial("MakerNote SerialNumber", decode_utf16(src.read(start + 0x2A, 30)))
    elif head.startswith(b"MOT\x00"):  # Motorola: IFD at 8, offsets from the note's start
        _serials(_guess(view, start, start + 8), 8, _MOTOROLA, out)
    elif head.startswith((b"SIGMA\x00", b"FOVEON\x00")) and make.startswith(("SIGMA", "FOVEON")):
        # Sigma/Foveon: IFD at 10, offsets from the EXIF block's TIFF header
        _serials(_guess(view, view.base, start + 10), start + 10 - view.base, _SIGMA, out)
    elif head.startswith(b"RECONYXH2\x00"):
        out.add_serial("MakerNote SerialNumber", decode_utf16(src.read(start + 0x7E, 30)))
    elif head.startswith(b"RECONYXUF\x00"):
        out.add_serial("MakerNote SerialNumber", decode(src.read(start + 0x4B, 15)))
    elif make.startswith("NIKON"):
        _serials(_guess(view, view.base, start), start - view.base, _NIKON, out)
    elif make.startswith("CANON"):
        _serials(_guess(view, view.base, start), start - view.base, _CANON, out)
    elif make.startswith("SAMSUNG"):
        for base in (view.base, start):
            if _serials(_guess(view, base, start), start - base, _SAMSUNG, out):
                break


def read_canon_ifd(view: TiffView, ifd_offset: int, out: Collector) -> None:
    """The serials of a Canon maker note IFD at ``ifd_offset`` of ``view`` (CR3's CMT3)."""
    _serials(view, ifd_offset, _CANON, out)


def _guess(view: TiffView, base: int, ifd_at: int) -> TiffView:
    """A view at ``base`` in the byte order that gives the IFD at ``ifd_at`` a sane count."""
    count = view.src.read(ifd_at, 2)
    if len(count) == 2:
        mine, other = (count[0], count[1]) if view.little else (count[1], count[0])
        if not 0 < mine + 256 * other <= 512 and 0 < other + 256 * mine <= 512:
            return TiffView(view.src, base, not view.little)
    return TiffView(view.src, base, view.little)


def _serials(view: TiffView, ifd_offset: int, tags: dict[int, str], out: Collector) -> bool:
    """Add the ``tags`` of the IFD at ``ifd_offset``; True when a plausible one was found."""
    found = False
    ifd = view.ifd(ifd_offset, frozenset(tags))
    for tag, label in tags.items():
        value = view.text_or_number(ifd.get(tag), 64)
        if value and value.isprintable():
            if value[:3].upper() == "NO=":
                value = value[3:].strip()
            before = len(out.serials)
            out.add_serial(label, value)
            found = found or len(out.serials) > before
    return found


def _olympus(view: TiffView, ifd_offset: int, out: Collector) -> None:
    ifd = view.ifd(ifd_offset, frozenset({*_OLYMPUS, 0x2010}))
    for tag, label in _OLYMPUS.items():
        out.add_serial(label, view.text_or_number(ifd.get(tag), 64))
    equipment = ifd.get(0x2010)
    if equipment is not None:
        typ, _count, raw = equipment
        pointer = view.first_int(equipment) if typ in (4, 13) else view.u32(raw)
        if pointer:
            _serials(view, pointer, _OLYMPUS_EQUIPMENT, out)
