"""What an audit comes to: the one-line summary and the exit status."""

from __future__ import annotations

from enum import IntEnum

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
    """FOUND if any finding is at least as severe as ``fail_on``; FAILED if nothing was checkable."""
    if report.items_checked == 0 and report.skipped:
        return ExitCode.FAILED
    if any(f.severity.rank <= fail_on.rank for f in report.findings):
        return ExitCode.FOUND
    return ExitCode.CLEAN


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def summary_line(report: Report) -> str:
    """``Checked 40 files: 12 leaks (5 high, 6 medium, 1 low); 2 could not be checked.``"""
    counts = report.severity_counts()
    total = sum(counts.values())
    text = f"Checked {_plural(report.items_checked, 'item')}: "
    if total:
        detail = ", ".join(f"{counts[s]} {s.value}" for s in Severity if counts[s])
        text += f"{_plural(total, 'leak')} ({detail})"
    else:
        text += "no leaks found"
    if report.skipped:
        text += f"; {_plural(len(report.skipped), 'item')} could not be checked"
    return text + "."
