"""Overlapping-entry zip files ("better zip bomb" style, after David Fifield's zbsm), for tests.

Every member's local header is followed by a deflate *stored* block that quotes the next
member's local header; after the last header comes one shared deflate "kernel" that
inflates to ``kernel_size`` bytes.  So member ``i`` inflates to the headers of every later
member plus the kernel, and all members share the same bytes on disk: each one stays within
a per-member ratio cap while the archive as a whole expands enormously.  CRCs and sizes are
correct, so a zip reader accepts every member.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")


def _local(name: bytes, crc: int, csize: int, usize: int) -> bytes:
    return _LOCAL.pack(b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, csize, usize, len(name), 0) + name


def _quote(data: bytes) -> bytes:
    """A non-final stored deflate block holding ``data`` (byte-aligned at a block start)."""
    return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data


def overlapping_zip(
    path: Path,
    members: int = 200,
    kernel_size: int = 8 * 1024 * 1024,
    name: str = "part_{:05d}.zip",
) -> Path:
    """Write the archive to ``path``; ``name`` is formatted with each member's index."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    kernel = compressor.compress(bytes(kernel_size)) + compressor.flush()
    names = [name.format(i).encode() for i in range(members)]
    # Built from the last member back: member i inflates to the later headers + the kernel.
    headers: list[bytes] = [b""] * members
    quoted = b""  # the local headers of the members after i, as member i inflates them
    csize = len(kernel)
    for i in range(members - 1, -1, -1):
        if i < members - 1:
            quoted = headers[i + 1] + quoted
            csize += 5 + len(headers[i + 1])
        crc = zlib.crc32(bytes(kernel_size), zlib.crc32(quoted))
        headers[i] = _local(names[i], crc, csize, len(quoted) + kernel_size)
    body = bytearray()
    central = bytearray()
    for i in range(members):
        offset = len(body)
        *_, crc, csize, usize, _n, _x = _LOCAL.unpack(headers[i][: _LOCAL.size])
        body += headers[i]
        if i < members - 1:
            body += _quote(headers[i + 1])[:5]  # the quote's header; the quoted header follows
        central += _CENTRAL.pack(
            b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, csize, usize, len(names[i]),
            0, 0, 0, 0, 0, offset,
        ) + names[i]  # fmt: skip
    body += kernel
    end = _END.pack(b"PK\x05\x06", 0, 0, members, members, len(central), len(body), 0)
    path.write_bytes(bytes(body) + bytes(central) + end)
    return path
