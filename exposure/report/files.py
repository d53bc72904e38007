"""Private, atomic file writes: how every report (and any other sensitive file) reaches disk.

The files exposure writes say where a person lives.  So each one is:

- **private**: created with mode 0600 (readable by this user only), whatever the umask;
  a file it replaces ends up 0600 as well, because the new file takes its place;
- **atomic**: written to a temporary file in the same folder, flushed to disk (fsync), then
  renamed over the target.  A crash, a Ctrl-C or a full disk leaves the previous file whole
  (or no file), never half a report;
- **many files** (clean copies): each is written to its own private temporary file and
  checked; then one durability barrier for all of them, then the renames
  (:func:`stage_private`, :func:`commit_staged`), so no final name ever holds a file whose
  bytes are not on disk, without one fsync per file;
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
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from exposure.errors import ExposureError, ReportError, UsageError
from exposure.i18n.message import M_, Message
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
        raise error.of(
            M_(
                "{path} is a symbolic link; exposure does not write reports through links: "
                "remove the link or choose another file name",
                path=str(path),
            )
        )
    if target.is_dir():
        raise error.of(
            M_(
                "{path} is a folder; give a file name, e.g. {example}",
                path=str(path),
                example=str(target / "report.html"),
            )
        )
    if not target.parent.is_dir():
        raise error.of(
            M_(
                "{path}: the folder {folder} does not exist; create it or choose another place",
                path=str(path),
                folder=str(target.parent),
            )
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
) -> Path:
    """The core: ``write(binary file)`` into a 0600 temporary file, fsync, rename over ``path``.

    The file is then noted (as ``what``) on the list ``exposure wipe`` removes.  Many files
    at once (clean copies): :func:`stage_private` and :func:`commit_staged`."""
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
            os.fsync(out.fileno())
        if target.is_symlink():  # appeared while writing: still never written through
            raise ReportError.of(
                M_(
                    "{path} became a symbolic link while the report was written; nothing was "
                    "written there: remove the link or choose another file name",
                    path=str(path),
                )
            )
        os.replace(temp, target)  # atomic; replaces a link itself, never what it points to
    except BaseException as exc:
        _discard(temp)
        if isinstance(exc, OSError):
            raise _error(path, exc, replacing=target.exists()) from exc
        raise
    _sync_folder(folder)
    record_written(target, what=what)
    return target.resolve()


# -- many files: staged under temporary names, one durability barrier, then renamed ---------
_STAGE_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL  # a new file, never an existing one, never through a link
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def stage_private(target: str) -> tuple[int, str]:
    """A new private (0600) temporary file beside ``target``, for one file of many: (its
    descriptor, open for reading and writing, and its path).

    The caller writes it, checks it (it may read it back), closes it, and later hands it to
    :func:`commit_staged` with the others, or removes it with :func:`discard_staged`.  The
    final name never holds a partly written file: it is given only after every staged file
    is on disk."""
    for _ in range(100):
        folder, name = os.path.split(target)
        temp = os.path.join(folder, f".{name}.{os.urandom(5).hex()}.part")
        try:
            fd = os.open(temp, _STAGE_FLAGS, PRIVATE_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(target, exc, replacing=os.path.lexists(target)) from exc
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, PRIVATE_MODE)  # whatever the umask or platform default
        except OSError:
            os.close(fd)
            _discard(temp)
            raise
        return fd, temp
    raise ReportError.of(
        M_(
            "could not create a temporary file beside {target}; choose another place",
            target=str(target),
        )
    )


def discard_staged(temp: str) -> None:
    """Remove a staged file that will not be committed (its check failed, or a Ctrl-C)."""
    _discard(temp)


def commit_staged(staged: Sequence[tuple[str, str]], *, what: str) -> list[tuple[str, ReportError]]:
    """Give staged files (``(temporary path, target)``, closed) their final names.

    First one durability barrier for all of them (``syncfs`` of each filesystem written to,
    else ``sync``, else an fsync per file), so no target can name a file whose bytes are
    not on disk yet; then each is renamed over its target (never through a link: a target
    that became one is refused), the folders are flushed, and the files noted on the list
    ``exposure wipe`` removes.  Returns the targets that could not be given, with why (their
    temporary files are removed)."""
    if not staged:
        return []
    folders = [Path(f) for f in dict.fromkeys(os.path.dirname(t) for _temp, t in staged)]
    _barrier(folders, [temp for temp, _target in staged])
    failed: list[tuple[str, ReportError]] = []
    done: list[str] = []
    for temp, target in staged:
        try:
            if os.path.islink(target):
                raise ReportError.of(
                    M_(
                        "{target} became a symbolic link while it was written; nothing was "
                        "written there: remove the link or choose another folder",
                        target=target,
                    )
                )
            os.replace(temp, target)  # atomic; replaces a link itself, never its target
        except (OSError, ReportError) as exc:
            _discard(temp)
            error = exc if isinstance(exc, ReportError) else _error(target, exc, replacing=True)
            failed.append((target, error))
            continue
        done.append(target)
    for folder in folders:
        _sync_folder(folder)
    record_written(*done, what=what)
    return failed


def _barrier(folders: Sequence[Path], files: Sequence[str]) -> None:
    """Everything written to the filesystems of ``folders`` is on disk when this returns."""
    devices: dict[int, Path] = {}
    for folder in folders:
        try:
            devices.setdefault(os.stat(folder).st_dev, folder)
        except OSError:
            pass
    syncfs = _syncfs_call()
    if syncfs is not None and all(_syncfs(syncfs, folder) for folder in devices.values()):
        return
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()
        return
    for path in files:  # (Windows) one by one
        _fsync_path(path, os.O_RDWR | getattr(os, "O_BINARY", 0))


def _syncfs_call() -> Callable[[int], int] | None:
    """libc's ``syncfs(fd)`` (Linux): flush one filesystem, not every disk of the machine."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        call: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return call


def _syncfs(call: Callable[[int], int], folder: Path) -> bool:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return False
    try:
        return call(fd) == 0
    finally:
        os.close(fd)


def _error(path: str | os.PathLike[str], exc: OSError, *, replacing: bool) -> ReportError:
    name = os.fspath(path)
    kept = (
        M_("the previous {path} is unchanged", path=name)
        if replacing
        else M_("no file was left at {path}", path=name)
    )
    what: str | Message
    if exc.errno in _NO_SPACE:
        what = M_("the disk is full (or the file is larger than allowed)")
        todo = M_("free some space or choose another place")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = M_("no permission to write there")
        todo = M_("choose a folder you can write to")
    else:
        what = exc.strerror or str(exc)  # the system's words, as it gives them
        todo = M_("choose another place")
    return ReportError.of(
        M_(
            "could not write {path}: {what}; {kept}; {todo}",
            path=name,
            what=what,
            kept=kept,
            todo=todo,
        )
    )


def _discard(temp: str | os.PathLike[str]) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    _fsync_path(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def _fsync_path(path: str | os.PathLike[str], flags: int) -> None:
    """Flush one file or folder to disk, as far as the platform lets it be opened."""
    try:
        fd = os.open(path, flags)
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
