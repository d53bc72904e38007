"""``exposure wipe``: remove every report, clean copy and working file exposure wrote here.

What exposure wrote is on the list kept by :mod:`exposure.written`.  A listed file is
removed only if it is still the very file exposure wrote (same device, inode, size and
modification time, checked with ``lstat``: a link is never followed, and a file edited or
replaced since is left alone and named).  Listed folders go last, deepest first, and only
if they are empty by then.  The list is emptied at the end, and its folder removed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from exposure.written import Written, read_list, taken


@dataclass
class WipeResult:
    """What a wipe did (or, for a dry run, would do), path by path."""

    removed: list[Written] = field(default_factory=list)
    """Files and empty folders removed."""
    gone: list[Written] = field(default_factory=list)
    """Already removed by someone else."""
    kept: list[tuple[Written, str]] = field(default_factory=list)
    """Left alone, with the reason (changed since, a link now, not empty, no permission)."""

    @property
    def files_removed(self) -> int:
        return sum(1 for w in self.removed if not w.folder)


def wipe(*, dry_run: bool = False) -> WipeResult:
    """Remove what exposure wrote; with ``dry_run``, only say what would go (list kept)."""
    if dry_run:
        return _wipe(read_list(), remove=False)
    with taken() as records:
        return _wipe(records, remove=True)


def _latest(records: Iterable[Written]) -> list[Written]:
    """One record per path: the newest (a report written again replaces its older note)."""
    by_path: dict[str, Written] = {}
    for record in records:
        by_path.pop(record.path, None)
        by_path[record.path] = record
    return list(by_path.values())


def _wipe(records: list[Written], *, remove: bool) -> WipeResult:
    result = WipeResult()
    latest = _latest(records)
    for record in (r for r in latest if not r.folder):
        _one(record, result, remove)
    # Deepest folders first, so a parent can be empty once its children are gone.
    folders = sorted(
        (r for r in latest if r.folder), key=lambda r: r.path.count(os.sep), reverse=True
    )
    for record in folders:
        _one(record, result, remove)
    return result


def _one(record: Written, result: WipeResult, remove: bool) -> None:
    try:
        st = os.lstat(record.path)
    except FileNotFoundError:
        result.gone.append(record)
        return
    except OSError as exc:
        result.kept.append((record, f"could not look at it ({exc.strerror or exc})"))
        return
    if not record.matches(st):
        result.kept.append((record, _why_kept(record, st)))
        return
    if record.folder and not remove:
        if _would_be_empty(record, result):
            result.removed.append(record)
        else:
            result.kept.append((record, "it holds files exposure did not write"))
        return
    try:
        if not remove:
            pass
        elif record.folder:
            os.rmdir(record.path)
        else:
            os.unlink(record.path)
    except OSError as exc:
        reason = (
            "it holds files exposure did not write"
            if record.folder and _not_empty(exc)
            else f"could not remove it ({exc.strerror or exc})"
        )
        result.kept.append((record, reason))
        return
    result.removed.append(record)


def _why_kept(record: Written, st: os.stat_result) -> str:
    import stat

    if stat.S_ISLNK(st.st_mode):
        return "it is a link now, not what exposure wrote"
    if (st.st_dev, st.st_ino) != (record.device, record.inode):
        return "another file has taken its place since exposure wrote it"
    return "it was changed after exposure wrote it"


def _not_empty(exc: OSError) -> bool:
    import errno

    return exc.errno in (errno.ENOTEMPTY, errno.EEXIST)


def _would_be_empty(folder: Written, result: WipeResult) -> bool:
    """For a dry run: whether ``folder`` would hold nothing once the removals are done."""
    going = {w.path for w in result.removed}
    try:
        names = os.listdir(folder.path)
    except OSError:
        return False
    return all(os.path.join(folder.path, name) in going for name in names)


SHOWN_ONE_BY_ONE = 3
"""A folder with more removed files than this is shown as one line with a count."""


def describe(result: WipeResult, *, dry_run: bool = False) -> list[str]:
    """What the wipe did, in lines for a person (paths in full: they are this person's own)."""
    if not (result.removed or result.gone or result.kept):
        return ["Nothing to wipe: exposure has no note of any file it wrote on this computer."]
    lines: list[str] = []
    files = [w for w in result.removed if not w.folder]
    verb = "Would remove" if dry_run else "Removed"
    if files:
        lines.append(f"{verb} {_count(len(files), 'file')} exposure wrote:")
        by_folder: dict[str, list[Written]] = {}
        for w in files:
            by_folder.setdefault(os.path.dirname(w.path), []).append(w)
        for folder, inside in by_folder.items():
            if len(inside) > SHOWN_ONE_BY_ONE:
                kinds = sorted({w.what for w in inside})
                lines.append(f"  {_count(len(inside), 'file')} in {folder} ({', '.join(kinds)})")
            else:
                lines.extend(f"  {w.path} ({w.what})" for w in inside)
    folders = [w for w in result.removed if w.folder]
    if folders:
        lines.append(f"{verb} {_count(len(folders), 'empty folder')}:")
        lines.extend(f"  {w.path}" for w in folders)
    if result.kept:
        lines.append(f"Left alone ({_count(len(result.kept), 'path')}; check and remove by hand):")
        lines.extend(f"  {w.path}: {reason}" for w, reason in result.kept)
    gone = [w for w in result.gone if not w.what.startswith("working")]  # removed as planned
    if gone:
        lines.append(f"Already gone: {_count(len(gone), 'path')}.")
    if not dry_run:
        lines.append("exposure's list of what it wrote is now empty.")
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def wipe_command(*, dry_run: bool = False) -> int:
    """``exposure wipe``: wipe, print what was done; exit code 0, or 3 if something was left."""
    import sys

    result = wipe(dry_run=dry_run)
    for line in describe(result, dry_run=dry_run):
        print(line, file=sys.stderr)
    return 3 if result.kept else 0
