"""Every sentence and label the HTML report shows, in plain language.

Kept apart from :mod:`exposure.report.context` so the words can be reviewed (and one day
translated) in one place.  No jargon: "high risk", not "severity: HIGH".
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from exposure.catalogue import CATALOGUE
from exposure.model import Confidence, Finding, Severity

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


def summary_sentence(
    items_checked: int, counts: dict[Severity, int], skipped: int, *, not_checked: int = 0
) -> str:
    """One or two sentences saying what was checked and found (never a clean bill for what
    was not read)."""
    total = sum(counts.values())
    if not items_checked and not total:
        return (
            "We could not check anything: nothing you gave holds a file exposure can read. "
            "What it holds is listed at the end."
        )
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
            "us to check" + (" and could read." if skipped or not_checked else ".")
        )
    if skipped:
        found += (
            f" {plural(skipped, 'item', 'items')} could not be checked; they are listed at the end."
        )
    if not_checked:
        found += (
            f" {plural(not_checked, 'file', 'files')} of kinds exposure does not read "
            "(documents and others) were not checked; they are counted at the end."
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


_JARGON = (
    (r"GPS (?:tags?|data|metadata)", "location tags"),
    (r"(?:a|the) GPS (?:position|tag)", "the exact position"),
    (r"GPS (?:positions?|coordinates?)", "exact positions"),
    (
        r"(?:EXIF|XMP|IPTC)(?: (?:and|or|/) (?:EXIF|XMP|IPTC))*(?: (?:data|tags?|fields?))?",
        "hidden photo details",
    ),
    (r"camera metadata", "the camera's hidden details"),
    (r"metadata", "hidden details"),
    (r"GPS", "location"),
    (r"ISO 6709", "standard"),
    (r"ISO", "light setting"),
)
_WORD = r"(?<![\w/.-])(?:{})(?![\w/-])"
"""Whole words only: not inside ``exif-gps``, a file name or a web address."""
_JARGON_RE = [
    (re.compile(_WORD.format(pattern), re.IGNORECASE), words) for pattern, words in _JARGON
]
JARGON_WORDS = re.compile(_WORD.format("EXIF|XMP|IPTC|GPS|ISO|metadata"), re.IGNORECASE)
"""Words a person may not know: shown only in the folded "details" parts of the page."""


def plain(text: str) -> str:
    """``text`` with the technical words (EXIF, XMP, GPS, ISO, metadata) in plain words.

    For the visible parts of the page; the folded details keep the exact words, so a
    person can still search for them in an app's menus."""
    if JARGON_WORDS.search(text) is None:
        return text
    for pattern, words in _JARGON_RE:
        text = pattern.sub(words, text)
    return text


SAVE_FIRST_SHORT = (
    "Save evidence first (screenshots, dates, links), and plan changes someone may notice: "
    "see “Before you change anything” at the top."
)
"""Stands for the catalogue's full safety step, which the page says once at the top."""

ROLE_WORDS = {
    "home": "your home",
    "work": "where you work or study",
    "regular": "a place you go often",
}


def feeds_places(roles: tuple[str, ...]) -> str | None:
    """``"This feeds what a stranger can work out about your home."``, or None."""
    if not roles:
        return None
    return f"This feeds what a stranger can work out about {join_words([ROLE_WORDS[r] for r in roles])}."


def fixes_text(lines: int, findings: int) -> str:
    """``"Fixes 8 items"``, or ``"Fixes 1 item, found in 20 places"`` when lines of the
    checklist stand for several findings each."""
    text = f"Fixes {plural(lines, 'item', 'items')}"
    return text if findings <= lines else f"{text}, found in {findings} places"


JOINED_TITLE = {
    "photo-device-serial": "{n} files carry your camera's serial number ({value})",
    "photo-owner-name": "{n} files carry a person's name ({value})",
    "instagram-photo-device": "{n} Instagram records keep your camera's device id ({value})",
}
"""Kind -> the words of a line standing for one leaked value found in ``n`` files."""


def joined_title(kind: str, findings: tuple[Finding, ...], first_title: str) -> str:
    """The label of one leak found ``len(findings)`` times: ``"40 files carry your
    camera's serial number (3015874)"``; for repeated words, the first title and the count."""
    template = JOINED_TITLE.get(kind)
    n = len(findings)
    if template is None:
        return f"{first_title} (the same words in {n} places)"
    values = sorted({e.detail.split(": ", 1)[-1] for e in findings[0].evidence})
    value = ", ".join(values)
    if len(value) > 60:
        value = value[:59] + "…"
    return template.format(n=n, value=value)


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_RESEARCH = re.compile(r"\bResearchers?\b|\bet al\.|\bstud(?:y|ies)\b|\bsurvey\b", re.IGNORECASE)


def split_why(why: str) -> tuple[str, str | None]:
    """``why`` cut in two: the reason in a sentence, and the rest (or None).

    The first sentence that cites no research stays on the page (two when the first is
    short); the rest, research included, is folded: it is long and rarely read twice."""
    sentences = _SENTENCE.split(why.strip())
    plain_ones = [s for s in sentences if not _RESEARCH.search(s)]
    if not plain_ones:
        return why, None
    shown = plain_ones[:2] if len(plain_ones[0]) < 60 else plain_ones[:1]
    rest = [s for s in sentences if s not in shown]
    return " ".join(shown), (" ".join(rest) or None)


STATUS_NEW = "New since your last check"
STATUS_STILL = "Still there"


def baseline_summary(previous: str | None, fixed: int, still: int, new: int) -> str:
    """``"Since your check of 5 November 2024: 12 fixed, 3 still there, 1 new."``"""
    since = "Since your last check"
    if previous:
        try:
            since = f"Since your check of {day_text(date.fromisoformat(previous[:10]))}"
        except ValueError:
            pass
    return f"{since}: {fixed} fixed, {still} still there, {new} new."


# "What a stranger can work out" (exposure/report/places_view.py)
PLACE_TITLE = {
    "home": "Your likely home",
    "work": "Your likely work or school",
    "regular": "A place you go to regularly",
}
PLACE_CONFIDENCE = {
    Confidence.HIGH: "A stranger could be fairly sure of this.",
    Confidence.MEDIUM: "A stranger could guess this.",
    Confidence.LOW: "A stranger might guess this; the evidence is thin.",
}


def place_steps_heading(count: int) -> str:
    """``To hide this place, do this thing`` / ``... do these 3 things``."""
    if count == 1:
        return "To hide this place, do this thing"
    return f"To hide this place, do these {count} things"


def places_basis(points: int) -> str:
    """What the inference read, said under the place cards."""
    return (
        f"Worked out from the {points:,} located traces this check kept: every photo, post, "
        "route and check-in, and an even sample of each long location history."
    )
