"""``clean()``: walk the inputs, clean each photo and video into a private copy, check it.

For every file:

1. the format is found from its first bytes (:func:`exposure.metadata.sniff_format`);
2. the copy is built in memory (photos) or planned as in-place patches (videos);
3. the result is checked before anything is written: exposure's own reader must find no
   GPS in it, and a second cleaning pass over it must find nothing left to remove;
4. it is written privately (0600) and atomically by :mod:`exposure.report.files`, and noted
   for ``exposure wipe``;
5. the written file is read back from disk by exposure's reader; if it still shows a
   position the copy is deleted and the file is reported as refused.

Originals are only ever opened for reading.  A copy never replaces an input file, never
goes through a symbolic link, and ``--out`` may not lie inside a folder being cleaned.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from exposure.clean import stills, video
from exposure.clean.state import Pass, Unsafe
from exposure.errors import ExposureError, InputError, UsageError
from exposure.metadata import MetadataError, read_metadata, read_metadata_bytes, sniff_format
from exposure.metadata.sniff import PHOTO_SUFFIXES, suffix_of

HEAD = 65536
"""Bytes read first: the format, and a JPEG's whole metadata as a rule."""
MAX_STILL = 1 << 30
"""Largest photo cleaned in memory (1 GiB); videos are never read whole."""

_STILLS: dict[str, Callable[[bytearray, Pass], bytearray | None]] = {
    "jpeg": stills.clean_jpeg,
    "png": stills.clean_png,
    "webp": stills.clean_webp,
    "heic": stills.clean_heif,
    "avif": stills.clean_heif,
    "tiff": stills.clean_tiff_file,
    "dng": stills.clean_tiff_file,
    "xmp": stills.clean_xmp_sidecar,
}
_VIDEOS = frozenset({"mp4", "mov"})
RAW_REASON = (
    "camera raw files other than DNG are not cleaned: their maker notes are not fully "
    "understood, so a clean copy could not be promised (convert to DNG or export a JPEG)"
)


@dataclass(frozen=True, slots=True)
class Copied:
    """A clean copy that was written and checked."""

    source: str
    target: str
    removed: tuple[str, ...]
    """What location was taken out (``"EXIF GPS block"``, ``"XMP photoshop:City"``...)."""
    identity_removed: tuple[str, ...]
    """With ``also_identity``: the serial numbers and names taken out."""


@dataclass(frozen=True, slots=True)
class Refused:
    """A photo or video of which no copy was written (or the copy was deleted), and why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Ignored:
    """A file left alone because it is not a photo or video (or is a link)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What :func:`clean` did."""

    out: str
    copied: tuple[Copied, ...]
    refused: tuple[Refused, ...]
    ignored: tuple[Ignored, ...]

    @property
    def location_removed(self) -> int:
        """Copies from which some location was removed."""
        return sum(1 for c in self.copied if c.removed)


class _Targets:
    """Output paths: mirrored under ``out``, made unique, folders created safely."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.used: set[str] = set()
        self.created: list[Path] = []
        self.checked: set[Path] = set()

    def name(self, relative: Path) -> Path:
        target = self.out / relative
        key = str(target).casefold()
        number = 2
        while key in self.used:
            target = (self.out / relative).with_name(f"{relative.stem} ({number}){relative.suffix}")
            key = str(target).casefold()
            number += 1
        self.used.add(key)
        return target

    def folders(self, folders: Iterable[Path]) -> dict[str, str]:
        """Create every folder the copies go to; those that cannot be used, with why."""
        blocked: dict[str, str] = {}
        for folder in dict.fromkeys(folders):
            try:
                self.folder(folder)
            except (Unsafe, OSError) as exc:
                reason = exc.reason if isinstance(exc, Unsafe) else f"{folder}: {exc.strerror}"
                blocked[str(folder)] = reason
        return blocked

    def folder(self, folder: Path) -> None:
        """Create ``folder`` (under ``out``) one level at a time, never through a link."""
        if folder in self.checked:
            return
        parts = folder.relative_to(self.out).parts
        current = self.out
        for part in parts:
            current = current / part
            try:
                info = os.lstat(current)
            except FileNotFoundError:
                os.mkdir(current, 0o700)
                self.created.append(current)
                continue
            if not stat.S_ISDIR(info.st_mode):
                raise Unsafe(f"{current} exists and is not a folder (or is a link); not written")
        self.checked.add(folder)


def clean(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    also_identity: bool = False,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> CleanResult:
    """Write copies of the photos and videos in ``inputs`` without location into ``out``.

    ``inputs`` are files or folders (searched with everything below them).  With
    ``also_identity`` serial numbers and owner names go too.  ``workers`` processes clean
    in parallel once there are enough files to be worth it.  Raises
    :class:`~exposure.errors.UsageError` (nothing written) for an input that does not exist
    or an ``out`` that cannot be used; every problem with one file is a :class:`Refused`.
    """
    out_path = _prepare_out(Path(out).expanduser(), [Path(p).expanduser() for p in inputs])
    jobs, ignored = _plan(inputs, out_path)
    targets = _Targets(out_path)
    inputs_ids = frozenset(_identity(source) for source, _relative, _walked in jobs)
    tasks = [
        (str(source), str(targets.name(relative)), walked) for source, relative, walked in jobs
    ]
    blocked = targets.folders(Path(t[1]).parent for t in tasks)
    copied: list[Copied] = []
    refused: list[Refused] = []
    try:
        outcomes = _outcomes(tasks, also_identity, inputs_ids, blocked, workers)
        for index, outcome in enumerate(outcomes):
            if isinstance(outcome, Copied):
                copied.append(outcome)
            elif isinstance(outcome, Refused):
                refused.append(outcome)
            else:
                ignored.append(outcome)
            if progress is not None:
                progress(index + 1)
    finally:  # also after Ctrl-C: what was written is flushed and noted for exposure wipe
        _finish(copied, targets)
    return CleanResult(str(out_path), tuple(copied), tuple(refused), tuple(ignored))


Task = tuple[str, str, bool]
"""(source, target, found in a folder)."""
Outcome = Copied | Refused | Ignored
PARALLEL_THRESHOLD = 64
BATCH = 32


def _outcomes(
    tasks: list[Task],
    identity: bool,
    inputs_ids: frozenset[tuple[int, int]],
    blocked: dict[str, str],
    workers: int,
) -> Iterator[Outcome]:
    """The outcome of every task, in order: here, or in ``workers`` processes for many."""
    if workers <= 1 or len(tasks) < PARALLEL_THRESHOLD:
        for task in tasks:
            yield _attempt(task, identity, inputs_ids, blocked)
        return
    from concurrent.futures import ProcessPoolExecutor

    from exposure.photoscan import _worker_start, start_context

    batches = [tasks[i : i + BATCH] for i in range(0, len(tasks), BATCH)]
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=start_context(),
        initializer=_worker_start,
        initargs=(os.getpid(),),
    ) as pool:
        pending = [
            pool.submit(_attempt_batch, batch, identity, inputs_ids, blocked) for batch in batches
        ]
        for future in pending:
            yield from future.result()


def _attempt_batch(
    batch: list[Task],
    identity: bool,
    inputs_ids: frozenset[tuple[int, int]],
    blocked: dict[str, str],
) -> list[Outcome]:
    """Worker entry point: a batch of files cleaned in order."""
    return [_attempt(task, identity, inputs_ids, blocked) for task in batch]


def _attempt(
    task: Task, identity: bool, inputs_ids: frozenset[tuple[int, int]], blocked: dict[str, str]
) -> Outcome:
    source, target, walked = task
    try:
        problem = blocked.get(os.path.dirname(target))
        if problem is not None:
            raise Unsafe(problem)
        return _clean_one(Path(source), Path(target), identity, inputs_ids)
    except NotMedia as exc:
        return Ignored(source, exc.reason) if walked else Refused(source, exc.reason)
    except Unsafe as exc:
        return Refused(source, exc.reason)
    except ExposureError as exc:
        return Refused(source, str(exc))


def _finish(copied: list[Copied], targets: _Targets) -> None:
    from exposure.report.files import finish_batch
    from exposure.written import record_folder

    for folder in targets.created:
        record_folder(folder, what="clean copies folder")
    paths = [Path(c.target) for c in copied]
    finish_batch(paths, [p.parent for p in paths], what="clean copy")


def _identity(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return info.st_dev, info.st_ino


def _prepare_out(out: Path, inputs: list[Path]) -> Path:
    """Check ``out`` against the inputs and create it (private) if needed."""
    if out.is_symlink():
        raise UsageError(
            f"--out {out} is a symbolic link; exposure does not write through links: "
            "give the real folder"
        )
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; give a folder for the clean copies")
    for given in inputs:
        if not given.exists() and not given.is_symlink():
            raise InputError(str(given), "does not exist; check the spelling or the folder")
    resolved_out = out.resolve()
    for given in inputs:
        folder = given.resolve()
        if given.is_dir() and (resolved_out == folder or folder in resolved_out.parents):
            raise UsageError(
                f"--out {out} is inside {given}, which is being cleaned: the copies would be "
                "mixed with the originals; choose a folder outside it"
            )
        if given.is_file() and resolved_out == folder.parent and not given.is_symlink():
            raise UsageError(
                f"--out {out} is the folder {given} is in: a copy would take the original's "
                "place; choose another folder"
            )
    if not out.exists():
        if not out.parent.is_dir():
            raise UsageError(
                f"--out {out}: the folder {out.parent} does not exist; create it or choose "
                "another place"
            )
        try:
            os.mkdir(out, 0o700)
        except OSError as exc:
            raise UsageError(
                f"--out {out} could not be created ({exc.strerror}); choose another place"
            ) from exc
        from exposure.written import record_folder

        record_folder(out, what="clean copies folder")
    return out


def _plan(
    inputs: Sequence[str | os.PathLike[str]], out: Path
) -> tuple[list[tuple[Path, Path, bool]], list[Ignored]]:
    """(source, path relative to out, found in a folder) of every file to clean, and the
    files left alone."""
    jobs: list[tuple[Path, Path, bool]] = []
    ignored: list[Ignored] = []
    for given in inputs:
        path = Path(given).expanduser()
        if path.is_dir():
            root_name = path.resolve().name or "copies"
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                here = Path(folder)
                for name in sorted(files):
                    item = here / name
                    if name.startswith("."):
                        continue
                    if item.is_symlink():
                        ignored.append(Ignored(str(item), "a link; not followed"))
                        continue
                    jobs.append((item, Path(root_name) / item.relative_to(path), True))
        else:
            jobs.append((path, Path(path.name), False))
    return jobs, ignored


class NotMedia(Unsafe):
    """Not a photo or video: a file found in a folder is left alone, a named one refused."""


def _clean_one(
    source: Path, target: Path, identity: bool, inputs_ids: frozenset[tuple[int, int]]
) -> Copied:
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise Unsafe(f"could not be opened ({exc.strerror})") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotMedia("not a regular file")
        head = os.pread(fd, HEAD, 0)
        fmt = sniff_format(head, source.name)
        if fmt is None:
            if suffix_of(source.name) in PHOTO_SUFFIXES:
                raise Unsafe("not a photo or video format exposure can read (damaged?)")
            raise NotMedia("not a photo or video")
        if fmt == "raw":
            raise Unsafe(RAW_REASON)
        _check_target(target, inputs_ids)
        head_only = stills.jpeg_head(fd, info.st_size, head) if fmt == "jpeg" else None
        if fmt in _VIDEOS:
            state = Pass(identity)
            patches = video.plan_video(video.file_reader(fd), info.st_size, state)
            _write(target, _video_writer(fd, info.st_size, patches))
        elif head_only is not None:  # a JPEG whose metadata all lies before its image data
            ids = _maker_note_ids(head_only, source.name) if identity else ()
            state = Pass(identity, ids)
            cleaned = _clean_still(fmt, head_only, state)
            left = still_leftovers(fmt, cleaned, source.name, identity, reader=False)
            if left:
                raise Unsafe(f"the cleaned copy would still carry {_listed(left)}; not written")
            _write(target, _head_writer(fd, info.st_size, cleaned))
        else:
            if info.st_size > MAX_STILL:
                raise Unsafe("larger than 1 GiB; not cleaned in memory")
            data = _read_all(fd, info.st_size)
            state = Pass(identity, _maker_note_ids(data, source.name) if identity else ())
            cleaned = _clean_still(fmt, data, state)
            left = still_leftovers(fmt, cleaned, source.name, identity, reader=False)
            if left:
                raise Unsafe(f"the cleaned copy would still carry {_listed(left)}; not written")
            _write(target, _bytes_writer(cleaned))
    finally:
        os.close(fd)
    _check_written(target, fmt, identity)
    return Copied(str(source), str(target), tuple(state.removed), tuple(state.identity_removed))


def _listed(items: list[str]) -> str:
    return ", ".join(list(dict.fromkeys(items))[:4])


def _check_target(target: Path, inputs_ids: frozenset[tuple[int, int]]) -> None:
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise Unsafe(f"{target} is a symbolic link; exposure does not write through links")
    if (info.st_dev, info.st_ino) in inputs_ids:
        raise Unsafe(f"{target} is one of the files being cleaned; it was not replaced")


def _read_all(fd: int, size: int) -> bytes:
    parts = []
    pos = 0
    while pos < size:
        chunk = os.pread(fd, size - pos, pos)
        if not chunk:
            break
        parts.append(chunk)
        pos += len(chunk)
    return b"".join(parts)


def _maker_note_ids(data: bytes, name: str) -> tuple[tuple[str, str], ...]:
    try:
        meta = read_metadata_bytes(data, name)
    except MetadataError:
        return ()
    return tuple(
        (i.label, i.value) for i in (*meta.serials, *meta.owners) if i.label.startswith("MakerNote")
    )


def _clean_still(fmt: str, data: bytes | bytearray, state: Pass) -> bytearray:
    """The cleaned copy of ``data`` (a new buffer; ``data`` is not changed)."""
    buf = bytearray(data)
    result = _STILLS[fmt](buf, state)
    return result if result is not None else buf


def still_leftovers(
    fmt: str, data: bytes | bytearray, name: str, identity: bool, *, reader: bool = True
) -> list[str]:
    """What location (and identity) the photo ``data`` still carries: what a second cleaning
    pass would remove and (with ``reader``) what exposure's reader finds; [] when clean.

    Before writing, ``clean`` runs only the second pass: the reader reads the copy from
    disk once it is written (:func:`_check_written`)."""
    left: list[str] = []
    state = Pass(identity)
    try:
        _clean_still(fmt, data, state)
    except Unsafe as exc:
        left.append(exc.reason)
    left += state.removed + state.identity_removed
    if reader:
        left += _reader_leftovers(lambda: read_metadata_bytes(bytes(data), name), fmt, identity)
    return left


def _reader_leftovers(read: Callable[[], object], fmt: str, identity: bool) -> list[str]:
    try:
        meta = read()
    except MetadataError as exc:
        return [] if fmt == "xmp" else [f"exposure could not read the copy back ({exc.reason})"]
    from exposure.metadata import PhotoMetadata

    assert isinstance(meta, PhotoMetadata)
    left = [f"a GPS position ({g.origin})" for g in meta.gps]
    left += [f"a place name ({p.origin})" for p in meta.places]
    if identity:
        left += [f"{i.label}" for i in meta.serials]
        left += [f"{i.label}" for i in meta.owners]
    return left


def _check_written(target: Path, fmt: str, identity: bool) -> None:
    """Read the copy back from disk; delete it if it still shows location."""
    left = _reader_leftovers(lambda: read_metadata(target), fmt, identity)
    if fmt in _VIDEOS and not left:
        fd = os.open(target, os.O_RDONLY)
        try:
            state = Pass(identity)
            video.plan_video(video.file_reader(fd), os.fstat(fd).st_size, state)
            left += state.removed + state.identity_removed
        except Unsafe as exc:
            left.append(exc.reason)
        finally:
            os.close(fd)
    if left:
        try:
            os.unlink(target)
        except OSError:
            pass
        raise Unsafe(f"the copy still carried {_listed(left)} when read back; it was deleted")


def _bytes_writer(data: bytes | bytearray) -> Callable[[BinaryIO], None]:
    def write(out: BinaryIO) -> None:
        out.write(data)

    return write


def _video_writer(
    source_fd: int, size: int, patches: list[tuple[int, bytes]]
) -> Callable[[BinaryIO], None]:
    """Copy the file (by the kernel where it can), then write the patches over it: for
    videos, and JPEGs whose metadata is all in their head."""

    def write(out: BinaryIO) -> None:
        out.flush()
        dest = out.fileno()
        _copy_range(source_fd, dest, size)
        for offset, data in patches:
            os.pwrite(dest, data, offset)

    return write


def _head_writer(source_fd: int, size: int, head: bytearray) -> Callable[[BinaryIO], None]:
    """Write the (cleaned) head, then let the kernel copy the rest of the file after it."""

    def write(out: BinaryIO) -> None:
        out.write(head)
        out.flush()
        _copy_range(source_fd, out.fileno(), size, len(head))

    return write


def _copy_range(source: int, dest: int, size: int, start: int = 0) -> None:
    pos = start
    copy_range = getattr(os, "copy_file_range", None)
    while pos < size:
        done = 0
        if copy_range is not None:
            try:
                done = copy_range(source, dest, size - pos, pos, pos)
            except OSError:
                copy_range = None
        if not done:
            chunk = os.pread(source, min(size - pos, 1 << 22), pos)
            if not chunk:
                raise Unsafe("the video ended early while it was copied")
            done = os.pwrite(dest, chunk, pos)
        pos += done


def _write(target: Path, write: Callable[[BinaryIO], None]) -> None:
    from exposure.report.files import write_private_bytes_with

    write_private_bytes_with(target, write, what="clean copy", batch=True)
