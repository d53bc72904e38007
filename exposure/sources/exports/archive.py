"""Safe, streaming access to an export: a .zip, a .tgz (or other tar), an unpacked folder, or
one lone file; archives nested inside an export are opened from memory (:mod:`.nested`).

Members are listed, then read in place through capped streams (see :mod:`.limits`); nothing
is extracted to disk.  Member names that would point outside the archive (``../x``,
``/etc/x``, ``C:\\x``) are refused, links and special entries inside tar files are not
followed, and an archive that ends early (a cut download) gives the members before the
break plus a note: a zip whose table of contents is missing is walked member by member from
its local headers (:mod:`.zipscan`).  Problems become :class:`~exposure.model.Skipped`
records, never exceptions that end the audit.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from exposure.i18n.message import M_
from exposure.model import Skipped
from exposure.sources.exports.container import (
    PROBE_BYTES,
    Container,
    Failing,
    Member,
    Origin,
    ReadSettings,
    safe_name,
)
from exposure.sources.exports.limits import Budget, CappedReader, Hostile, ReadProblem, buffered
from exposure.sources.exports.recovered import RecoveredZipContainer

__all__ = [
    "ARCHIVE_SUFFIXES",
    "NESTED_SUFFIXES",
    "PROBE_BYTES",
    "Container",
    "FileContainer",
    "FolderContainer",
    "Member",
    "Origin",
    "ReadSettings",
    "RecoveredZipContainer",
    "TarContainer",
    "ZipContainer",
    "archive_format",
    "format_of",
    "is_archive_name",
    "open_archive",
    "open_container",
    "safe_name",
]

ARCHIVE_SUFFIXES = (".zip", ".tgz", ".tar.gz", ".tar", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
NESTED_SUFFIXES = (*ARCHIVE_SUFFIXES, ".7z", ".rar")
_BROKEN = (EOFError, zlib.error, zipfile.BadZipFile, lzma.LZMAError, tarfile.TarError, OSError)
_LOCAL_HEADER = 30


def is_archive_name(name: str) -> bool:
    """Judged by the name: an archive format exposure opens (.zip, .tgz, .tar...)."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


class ZipContainer(Container):
    """A .zip archive (the central directory is read; members are inflated on demand).

    Raises ReadProblem when the table of contents is missing or points past the end of the
    file; :func:`open_archive` then falls back to :class:`RecoveredZipContainer`."""

    def __init__(
        self,
        given: str,
        settings: ReadSettings,
        origin: Origin | None = None,
        budget: Budget | None = None,
        depth: int = 0,
    ) -> None:
        super().__init__(given, settings, budget, depth)
        origin = origin or Origin(path=Path(given).expanduser())
        try:
            self._fh = origin.open()
        except OSError as exc:
            error = str(exc.strerror or exc)
            raise ReadProblem(M_("could not open it ({error})", error=error)) from exc
        try:
            self._zip = zipfile.ZipFile(self._fh)
            _check_extent(self._zip, origin.size())
            _check_overlap(self._zip)
        except Hostile:
            self._fh.close()
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            self._fh.close()
            error = str(exc)
            said = M_(
                "the zip archive is damaged or incomplete (its table of contents at the end is "
                "missing: {error}); if it was downloaded, the download may have stopped: "
                "download it again",
                error=error,
            )
            raise ReadProblem(said) from exc
        self._infos: dict[str, zipfile.ZipInfo] = {}

    def listing(self) -> Iterator[Member | Skipped]:
        for info in self._zip.infolist():
            if info.is_dir():
                continue
            name = self.admit(info.filename, bool(info.flag_bits & 0x1))
            if isinstance(name, Skipped):
                yield name
                continue
            self._infos[name] = info
            yield Member(name, info.file_size, info.compress_size)

    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        yield from self._streams((m, self._open(m)) for m in members)

    def find(self, name: str) -> Member | None:
        info = self._infos.get(name)
        return Member(name, info.file_size, info.compress_size) if info is not None else None

    def _open(self, member: Member) -> BinaryIO:
        try:
            return self._zip.open(self._infos[member.name])  # type: ignore[return-value]
        except (NotImplementedError, *_BROKEN) as exc:
            return Failing(f"could not open it inside the archive ({exc})")  # type: ignore[return-value]

    def close(self) -> None:
        self._zip.close()
        self._fh.close()


def _check_extent(archive: zipfile.ZipFile, size: int) -> None:
    """Refuse a table of contents that places members past the end of the file."""
    for info in archive.infolist():
        if info.header_offset + _LOCAL_HEADER + info.compress_size > size:
            raise zipfile.BadZipFile(
                f"the archive is shorter than its table of contents says ({info.filename})"
            )


def _check_overlap(archive: zipfile.ZipFile) -> None:
    """Refuse an archive whose members share their bytes (an overlapping-entry zip bomb:
    thousands of entries pointing into one deflate stream, each within its own ratio cap,
    together costing minutes).  No zip tool writes such an archive."""
    # Each member's data ends at least this far after its local header starts.
    ends = sorted(
        (info.header_offset, info.header_offset + _LOCAL_HEADER + info.compress_size)
        for info in archive.infolist()
    )
    overlaps = sum(1 for (_, end), (nxt, _) in zip(ends, ends[1:], strict=False) if nxt < end)
    if overlaps:
        raise Hostile(
            f"{overlaps + 1} members of this zip archive overlap each other (they share the "
            "same bytes): archives are never built that way except to attack the programs "
            "that read them (a 'zip bomb'), so it was not read"
        )


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

    def __init__(
        self,
        given: str,
        settings: ReadSettings,
        probe: int | None = None,
        origin: Origin | None = None,
        budget: Budget | None = None,
        depth: int = 0,
    ) -> None:
        super().__init__(given, settings, budget, depth)
        self._origin = origin or Origin(path=Path(given).expanduser())
        self._probe = probe
        self._whole: CappedReader | None = None
        self.ended_early: str | None = None

    def _open(self, raw: BinaryIO) -> tarfile.TarFile:
        self._whole = whole = CappedReader(
            _decompressor(raw),
            member_cap=self.settings.total_cap,
            budget=Budget.of(self.settings.total_cap),
            ratio_basis=self._origin.size(),
            max_ratio=self.settings.max_ratio,
        )
        return tarfile.open(fileobj=buffered(whole), mode="r|")

    def _walk(self) -> Iterator[tuple[tarfile.TarFile, tarfile.TarInfo]]:
        last = ""
        try:
            with self._origin.open() as raw, self._open(raw) as tar:
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
            if info.isdir():
                continue
            name = self.admit(info.name)
            if isinstance(name, Skipped):
                yield name
            elif not info.isreg():
                said = M_("a link or special entry; not followed")
                yield Skipped.said(self.locator(name), said)
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
            stream = self._capped(raw if raw is not None else Failing("empty entry"), member)  # type: ignore[arg-type]
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
                    said = M_("a link to a file that does not exist")
                    yield Skipped.said(self.locator(name), said)
                    continue
                yield Member(name, size, None)

    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        yield from self._streams((m, self._open(m)) for m in members)

    def find(self, name: str) -> Member | None:
        try:
            return Member(name, (self._root / name).stat().st_size)
        except (OSError, ValueError):
            return None

    def _open(self, member: Member) -> BinaryIO:
        try:
            return (self._root / member.name).open("rb")
        except OSError as exc:
            return Failing(f"could not open it ({exc.strerror or exc})")  # type: ignore[return-value]


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
            error = str(exc.strerror or exc)
            yield Skipped.said(self.given, M_("could not open it ({error})", error=error))
            return
        yield Member(self._name, size, None)


def format_of(head: bytes, name: str) -> str | None:
    """``zip`` or ``tar`` judged by an archive's first 262 bytes (names lie), or None."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")) or head[257:262] == b"ustar":
        return "tar" if is_archive_name(name) or head[257:262] == b"ustar" else None
    return None


def archive_format(path: Path) -> str | None:
    """``zip`` or ``tar`` judged by the first bytes of the file at ``path``, or None."""
    try:
        with path.open("rb") as fh:
            head = fh.read(262)
    except OSError:
        return None
    return format_of(head, path.name)


def open_archive(
    given: str,
    settings: ReadSettings,
    origin: Origin,
    fmt: str,
    probe: int | None = None,
    budget: Budget | None = None,
    depth: int = 0,
) -> Container:
    """The container for an archive of format ``fmt`` (``zip`` or ``tar``) at ``origin``.

    A zip whose table of contents is missing or damaged is walked from its local headers;
    ReadProblem is raised only when not even its first member can be found."""
    if budget is None:  # the archive the user named: its own total and ratio caps
        budget = Budget.for_archive(settings.total_cap, origin.size(), settings.max_ratio)
    if fmt == "tar":
        return TarContainer(given, settings, probe, origin, budget, depth)
    try:
        return ZipContainer(given, settings, origin, budget, depth)
    except Hostile:
        raise
    except ReadProblem:
        with origin.open() as fh:
            if fh.read(4) != b"PK\x03\x04":
                raise
        return RecoveredZipContainer(given, settings, origin, probe, budget, depth)


def open_container(given: str, settings: ReadSettings, probe: int | None = None) -> Container:
    """The container for INPUT ``given``; raises ReadProblem when an archive cannot be opened."""
    path = Path(given).expanduser()
    if path.is_dir():
        return FolderContainer(given, settings)
    fmt = archive_format(path)
    if fmt is None:
        return FileContainer(given, settings)
    return open_archive(given, settings, Origin(path=path), fmt, probe)
