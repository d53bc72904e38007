"""MP4 and QuickTime (MOV) videos: location, camera, software and creation time.

Read: ``moov/mvhd`` (creation time), ``moov/udta`` (``©xyz`` ISO 6709 location, ``©mak``,
``©mod``, ``©swr``, ``©day``, 3GPP ``loci``, ``XMP_``, nested ``meta``), ``moov/meta``
with Apple ``keys``/``ilst`` (``com.apple.quicktime.location.ISO6709`` …) and the top
level XMP ``uuid`` box.  Media data (``mdat``) and tracks are skipped by seeking.
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta

from exposure.i18n import N_
from exposure.metadata.collect import RANK_CONTAINER, RANK_CONTAINER_UTC, Collector
from exposure.metadata.containers.boxes import Cursor, iter_boxes
from exposure.metadata.containers.isobmff import read_payload
from exposure.metadata.errors import TRUNCATED
from exposure.metadata.iso6709 import parse_iso6709
from exposure.metadata.positions import reading
from exposure.metadata.source import Buffer, Source
from exposure.metadata.text import decode, decode_utf16, parse_datetime
from exposure.metadata.xmp import decode_xmp

XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")
_EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)
_SMALL_BOX = 1024 * 1024
_FIXED = struct.Struct(">iii")
_TEXT_KEYS = {
    "com.apple.quicktime.make": "make",
    "com.apple.quicktime.model": "model",
    "com.apple.quicktime.software": "software",
    "com.apple.quicktime.creationdate": "date",
    "com.apple.quicktime.location.ISO6709": "location",
    "com.apple.quicktime.author": "author",
    "com.apple.quicktime.artist": "author",
    "com.apple.quicktime.description": "description",
    "com.apple.quicktime.comment": "description",
    "\xa9xyz": "location",
    "\xa9mak": "make",
    "\xa9mod": "model",
    "\xa9swr": "software",
    "\xa9too": "software",
    "\xa9day": "date",
    "\xa9ART": "author",
    "\xa9aut": "author",
    "\xa9des": "description",
    "\xa9cmt": "description",
}


def parse_quicktime(src: Source, out: Collector) -> None:
    """Read an MP4/MOV file's metadata boxes into ``out``."""
    seen_moov = False
    for kind, start, end in iter_boxes(src, 0, src.size):
        if kind == b"moov":
            seen_moov = True
            _moov(src, start, min(end, src.size), out)
        elif kind == b"uuid" and src.read(start, 16) == XMP_UUID:
            decode_xmp(read_payload(src, start + 16, end).data, out)
        elif kind == b"meta":
            _meta(read_payload(src, start, end), out)
        if end > src.size:
            out.fail(TRUNCATED, N_("the file ends inside a box (truncated?)"))
            break
    if not seen_moov:
        out.fail(N_("it has no movie header ('moov' box); truncated?"))


def _moov(src: Source, start: int, end: int, out: Collector) -> None:
    for kind, s, e in iter_boxes(src, start, end):
        if kind == b"mvhd":
            _mvhd(src.read(s, 12), out)
        elif kind == b"udta" and e - s <= 16 * _SMALL_BOX:
            _udta(read_payload(src, s, e), out)
        elif kind == b"meta" and e - s <= 16 * _SMALL_BOX:
            _meta(read_payload(src, s, e), out)


def _mvhd(data: bytes, out: Collector) -> None:
    if len(data) < 8:
        return
    seconds = int.from_bytes(data[4:12] if data[0] == 1 else data[4:8], "big")
    if 0 < seconds < 0xFFFFFFFFFF:
        when = _EPOCH_1904 + timedelta(seconds=seconds)
        if 1971 <= when.year <= 2100:
            out.offer_captured(when, RANK_CONTAINER_UTC)


def _udta(buf: Buffer, out: Collector) -> None:
    for kind, s, e in iter_boxes(buf, 0, buf.size):
        payload = buf.data[s:e]
        if kind == b"meta":
            _meta(Buffer(payload, buf.cut), out)
        elif kind == b"XMP_":
            decode_xmp(payload, out)
        elif kind == b"loci":
            _loci(payload, out)
        else:
            name = kind.decode("latin-1")
            if name in _TEXT_KEYS:
                _value(_TEXT_KEYS[name], _udta_text(payload), out)


def _udta_text(payload: bytes) -> str | None:
    """A QuickTime user-data text: a ``data`` box, or 2-byte length + 2-byte language + text."""
    if payload[4:8] == b"data":
        return _data_value(payload[8:])
    if len(payload) < 4:
        return None
    length = int.from_bytes(payload[:2], "big")
    return decode(payload[4 : 4 + length])


def _data_value(payload: bytes) -> str | None:
    """The value of an ``ilst`` ``data`` box: 4-byte type, 4-byte locale, value."""
    if len(payload) < 8:
        return None
    kind = int.from_bytes(payload[1:4], "big")
    value = payload[8:]
    return decode_utf16(value, little=False) if kind == 2 else decode(value)


def _meta(buf: Buffer, out: Collector) -> None:
    """A ``meta`` box: ISO full box or Apple's plain one, holding ``keys`` and ``ilst``."""
    first = 0 if buf.data[4:8] == b"hdlr" else 4
    keys: list[str] = []
    for kind, s, e in iter_boxes(buf, first, buf.size):
        if kind == b"keys":
            keys = _keys(Buffer(buf.data[:e], buf.cut), s, e)
        elif kind == b"ilst":
            _ilst(Buffer(buf.data[:e], buf.cut), s, e, keys, out)


def _keys(buf: Buffer, start: int, end: int) -> list[str]:
    cur = Cursor(buf.data, start + 4, end)
    count = cur.uint(4)
    keys = []
    for _ in range(min(count, 4096)):
        size = cur.uint(4)
        if size < 8:
            break
        cur.take(4)
        keys.append(cur.take(size - 8).decode("utf-8", "replace"))
    return keys


def _ilst(buf: Buffer, start: int, end: int, keys: list[str], out: Collector) -> None:
    for kind, s, e in iter_boxes(buf, start, end):
        index = int.from_bytes(kind, "big")
        name = keys[index - 1] if 0 < index <= len(keys) else kind.decode("latin-1")
        field = _TEXT_KEYS.get(name)
        if field is None:
            continue
        for inner, ds, de in iter_boxes(buf, s, e):
            if inner == b"data":
                _value(field, _data_value(buf.data[ds:de]), out)
                break


def _value(field: str, value: str | None, out: Collector) -> None:
    if not value:
        return
    if field == "location":
        parsed = parse_iso6709(value)
        raw = f"ISO6709={value!r}"
        if parsed is None:
            out.add_gps(reading(None, None, None, None, "quicktime", raw, unreadable=True))
        else:
            out.add_gps(reading(parsed[0], parsed[1], parsed[2], None, "quicktime", raw))
    elif field == "make":
        out.set_make(value)
    elif field == "model":
        out.set_model(value)
    elif field == "software":
        out.set_software(value)
    elif field == "date":
        out.offer_captured(parse_datetime(value), RANK_CONTAINER)
    elif field == "author":
        out.add_owner("QuickTime author", value)
    elif field == "description":
        out.add_text("QuickTime description", value)


def _loci(payload: bytes, out: Collector) -> None:
    """3GPP ``loci``: full box, language, name, role, then 16.16 fixed lon/lat/alt."""
    cur = Cursor(payload, 6)
    cur.cstring()
    cur.take(1)
    lon, lat, alt = _FIXED.unpack(cur.take(12))
    raw = f"loci lat={lat / 65536:.6f} lon={lon / 65536:.6f}"
    out.add_gps(reading(lat / 65536, lon / 65536, alt / 65536, None, "quicktime", raw))
