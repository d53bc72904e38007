"""Caps on what reading an archive may cost, and the stream wrappers that enforce them.

A hostile or broken archive must cost bounded time and memory.  Every member is read
through a :class:`CappedReader` that counts the bytes it hands out and stops with
:class:`LimitExceeded` when the member is larger than its cap, when the archive as a whole
has produced more than its total budget, or when the member expands far beyond its
compressed size (a "zip bomb").  Nothing is ever extracted to disk.

Problems while reading one member are :class:`ReadProblem` exceptions; the export source
turns them into ``Skipped`` records (keeping whatever was read before the break).
"""

from __future__ import annotations

import io
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from exposure.i18n.message import M_, Message, english

RATIO_FLOOR = 1024 * 1024
"""A member may always expand to this many bytes, whatever its compressed size: tiny
files compress extremely well without being bombs."""


_BROKEN = (
    EOFError,
    zlib.error,
    zipfile.BadZipFile,
    lzma.LZMAError,
    tarfile.TarError,
    OSError,
    ValueError,
)
"""What a decompressor or archive reader raises when its data is damaged or cut short."""


class ReadProblem(Exception):
    """Reading one member stopped part-way; ``str(exc)`` is a reason for the user (in
    English), :attr:`message` the same reason translatable when it was given as one."""

    def __init__(self, reason: str | Message = "") -> None:
        super().__init__(english(reason))
        self.message = None if isinstance(reason, str) else reason


class LimitExceeded(ReadProblem):
    """A cap was reached (member size, archive total or compression ratio)."""


class ArchiveSpent(LimitExceeded):
    """The archive as a whole has produced all it may: nothing more of it is read."""


class Hostile(ReadProblem):
    """The archive is built to attack readers (members overlapping each other): refused whole."""


class Truncated(ReadProblem):
    """The data ends before its format says it should (a cut download, a damaged file)."""


def megabytes(count: int) -> str:
    """``"1.5 GB"`` / ``"12 MB"``: sizes in words for messages."""
    if count >= 1024**3:
        return f"{count / 1024**3:.1f} GB"
    return f"{max(1, round(count / 1024**2))} MB"


ARCHIVE_RATIO_FLOOR = 64 * 1024 * 1024
"""An archive may always produce this many bytes in all, whatever its size on disk."""


@dataclass
class Budget:
    """Uncompressed bytes one archive may still produce (shared by all its members, nested
    archives included), and what to say when they are spent."""

    remaining: int
    limit: int
    why: str | Message = ""

    @classmethod
    def of(cls, limit: int) -> Budget:
        """A fresh budget of ``limit`` bytes (the ``--archive-total-limit`` kind)."""
        most = megabytes(limit)
        why = M_(
            "the archive has produced more than its {limit} limit (raise it with "
            "--archive-total-limit if you trust this archive)",
            limit=most,
        )
        return cls(limit, limit, why)

    @classmethod
    def for_archive(cls, total_cap: int, size_on_disk: int, max_ratio: float) -> Budget:
        """The budget of an archive of ``size_on_disk`` bytes: the total cap, and the ratio
        cap applied to the archive as a whole (every member within its own ratio can still
        add up to a bomb when members share their data, as in overlapping-entry zips)."""
        by_ratio = max(ARCHIVE_RATIO_FLOOR, int(size_on_disk * max_ratio))
        if by_ratio >= total_cap:
            return cls.of(total_cap)
        times, size = f"{max_ratio:g}", megabytes(by_ratio)
        why = M_(
            "the archive as a whole expands more than {times} times its size ({size}): this "
            "looks like a 'zip bomb', so the rest of it was not read (raise --archive-max-ratio "
            "if you trust this archive)",
            times=times,
            size=size,
        )
        return cls(by_ratio, by_ratio, why)

    @property
    def spent(self) -> bool:
        """Nothing more may be read."""
        return self.remaining < 0

    def take(self, count: int) -> None:
        """Count ``count`` bytes produced (read or inflated); ArchiveSpent past the limit."""
        self.remaining -= count
        if self.remaining < 0:
            raise ArchiveSpent(self.why)


class CappedReader(io.RawIOBase):
    """A read-only stream that stops with :class:`LimitExceeded` past its caps.

    ``member_cap`` bounds this stream; ``budget`` is shared by every stream of one archive;
    ``ratio_basis`` (the compressed size, when known) and ``max_ratio`` bound the expansion.
    """

    def __init__(
        self,
        raw: BinaryIO,
        *,
        member_cap: int,
        budget: Budget,
        ratio_basis: int | None = None,
        max_ratio: float = 0.0,
        on_read: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self._raw = raw
        self._on_read = on_read
        """Told the bytes handed out so far after every read (progress of a long read)."""
        self._budget = budget
        self._member_cap = member_cap
        self._ratio_cap: int | None = None
        if ratio_basis is not None and max_ratio > 0:
            self._ratio_cap = max(RATIO_FLOOR, int(ratio_basis * max_ratio))
        self._max_ratio = max_ratio
        self.count = 0
        """Bytes handed out so far."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(len(buffer))
        except ReadProblem:
            raise
        except _BROKEN as exc:
            raise Truncated(f"the data is damaged or cut short ({exc})") from exc
        if not data:
            return 0
        n = len(data)
        self.count += n
        self._check(n)
        self._budget.remaining -= n
        buffer[:n] = data
        if self._on_read is not None:
            self._on_read(self.count)
        return n

    def _check(self, n: int) -> None:
        if self.count > self._member_cap:
            limit = megabytes(self._member_cap)
            raise LimitExceeded(
                M_(
                    "larger than the {limit} limit for one file (raise it with "
                    "--archive-member-limit if you trust this archive)",
                    limit=limit,
                )
            )
        if self._ratio_cap is not None and self.count > self._ratio_cap:
            times = f"{self._max_ratio:g}"
            raise LimitExceeded(
                M_(
                    "expands more than {times} times its compressed size: this looks like a "
                    "'zip bomb', so it was not read further",
                    times=times,
                )
            )
        if self._budget.spent or n > self._budget.remaining:
            self._budget.remaining = -1
            raise ArchiveSpent(self._budget.why)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def buffered(raw: io.RawIOBase, size: int = 256 * 1024) -> io.BufferedReader:
    """A buffered reader over ``raw`` (parsers read small pieces)."""
    return io.BufferedReader(raw, buffer_size=size)
