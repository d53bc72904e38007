"""What every export container shares: members, read settings, safe names and the base class.

A container is an export to read (a zip, a tar, a folder, one file, or an archive nested
inside one of those).  It lists its members and opens them as capped streams.  An
:class:`Origin` says where an archive's bytes are: a file on disk or, for an archive nested
inside another, bytes already read into memory (never a file extracted to disk).
"""

from __future__ import annotations

import io
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from exposure.i18n.message import M_
from exposure.model import Skipped
from exposure.sources.base import Activity, quiet
from exposure.sources.exports.limits import Budget, CappedReader, ReadProblem, buffered

_DRIVE = re.compile(r"^[A-Za-z]:")
PROBE_BYTES = 32 * 1024 * 1024
"""When an archive is only probed (to recognise it), at most this much is decompressed."""
TRAVERSAL = M_("member name points outside the archive (path traversal); not read")
"""The reason given for a member whose name leads outside the archive."""


@dataclass(frozen=True, slots=True)
class Member:
    """One file inside an export."""

    name: str
    """Its path inside the export, with ``/`` separators (never absolute, never ``..``)."""
    size: int | None = None
    """Uncompressed size, when the archive says."""
    compressed: int | None = None
    """Compressed size, when known (zip members)."""


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """The caps every member stream is read under (from Options)."""

    member_cap: int
    total_cap: int
    max_ratio: float
    nested_cap: int = 256 * 1024 * 1024
    """Most bytes an archive nested inside the export may take in memory (all levels)."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an archive's bytes are: a file on disk, or (nested archives) bytes in memory."""

    path: Path | None = None
    data: bytes | None = None

    def open(self) -> BinaryIO:
        """A fresh seekable stream over the bytes (the caller closes it)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path.open("rb")

    def size(self) -> int:
        """How many bytes the archive has."""
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size


def safe_name(raw: str) -> str | None:
    """The member name with ``/`` separators, or None when it points outside the archive."""
    name = raw.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None
    return "/".join(parts)


class Container(ABC):
    """An export to read: lists its members and opens them as capped streams.

    ``budget`` is shared with the enclosing archive when this one is nested inside another
    (a zip bomb inside a zip stays within the outer archive's total cap); ``depth`` counts
    the archives around this one (0 for what the user named).
    """

    def __init__(
        self, given: str, settings: ReadSettings, budget: Budget | None = None, depth: int = 0
    ) -> None:
        self.given = given
        self.settings = settings
        self.budget = budget if budget is not None else Budget.of(settings.total_cap)
        self.depth = depth
        self.held = 0
        """Bytes of this archive held in memory (nested archives), counted against
        ``settings.nested_cap`` by the archives nested inside it."""
        self.watch: Activity = quiet
        """Told how far each member has been read (the progress of a long export)."""

    def locator(self, name: str) -> str:
        """Where the user finds a member: ``ARCHIVE!member`` (folders: a path)."""
        return f"{self.given}!{name}"

    def admit(self, raw: str, encrypted: bool = False) -> str | Skipped:
        """The safe name of archive entry ``raw``, or the record refusing it (a name that
        points outside the archive, an encrypted member)."""
        name = safe_name(raw)
        if name is None:
            return Skipped.said(self.locator(raw), TRAVERSAL)
        if encrypted:
            return Skipped.said(self.locator(name), M_("encrypted member; not read"))
        return name

    @abstractmethod
    def listing(self) -> Iterator[Member | Skipped]:
        """Every member (and a Skipped for each refused or unreadable entry)."""

    @abstractmethod
    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        """Open ``members`` one after the other (in the order cheapest for the container).

        A stream is valid until the iterator moves on.  Opening errors raise ReadProblem
        from the stream's first read, so one bad member never stops the others.
        """

    def find(self, name: str) -> Member | None:
        """The member called ``name`` when the container can tell without reading on (a
        folder, a zip's table of contents); None when it is not there or cannot tell."""
        return None

    def _capped(self, raw: BinaryIO, member: Member) -> BinaryIO:
        capped = CappedReader(
            raw,
            member_cap=self.settings.member_cap,
            budget=self.budget,
            ratio_basis=member.compressed,
            max_ratio=self.settings.max_ratio,
            on_read=_meter(self.watch, self.locator(member.name), member.size),
        )
        return buffered(capped)

    def _streams(
        self, pairs: Iterator[tuple[Member, BinaryIO]]
    ) -> Iterator[tuple[Member, BinaryIO]]:
        """Each raw member stream capped, yielded, then closed."""
        for member, raw in pairs:
            stream = self._capped(raw, member)
            try:
                yield member, stream
            finally:
                stream.close()

    def close(self) -> None:  # noqa: B027 - folders have nothing to release
        """Release the underlying file."""


def _meter(watch: Activity, label: str, size: int | None) -> Callable[[int], None] | None:
    """The read counter of one member for ``watch`` (None when nobody is told)."""
    if watch is quiet:
        return None

    def told(count: int) -> None:
        watch(label, count, size)

    return told


class Failing:
    """A stream that reports why a member could not be opened, on first read."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def read(self, size: int = -1) -> bytes:
        raise ReadProblem(self.reason)

    def close(self) -> None:
        pass
