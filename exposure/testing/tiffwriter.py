"""A small TIFF/EXIF writer: entries in, a laid-out TIFF block out."""

from __future__ import annotations

import struct
from datetime import datetime

from exposure.testing.specs import GpsSpec, PhotoSpec, Rationals

Entry = tuple[int, int, int, bytes]
"""(tag, field type, count, value bytes in the block's byte order)."""

BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED, SRATIONAL = 1, 2, 3, 4, 5, 7, 10
EXIF_POINTER, GPS_POINTER = 0x8769, 0x8825


class TiffWriter:
    """Entry builders and the layout for one byte order."""

    def __init__(self, big_endian: bool = False) -> None:
        self.order = ">" if big_endian else "<"
        self.magic = b"MM\x00*" if big_endian else b"II*\x00"

    def ascii(self, tag: int, text: str) -> Entry:
        data = text.encode("utf-8") + b"\x00"
        return tag, ASCII, len(data), data

    def byte(self, tag: int, *values: int) -> Entry:
        return tag, BYTE, len(values), bytes(values)

    def undefined(self, tag: int, data: bytes) -> Entry:
        return tag, UNDEFINED, len(data), data

    def short(self, tag: int, *values: int) -> Entry:
        return tag, SHORT, len(values), struct.pack(f"{self.order}{len(values)}H", *values)

    def long(self, tag: int, *values: int) -> Entry:
        return tag, LONG, len(values), struct.pack(f"{self.order}{len(values)}I", *values)

    def rational(self, tag: int, pairs: Rationals, signed: bool = False) -> Entry:
        flat = [v for pair in pairs for v in pair]
        code = "i" if signed else "I"
        data = struct.pack(f"{self.order}{len(flat)}{code}", *flat)
        return tag, SRATIONAL if signed else RATIONAL, len(pairs), data

    def build(
        self,
        ifd0: list[Entry],
        exif: list[Entry] | None = None,
        gps: list[Entry] | None = None,
        lead: bytes = b"",
    ) -> bytes:
        """Header, ``lead`` bytes at offset 8, then IFD0, the EXIF IFD and the GPS IFD."""
        ifd0 = [e for e in ifd0 if e[0] not in (EXIF_POINTER, GPS_POINTER)]
        if exif is not None:
            ifd0.append(self.long(EXIF_POINTER, 0))
        if gps is not None:
            ifd0.append(self.long(GPS_POINTER, 0))
        tables = [sorted(t) for t in (ifd0, exif, gps) if t is not None]
        offsets = []
        pos = 8 + len(lead) + (len(lead) & 1)
        for table in tables:
            offsets.append(pos)
            pos += _ifd_size(table) + _data_size(table)
        pointers = dict(zip((EXIF_POINTER, GPS_POINTER), offsets[1:], strict=False))
        if exif is None and gps is not None:
            pointers = {GPS_POINTER: offsets[1]}
        out = [
            self.magic,
            struct.pack(self.order + "I", offsets[0]),
            lead,
            b"\x00" * (len(lead) & 1),
        ]
        for table, offset in zip(tables, offsets, strict=True):
            patched = [self.long(e[0], pointers[e[0]]) if e[0] in pointers else e for e in table]
            out.append(self.ifd_bytes(patched, offset))
        return b"".join(out)

    def ifd_bytes(self, table: list[Entry], offset: int) -> bytes:
        """One IFD placed at ``offset`` (offsets count from the same origin), then its data."""
        table = sorted(table)
        data_at = offset + _ifd_size(table)
        head = [struct.pack(self.order + "H", len(table))]
        data = []
        for tag, typ, count, value in table:
            if len(value) <= 4:
                field = value.ljust(4, b"\x00")
            else:
                field = struct.pack(self.order + "I", data_at)
                padded = value + b"\x00" * (len(value) & 1)
                data.append(padded)
                data_at += len(padded)
            head.append(struct.pack(self.order + "HHI", tag, typ, count) + field)
        head.append(b"\x00\x00\x00\x00")
        return b"".join(head + data)


def _ifd_size(table: list[Entry]) -> int:
    return 2 + 12 * len(table) + 4


def _data_size(table: list[Entry]) -> int:
    return sum(len(v) + (len(v) & 1) for _, _, _, v in table if len(v) > 4)


def exif_date(when: datetime) -> str:
    """``"2021:06:01 12:00:00"``."""
    return when.strftime("%Y:%m:%d %H:%M:%S")


def dms(value: float) -> Rationals:
    """Unsigned degrees to (degrees, minutes, microsecond-precision seconds) rationals."""
    value = abs(value)
    degrees = int(value)
    minutes_total = (value - degrees) * 60
    minutes = int(minutes_total)
    seconds = round((minutes_total - minutes) * 60 * 1_000_000)
    return (degrees, 1), (minutes, 1), (seconds, 1_000_000)


def gps_entries(w: TiffWriter, gps: GpsSpec) -> list[Entry]:
    """The GPS IFD for ``gps`` (only GPSVersionID when it holds nothing)."""
    out = [w.byte(0x0000, 2, 3, 0, 0)]
    for tag, value, pairs, ref, letters in (
        (0x0002, gps.lat, gps.lat_rationals, gps.lat_ref, "NS"),
        (0x0004, gps.lon, gps.lon_rationals, gps.lon_ref, "EW"),
    ):
        if pairs is None and value is not None:
            pairs = dms(value)
            ref = ref or (letters[1] if value < 0 else letters[0])
        if ref is not None:
            out.append(w.ascii(tag - 1, ref))
        if pairs is not None:
            out.append(w.rational(tag, pairs))
    if gps.altitude_m is not None:
        out.append(w.byte(0x0005, 1 if gps.altitude_m < 0 else 0))
        out.append(w.rational(0x0006, ((round(abs(gps.altitude_m) * 1000), 1000),)))
    if gps.time is not None:
        t = gps.time
        micro = t.second * 1_000_000 + t.microsecond
        out.append(w.rational(0x0007, ((t.hour, 1), (t.minute, 1), (micro, 1_000_000))))
        out.append(w.ascii(0x001D, t.strftime("%Y:%m:%d")))
    return out


WINDOWS_TAGS = {"XPTitle": 0x9C9B, "XPComment": 0x9C9C, "XPAuthor": 0x9C9D}
WINDOWS_TAGS |= {"XPKeywords": 0x9C9E, "XPSubject": 0x9C9F}


def windows_entries(w: TiffWriter, spec: PhotoSpec) -> list[Entry]:
    """Windows' XP fields: UTF-16LE with a final NUL, as BYTE arrays (whatever the order)."""
    return [
        w.byte(WINDOWS_TAGS[name], *(text.encode("utf-16-le") + b"\x00\x00"))
        for name, text in spec.windows
    ]


def ifd0_entries(w: TiffWriter, spec: PhotoSpec) -> list[Entry]:
    """IFD0's text fields of ``spec``: description, make, model, software, artist, copyright
    and Windows' XP fields."""
    ifd0 = []
    for tag, text in (
        (0x010E, spec.description),
        (0x010F, spec.make),
        (0x0110, spec.model),
        (0x0131, spec.software),
        (0x013B, spec.artist),
        (0x8298, spec.copyright),
    ):
        if text is not None:
            ifd0.append(w.ascii(tag, text))
    return ifd0 + windows_entries(w, spec)


def exif_entries(w: TiffWriter, spec: PhotoSpec) -> list[Entry]:
    """The EXIF IFD of ``spec``: version, capture time and offset, owner, serials, maker note."""
    exif = [w.undefined(0x9000, b"0232")]
    if spec.datetime_original is not None:
        stamp = exif_date(spec.datetime_original)
        exif += [w.ascii(0x9003, stamp), w.ascii(0x9004, stamp)]
    if spec.offset_time is not None:
        exif += [w.ascii(0x9010, spec.offset_time), w.ascii(0x9011, spec.offset_time)]
    for tag, text in (
        (0xA430, spec.owner_name),
        (0xA431, spec.body_serial),
        (0xA435, spec.lens_serial),
    ):
        if text is not None:
            exif.append(w.ascii(tag, text))
    if spec.maker_note is not None:
        exif.append(w.undefined(0x927C, spec.maker_note))
    return exif


def exif_block(spec: PhotoSpec, ifd0_extra: list[Entry] | None = None, lead: bytes = b"") -> bytes:
    """The TIFF block for ``spec``: IFD0, EXIF IFD and (when ``spec.gps``) the GPS IFD."""
    w = TiffWriter(spec.big_endian)
    ifd0 = list(ifd0_extra or []) + ifd0_entries(w, spec)
    gps = gps_entries(w, spec.gps) if spec.gps is not None else None
    return w.build(ifd0, exif_entries(w, spec), gps, lead)
