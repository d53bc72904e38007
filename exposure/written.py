"""The list of files exposure wrote on this computer, so ``exposure wipe`` can remove them.

Every report, clean copy and working file exposure writes is noted here right after it is
written (:func:`record_written`); a folder exposure created for them is noted with
:func:`record_folder`.  The list lives in one per-user folder that holds nothing else
(:func:`state_dir`): ``$XDG_STATE_HOME/exposure`` on Linux (``~/.local/state/exposure``),
``~/Library/Application Support/exposure`` on macOS, ``%LOCALAPPDATA%\\exposure`` on
Windows, or the folder named by ``EXPOSURE_STATE_DIR`` (tests use it).

Each line of the list is one JSON record: the file's absolute path and what identifies the
very file that was written (device, inode, size, modification time in nanoseconds).  Wipe
removes a file only when all of these still match, so a file the person replaced or
edited since, or a link planted at that path, is left alone.

Use::

    from exposure.written import record_written
    record_written(path)              # after the file is complete and closed
    record_written(*paths, what="clean copy")
    record_folder(out_dir)            # removed by wipe only if it is empty afterwards

Noting never fails the job it belongs to: on error it returns False (the caller may say
that wipe will not know about the file).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

STATE_ENV = "EXPOSURE_STATE_DIR"
"""Environment variable naming the folder that holds the list (overrides the default)."""

LIST_NAME = "written.jsonl"
"""The one file inside :func:`state_dir`."""


def state_dir() -> Path:
    """The per-user folder that holds the list (it may not exist yet)."""
    given = os.environ.get(STATE_ENV)
    if given:
        return Path(given).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "exposure"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "exposure"
    xdg = os.environ.get("XDG_STATE_HOME", "")
    base_dir = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "state"
    return base_dir / "exposure"


def list_path() -> Path:
    """Where the list is kept."""
    return state_dir() / LIST_NAME


@dataclass(frozen=True, slots=True)
class Written:
    """One thing exposure wrote: a file or a folder, and how to recognise it again."""

    path: str
    """Absolute path, as written (links in it are not resolved)."""
    folder: bool
    what: str
    """In words, for wipe's message: ``report``, ``clean copy``, ``working file``..."""
    device: int
    inode: int
    size: int
    mtime_ns: int

    def to_json(self) -> str:
        return json.dumps(
            {
                "path": self.path,
                "folder": self.folder,
                "what": self.what,
                "device": self.device,
                "inode": self.inode,
                "size": self.size,
                "mtime_ns": self.mtime_ns,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, line: str) -> Written | None:
        """The record on one line of the list; None for a line that is not one."""
        try:
            raw: Any = json.loads(line)
            return cls(
                path=str(raw["path"]),
                folder=bool(raw["folder"]),
                what=str(raw.get("what") or "file"),
                device=int(raw["device"]),
                inode=int(raw["inode"]),
                size=int(raw["size"]),
                mtime_ns=int(raw["mtime_ns"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def matches(self, st: os.stat_result) -> bool:
        """True when ``st`` (from ``lstat``) is still the very file or folder noted here."""
        import stat

        if self.folder:
            return stat.S_ISDIR(st.st_mode) and (st.st_dev, st.st_ino) == (
                self.device,
                self.inode,
            )
        return (
            stat.S_ISREG(st.st_mode)
            and (st.st_dev, st.st_ino) == (self.device, self.inode)
            and st.st_size == self.size
            and st.st_mtime_ns == self.mtime_ns
        )


def _describe(path: str | os.PathLike[str], what: str, folder: bool) -> Written:
    absolute = os.path.abspath(os.fspath(path))
    st = os.lstat(absolute)
    return Written(
        absolute,
        folder,
        what,
        st.st_dev,
        st.st_ino,
        0 if folder else st.st_size,
        0 if folder else st.st_mtime_ns,
    )


def record_written(*paths: str | os.PathLike[str], what: str = "report") -> bool:
    """Note files exposure has just written (complete and closed); False if it could not."""
    try:
        records = [_describe(p, what, folder=False) for p in paths]
    except OSError:
        return False
    return _append(records)


def record_folder(path: str | os.PathLike[str], what: str = "folder") -> bool:
    """Note a folder exposure created (wipe removes it only if it is empty by then)."""
    try:
        record = _describe(path, what, folder=True)
    except OSError:
        return False
    return _append([record])


def _append(records: list[Written]) -> bool:
    if not records:
        return True
    text = "".join(r.to_json() + "\n" for r in records)
    try:
        with _locked(os.O_WRONLY | os.O_APPEND | os.O_CREAT) as fh:
            fh.write(text.encode("utf-8"))
    except OSError:
        return False
    return True


def read_list() -> list[Written]:
    """Everything noted so far, oldest first (unreadable lines are ignored)."""
    try:
        with _locked(os.O_RDONLY) as fh:
            data = fh.read()
    except FileNotFoundError:
        return []
    records = (Written.from_json(line) for line in data.decode("utf-8", "replace").splitlines())
    return [r for r in records if r is not None]


@contextlib.contextmanager
def taken() -> Iterator[list[Written]]:
    """The list, held locked against other exposure processes; emptied (file and folder
    removed) when the block ends without an exception."""
    try:
        lock = _locked(os.O_RDWR)
        fh = lock.__enter__()
    except FileNotFoundError:
        yield []
        return
    try:
        data = fh.read()
        records = (Written.from_json(line) for line in data.decode("utf-8", "replace").splitlines())
        yield [r for r in records if r is not None]
        fh.truncate(0)
        with contextlib.suppress(OSError):
            os.unlink(list_path())
        with contextlib.suppress(OSError):
            state_dir().rmdir()  # only if it is empty: it never holds anything else
    finally:
        lock.__exit__(None, None, None)


@contextlib.contextmanager
def _locked(flags: int) -> Iterator[IO[bytes]]:
    """The list file opened with ``flags`` (never through a link), locked while in use."""
    mode = "r+b" if flags & os.O_RDWR else ("ab" if flags & os.O_WRONLY else "rb")
    for _ in range(5):
        if flags & os.O_CREAT:
            state_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(list_path(), flags | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, mode) as fh:
            _lock(fh)
            if os.fstat(fh.fileno()).st_nlink == 0:
                continue  # a wipe emptied and removed the list while this one waited
            yield fh
            return
    raise FileNotFoundError(list_path())


def _lock(fh: IO[bytes]) -> None:
    """An exclusive lock where the platform has one (released when the file is closed)."""
    try:
        import fcntl
    except ImportError:  # Windows: appends of one short write are not interleaved anyway
        return
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
