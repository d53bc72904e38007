"""``clean()``: walk the inputs, clean each photo and video into a private copy, check it.

For every file:

1. the format is found from its first bytes (:func:`exposure.metadata.sniff_format`);
2. the copy is built in memory (photos; a JPEG from its head alone, the image data after it
   copied by the kernel) or planned as in-place patches (videos);
3. it is written privately (0600) under a temporary name (:func:`exposure.report.files.stage_private`);
4. the written bytes are read back (from the page cache) and checked: a second cleaning
   pass must find nothing left to remove, and exposure's own reader no GPS position or
   place name (nor, with ``also_identity``, a serial number or owner); a copy that fails
   is removed and the file reported as refused;
5. once every file is done, one durability barrier puts all the copies on disk, and only
   then does each get its final name (:func:`exposure.report.files.commit_staged`), so a
   crash never leaves a half-written file under a copy's name; the copies are noted for
   ``exposure wipe``.

Originals are only ever opened for reading.  A copy never replaces an input file, never
goes through a symbolic link, and ``--out`` may not lie inside a folder being cleaned.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exposure.clean import reasons, stills, video
from exposure.clean.state import Pass, PlacesInText, Unsafe
from exposure.errors import ExposureError, InputError, UsageError
from exposure.i18n.message import M_, said
from exposure.metadata import MetadataError, read_metadata, read_metadata_bytes, sniff_format
from exposure.metadata.sniff import PHOTO_SUFFIXES, suffix_of

if TYPE_CHECKING:
    from exposure.detectors.text.scan import TextScanner
    from exposure.metadata import PhotoMetadata

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

    def name(self, relative: str) -> str:
        """The copy's path: ``out/relative``, numbered if that name is taken (any case)."""
        target = os.path.join(self.out, relative)
        key = target.casefold()
        number = 2
        if key in self.used:
            stem, suffix = os.path.splitext(os.path.basename(relative))
            folder = os.path.dirname(target)
            while key in self.used:
                target = os.path.join(folder, f"{stem} ({number}){suffix}")
                key = target.casefold()
                number += 1
        self.used.add(key)
        return target

    def folders(self, folders: Iterable[str]) -> dict[str, str]:
        """Create every folder the copies go to; those that cannot be used, with why."""
        blocked: dict[str, str] = {}
        for folder in dict.fromkeys(folders):
            try:
                self.folder(Path(folder))
            except (Unsafe, OSError) as exc:
                reason = exc.reason if isinstance(exc, Unsafe) else f"{folder}: {exc.strerror}"
                blocked[folder] = reason
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
                raise Unsafe(reasons.not_a_folder(str(current)))
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
    tasks = [(source, targets.name(relative), walked) for source, relative, walked in jobs]
    blocked = targets.folders(os.path.dirname(t[1]) for t in tasks)
    staged: list[Staged] = []
    refused: list[Refused] = []
    try:
        outcomes = _outcomes(tasks, also_identity, inputs_ids, blocked, workers)
        for index, outcome in enumerate(outcomes):
            if isinstance(outcome, Staged):
                staged.append(outcome)
            elif isinstance(outcome, Refused):
                refused.append(outcome)
            else:
                ignored.append(outcome)
            if progress is not None:
                progress(index + 1)
    finally:  # also after Ctrl-C: the copies checked so far are put on disk, then named
        failed = _finish(staged, targets)
    copied = [s.copied for s in staged if s.copied.target not in failed]
    refused += [
        Refused(s.copied.source, failed[s.copied.target])
        for s in staged
        if s.copied.target in failed
    ]
    return CleanResult(str(out_path), tuple(copied), tuple(refused), tuple(ignored))


@dataclass(frozen=True, slots=True)
class Staged:
    """A copy written and checked under a temporary name, named at the end of the run."""

    copied: Copied
    temp: str


Task = tuple[str, str, bool]
"""(source, target, found in a folder)."""
Outcome = Staged | Refused | Ignored
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
        taken = 0
        outcomes: list[Outcome] = []
        try:
            for future in pending:
                outcomes = future.result()
                taken += 1
                while outcomes:
                    yield outcomes.pop(0)
        finally:  # stopped early (Ctrl-C): copies staged but never handed on are removed
            _discard_all(outcomes)
            for future in pending[taken:]:
                if not future.cancel():
                    try:
                        _discard_all(future.result())
                    except BaseException:
                        pass


def _discard_all(outcomes: list[Outcome]) -> None:
    from exposure.report.files import discard_staged

    for outcome in outcomes:
        if isinstance(outcome, Staged):
            discard_staged(outcome.temp)


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
        return _clean_one(source, target, identity, inputs_ids)
    except NotMedia as exc:
        return Ignored(source, exc.reason) if walked else Refused(source, exc.reason)
    except Unsafe as exc:
        return Refused(source, exc.reason)
    except ExposureError as exc:
        return Refused(source, str(exc))


def _finish(staged: list[Staged], targets: _Targets) -> dict[str, str]:
    """One barrier, then the final names; the targets that could not be named, with why."""
    from exposure.report.files import commit_staged
    from exposure.written import record_folder

    for folder in targets.created:
        record_folder(folder, what="clean copies folder")
    pairs = [(s.temp, s.copied.target) for s in staged]
    failed = commit_staged(pairs, what="clean copy")
    return {str(target): str(error) for target, error in failed}


def _identity(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return info.st_dev, info.st_ino


def _prepare_out(out: Path, inputs: list[Path]) -> Path:
    """Check ``out`` against the inputs and create it (private) if needed."""
    if out.is_symlink():
        raise UsageError.of(
            M_(
                "--out {out} is a symbolic link; exposure does not write through links: "
                "give the real folder",
                out=str(out),
            )
        )
    if out.exists() and not out.is_dir():
        raise UsageError.of(
            M_("--out {out} is a file; give a folder for the clean copies", out=str(out))
        )
    for given in inputs:
        if not given.exists() and not given.is_symlink():
            raise InputError(str(given), M_("does not exist; check the spelling or the folder"))
    resolved_out = out.resolve()
    for given in inputs:
        folder = given.resolve()
        if given.is_dir() and (resolved_out == folder or folder in resolved_out.parents):
            raise UsageError.of(
                M_(
                    "--out {out} is inside {given}, which is being cleaned: the copies would "
                    "be mixed with the originals; choose a folder outside it",
                    out=str(out),
                    given=str(given),
                )
            )
        if given.is_file() and resolved_out == folder.parent and not given.is_symlink():
            raise UsageError.of(
                M_(
                    "--out {out} is the folder {given} is in: a copy would take the "
                    "original's place; choose another folder",
                    out=str(out),
                    given=str(given),
                )
            )
    if not out.exists():
        if not out.parent.is_dir():
            raise UsageError.of(
                M_(
                    "--out {out}: the folder {folder} does not exist; create it or choose "
                    "another place",
                    out=str(out),
                    folder=str(out.parent),
                )
            )
        try:
            os.mkdir(out, 0o700)
        except OSError as exc:
            raise UsageError.of(
                M_(
                    "--out {out} could not be created ({reason}); choose another place",
                    out=str(out),
                    reason=str(exc.strerror),
                )
            ) from exc
        from exposure.written import record_folder

        record_folder(out, what="clean copies folder")
    return out


def _plan(
    inputs: Sequence[str | os.PathLike[str]], out: Path
) -> tuple[list[tuple[str, str, bool]], list[Ignored]]:
    """(source, path relative to out, found in a folder) of every file to clean, and the
    files left alone."""
    jobs: list[tuple[str, str, bool]] = []
    ignored: list[Ignored] = []
    for given in inputs:
        path = os.path.expanduser(os.fspath(given))
        if os.path.isdir(path):
            root_name = Path(path).resolve().name or "copies"
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                below = os.path.normpath(os.path.join(root_name, os.path.relpath(folder, path)))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    item = os.path.join(folder, name)
                    if os.path.islink(item):
                        ignored.append(Ignored(item, "a link; not followed"))
                        continue
                    jobs.append((item, os.path.join(below, name), True))
        else:
            jobs.append((path, os.path.basename(path), False))
    return jobs, ignored


class NotMedia(Unsafe):
    """Not a photo or video: a file found in a folder is left alone, a named one refused."""


def _clean_one(
    source: str, target: str, identity: bool, inputs_ids: frozenset[tuple[int, int]]
) -> Staged:
    name = os.path.basename(source)
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise Unsafe(reasons.not_opened(str(exc.strerror))) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotMedia(reasons.NOT_REGULAR)
        size = info.st_size
        head = os.pread(fd, HEAD, 0)
        fmt = sniff_format(head, name)
        if fmt is None:
            if suffix_of(name) in PHOTO_SUFFIXES:
                raise Unsafe(reasons.NOT_READABLE)
            raise NotMedia(reasons.NOT_MEDIA)
        if fmt == "raw":
            raise Unsafe(reasons.RAW)
        _check_target(target, inputs_ids)
        head_only = stills.jpeg_head(fd, size, head) if fmt == "jpeg" else None
        if fmt in _VIDEOS:
            texts: frozenset[str] = frozenset()
            while True:  # again without the description found to name a place
                state = Pass(identity, (), texts)
                patches = video.plan_video(video.file_reader(fd), size, state)
                try:
                    temp = _stage(target, _video_writer(fd, size, patches), _video_check(identity))
                    break
                except PlacesInText as exc:
                    texts = _more_texts(texts, exc)
        else:
            if head_only is not None:  # a JPEG whose metadata all lies before its image data
                data: bytes = head_only
            elif size > MAX_STILL:
                raise Unsafe(reasons.TOO_LARGE)
            else:
                data = _read_all(fd, size)
            ids = _maker_note_ids(data, name) if identity else ()
            texts = frozenset()
            while True:  # again without the free-text fields found to name a place
                state = Pass(identity, ids, texts)
                cleaned = _clean_still(fmt, data, state)
                if head_only is not None:
                    writer, length = _head_writer(fd, size, cleaned), size
                else:
                    writer, length = _bytes_writer(cleaned), len(cleaned)
                try:
                    temp = _stage(
                        target, writer, _still_check(fmt, cleaned, length, name, identity)
                    )
                    break
                except PlacesInText as exc:
                    texts = _more_texts(texts, exc)
    finally:
        os.close(fd)
    copied = Copied(source, target, tuple(state.removed), tuple(state.identity_removed))
    return Staged(copied, temp)


def _more_texts(texts: frozenset[str], found: PlacesInText) -> frozenset[str]:
    """The free-text fields to remove in the next round; :class:`Unsafe` when the copy
    still names a place in a field already removed (nothing more can be done)."""
    if found.labels <= texts or len(texts) > 64:
        raise Unsafe(reasons.still_carried([found.reason]))
    return texts | found.labels


Writer = Callable[[int], None]
"""Writes a copy into the open (empty) file descriptor it is given."""
Check = Callable[[int, str], list[str]]
"""What the written copy (descriptor, path) still carries, read back; [] when clean."""


def _stage(target: str, write: Writer, check: Check) -> str:
    """Write the copy under a private temporary name beside ``target``, read it back and
    check it; the temporary path, or :class:`Unsafe` (nothing is left) if not clean."""
    from exposure.report.files import discard_staged, stage_private

    try:
        out, temp = stage_private(target)
    except ExposureError as exc:
        raise Unsafe(str(exc)) from exc
    try:
        write(out)
        left = check(out, temp)
        if left:
            raise Unsafe(reasons.still_carried(_listed(left)))
    except BaseException as exc:
        os.close(out)
        discard_staged(temp)
        if isinstance(exc, OSError):
            raise Unsafe(reasons.not_written(str(exc.strerror))) from exc
        raise
    os.close(out)
    return temp


def _still_check(fmt: str, cleaned: bytearray, size: int, name: str, identity: bool) -> Check:
    """Read back the copy's first ``len(cleaned)`` bytes (the whole photo, or a JPEG's head:
    exposure's reader stops at the image data too): the second cleaning pass and the reader
    run on what the file holds, not on the buffer it was written from."""

    def check(out: int, _temp: str) -> list[str]:
        if os.fstat(out).st_size != size:
            return ["a wrong length (the copy is incomplete)"]
        written = _read_all(out, len(cleaned))
        left, places = _still_findings(fmt, written, name, identity)
        if places and not left:
            raise PlacesInText(frozenset(places))
        return left + [said(reasons.place_written(label)) for label in places]

    return check


def _video_check(identity: bool) -> Check:
    def check(out: int, temp: str) -> list[str]:
        try:
            meta = read_metadata(temp)
        except MetadataError as exc:
            return [said(reasons.unreadable_copy(exc.reason))]
        left = _meta_leftovers(meta, identity)
        if not left:
            try:
                state = Pass(identity)
                video.plan_video(video.file_reader(out), os.fstat(out).st_size, state)
                left += state.removed + state.identity_removed
            except Unsafe as exc:
                left.append(exc.reason)
        places = text_places(meta)
        if places and not left:
            raise PlacesInText(frozenset(places))
        return left + [said(reasons.place_written(label)) for label in places]

    return check


def _listed(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))[:4]


def _check_target(target: str, inputs_ids: frozenset[tuple[int, int]]) -> None:
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise Unsafe(reasons.link(target))
    if (info.st_dev, info.st_ino) in inputs_ids:
        raise Unsafe(reasons.being_cleaned(target))


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
    pass would remove and (with ``reader``) what exposure's reader finds, places written in
    its free-text fields included; [] when clean.

    ``clean`` runs it on the bytes read back from each copy it wrote."""
    left, places = _still_findings(fmt, data, name, identity, reader=reader)
    return left + [said(reasons.place_written(label)) for label in places]


def _still_findings(
    fmt: str, data: bytes | bytearray, name: str, identity: bool, *, reader: bool = True
) -> tuple[list[str], list[str]]:
    """(what a second pass would remove and the reader finds, the labels of the free-text
    fields that name a place)."""
    left: list[str] = []
    state = Pass(identity)
    try:
        _clean_still(fmt, data, state)
    except Unsafe as exc:
        left.append(exc.reason)
    left += state.removed + state.identity_removed
    if not reader:
        return left, []
    try:
        meta = read_metadata_bytes(bytes(data), name)
    except MetadataError as exc:
        if fmt != "xmp":
            left.append(said(reasons.unreadable_copy(exc.reason)))
        return left, []
    return left + _meta_leftovers(meta, identity), text_places(meta)


def _meta_leftovers(meta: PhotoMetadata, identity: bool) -> list[str]:
    left = [f"a GPS position ({g.origin})" for g in meta.gps]
    left += [f"a place name ({p.origin})" for p in meta.places]
    if identity:
        left += [f"{i.label}" for i in meta.serials]
        left += [f"{i.label}" for i in meta.owners]
    return left


_SCANNER: list[TextScanner] = []


def text_places(meta: PhotoMetadata) -> list[str]:
    """Labels of the free-text fields (a caption, a Windows comment...) in which exposure's
    location text detectors, the audit's own, find a place."""
    if not meta.texts:
        return []
    if not _SCANNER:
        from exposure.detectors.text.scan import TextScanner

        _SCANNER.append(TextScanner())
    return [field.label for field in meta.texts if _SCANNER[0].scan(field.value)]


def _bytes_writer(data: bytes | bytearray) -> Writer:
    def write(out: int) -> None:
        _write_all(out, data)

    return write


def _write_all(out: int, data: bytes | bytearray) -> None:
    view = memoryview(data)
    while view:
        done = os.write(out, view)
        view = view[done:]


def _video_writer(source_fd: int, size: int, patches: list[tuple[int, bytes]]) -> Writer:
    """Copy the file (by the kernel where it can), then write the patches over it."""

    def write(out: int) -> None:
        _copy_range(source_fd, out, size)
        for offset, data in patches:
            os.pwrite(out, data, offset)

    return write


def _head_writer(source_fd: int, size: int, head: bytearray) -> Writer:
    """Write the (cleaned) head, then let the kernel copy the rest of the file after it."""

    def write(out: int) -> None:
        _write_all(out, head)
        _copy_range(source_fd, out, size, len(head))

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
                raise Unsafe(reasons.ENDED_EARLY)
            done = os.pwrite(dest, chunk, pos)
        pos += done
