"""Safe, streaming access to an export: a .zip, a .tgz (or other tar), an unpacked folder, or
one lone file.

Members are listed, then read in place through capped streams (see :mod:`.limits`); nothing
is extracted to disk.  Member names that would point outside the archive (``../x``,
``/etc/x``, ``C:\\x``) are refused, links and special entries inside tar files are not
followed, and an archive that ends early (a cut download) gives the members before the
break plus a note.  Problems become :class:`~exposure.model.Skipped` records, never
exceptions that end the audit.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import re
import tarfile
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from exposure.model import Skipped
from exposure.sources.exports.limits import (
    Budget,
    CappedReader,
    ReadProblem,
    buffered,
)

_DRIVE = re.compile(r"^[A-Za-z]:")
PROBE_BYTES = 32 * 1024 * 1024
"""When a tar archive is only probed (to recognise it), at most this much is decompressed."""
ARCHIVE_SUFFIXES = (".zip", ".tgz", ".tar.gz", ".tar", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
NESTED_SUFFIXES = (*ARCHIVE_SUFFIXES, ".7z", ".rar")
_BROKEN = (EOFError, zlib.error, zipfile.BadZipFile, lzma.LZMAError, tarfile.TarError, OSError)


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


def safe_name(raw: str) -> str | None:
    """The member name with ``/`` separators, or None when it points outside the archive."""
    name = raw.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None
    return "/".join(parts)


def is_archive_name(name: str) -> bool:
    """Judged by the name: an archive format exposure opens (.zip, .tgz, .tar...)."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


class Container(ABC):
    """An export to read: lists its members and opens them as capped streams."""

    def __init__(self, given: str, settings: ReadSettings) -> None:
        self.given = given
        self.settings = settings
        self.budget = Budget.of(settings.total_cap)

    def locator(self, name: str) -> str:
        """Where the user finds a member: ``ARCHIVE!member`` (folders: a path)."""
        return f"{self.given}!{name}"

    @abstractmethod
    def listing(self) -> Iterator[Member | Skipped]:
        """Every member (and a Skipped for each refused or unreadable entry)."""

    @abstractmethod
    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        """Open ``members`` one after the other (in the order cheapest for the container).

        A stream is valid until the iterator moves on.  Opening errors raise ReadProblem
        from the stream's first read, so one bad member never stops the others.
        """

    def _capped(self, raw: BinaryIO, member: Member) -> BinaryIO:
        capped = CappedReader(
            raw,
            member_cap=self.settings.member_cap,
            budget=self.budget,
            ratio_basis=member.compressed,
            max_ratio=self.settings.max_ratio,
        )
        return buffered(capped)

    def close(self) -> None:  # noqa: B027 - folders have nothing to release
        """Release the underlying file."""


class _Failing:
    """A stream that reports why a member could not be opened, on first read."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def read(self, size: int = -1) -> bytes:
        raise ReadProblem(self.reason)

    def close(self) -> None:
        pass


class ZipContainer(Container):
    """A .zip archive (the central directory is read; members are inflated on demand)."""

    def __init__(self, given: str, settings: ReadSettings) -> None:
        super().__init__(given, settings)
        path = Path(given).expanduser()
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ReadProblem(
                "the zip archive is damaged or incomplete (its table of contents at the end is "
                f"missing: {exc}); if it was downloaded, the download may have stopped: "
                "download it again"
            ) from exc
        self._infos: dict[str, zipfile.ZipInfo] = {}

    def listing(self) -> Iterator[Member | Skipped]:
        for info in self._zip.infolist():
            if info.is_dir():
                continue
            name = safe_name(info.filename)
            if name is None:
                yield Skipped(
                    self.locator(info.filename),
                    "member name points outside the archive (path traversal); not read",
                )
                continue
            if info.flag_bits & 0x1:
                yield Skipped(self.locator(name), "encrypted member; not read")
                continue
            self._infos[name] = info
            yield Member(name, info.file_size, info.compress_size)

    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        for member in members:
            try:
                raw: BinaryIO = self._zip.open(self._infos[member.name])  # type: ignore[assignment]
            except (NotImplementedError, *_BROKEN) as exc:
                raw = _Failing(f"could not open it inside the archive ({exc})")  # type: ignore[assignment]
            stream = self._capped(raw, member)
            try:
                yield member, stream
            finally:
                stream.close()

    def close(self) -> None:
        self._zip.close()


def _decompressor(raw: BinaryIO) -> BinaryIO:
    head = raw.read(6)
    raw.seek(0)
    if head.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if head.startswith(b"BZh"):
        return bz2.BZ2File(raw)  # type: ignore[return-value]
    if head.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile(raw)  # type: ignore[return-value]
    return raw


class TarContainer(Container):
    """A tar archive, plain or compressed (.tgz, .tar.gz...), read as a stream.

    Compressed tar files have no index, so each pass decompresses from the start; the whole
    decompressed stream is capped against the archive's size on disk (the ratio cap)."""

    def __init__(self, given: str, settings: ReadSettings, probe: int | None = None) -> None:
        super().__init__(given, settings)
        self._path = Path(given).expanduser()
        self._probe = probe
        self._whole: CappedReader | None = None
        self.ended_early: str | None = None

    def _open(self, raw: BinaryIO) -> tarfile.TarFile:
        self._whole = whole = CappedReader(
            _decompressor(raw),
            member_cap=self.settings.total_cap,
            budget=Budget.of(self.settings.total_cap),
            ratio_basis=self._path.stat().st_size,
            max_ratio=self.settings.max_ratio,
        )
        return tarfile.open(fileobj=buffered(whole), mode="r|")

    def _walk(self) -> Iterator[tuple[tarfile.TarFile, tarfile.TarInfo]]:
        last = ""
        try:
            with self._path.open("rb") as raw, self._open(raw) as tar:
                seen = 0
                while True:
                    info = tar.next()
                    if info is None:
                        return
                    tar.members.clear()  # type: ignore[attr-defined]  # stream mode: keep no index
                    last = info.name
                    yield tar, info
                    seen += 1
                    if self._probe is not None and (
                        seen >= self._probe
                        or (self._whole is not None and self._whole.count > PROBE_BYTES)
                    ):
                        return
        except (ReadProblem, *_BROKEN) as exc:
            where = f" after {last}" if last else ""
            self.ended_early = (
                f"the archive ends early or is damaged{where} ({exc}); the rest could not be read"
            )

    def listing(self) -> Iterator[Member | Skipped]:
        for _tar, info in self._walk():
            name = safe_name(info.name)
            if info.isdir():
                continue
            if name is None:
                yield Skipped(
                    self.locator(info.name),
                    "member name points outside the archive (path traversal); not read",
                )
            elif not info.isreg():
                yield Skipped(self.locator(name), "a link or special entry; not followed")
            else:
                yield Member(name, info.size, None)
        if self.ended_early:
            yield Skipped(self.given, self.ended_early)

    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        wanted = {m.name: m for m in members}
        for tar, info in self._walk():
            name = safe_name(info.name)
            member = wanted.get(name or "") if info.isreg() else None
            if member is None:
                continue
            raw = tar.extractfile(info)
            stream = self._capped(raw if raw is not None else _Failing("empty entry"), member)  # type: ignore[arg-type]
            try:
                yield member, stream
            finally:
                stream.close()


class FolderContainer(Container):
    """An unpacked export folder (the user's files are only ever opened for reading)."""

    def __init__(self, given: str, settings: ReadSettings) -> None:
        super().__init__(given, settings)
        self._root = Path(given).expanduser()

    def locator(self, name: str) -> str:
        return os.path.join(self.given, *name.split("/"))

    def listing(self) -> Iterator[Member | Skipped]:
        for folder, dirs, files in os.walk(self._root, followlinks=False):
            dirs.sort()
            rel = Path(folder).relative_to(self._root).as_posix()
            for filename in sorted(files):
                name = filename if rel == "." else f"{rel}/{filename}"
                try:
                    size = (Path(folder) / filename).stat().st_size
                except OSError:
                    yield Skipped(self.locator(name), "a link to a file that does not exist")
                    continue
                yield Member(name, size, None)

    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        for member in members:
            try:
                raw: BinaryIO = (self._root / member.name).open("rb")
            except OSError as exc:
                raw = _Failing(f"could not open it ({exc.strerror or exc})")  # type: ignore[assignment]
            stream = self._capped(raw, member)
            try:
                yield member, stream
            finally:
                stream.close()


class FileContainer(FolderContainer):
    """One lone export file (a Records.json, a Timeline.json, a .gpx...)."""

    def __init__(self, given: str, settings: ReadSettings) -> None:
        super().__init__(given, settings)
        path = Path(given).expanduser()
        self._root = path.parent
        self._name = path.name

    def locator(self, name: str) -> str:
        return self.given

    def listing(self) -> Iterator[Member | Skipped]:
        try:
            size = (self._root / self._name).stat().st_size
        except OSError as exc:
            yield Skipped(self.given, f"could not open it ({exc.strerror or exc})")
            return
        yield Member(self._name, size, None)


def archive_format(path: Path) -> str | None:
    """``zip`` or ``tar`` judged by the first bytes (names lie), or None."""
    try:
        with path.open("rb") as fh:
            head = fh.read(262)
    except OSError:
        return None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")) or head[257:262] == b"ustar":
        return "tar" if is_archive_name(path.name) or head[257:262] == b"ustar" else None
    return None


def open_container(given: str, settings: ReadSettings, probe: int | None = None) -> Container:
    """The container for INPUT ``given``; raises ReadProblem when an archive cannot be opened."""
    path = Path(given).expanduser()
    if path.is_dir():
        return FolderContainer(given, settings)
    fmt = archive_format(path)
    if fmt == "zip":
        return ZipContainer(given, settings)
    if fmt == "tar":
        return TarContainer(given, settings, probe)
    return FileContainer(given, settings)
