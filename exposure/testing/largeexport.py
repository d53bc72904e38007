"""A "download your data" export of several gigabytes, built in seconds (tests, benchmarks).

:func:`write_padded_takeout` writes a Google Takeout zip whose first member is a large
stored video (a valid ``ftyp`` + ``mdat`` header, then zeros), followed by the members of
the demo's made-up Takeout.  The zeros are not written: the file skips over them (a sparse
file where the file system allows it), so the export takes little disk space and little
time to build, while every reader sees its full size.  Its findings are those of the demo
Takeout, found behind the large member (so a copy cut short, or read from the wrong
offset, loses them), plus one "not checked" line for the video, larger than what is read
of media inside an archive.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from exposure.demo import DOWNLOADS_DIR

DEMO_TAKEOUT = DOWNLOADS_DIR / "takeout-20240318T120000Z-001.zip"
"""The demo's made-up Takeout: its members follow the large video."""
VIDEO = "Takeout/Google Photos/Photos from 2024/VID_20240316_181500.mp4"
"""The large member's name."""
GIB = 1024**3
_CHUNK = bytes(16 * 1024 * 1024)
_WHEN = (2024, 3, 18, 12, 0, 0)


class _SkipZeros(io.FileIO):
    """A file that seeks over the zero chunks it is asked to write (holes, not writes)."""

    def write(self, data: object) -> int:
        if data is _CHUNK:
            self.seek(len(_CHUNK), io.SEEK_CUR)
            return len(_CHUNK)
        return super().write(data)  # type: ignore[arg-type]


def _video_header(payload: int) -> bytes:
    """``ftyp`` and the header of one ``mdat`` box (64-bit size) holding ``payload`` bytes."""
    ftyp = struct.pack(">I4s4sI4s4s", 24, b"ftyp", b"isom", 0x200, b"isom", b"mp42")
    return ftyp + struct.pack(">I4sQ", 1, b"mdat", 16 + payload)


def write_padded_takeout(path: Path, size: int = 2 * GIB) -> Path:
    """A Takeout zip of at least ``size`` bytes: the large video, then the demo Takeout."""
    video = ((size + len(_CHUNK) - 1) // len(_CHUNK)) * len(_CHUNK)
    header = _video_header(video)
    info = zipfile.ZipInfo(VIDEO, _WHEN)
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = len(header) + video
    with _SkipZeros(path, "w") as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as archive:
        with archive.open(info, "w", force_zip64=True) as out:
            out.write(header)
            for _ in range(video // len(_CHUNK)):
                out.write(_CHUNK)
        with zipfile.ZipFile(DEMO_TAKEOUT) as demo:
            for member in demo.infolist():
                archive.writestr(member, demo.read(member))
    return path
