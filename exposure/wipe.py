"""``exposure wipe``: remove every report, clean copy and working file exposure wrote here.

What exposure wrote is on the list kept by :mod:`exposure.written`.  A listed file is
removed only if it is still the very file exposure wrote (same device, inode, size and
modification time, checked with ``lstat``: a link is never followed, and a file edited or
replaced since is left alone and named).  Listed folders go last, deepest first, and only
if they are empty by then.  The list is emptied at the end, and its folder removed.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from exposure.i18n import N_
from exposure.textsafe import neutralise_bidi
from exposure.written import Written, read_list, taken


@dataclass
class WipeResult:
    """What a wipe did (or, for a dry run, would do), path by path."""

    removed: list[Written] = field(default_factory=list)
    """Files and empty folders removed."""
    gone: list[Written] = field(default_factory=list)
    """Already removed by someone else."""
    kept: list[tuple[Written, str]] = field(default_factory=list)
    """Left alone, with the reason (changed since, a link now, not empty, no permission),
    in English; :func:`describe` says it in the language asked for."""
    details: dict[str, str] = field(default_factory=dict)
    """The system's words for an error, by path (added to the reason when shown)."""

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
        result.kept.append((record, N_("could not look at it")))
        result.details[record.path] = str(exc.strerror or exc)
        return
    if not record.matches(st):
        result.kept.append((record, _why_kept(record, st)))
        return
    if record.folder and not remove:
        if _would_be_empty(record, result):
            result.removed.append(record)
        else:
            result.kept.append((record, N_("it holds files exposure did not write")))
        return
    try:
        if not remove:
            pass
        elif record.folder:
            os.rmdir(record.path)
        else:
            os.unlink(record.path)
    except OSError as exc:
        if record.folder and _not_empty(exc):
            result.kept.append((record, N_("it holds files exposure did not write")))
        else:
            result.kept.append((record, N_("could not remove it")))
            result.details[record.path] = str(exc.strerror or exc)
        return
    result.removed.append(record)


def _why_kept(record: Written, st: os.stat_result) -> str:
    import stat

    if stat.S_ISLNK(st.st_mode):
        return N_("it is a link now, not what exposure wrote")
    if (st.st_dev, st.st_ino) != (record.device, record.inode):
        return N_("another file has taken its place since exposure wrote it")
    return N_("it was changed after exposure wrote it")


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


WHAT = {
    "report": N_("report"),
    "room summary": N_("room summary"),
    "clean copy": N_("clean copy"),
    "clean copies folder": N_("clean copies folder"),
    "working file": N_("working file"),
    "working folder": N_("working folder"),
    "folder": N_("folder"),
}
"""The kinds of files exposure notes (:func:`exposure.written.record_written`), in words."""


def describe(
    result: WipeResult,
    *,
    dry_run: bool = False,
    translation: gettext.NullTranslations | None = None,
) -> list[str]:
    """What the wipe did, in lines for a person (paths in full: they are this person's own);
    English unless ``translation`` is given."""
    t = translation or gettext.NullTranslations()

    def what(w: Written) -> str:
        return t.gettext(WHAT.get(w.what, w.what))

    if not (result.removed or result.gone or result.kept):
        return [
            t.gettext(
                "Nothing to wipe: exposure has no note of any file it wrote on this computer."
            )
        ]
    lines: list[str] = []
    files = [w for w in result.removed if not w.folder]
    if files:
        n = len(files)
        header = (
            t.ngettext(
                "Would remove {count} file exposure wrote:",
                "Would remove {count} files exposure wrote:",
                n,
            )
            if dry_run
            else t.ngettext(
                "Removed {count} file exposure wrote:", "Removed {count} files exposure wrote:", n
            )
        )
        lines.append(header.format(count=n))
        by_folder: dict[str, list[Written]] = {}
        for w in files:
            by_folder.setdefault(os.path.dirname(w.path), []).append(w)
        for folder, inside in by_folder.items():
            if len(inside) > SHOWN_ONE_BY_ONE:
                kinds = ", ".join(sorted({what(w) for w in inside}))
                count = t.ngettext(
                    "{count} file in {folder} ({kinds})",
                    "{count} files in {folder} ({kinds})",
                    len(inside),
                )
                lines.append("  " + count.format(count=len(inside), folder=folder, kinds=kinds))
            else:
                lines.extend(f"  {w.path} ({what(w)})" for w in inside)
    folders = [w for w in result.removed if w.folder]
    if folders:
        n = len(folders)
        header = (
            t.ngettext(
                "Would remove {count} empty folder:", "Would remove {count} empty folders:", n
            )
            if dry_run
            else t.ngettext("Removed {count} empty folder:", "Removed {count} empty folders:", n)
        )
        lines.append(header.format(count=n))
        lines.extend(f"  {w.path}" for w in folders)
    if result.kept:
        n = len(result.kept)
        lines.append(
            t.ngettext(
                "Left alone ({count} path; check and remove it by hand):",
                "Left alone ({count} paths; check and remove them by hand):",
                n,
            ).format(count=n)
        )
        for w, reason in result.kept:
            detail = result.details.get(w.path)
            lines.append(f"  {w.path}: {t.gettext(reason)}" + (f" ({detail})" if detail else ""))
    gone = [w for w in result.gone if not w.what.startswith("working")]  # removed as planned
    if gone:
        lines.append(
            t.ngettext(
                "Already gone: {count} path.", "Already gone: {count} paths.", len(gone)
            ).format(count=len(gone))
        )
    if not dry_run:
        lines.append(t.gettext("exposure's list of what it wrote is now empty."))
    return lines


def wipe_command(*, dry_run: bool = False, lang: str | None = None) -> int:
    """``exposure wipe``: wipe, print what was done; exit code 0, or 3 if something was left."""
    import sys

    from exposure.i18n import choose, translations

    result = wipe(dry_run=dry_run)
    for line in describe(result, dry_run=dry_run, translation=translations(choose(lang))):
        print(neutralise_bidi(line), file=sys.stderr)
    return 3 if result.kept else 0
