"""Private, atomic file writes: how every report (and any other sensitive file) reaches disk.

The files exposure writes say where a person lives.  So each one is:

- **private**: created with mode 0600 (readable by this user only), whatever the umask;
  a file it replaces ends up 0600 as well, because the new file takes its place;
- **atomic**: written to a temporary file in the same folder, flushed to disk (fsync), then
  renamed over the target.  A crash, a Ctrl-C or a full disk leaves the previous file whole
  (or no file), never half a report;
- **not redirected by links**: a symbolic link at the target path is refused, never written
  through (a planted link could otherwise point the report at a shared folder or clobber
  another file), and the rename itself never follows links.

Use::

    from exposure.report.files import write_private, write_private_text

    write_private_text(Path("report.html"), html)            # a whole string
    write_private(Path("report.json"), lambda out: write_json(report, out))   # streamed

    check_target(path)   # before long work: fails early on a folder, a link, a missing folder

A path that can never be written raises :class:`exposure.errors.UsageError` from
:func:`check_target` (exit 2); every failure while writing raises
:class:`exposure.errors.ReportError` with a message that says what
happened to the previous file and what to do (the CLI exits with code 3).
"""

from __future__ import annotations

import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from exposure.errors import ExposureError, ReportError, UsageError
from exposure.written import record_written

PRIVATE_MODE = 0o600
"""Mode of every file written here: read and write for the owner only."""

_NO_SPACE = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def check_target(path: str | os.PathLike[str], error: type[ExposureError] = UsageError) -> Path:
    """The target as a Path, or ``error`` (a usage error: exit 2) if it can never be written.

    Meant to run before an audit starts, so a bad ``--html`` fails in a second, not after an
    hour of reading: a folder, a symbolic link or a missing parent folder is refused.
    """
    target = Path(path).expanduser()
    if target.is_symlink():
        raise error(
            f"{path} is a symbolic link; exposure does not write reports through links: "
            "remove the link or choose another file name"
        )
    if target.is_dir():
        raise error(f"{path} is a folder; give a file name, e.g. {target / 'report.html'}")
    if not target.parent.is_dir():
        raise error(
            f"{path}: the folder {target.parent} does not exist; create it or choose another place"
        )
    return target


def write_private(
    path: str | os.PathLike[str],
    write: Callable[[TextIO], None],
    *,
    encoding: str = "utf-8",
    what: str = "report",
) -> Path:
    """Write text through ``write(file)`` atomically to ``path`` with mode 0600; its full path."""

    def binary(raw: BinaryIO) -> None:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        write(text)
        text.flush()
        text.detach()

    return write_private_bytes_with(path, binary, what=what)


def write_private_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", what: str = "report"
) -> Path:
    """Write a whole string atomically to ``path`` with mode 0600."""

    def whole(out: TextIO) -> None:
        out.write(text)

    return write_private(path, whole, encoding=encoding, what=what)


def write_private_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write bytes atomically to ``path`` with mode 0600."""

    def whole(out: BinaryIO) -> None:
        out.write(data)

    return write_private_bytes_with(path, whole)


def write_private_bytes_with(
    path: str | os.PathLike[str],
    write: Callable[[BinaryIO], None],
    *,
    what: str = "report",
    batch: bool = False,
) -> Path:
    """The core: ``write(binary file)`` into a 0600 temporary file, fsync, rename over ``path``.

    The file is then noted (as ``what``) on the list ``exposure wipe`` removes.

    ``batch=True`` is for one file of many (clean copies): still private, atomic and never
    through a link, but neither flushed to disk (fsync) nor noted here; the caller notes
    them all at once and flushes once at the end (:func:`finish_batch`), which on these
    machines is the difference between 2 ms and 20 ms a file."""
    target = check_target(path, ReportError)
    folder = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}.", suffix=".part"
        )  # mkstemp: O_EXCL, mode 0600, never follows a link
    except OSError as exc:
        raise _error(path, exc, replacing=target.exists()) from exc
    temp = Path(temp_name)
    try:
        os.fchmod(fd, PRIVATE_MODE)  # whatever the umask or platform default
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            if not batch:
                os.fsync(out.fileno())
        if target.is_symlink():  # appeared while writing: still never written through
            raise ReportError(
                f"{path} became a symbolic link while the report was written; nothing was "
                "written there: remove the link or choose another file name"
            )
        os.replace(temp, target)  # atomic; replaces a link itself, never what it points to
    except BaseException as exc:
        _discard(temp)
        if isinstance(exc, OSError):
            raise _error(path, exc, replacing=target.exists()) from exc
        raise
    if batch:
        return target
    _sync_folder(folder)
    record_written(target, what=what)
    return target.resolve()


def finish_batch(paths: Sequence[Path], folders: Sequence[Path], *, what: str) -> None:
    """After files written with ``batch=True``: flush everything to disk once and note the
    files on the list ``exposure wipe`` removes."""
    sync = getattr(os, "sync", None)  # (not on Windows, where the folders are flushed)
    if paths and sync is not None:
        sync()
        for folder in dict.fromkeys(folders):
            _sync_folder(folder)
    record_written(*paths, what=what)


def _error(path: str | os.PathLike[str], exc: OSError, *, replacing: bool) -> ReportError:
    kept = (
        f"the previous {os.fspath(path)} is unchanged"
        if replacing
        else f"no file was left at {os.fspath(path)}"
    )
    if exc.errno in _NO_SPACE:
        what = "the disk is full (or the file is larger than allowed)"
        todo = "free some space or choose another place"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = "no permission to write there"
        todo = "choose a folder you can write to"
    else:
        what = exc.strerror or str(exc)
        todo = "choose another place"
    return ReportError(f"could not write {os.fspath(path)}: {what}; {kept}; {todo}")


def _discard(temp: Path) -> None:
    try:
        temp.unlink()
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_private(path: str | os.PathLike[str]) -> bool:
    """True if only the owner can read or write ``path`` (no group or other bits)."""
    return stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0
