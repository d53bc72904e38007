"""What an audit comes to: the one-line summary and the exit status."""

from __future__ import annotations

import gettext
import re
from enum import IntEnum

from exposure.i18n import N_
from exposure.model import Report, Severity


class ExitCode(IntEnum):
    """Documented in the README; scripts depend on these."""

    CLEAN = 0
    """Nothing found at or above the --fail-on severity."""
    FOUND = 1
    """Leaks were found."""
    USAGE = 2
    """Bad command-line input: nothing was audited."""
    FAILED = 3
    """The audit could not run, or nothing it was given could be checked."""


def exit_status(report: Report, fail_on: Severity = Severity.LOW) -> ExitCode:
    """FOUND if any finding is at least as severe as ``fail_on``; FAILED if nothing could be
    checked (nothing readable, only damaged files, an empty folder): never a clean bill for
    what was not read."""
    if any(f.severity.rank <= fail_on.rank for f in report.findings):
        return ExitCode.FOUND
    if report.items_checked == 0 and not report.findings:
        return ExitCode.FAILED
    return ExitCode.CLEAN


_SEVERITY_WORDS = {
    Severity.HIGH: N_("{count} high"),
    Severity.MEDIUM: N_("{count} medium"),
    Severity.LOW: N_("{count} low"),
}


def summary_line(report: Report, translation: gettext.NullTranslations | None = None) -> str:
    """``Checked 40 items: 12 leaks (5 high, 6 medium, 1 low); 2 items could not be checked.``

    In English unless ``translation`` (see :func:`exposure.i18n.translations`) is given."""
    t = translation or _ENGLISH
    counts = report.severity_counts()
    total = sum(counts.values())
    n = report.items_checked
    checked = t.ngettext("Checked {count} item", "Checked {count} items", n).format(count=n)
    if total:
        detail = ", ".join(
            t.gettext(_SEVERITY_WORDS[s]).format(count=counts[s]) for s in Severity if counts[s]
        )
        found = t.ngettext("{count} leak", "{count} leaks", total).format(count=total)
        found += f" ({detail})"
    elif n == 0:
        return _nothing_read(report, t)
    elif report.not_checked or report.skipped:
        found = t.gettext("no leaks found in what could be read")
    else:
        found = t.gettext("no leaks found")
    # TRANSLATORS: "Checked 40 items" and "12 leaks (...)": the punctuation between them.
    text = t.gettext("{checked}: {found}").format(checked=checked, found=found)
    if report.skipped:
        k = len(report.skipped)
        skipped = t.ngettext(
            "{count} item could not be checked", "{count} items could not be checked", k
        ).format(count=k)
        text = t.gettext("{summary}; {skipped}").format(summary=text, skipped=skipped)
    return text + "."


_ENGLISH = gettext.NullTranslations()


def _nothing_read(report: Report, t: gettext.NullTranslations) -> str:
    """The verdict when nothing could be read: said plainly, never "no leaks found"."""
    text = t.gettext("Nothing could be checked: exposure found nothing it can read")
    if report.skipped:
        k = len(report.skipped)
        text += (
            " ("
            + t.ngettext(
                "{count} item could not be read", "{count} items could not be read", k
            ).format(count=k)
            + ")"
        )
    held = not_checked_words(report)
    return text + (f"; {held}." if held else " " + t.gettext("(no files)") + ".")


def not_checked_words(report: Report) -> str:
    """``~/Downloads holds 212 documents (.pdf 120, .docx 92), 3 unknown files`` (the file
    types in English: they name the same types as the report)."""
    return "; ".join(f"{n.input} holds {n.words()}" for n in report.not_checked)


TOP_REASONS = 3
"""Reasons for "could not check" the terminal names, most frequent first."""
_CLAUSE = re.compile(r" \(|; |: (?=[A-Za-z])(?<!partly read: )(?<!partly checked: )")
_NUMBER = re.compile(r"(?<!answered )(?<![\w.])\d[\d,.]*(?![\w.])")


def reason_key(reason: str, *, numbers: bool = True) -> str:
    """The kind of a "could not check" reason, without what differs item by item: its first
    clause, numbers (byte offsets, counts) as ``#`` (kept with ``numbers=False``).  ``"the JPEG structure is broken at
    byte 1474; stopped reading there"`` -> ``"the JPEG structure is broken at byte #"``."""
    for prefix in (
        "partly read: ",
        "partly checked: ",
        "not checked: ",
        "refused: ",
        "the site could not be reached: ",
    ):
        if reason.startswith(prefix):
            return prefix + reason_key(reason[len(prefix) :], numbers=numbers)
    first = _CLAUSE.split(reason, maxsplit=1)[0].strip()
    return _NUMBER.sub("#", first) if numbers else first
