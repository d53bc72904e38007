"""IPTC IIM (the "IPTC" block photo agencies, Photoshop and many editors write): where the
photo was taken by name, its caption, headline, title and keywords, and its by-line.

IIM lives in a JPEG's APP13 segment inside Photoshop's image resource block (resource
0x0404), or in a TIFF's IPTC-NAA tag (0x83BB) or Photoshop tag (0x8649).  Every read here
is a bounded slice of bytes already in memory: a damaged block ends the walk quietly, or
with a note, and never raises.

Datasets read (record 2, as ExifTool names them): City (2:90), Sub-location (2:92),
Province-State (2:95), Country-PrimaryLocationCode (2:100), Country-PrimaryLocationName
(2:101), Caption-Abstract (2:120), Headline (2:105), ObjectName (2:05), Keywords (2:25),
By-line (2:80) and CopyrightNotice (2:116); record 1 CodedCharacterSet (1:90) says when
the text is UTF-8.
"""

from __future__ import annotations

from exposure.i18n import N_
from exposure.metadata.collect import Collector
from exposure.metadata.text import MAX_TEXT, clean, decode

PHOTOSHOP_JPEG = b"Photoshop 3.0\x00"
"""The start of a JPEG APP13 segment that holds Photoshop image resources."""
IPTC_RESOURCE = 0x0404
MAX_DATASETS = 4096
MAX_RESOURCES = 1024
_SIGNATURES = (b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa")
"""Image resource signatures ExifTool accepts (8BIM almost always)."""
_UTF8 = (b"\x1b%G", b"\x1b%/G", b"\x1b%/I")

_PLACE = {90: "city", 92: "sublocation", 95: "state", 100: "country_code", 101: "country"}
_TEXTS = {
    120: "IPTC Caption-Abstract",
    105: "IPTC Headline",
    5: "IPTC ObjectName",
    25: "IPTC Keywords",
}
_OWNERS = {80: "IPTC By-line", 116: "IPTC CopyrightNotice"}
_WANTED = frozenset({*_PLACE, *_TEXTS, *_OWNERS})


def decode_photoshop(data: bytes, out: Collector) -> None:
    """Photoshop image resources (``8BIM`` blocks): the IPTC block among them, if any."""
    pos, size = 0, len(data)
    for _ in range(MAX_RESOURCES):
        if pos + 12 > size or data[pos : pos + 4] not in _SIGNATURES:
            return
        resource = int.from_bytes(data[pos + 4 : pos + 6], "big")
        name_length = data[pos + 6]
        at = pos + 6 + ((name_length + 2) & ~1)  # Pascal string, padded to an even length
        length = int.from_bytes(data[at : at + 4], "big")
        at += 4
        if resource == IPTC_RESOURCE:
            block = data[at : at + length]
            decode_iptc(block, out)
            if len(block) < length:
                out.note(
                    N_("its IPTC block is cut short; read what came before the break"), damage=True
                )
        pos = at + length + (length & 1)


def decode_iptc(data: bytes, out: Collector) -> None:
    """IIM datasets (``0x1C``, record, dataset, length, value) into ``out``."""
    values: dict[int, list[bytes]] = {}
    utf8 = False
    pos, size = 0, len(data)
    for _ in range(MAX_DATASETS):
        if pos + 5 > size or data[pos] != 0x1C:
            break
        record, dataset = data[pos + 1], data[pos + 2]
        length = int.from_bytes(data[pos + 3 : pos + 5], "big")
        pos += 5
        if length & 0x8000:  # extended dataset: the next (length & 0x7FFF) bytes give it
            count = length & 0x7FFF
            if count > 4:
                out.note(
                    N_("its IPTC block is damaged; read what came before the break"), damage=True
                )
                break
            length = int.from_bytes(data[pos : pos + count], "big")
            pos += count
        value = data[pos : pos + length]
        pos += length
        if record == 1 and dataset == 90:
            utf8 = value.startswith(_UTF8)
        elif record == 2 and dataset in _WANTED and len(values.get(dataset, ())) < 64:
            values.setdefault(dataset, []).append(value[: MAX_TEXT * 4])
    if values:
        _interpret(values, utf8, out)


def _text(raw: bytes, utf8: bool) -> str:
    if utf8:
        end = raw.find(b"\x00")
        return clean(raw[: end if end >= 0 else len(raw)].decode("utf-8", "replace"))
    return decode(raw)


def _interpret(values: dict[int, list[bytes]], utf8: bool, out: Collector) -> None:
    place = {
        field: _text(values[dataset][0], utf8)
        for dataset, field in _PLACE.items()
        if dataset in values
    }
    if place:
        out.add_place("IPTC", **place)
    for dataset, label in _TEXTS.items():
        if dataset in values:
            parts = (_text(v, utf8) for v in values[dataset])
            out.add_text(label, "; ".join(p for p in parts if p))
    for dataset, label in _OWNERS.items():
        for raw in values.get(dataset, ())[:8]:
            out.add_owner(label, _text(raw, utf8))
