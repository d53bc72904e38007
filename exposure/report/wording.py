"""Every sentence and label the HTML report shows, in plain language.

Kept apart from :mod:`exposure.report.context` so the words can be reviewed (and one day
translated) in one place.  No jargon: "high risk", not "severity: HIGH".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from exposure.catalogue import CATALOGUE
from exposure.model import Confidence, Severity

SEVERITY_LABEL = {
    Severity.HIGH: "High risk",
    Severity.MEDIUM: "Medium risk",
    Severity.LOW: "Low risk",
}
SEVERITY_MEANING = {
    Severity.HIGH: "Can point to a specific place, like a home or workplace.",
    Severity.MEDIUM: "Narrows down where you are, or shows it is you.",
    Severity.LOW: "Worth knowing, little risk on its own.",
}
CONFIDENCE_LABEL = {
    Confidence.HIGH: "We are sure about this.",
    Confidence.MEDIUM: "This is likely.",
    Confidence.LOW: "This is possible. Please check it yourself.",
}


def plural(count: int, one: str, many: str) -> str:
    """``"1 item"`` / ``"3 items"``."""
    return f"{count} {one if count == 1 else many}"


def join_words(parts: list[str]) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def severity_phrase(counts: dict[Severity, int]) -> str:
    """``"2 high risk and 1 low risk"``: the non-zero severities, most serious first."""
    return join_words([f"{n} {s.value} risk" for s, n in counts.items() if n])


def summary_sentence(items_checked: int, counts: dict[Severity, int], skipped: int) -> str:
    """One or two sentences saying what was checked and found."""
    total = sum(counts.values())
    checked = (
        f"We checked {plural(items_checked, 'item', 'items')} and found"
        if items_checked
        else "We found"
    )
    if total:
        found = (
            f"{checked} {plural(total, 'thing', 'things')} that could show where you are "
            f"or have been: {severity_phrase(counts)}."
        )
    else:
        found = (
            f"{checked} nothing that shows where you are. This only covers what you asked "
            "us to check."
        )
    if skipped:
        found += (
            f" {plural(skipped, 'item', 'items')} could not be checked; they are listed at the end."
        )
    return found


def day_text(value: date) -> str:
    """``"1 May 2024"``: unambiguous in every country, unlike 01/05/2024."""
    return f"{value.day} {value:%B %Y}"


def moment_text(value: datetime, *, date_only: bool) -> str:
    """``"1 May 2024, 14:03"`` (with the UTC offset when known), or the date alone."""
    if date_only:
        return day_text(value.date())
    text = f"{day_text(value.date())}, {value:%H:%M}"
    offset = value.utcoffset()
    if offset is None:
        return text
    if offset == timedelta(0):
        return f"{text} UTC"
    minutes = int(offset.total_seconds() // 60)
    hours, mins = divmod(abs(minutes), 60)
    return f"{text} (UTC{'+' if minutes >= 0 else '-'}{hours:02d}:{mins:02d})"


def made_line(tool: str, version: str, generated_at: datetime | None, *, redacted: bool) -> str:
    """``"Made by exposure 0.1.0 on 1 May 2024, 14:03 UTC."``"""
    line = f"Made by {tool} {version}"
    if generated_at is None:
        return line + "."
    return f"{line} on {moment_text(generated_at, date_only=redacted)}."


def step_note(source: str, checked_day: str | None) -> str | None:
    """``"Source: Apple support, checked 2 November 2024"`` (either part may be missing)."""
    if source and checked_day:
        return f"Source: {source}, checked {checked_day}"
    if source:
        return f"Source: {source}"
    if checked_day:
        return f"Advice checked {checked_day}"
    return None


def progress_text(done: int, total: int) -> str:
    """``"3 of 12 done"``: the same words the page script writes."""
    return f"{done} of {total} done"


CONFIDENCE_LABEL_MANY = {
    Confidence.HIGH: "We are sure about these.",
    Confidence.MEDIUM: "These are likely.",
    Confidence.LOW: "These are possible. Please check them yourself.",
}
"""How sure we are, said once for a whole section of the checklist."""

KIND_HEADING: dict[str, tuple[str, str]] = {
    kind: entry.heading for kind, entry in CATALOGUE.items()
}
"""Finding kind -> words after the count in its section heading (one, many), from each
kind's :attr:`exposure.catalogue.KindInfo.heading`.  A kind not in the catalogue gets a
one-line summary and a count instead."""


def kind_heading(kind: str, count: int, summary: str | None = None) -> str:
    """``"41 photos show where they were taken"``: what a checklist section holds.

    ``summary`` is the catalogue's one-line description of the kind, used when
    :data:`KIND_HEADING` has no words for it; without either, the kind's identifier."""
    words = KIND_HEADING.get(kind)
    if words is not None:
        return plural(count, *words)
    if summary:
        return f"{summary.rstrip('. ')} ({plural(count, 'item', 'items')})"
    return f"{plural(count, 'finding', 'findings')} of the type “{kind}”"


def tick_all_text(count: int) -> str:
    """The label of a section's "tick all" button (the page script uses the same words)."""
    return f"Tick all {count} as done"
