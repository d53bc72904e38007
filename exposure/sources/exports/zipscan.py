"""Finding the members of a zip whose table of contents is missing or damaged.

A zip file ends with its central directory (its table of contents); a download that stopped
loses it, and Python's zipfile then refuses the whole archive.  Every member also starts
with a local header (``PK\\x03\\x04``) naming it, followed by its data, so the members before
the cut can be found by walking those headers from the start of the file:

* a header that gives the compressed size is skipped over without reading the data;
* a member with a data descriptor (flag bit 3: the sizes come after the data) is inflated,
  output thrown away, until its deflate or bzip2 stream ends; the bytes this costs are
  capped like any read (a bomb stops the walk, which says so);
* a *stored* member with a data descriptor has no marker where it ends, so the walk stops
  there and says so;
* zip64 sizes in the local extra field are honoured; a member cut by the end of the file is
  still read up to the cut (:class:`MemberData` raises :class:`Truncated` there).

Why hand-written and not ``stream-unzip`` (PyPI): that library walks local headers too, but
as one forward pass that must be consumed in order, with no listing short of inflating
everything; it ends the whole walk at the first encrypted member or stored member with a
data descriptor (we must skip those and go on); and it brings pycryptodome and
stream-inflate for decryption and Deflate64, which exposure does not use.  The part needed
here is a header parser over the standard library's zlib and bz2.
"""

from __future__ import annotations

import bz2
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from exposure.sources.exports.limits import RATIO_FLOOR, ArchiveSpent, Budget, Truncated

LOCAL_SIG = b"PK\x03\x04"
END_SIGS = (b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07")
"""Central directory, end records: where the members end in a whole archive."""
DESCRIPTOR_SIG = b"PK\x07\x08"
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
CHUNK = 256 * 1024
INFLATED = (8, 12)
"""Methods whose stream marks its own end: deflate and bzip2."""
METHODS = (0, *INFLATED)
CUT_MEMBER = (
    "the archive is cut inside this file (the download stopped part-way): what came before "
    "the cut was read, the rest could not be"
)


@dataclass
class LocalEntry:
    """One member found by its local header."""

    raw_name: str
    flags: int
    method: int
    data_offset: int
    compressed: int | None
    """Bytes of (compressed) data: from the header, or measured; None while unknown."""
    size: int | None
    """Uncompressed size when the header gives it."""
    zip64: bool = False
    cut: bool = False
    """The file ends inside this member's data."""
    unknown_end: bool = False
    """Where its data ends cannot be known (stored with a data descriptor): not readable."""

    @property
    def encrypted(self) -> bool:
        """Flag bit 0."""
        return bool(self.flags & 0x1)

    @property
    def descriptor(self) -> bool:
        """Flag bit 3: sizes and CRC follow the data."""
        return bool(self.flags & 0x8)


@dataclass(frozen=True, slots=True)
class ScanCaps:
    """What walking the headers may cost (the read caps, and a probe's limits)."""

    member_cap: int
    max_ratio: float
    probe_members: int | None = None
    probe_bytes: int | None = None


class _Inflater:
    """Deflate or bzip2 decompression with bounded output per step."""

    def __init__(self, method: int) -> None:
        self._zlib = zlib.decompressobj(-15) if method == 8 else None
        self._bz2 = bz2.BZ2Decompressor() if method == 12 else None

    @property
    def eof(self) -> bool:
        """The compressed stream has ended."""
        return self._zlib.eof if self._zlib is not None else bool(self._bz2 and self._bz2.eof)

    @property
    def unused(self) -> int:
        """Bytes fed past the end of the stream."""
        if self._zlib is not None:
            return len(self._zlib.unused_data)
        return len(self._bz2.unused_data) if self._bz2 is not None else 0

    def wants_input(self) -> bool:
        """True when the next step needs more compressed bytes."""
        if self._zlib is not None:
            return not self._zlib.unconsumed_tail
        return self._bz2 is None or self._bz2.needs_input

    def step(self, data: bytes, limit: int) -> bytes:
        """At most ``limit`` bytes out, fed ``data`` (empty when :meth:`wants_input` is False)."""
        if self._zlib is not None:
            return self._zlib.decompress(data or self._zlib.unconsumed_tail, limit)
        assert self._bz2 is not None
        return self._bz2.decompress(data, limit)


class MemberData:
    """The uncompressed bytes of one found member, read from a shared file handle."""

    def __init__(self, fh: BinaryIO, entry: LocalEntry) -> None:
        self._fh = fh
        self._entry = entry
        self._pos = entry.data_offset
        self._left = entry.compressed
        self._inflater = _Inflater(entry.method) if entry.method in INFLATED else None

    def _raw(self, size: int) -> bytes:
        if self._left is not None:
            size = min(size, self._left)
        if size <= 0:
            return b""
        self._fh.seek(self._pos)
        data = self._fh.read(size)
        self._pos += len(data)
        if self._left is not None:
            self._left -= len(data)
        return data

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` uncompressed bytes; b"" at the end; Truncated at a cut."""
        size = CHUNK if size is None or size < 0 else max(1, size)
        if self._inflater is None:
            data = self._raw(size)
            if not data and (self._entry.cut or (self._left or 0) > 0):
                raise Truncated(CUT_MEMBER)
            return data
        while not self._inflater.eof:
            chunk = self._raw(CHUNK) if self._inflater.wants_input() else b""
            if not chunk and self._inflater.wants_input():
                raise Truncated(CUT_MEMBER)
            out = self._inflater.step(chunk, size)
            if out:
                return out
        return b""

    def close(self) -> None:
        """Nothing to release: the file handle belongs to the container."""


class LocalScan:
    """Walks the local headers of one zip file; what stopped the walk is kept."""

    def __init__(
        self, fh: BinaryIO, file_size: int, caps: ScanCaps, budget: Budget | None = None
    ) -> None:
        self._fh = fh
        self._budget = budget
        """The archive's budget: bytes inflated only to find where members end count too."""
        self._size = file_size
        self._caps = caps
        self.reached_directory = False
        """The walk reached the central directory: every member is there."""
        self.stop: str | None = None
        """Why the walk stopped before the end of the members (None: cut, or complete)."""
        self.cut_member: LocalEntry | None = None
        """The member the end of the file cuts through, if any."""
        self.complete = 0
        """Members (not folders) found whole."""
        self.probed = False
        """A probe's limits ended the walk early (nothing wrong with the archive)."""
        self._inflated = 0

    def entries(self) -> Iterator[LocalEntry]:
        """Every member found, in file order."""
        pos = 0
        found = 0
        while True:
            self._fh.seek(pos)
            head = self._fh.read(_LOCAL.size)
            if head[:4] in END_SIGS:
                self.reached_directory = True
                return
            if len(head) < 4 and any(sig.startswith(head) for sig in END_SIGS):
                return  # cut inside the signature of the table of contents
            if head[:4] != LOCAL_SIG[: len(head[:4])]:
                self.stop = f"unexpected bytes where a member should start (at byte {pos})"
                return
            entry = self._header(head, pos)
            if entry is None:
                return  # the file ends inside a header (or exactly between members)
            if self._caps.probe_members is not None and found >= self._caps.probe_members:
                self.probed = True
                return
            end = self._end(entry)
            if entry.cut:
                self.cut_member = entry
                yield entry
                return
            found += 1
            if end is None:
                yield entry
                return
            if not entry.raw_name.endswith("/"):
                self.complete += 1
            yield entry
            pos = self._after_descriptor(end, entry) if entry.descriptor else end

    def _header(self, head: bytes, pos: int) -> LocalEntry | None:
        if len(head) < _LOCAL.size:
            return None
        _sig, _ver, flags, method, _t, _d, _crc, csize, usize, nlen, xlen = _LOCAL.unpack(head)
        tail = self._fh.read(nlen + xlen)
        if len(tail) < nlen + xlen:
            return None
        raw = tail[:nlen]
        name = raw.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        entry = LocalEntry(name, flags, method, pos + _LOCAL.size + nlen + xlen, csize, usize)
        _zip64(entry, tail[nlen:])
        if entry.descriptor and (method in INFLATED or not entry.compressed):
            entry.compressed = entry.size = None  # sizes come after the data
        return entry

    def _end(self, entry: LocalEntry) -> int | None:
        """Where the member's data ends (marks ``cut``); None when the walk must stop."""
        if entry.compressed is not None:
            end = entry.data_offset + entry.compressed
            entry.cut = end > self._size
            return end
        if entry.encrypted:
            self.stop = f"'{entry.raw_name}' is encrypted and does not say where it ends"
            return None
        if entry.method not in INFLATED:
            entry.unknown_end = True
            self.stop = (
                f"'{entry.raw_name}' is stored without its size (a data descriptor), so where "
                "it ends cannot be known"
            )
            return None
        return self._measure(entry)

    def _measure(self, entry: LocalEntry) -> int | None:
        """Inflate the member (output thrown away) to find where its data ends."""
        inflater = _Inflater(entry.method)
        pos = entry.data_offset
        fed = out = 0
        try:
            while not inflater.eof:
                chunk = b""
                if inflater.wants_input():
                    self._fh.seek(pos)
                    chunk = self._fh.read(CHUNK)
                    if not chunk:
                        entry.cut = True
                        entry.compressed = self._size - entry.data_offset
                        return None
                    pos += len(chunk)
                    fed += len(chunk)
                step = len(inflater.step(chunk, CHUNK))
                out += step
                if self._budget is not None:
                    self._budget.take(step)
                if self._over(out, fed, entry):
                    return None
        except ArchiveSpent as exc:
            entry.compressed = fed
            self.stop = str(exc)
            return None
        except (zlib.error, OSError, EOFError) as exc:
            entry.compressed = fed
            self.stop = f"'{entry.raw_name}' is damaged ({exc})"
            return None
        self._inflated += out
        entry.compressed = fed - inflater.unused
        return entry.data_offset + entry.compressed

    def _over(self, out: int, fed: int, entry: LocalEntry) -> bool:
        """True (and the walk ends after this member) past a probe's or a cap's limit."""
        caps = self._caps
        if caps.probe_bytes is not None and self._inflated + out > caps.probe_bytes:
            self.probed = True
        elif out > caps.member_cap or out > max(RATIO_FLOOR, fed * caps.max_ratio):
            self.stop = f"'{entry.raw_name}' expands beyond the limits (see its own line)"
        else:
            return False
        entry.compressed = fed
        return True

    def _after_descriptor(self, end: int, entry: LocalEntry) -> int:
        """The offset after the data descriptor that follows a member's data."""
        self._fh.seek(end)
        buf = self._fh.read(32)
        wide = (20, 12) if entry.zip64 else (12, 20)
        lengths = tuple(n + 4 for n in wide) if buf.startswith(DESCRIPTOR_SIG) else wide
        for length in lengths:
            nxt = buf[length : length + 4]
            if nxt in (LOCAL_SIG, *END_SIGS) or end + length >= self._size:
                return end + length
        return end + lengths[0]


def _zip64(entry: LocalEntry, extra: bytes) -> None:
    """Take the 8-byte sizes from a zip64 extra field (id 1) where the header says 0xFFFFFFFF."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + length]
        at += 4 + length
        if kind != 1:
            continue
        entry.zip64 = True
        values = [struct.unpack_from("<Q", body, i)[0] for i in range(0, len(body) - 7, 8)]
        if entry.size == 0xFFFFFFFF and values:
            entry.size = values.pop(0)
        if entry.compressed == 0xFFFFFFFF and values:
            entry.compressed = values.pop(0)
        return
