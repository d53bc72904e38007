"""Decoding an EXIF/TIFF block: camera, capture time, GPS, serial numbers and owners.

This is the project's fast EXIF path.  It reads only the tags an audit needs from IFD0,
the EXIF IFD and the GPS IFD (plus the maker note for makes that store serial numbers
there), straight from the block through :class:`~exposure.metadata.tiff.TiffView`.

Why not exifread first: measured on phone JPEGs, ``exifread.process_file`` on the same
TIFF block costs 0.4-0.6 ms (``details=False``) and 2.7-3.7 ms (with maker notes), 5-40x
this reader, which blew the photo-scan throughput budget; it also seeks and reads per
value with no bound we control.  exifread is the second decoder for blocks this reader
cannot walk (:func:`decode_exif_payload`), and a second oracle in the test suite
(``tests/metadata/test_metadata_exiftool.py``).
"""

from __future__ import annotations

from exposure.i18n import N_
from exposure.i18n.message import M_, known
from exposure.metadata.collect import RANK_CREATED, RANK_ORIGINAL, Collector
from exposure.metadata.errors import TRUNCATED, Malformed
from exposure.metadata.exif_gps import GPS_TAGS, read_gps
from exposure.metadata.exifread_bridge import decode_with_exifread
from exposure.metadata.iptc import decode_iptc, decode_photoshop
from exposure.metadata.makernotes import read_canon_ifd, read_maker_note
from exposure.metadata.positions import reading
from exposure.metadata.source import Buffer, Bytes
from exposure.metadata.text import decode, decode_utf16, parse_datetime
from exposure.metadata.tiff import ASCII, EXIF_MAGIC, Entry, Ifd, TiffView
from exposure.metadata.xmp import decode_xmp

EXIF_POINTER = 0x8769
GPS_POINTER = 0x8825
MAKER_NOTE = 0x927C
XMP_TAG = 0x02BC

SERIAL_TAGS = {
    0xA431: "BodySerialNumber",
    0xA435: "LensSerialNumber",
    0xC62F: "CameraSerialNumber",
    0xFDE9: "SerialNumber",
}
OWNER_TAGS = {
    0x013B: "Artist",
    0xA430: "CameraOwnerName",
    0xFDE8: "OwnerName",
}
WINDOWS_TAGS = {
    0x9C9B: "XPTitle",
    0x9C9F: "XPSubject",
    0x9C9C: "XPComment",
    0x9C9E: "XPKeywords",
}
"""Windows Explorer's Title, Subject, Comments and Tags (UTF-16LE BYTE arrays in IFD0)."""
IPTC_TAG = 0x83BB
PHOTOSHOP_TAG = 0x8649
_TEXT_TAGS = (0x010E, 0x010F, 0x0110, 0x0131, 0x8298, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012)
_IDENTITY_TAGS = frozenset({*SERIAL_TAGS, *OWNER_TAGS, 0x8298, 0x9C9D})
_RARE_TAGS = frozenset({*WINDOWS_TAGS, IPTC_TAG, PHOTOSHOP_TAG})
"""Tags few cameras write (Windows' own fields, IPTC in a TIFF): read only when present."""
WANTED = frozenset(
    {EXIF_POINTER, GPS_POINTER, MAKER_NOTE, XMP_TAG, 0x9286, 0x9C9D, *_TEXT_TAGS}
    | SERIAL_TAGS.keys()
    | OWNER_TAGS.keys()
    | _RARE_TAGS
)

CUT_NOTE = N_("EXIF block is truncated; read what came before the break")
OUTSIDE_NOTE = N_("EXIF block points outside itself; skipped the parts it points to")
_COMMENT_CODES = {b"ASCII\x00\x00\x00", b"\x00" * 8, b"JIS\x00\x00\x00\x00\x00"}


def is_exif_payload(data: bytes) -> bool:
    """True for bytes that start like an EXIF payload (``"Exif\\0\\0"`` or a TIFF header)."""
    return data.startswith(b"Exif\x00") or data[:4] in EXIF_MAGIC


def decode_exif_payload(
    data: bytes, out: Collector, *, cut: bool = False, origin: str = "exif"
) -> None:
    """An EXIF payload as containers store it: a TIFF block, maybe after ``"Exif\\0\\0"``.

    If our reader cannot walk the block (it raises something other than a clean "damaged"
    verdict), exifread decodes the same bytes instead (:mod:`exposure.metadata.exifread_bridge`).
    """
    base = 6 if data.startswith(b"Exif\x00") else 0
    try:
        decode_exif(Buffer(data, cut), base, out, origin)
    except Malformed:
        raise
    except Exception as exc:
        if not decode_with_exifread(data[base:], out, origin):
            raise
        out.note(
            M_(
                "read with exifread after our EXIF reader stopped ({error})",
                error=type(exc).__name__,
            )
        )


def decode_exif(src: Bytes, base: int, out: Collector, origin: str = "exif") -> None:
    """Read the TIFF structure at ``base`` in ``src`` into ``out``."""
    opened = TiffView.open(src, base)
    if opened is None:
        if src.size - base < 8 and src.cut:
            out.fail(TRUNCATED, CUT_NOTE)
        else:
            out.fail(N_("its EXIF block is damaged (no valid TIFF header)"))
        return
    view, first = opened
    ifd0 = view.ifd(first, WANTED)
    exif = _sub_ifd(view, ifd0, EXIF_POINTER, WANTED)
    merged = {**exif, **ifd0}
    make = _read_fields(view, merged, out)
    gps_entry = ifd0.get(GPS_POINTER) or exif.get(GPS_POINTER)
    if gps_entry is not None:
        pointer = view.first_int(gps_entry)
        if gps_entry[1] == 0:
            out.add_gps(reading(None, None, None, None, origin, "GPSInfo pointer without a value"))
        elif pointer is None:
            out.note(N_("its GPS block pointer is damaged; GPS could not be checked"), damage=True)
        else:
            out.add_gps(read_gps(view, view.ifd(pointer, GPS_TAGS), origin))
    note = merged.get(MAKER_NOTE)
    if note is not None and view.problem is None:
        read_maker_note(view, note, make, out)
    xmp = ifd0.get(XMP_TAG)
    if xmp is not None and xmp[0] in (1, ASCII, 7):
        packet = view.data(xmp)
        if packet:
            decode_xmp(packet, out)
    if view.problem == "cut":
        out.fail(TRUNCATED, CUT_NOTE)
    elif view.problem == "outside":
        out.note(OUTSIDE_NOTE, damage=True)


_SPLIT_NAMES = {"ifd0": "IFD0", "exif": "EXIF", "maker": N_("maker note"), "gps": "GPS"}


def decode_split_exif(blocks: dict[str, Buffer], out: Collector, origin: str = "exif") -> None:
    """EXIF stored as separate TIFF blocks with one directory each (Canon CR3's CMT1-CMT4):
    ``blocks`` maps ``"ifd0"``, ``"exif"``, ``"maker"`` (a Canon maker note) and ``"gps"``
    to the block.  A damaged block adds a note and never loses the others."""
    for name in ("ifd0", "exif", "maker", "gps"):
        block = blocks.get(name)
        if block is None:
            continue
        opened = TiffView.open(block, 0)
        if opened is None:
            out.fail(
                M_(
                    "its {block} block is damaged (no valid TIFF header)",
                    block=known(_SPLIT_NAMES[name]),
                )
            )
            continue
        view, first = opened
        try:
            if name == "gps":
                out.add_gps(read_gps(view, view.ifd(first, GPS_TAGS), origin))
            elif name == "maker":
                read_canon_ifd(view, first, out)
            else:
                _read_fields(view, view.ifd(first, WANTED), out)
        except Exception as exc:  # one bad block must not lose the others
            out.fail(
                M_(
                    "its {block} block is damaged ({error})",
                    block=known(_SPLIT_NAMES[name]),
                    error=type(exc).__name__,
                )
            )
        if view.problem == "cut":
            out.fail(TRUNCATED, CUT_NOTE)
        elif view.problem == "outside":
            out.note(OUTSIDE_NOTE, damage=True)


def _sub_ifd(view: TiffView, ifd: Ifd, tag: int, wanted: frozenset[int]) -> Ifd:
    entry = ifd.get(tag)
    if entry is None:
        return {}
    pointer = view.first_int(entry)
    return {} if pointer is None else view.ifd(pointer, wanted)


def _read_fields(view: TiffView, ifd: Ifd, out: Collector) -> str | None:
    """Add the plain fields of ``ifd``; returns this block's Make."""
    text = view.text
    make = text(ifd.get(0x010F), 256)
    out.set_make(make)
    out.set_model(text(ifd.get(0x0110), 256))
    out.set_software(text(ifd.get(0x0131), 256))
    if 0x010E in ifd:
        out.add_text("ImageDescription", text(ifd[0x010E]))
    if 0x9286 in ifd:
        out.add_text("UserComment", _user_comment(view, ifd[0x9286]))
    fallback = text(ifd.get(0x9010), 16)
    original = parse_datetime(text(ifd.get(0x9003), 64), text(ifd.get(0x9011), 16) or fallback)
    out.offer_captured(original, RANK_ORIGINAL)
    if original is None:  # CreateDate only counts when DateTimeOriginal is missing
        out.offer_captured(
            parse_datetime(text(ifd.get(0x9004), 64), text(ifd.get(0x9012), 16) or fallback),
            RANK_CREATED,
        )
    if not _IDENTITY_TAGS.isdisjoint(ifd):  # most phone photos hold none of them
        _read_identities(view, ifd, out)
    if not _RARE_TAGS.isdisjoint(ifd):
        _read_rare(view, ifd, out)
    return make


def _read_rare(view: TiffView, ifd: Ifd, out: Collector) -> None:
    """Windows' text fields and an IPTC block stored in the TIFF structure."""
    for tag, label in WINDOWS_TAGS.items():
        entry = ifd.get(tag)
        if entry is not None and entry[0] in (1, 7):  # always UTF-16LE, whatever the order
            out.add_text(label, decode_utf16(view.data(entry, 8192) or b""))
    iptc = ifd.get(IPTC_TAG)
    if iptc is not None:
        decode_iptc(view.data(iptc, 1 << 20) or b"", out)
    photoshop = ifd.get(PHOTOSHOP_TAG)
    if photoshop is not None:
        decode_photoshop(view.data(photoshop, 1 << 20) or b"", out)


def _read_identities(view: TiffView, ifd: Ifd, out: Collector) -> None:
    """Serial numbers and owners' names."""
    text = view.text
    for tag, label in SERIAL_TAGS.items():
        out.add_serial(label, view.text_or_number(ifd.get(tag)))
    for tag, label in OWNER_TAGS.items():
        out.add_owner(label, text(ifd.get(tag), 256))
    copyright_entry = ifd.get(0x8298)
    if copyright_entry is not None:
        raw = view.data(copyright_entry, 512) or b""
        for part in raw.split(b"\x00")[:2]:
            out.add_owner("Copyright", decode(part))
    author = ifd.get(0x9C9D)
    if author is not None and author[0] in (1, 7):
        out.add_owner("XPAuthor", decode_utf16(view.data(author, 512) or b""))


def _user_comment(view: TiffView, entry: Entry | None) -> str | None:
    """EXIF UserComment: an 8-byte character-code prefix, then the text."""
    if entry is None:
        return None
    data = view.data(entry, 4096)
    if not data or len(data) <= 8:
        return None
    code, body = data[:8], data[8:]
    if code == b"UNICODE\x00":
        return decode_utf16(body, view.little)
    if code in _COMMENT_CODES or not code.isascii():
        return decode(body)
    return decode(data)
