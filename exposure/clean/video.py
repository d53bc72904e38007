"""MP4 and QuickTime (MOV): location atoms renamed to ``free``, every length kept.

A video is never read whole: only its ``moov`` box (the index, a few KiB to a few MiB) is
read, edited in memory and written back over itself in the copy; the media data (``mdat``)
is copied by the kernel without passing through Python.

- ``udta`` ``©xyz`` (ISO 6709 position, Android and many cameras) and 3GPP ``loci``: the box
  type becomes ``free``, which every reader skips, and its bytes are zeroed;
- Apple ``keys``/``ilst`` items named ``com.apple.quicktime.location.*`` (ISO6709,
  accuracy, name, body...): the item becomes ``free`` and its value is zeroed;
- XMP (``udta``/``XMP_`` and the top-level XMP ``uuid`` box): blanked like any XMP;
- with identity: author and artist items.

A timed GPS track (GoPro ``gpmd``, Google ``camm``, Sony ``rtmd``, an Apple ``mebx`` track
with location keys) cannot be removed without rewriting the sample tables, so such a video
is refused with that reason.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable

from exposure.clean.state import Pass, Unsafe
from exposure.clean.xmpblank import blank_xmp
from exposure.i18n.message import M_

XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")
MAX_MOOV = 256 * 1024 * 1024
MAX_BOXES = 100_000
_CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl", b"udta", b"edts"})
_LOCATION_ATOMS = {b"\xa9xyz": "QuickTime \u00a9xyz", b"loci": "QuickTime loci"}
_IDENTITY_ATOMS = {
    b"\xa9ART": "QuickTime \u00a9ART",
    b"\xa9aut": "QuickTime \u00a9aut",
    b"auth": "QuickTime auth",
}
_DESCRIPTION_ATOMS = {b"\xa9des": "QuickTime \u00a9des", b"\xa9cmt": "QuickTime \u00a9cmt"}
DESCRIPTION = "QuickTime description"
"""The reader's label of a video's description or comment: removed when it names a place."""
_GPS_TRACKS = {b"gpmd": "GoPro", b"camm": "camera-motion", b"rtmd": "Sony"}

Box = tuple[bytes, int, int, int]
"""(type, start of the box, start of its payload, end)."""


def boxes(data: bytes | bytearray, start: int, end: int) -> list[Box]:
    """The boxes between ``start`` and ``end`` of ``data`` (in memory); stops at damage."""
    found: list[Box] = []
    pos = start
    end = min(end, len(data))
    while pos + 8 <= end and len(found) < MAX_BOXES:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                break
            size = struct.unpack_from(">Q", data, pos + 8)[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            break
        found.append((kind, pos, pos + header, pos + size))
        pos += size
    return found


def _free(data: bytearray, box: Box) -> None:
    """Rename the box to ``free`` and zero its payload (its size stays)."""
    kind_at = box[1] + 4
    data[kind_at : kind_at + 4] = b"free"
    data[box[2] : box[3]] = bytes(box[3] - box[2])


def _is_location_key(name: str) -> bool:
    lower = name.lower()
    return "location" in lower or "iso6709" in lower or lower.endswith(("gps", ".xyz"))


def _is_identity_key(name: str) -> bool:
    return name.endswith((".author", ".artist")) or name in ("\u00a9ART", "\u00a9aut")


def _is_description_key(name: str, kind: bytes) -> bool:
    return kind in _DESCRIPTION_ATOMS or name.endswith((".description", ".comment"))


def _walk(data: bytearray, start: int, end: int, state: Pass) -> None:
    for box in boxes(data, start, end):
        kind, _at, payload, stop = box
        if kind in _LOCATION_ATOMS:
            _free(data, box)
            state.location(_LOCATION_ATOMS[kind])
        elif state.identity and kind in _IDENTITY_ATOMS:
            _free(data, box)
            state.person(_IDENTITY_ATOMS[kind])
        elif kind in _DESCRIPTION_ATOMS and DESCRIPTION in state.texts:
            _free(data, box)
            state.location(f"{_DESCRIPTION_ATOMS[kind]} (it names a place)")
        elif kind == b"XMP_":
            blank_xmp(data, payload, stop, state)
        elif kind == b"meta":
            clean_meta(data, payload, stop, state)
        elif kind == b"stsd":
            _check_sample_entries(data, payload, stop)
        elif kind in _CONTAINERS:
            _walk(data, payload, stop, state)


def clean_meta(data: bytearray, start: int, end: int, state: Pass) -> None:
    """A ``meta`` box payload (ISO full box or Apple's plain one): ``keys`` and ``ilst``."""
    first = start if data[start + 4 : start + 8] == b"hdlr" else start + 4
    keys: list[str] = []
    for box in boxes(data, first, end):
        kind, _at, payload, stop = box
        if kind == b"keys":
            keys = _keys(data, payload, stop)
        elif kind == b"ilst":
            for item in boxes(data, payload, stop):
                index = int.from_bytes(item[0], "big")
                name = keys[index - 1] if 0 < index <= len(keys) else item[0].decode("latin-1")
                if _is_location_key(name) or item[0] in _LOCATION_ATOMS:
                    _free(data, item)
                    state.location(f"QuickTime {name}")
                elif state.identity and _is_identity_key(name):
                    _free(data, item)
                    state.person(f"QuickTime {name}")
                elif DESCRIPTION in state.texts and _is_description_key(name, item[0]):
                    _free(data, item)
                    state.location(f"QuickTime {name} (it names a place)")
        elif kind == b"XMP_":
            blank_xmp(data, payload, stop, state)


def _keys(data: bytearray, start: int, end: int) -> list[str]:
    keys: list[str] = []
    if start + 8 > end:
        return keys
    count = int.from_bytes(data[start + 4 : start + 8], "big")
    pos = start + 8
    for _ in range(min(count, 4096)):
        if pos + 8 > end:
            break
        size = int.from_bytes(data[pos : pos + 4], "big")
        if size < 8 or pos + size > end:
            break
        keys.append(bytes(data[pos + 8 : pos + size]).decode("utf-8", "replace"))
        pos += size
    return keys


def _check_sample_entries(data: bytearray, start: int, end: int) -> None:
    """Refuse a track whose samples are GPS fixes: they cannot be taken out in place."""
    for entry in boxes(data, start + 8, end):
        name = _GPS_TRACKS.get(entry[0])
        if name is not None:
            raise Unsafe(
                M_(
                    "it has a {name} GPS track inside the video stream; exposure cannot remove "
                    "it without re-encoding (export the video without location from your phone "
                    "or editor)",
                    name=name,
                )
            )
        if entry[0] == b"mebx" and b"location" in bytes(data[entry[2] : entry[3]]).lower():
            raise Unsafe(
                M_(
                    "it has a timed location track inside the video stream; exposure cannot "
                    "remove it without re-encoding (export the video without location from "
                    "your phone)"
                )
            )


Reader = Callable[[int, int], bytes]
"""``read(offset, length)``: bytes of the video (fewer only at its end)."""


def file_reader(fd: int) -> Reader:
    """A :data:`Reader` over an open file."""
    return lambda offset, length: os.pread(fd, length, offset)


def plan_video(read: Reader, size: int, state: Pass) -> list[tuple[int, bytes]]:
    """The in-place patches (offset, new bytes) that clean the video of ``size`` bytes."""
    patches: list[tuple[int, bytes]] = []
    pos = 0
    seen_moov = False
    for _ in range(MAX_BOXES):
        if pos + 8 > size:
            break
        head = read(pos, 16)
        if len(head) < 8:
            break
        length, kind = struct.unpack_from(">I4s", head)
        header = 8
        if length == 1 and len(head) == 16:
            length, header = struct.unpack_from(">Q", head, 8)[0], 16
        elif length == 0:
            length = size - pos
        if length < header:
            raise Unsafe(M_("a box of the video has an impossible size; the file is damaged"))
        if pos + length > size:
            raise Unsafe(M_("the file ends inside a box (truncated?)"))
        if kind in (b"moov", b"meta") or (kind == b"uuid" and read(pos + header, 16) == XMP_UUID):
            if length > MAX_MOOV:
                raise Unsafe(M_("its movie index is larger than 256 MiB; not cleaned"))
            box = bytearray(read(pos, length))
            if len(box) != length:
                raise Unsafe(M_("the file could not be read whole"))
            before = bytes(box)
            if kind == b"moov":
                seen_moov = True
                clean_moov_box(box, header, state)
            elif kind == b"meta":
                clean_meta(box, header, length, state)
            else:
                blank_xmp(box, header + 16, length, state)
            if box != before:
                patches.append((pos, bytes(box)))
        pos += length
    else:
        raise Unsafe(M_("the video has too many top-level boxes to check them all"))
    if not seen_moov:
        raise Unsafe(M_("it has no movie header ('moov' box); truncated?"))
    return patches


def clean_moov_box(box: bytearray, header: int, state: Pass) -> None:
    """A whole ``moov`` box (header included) cleaned in place."""
    _walk(box, header, len(box), state)
