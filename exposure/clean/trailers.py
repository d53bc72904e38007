"""Metadata that phones and cameras keep outside the usual blocks, cleaned in place.

- **Samsung trailer** (``SEFH``…``SEFT`` at the end of a JPEG, or in HEIC's ``sefd`` box):
  the ``MCC_Data`` record (mobile country code: the country the phone was in) is zeroed and
  its type cleared; a Samsung Motion Photo's embedded video is cleaned like any MP4.
- **Google Motion Photo / MicroVideo**: the MP4 appended after the JPEG is cleaned like any
  MP4 (location atoms renamed ``free``), found by its ``ftyp`` box after the image.
- **FLIR** thermal cameras: the GPS record (type 0x2B) of the FFF data carried in ``FLIR``
  APP1 segments is zeroed and its directory entry emptied (type 0, which readers skip).

Layouts follow ExifTool's Samsung.pm (``ProcessSamsung``) and FLIR.pm (``ProcessFLIR``).
"""

from __future__ import annotations

import struct

from exposure.clean import video
from exposure.clean.state import Pass, Unsafe
from exposure.i18n.message import M_, known

SEF_MCC = 0x0AA1
SEF_VIDEO = 0x0A30
FLIR_GPS = 0x2B


def clean_samsung_trailer(buf: bytearray, state: Pass, end: int | None = None) -> None:
    """The Samsung trailer ending at ``end`` (default: the end of ``buf``), if there is one."""
    end = len(buf) if end is None else end
    if end < 8 or buf[end - 4 : end] != b"SEFT":
        return
    length = int.from_bytes(buf[end - 8 : end - 4], "little")
    sefh = end - 8 - length
    if sefh < 0 or buf[sefh : sefh + 4] != b"SEFH":
        return
    count = int.from_bytes(buf[sefh + 8 : sefh + 12], "little")
    for i in range(min(count, 1024)):
        entry = sefh + 12 + 12 * i
        if entry + 12 > end - 8:
            break
        kind, back, size = struct.unpack_from("<HII", buf, entry + 2)
        start = sefh - back
        if start < 0 or start + size > sefh or size < 8:
            continue
        name_len = int.from_bytes(buf[start + 4 : start + 8], "little")
        data = start + 8 + name_len
        if data > start + size:
            continue
        if kind == SEF_MCC:
            buf[entry + 2 : entry + 4] = b"\x00\x00"
            buf[start + 2 : start + 4] = b"\x00\x00"
            buf[data : start + size] = bytes(start + size - data)
            state.location("Samsung country code (MCC)")
        elif kind == SEF_VIDEO:
            clean_embedded_video(buf, data, start + size, state)


def clean_embedded_video(buf: bytearray, start: int, end: int, state: Pass) -> None:
    """An MP4 stored inside a photo at ``buf[start:end]``, cleaned in place."""
    if buf[start + 4 : start + 8] != b"ftyp":
        return

    def read(offset: int, length: int) -> bytes:
        return bytes(buf[start + offset : min(start + offset + length, end)])

    for offset, data in video.plan_video(read, end - start, state):
        buf[start + offset : start + offset + len(data)] = data


def clean_motion_photo(buf: bytearray, after: int, state: Pass) -> None:
    """A Google Motion Photo's MP4 appended after the image (which ends before ``after``)."""
    at = buf.rfind(b"ftyp", after)
    if at < 4:
        return
    start = at - 4
    try:
        clean_embedded_video(buf, start, len(buf), state)
    except Unsafe as exc:
        raise Unsafe(
            M_("its embedded motion-photo video: {reason}", reason=known(exc.reason))
        ) from None


def clean_flir(buf: bytearray, segments: list[tuple[int, int]], state: Pass) -> None:
    """The FFF data spread over FLIR APP1 segments (``segments``: their data ranges)."""
    data = bytearray(b"".join(buf[lo:hi] for lo, hi in segments))
    if data[:4] != b"FFF\x00" or len(data) < 0x40:
        return
    order = ">"
    for candidate in (">", "<"):
        (version,) = struct.unpack_from(candidate + "I", data, 0x14)
        if 100 <= version < 200:
            order = candidate
            break
    else:
        raise Unsafe(M_("its FLIR thermal data has an unknown layout; not safe to clean"))
    directory, count = struct.unpack_from(order + "II", data, 0x18)
    changed = False
    for i in range(min(count, 4096)):
        entry = directory + 0x20 * i
        if entry + 0x20 > len(data):
            raise Unsafe(M_("its FLIR thermal data is truncated; not safe to clean"))
        (kind,) = struct.unpack_from(order + "H", data, entry)
        if kind != FLIR_GPS:
            continue
        pos, length = struct.unpack_from(order + "II", data, entry + 0x0C)
        data[entry : entry + 2] = b"\x00\x00"
        data[pos : pos + length] = bytes(len(data[pos : pos + length]))
        changed = True
        state.location("FLIR GPS record")
    if changed:
        at = 0
        for lo, hi in segments:
            buf[lo:hi] = data[at : at + hi - lo]
            at += hi - lo
