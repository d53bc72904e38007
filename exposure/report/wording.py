"""Every sentence and label the HTML report shows, in plain language.

Kept apart from :mod:`exposure.report.context` so the words can be reviewed and translated
in one place.  No jargon: "high risk", not "severity: HIGH".

Translated (domain ``report``): each function takes the page's catalogue as ``t``
(:func:`exposure.i18n.translations`; English when left out).  Tables hold the English,
marked with ``N_`` (or :func:`N_plural` for a pair of forms), and are translated where
they are used.  The words of the remediation catalogue (a kind's heading, why, steps) and
of findings (titles, reasons) are translated by their own domains.
"""

from __future__ import annotations

import gettext
import re
from datetime import date, datetime, timedelta

from exposure.catalogue import CATALOGUE
from exposure.i18n import N_
from exposure.model import Confidence, Finding, Severity

ENGLISH = gettext.NullTranslations()
"""The words as written here."""


def N_plural(one: str, many: str) -> tuple[str, str]:  # noqa: N802 (like N_)
    """Mark a pair of forms (``"{count} photo"``, ``"{count} photos"``) for extraction as
    one plural entry; translate with ``t.ngettext(*pair, n)``."""
    return (one, many)


SEVERITY_LABEL = {
    Severity.HIGH: N_("High risk"),
    Severity.MEDIUM: N_("Medium risk"),
    Severity.LOW: N_("Low risk"),
}
SEVERITY_MEANING = {
    Severity.HIGH: N_("Can point to a specific place, like a home or workplace."),
    Severity.MEDIUM: N_("Narrows down where you are, or shows it is you."),
    Severity.LOW: N_("Worth knowing, little risk on its own."),
}
CONFIDENCE_LABEL = {
    Confidence.HIGH: N_("We are sure about this."),
    Confidence.MEDIUM: N_("This is likely."),
    Confidence.LOW: N_("This is possible. Please check it yourself."),
}
SEVERITY_COUNT = {
    Severity.HIGH: N_("{count} high risk"),
    Severity.MEDIUM: N_("{count} medium risk"),
    Severity.LOW: N_("{count} low risk"),
}
"""One part of :func:`severity_phrase`."""


def plural(count: int, one: str, many: str) -> str:
    """``"1 item"`` / ``"3 items"`` (English words only: translated text uses
    ``t.ngettext`` with a ``{count}`` message)."""
    return f"{count} {one if count == 1 else many}"


def join_words(parts: list[str], t: gettext.NullTranslations = ENGLISH) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    if len(parts) <= 1:
        return "".join(parts)
    return t.gettext("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def severity_phrase(counts: dict[Severity, int], t: gettext.NullTranslations = ENGLISH) -> str:
    """``"2 high risk and 1 low risk"``: the non-zero severities, most serious first."""
    return join_words(
        [t.gettext(SEVERITY_COUNT[s]).format(count=n) for s, n in counts.items() if n], t
    )


def summary_sentence(
    items_checked: int,
    counts: dict[Severity, int],
    skipped: int,
    *,
    not_checked: int = 0,
    t: gettext.NullTranslations = ENGLISH,
) -> str:
    """One or two sentences saying what was checked and found (never a clean bill for what
    was not read)."""
    total = sum(counts.values())
    if not items_checked and not total:
        return t.gettext(
            "We could not check anything: nothing you gave holds a file exposure can read. "
            "What it holds is listed at the end."
        )
    items = t.ngettext("{count} item", "{count} items", items_checked).format(count=items_checked)
    if total:
        things = t.ngettext(
            "{count} thing that could show where you are or have been",
            "{count} things that could show where you are or have been",
            total,
        ).format(count=total)
        levels = severity_phrase(counts, t)
        if items_checked:
            found = t.gettext("We checked {items} and found {things}: {levels}.").format(
                items=items, things=things, levels=levels
            )
        else:
            found = t.gettext("We found {things}: {levels}.").format(things=things, levels=levels)
    else:
        if items_checked:
            found = t.gettext("We checked {items} and found nothing that shows where you are.")
            found = found.format(items=items)
        else:
            found = t.gettext("We found nothing that shows where you are.")
        found += " " + (
            t.gettext("This only covers what you asked us to check and could read.")
            if skipped or not_checked
            else t.gettext("This only covers what you asked us to check.")
        )
    if skipped:
        found += " " + t.ngettext(
            "{count} item could not be checked; they are listed at the end.",
            "{count} items could not be checked; they are listed at the end.",
            skipped,
        ).format(count=skipped)
    if not_checked:
        found += " " + t.ngettext(
            "{count} file of kinds exposure does not read (documents and others) were not "
            "checked; they are counted at the end.",
            "{count} files of kinds exposure does not read (documents and others) were not "
            "checked; they are counted at the end.",
            not_checked,
        ).format(count=not_checked)
    return found


MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def day_text(value: date, t: gettext.NullTranslations = ENGLISH) -> str:
    """``"1 May 2024"``: unambiguous in every country, unlike 01/05/2024."""
    return t.gettext("{day} {month} {year}").format(
        day=value.day, month=t.gettext(MONTHS[value.month - 1]), year=value.year
    )


def moment_text(value: datetime, *, date_only: bool, t: gettext.NullTranslations = ENGLISH) -> str:
    """``"1 May 2024, 14:03"`` (with the UTC offset when known), or the date alone."""
    if date_only:
        return day_text(value.date(), t)
    text = f"{day_text(value.date(), t)}, {value:%H:%M}"
    offset = value.utcoffset()
    if offset is None:
        return text
    if offset == timedelta(0):
        return f"{text} UTC"
    minutes = int(offset.total_seconds() // 60)
    hours, mins = divmod(abs(minutes), 60)
    return f"{text} (UTC{'+' if minutes >= 0 else '-'}{hours:02d}:{mins:02d})"


def made_line(
    tool: str,
    version: str,
    generated_at: datetime | None,
    *,
    redacted: bool,
    t: gettext.NullTranslations = ENGLISH,
) -> str:
    """``"Made by exposure 0.1.0 on 1 May 2024, 14:03 UTC."``"""
    if generated_at is None:
        return t.gettext("Made by {tool} {version}.").format(tool=tool, version=version)
    return t.gettext("Made by {tool} {version} on {moment}.").format(
        tool=tool, version=version, moment=moment_text(generated_at, date_only=redacted, t=t)
    )


def step_note(
    source: str, checked_day: str | None, t: gettext.NullTranslations = ENGLISH
) -> str | None:
    """``"Source: Apple support, checked 2 November 2024"`` (either part may be missing)."""
    if source and checked_day:
        return t.gettext("Source: {source}, checked {day}").format(source=source, day=checked_day)
    if source:
        return t.gettext("Source: {source}").format(source=source)
    if checked_day:
        return t.gettext("Advice checked {day}").format(day=checked_day)
    return None


def progress_text(done: int, total: int, t: gettext.NullTranslations = ENGLISH) -> str:
    """``"3 of 12 done"``: the same words the page script writes."""
    return t.gettext("{done} of {total} done").format(done=done, total=total)


CONFIDENCE_LABEL_MANY = {
    Confidence.HIGH: N_("We are sure about these."),
    Confidence.MEDIUM: N_("These are likely."),
    Confidence.LOW: N_("These are possible. Please check them yourself."),
}
"""How sure we are, said once for a whole section of the checklist."""

KIND_HEADING: dict[str, tuple[str, str]] = {
    kind: entry.heading for kind, entry in CATALOGUE.items()
}
"""Finding kind -> words after the count in its section heading (one, many), from each
kind's :attr:`exposure.catalogue.KindInfo.heading`.  A kind not in the catalogue gets a
one-line summary and a count instead."""


def kind_heading(
    kind: str, count: int, summary: str | None = None, t: gettext.NullTranslations = ENGLISH
) -> str:
    """``"41 photos show where they were taken"``: what a checklist section holds.

    ``summary`` is the catalogue's one-line description of the kind, used when
    :data:`KIND_HEADING` has no words for it; without either, the kind's identifier.  The
    heading's words are looked up as a plural entry (``t.ngettext(one, many, count)``, the
    catalogue domain's)."""
    words = KIND_HEADING.get(kind)
    if words is not None:
        return f"{count} {t.ngettext(*words, count)}"
    if summary:
        items = t.ngettext("{count} item", "{count} items", count).format(count=count)
        return f"{summary.rstrip('. ')} ({items})"
    return t.ngettext(
        "{count} finding of the type “{kind}”", "{count} findings of the type “{kind}”", count
    ).format(count=count, kind=kind)


def tick_all_text(count: int, t: gettext.NullTranslations = ENGLISH) -> str:
    """The label of a section's "tick all" button (the page script uses the same words)."""
    return t.ngettext("Tick all {count} as done", "Tick all {count} as done", count).format(
        count=count
    )


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


def plain(text: str, t: gettext.NullTranslations = ENGLISH) -> str:
    """``text`` with the technical words (EXIF, XMP, GPS, ISO, metadata) in plain words.

    For the visible parts of the page; the folded details keep the exact words, so a
    person can still search for them in an app's menus.  English only: on a page in
    another language (``t`` not English) the text is its translation, written in plain
    words already, and is left as it is."""
    if type(t) is not gettext.NullTranslations or JARGON_WORDS.search(text) is None:
        return text
    for pattern, words in _JARGON_RE:
        text = pattern.sub(words, text)
    return text


def number(value: int, t: gettext.NullTranslations = ENGLISH) -> str:
    """``12,345`` with the language's thousands separator."""
    return separators(f"{value:,}", t)


def separators(text: str, t: gettext.NullTranslations = ENGLISH) -> str:
    """``text`` (numbers written the English way, ``1,234.5``) with the language's
    thousands and decimal separators."""
    if type(t) is gettext.NullTranslations:
        return text
    # TRANSLATORS: the thousands separator in numbers such as 12,345 (French: a narrow
    # no-break space, Spanish: a full stop).
    thousands = t.gettext(",")
    # TRANSLATORS: the decimal separator in numbers such as 1.5 km (French and Spanish: a
    # comma).
    point = t.gettext(".")
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


SAVE_FIRST_SHORT = N_(
    "Save evidence first (screenshots, dates, links), and plan changes someone may notice: "
    "see “Before you change anything” at the top."
)
"""Stands for the catalogue's full safety step, which the page says once at the top."""

ROLE_WORDS = {
    "home": N_("your home"),
    "work": N_("where you work or study"),
    "regular": N_("a place you go often"),
}


def feeds_places(roles: tuple[str, ...], t: gettext.NullTranslations = ENGLISH) -> str | None:
    """``"This feeds what a stranger can work out about your home."``, or None."""
    if not roles:
        return None
    about = join_words([t.gettext(ROLE_WORDS[r]) for r in roles], t)
    return t.gettext("This feeds what a stranger can work out about {places}.").format(places=about)


def fixes_text(lines: int, findings: int, t: gettext.NullTranslations = ENGLISH) -> str:
    """``"Fixes 8 items"``, or ``"Fixes 1 item, found in 20 places"`` when lines of the
    checklist stand for several findings each."""
    if findings <= lines:
        return t.ngettext("Fixes {count} item", "Fixes {count} items", lines).format(count=lines)
    return t.ngettext(
        "Fixes {count} item, found in {places} places",
        "Fixes {count} items, found in {places} places",
        lines,
    ).format(count=lines, places=findings)


JOINED_TITLE = {
    "photo-device-serial": N_plural(
        "{n} file carries your camera's serial number ({value})",
        "{n} files carry your camera's serial number ({value})",
    ),
    "photo-owner-name": N_plural(
        "{n} file carries a person's name ({value})", "{n} files carry a person's name ({value})"
    ),
    "instagram-photo-device": N_plural(
        "{n} Instagram record keeps your camera's device id ({value})",
        "{n} Instagram records keep your camera's device id ({value})",
    ),
}
"""Kind -> the words of a line standing for one leaked value found in ``n`` files."""


def joined_title(
    kind: str,
    findings: tuple[Finding, ...],
    first_title: str,
    t: gettext.NullTranslations = ENGLISH,
) -> str:
    """The label of one leak found ``len(findings)`` times: ``"40 files carry your
    camera's serial number (3015874)"``; for repeated words, the first title and the count."""
    template = JOINED_TITLE.get(kind)
    n = len(findings)
    if template is None:
        return t.ngettext(
            "{title} (the same words in {n} place)", "{title} (the same words in {n} places)", n
        ).format(title=first_title, n=n)
    values = sorted({e.detail.split(": ", 1)[-1] for e in findings[0].evidence})
    value = ", ".join(values)
    if len(value) > 60:
        value = value[:59] + "…"
    return t.ngettext(*template, n).format(n=n, value=value)


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ¿¡«])")
_RESEARCH = re.compile(
    r"\bResearchers?\b|\bet al\.|\bstud(?:y|ies)\b|\bsurvey\b"
    r"|\binvestigador|\bestudios?\b|\bencuesta|\bchercheu|\bétudes?\b|\benquête",
    re.IGNORECASE,
)


def split_why(why: str) -> tuple[str, str | None]:
    """``why`` cut in two: the reason in a sentence, and the rest (or None).

    The first sentence that cites no research stays on the page (two when the first is
    short); the rest, research included, is folded: it is long and rarely read twice.
    (Research is recognised in English, Spanish and French words.)"""
    sentences = _SENTENCE.split(why.strip())
    plain_ones = [s for s in sentences if not _RESEARCH.search(s)]
    if not plain_ones:
        return why, None
    shown = plain_ones[:2] if len(plain_ones[0]) < 60 else plain_ones[:1]
    rest = [s for s in sentences if s not in shown]
    return " ".join(shown), (" ".join(rest) or None)


STATUS_NEW = N_("New since your last check")
STATUS_STILL = N_("Still there")


def baseline_summary(
    previous: str | None, fixed: int, still: int, new: int, t: gettext.NullTranslations = ENGLISH
) -> str:
    """``"Since your check of 5 November 2024: 12 fixed, 3 still there, 1 new."``"""
    day = None
    if previous:
        try:
            day = day_text(date.fromisoformat(previous[:10]), t)
        except ValueError:
            pass
    if day is None:
        words = t.gettext("Since your last check: {fixed} fixed, {still} still there, {new} new.")
    else:
        words = t.gettext(
            "Since your check of {day}: {fixed} fixed, {still} still there, {new} new."
        )
    return words.format(day=day, fixed=fixed, still=still, new=new)


# "What a stranger can work out" (exposure/report/places_view.py)
PLACE_TITLE = {
    "home": N_("Your likely home"),
    "work": N_("Your likely work or school"),
    "regular": N_("A place you go to regularly"),
}
PLACE_CONFIDENCE = {
    Confidence.HIGH: N_("A stranger could be fairly sure of this."),
    Confidence.MEDIUM: N_("A stranger could guess this."),
    Confidence.LOW: N_("A stranger might guess this; the evidence is thin."),
}


def place_steps_heading(count: int, t: gettext.NullTranslations = ENGLISH) -> str:
    """``To hide this place, do this thing`` / ``... do these 3 things``."""
    return t.ngettext(
        "To hide this place, do this thing", "To hide this place, do these {count} things", count
    ).format(count=count)


def places_basis(points: int, t: gettext.NullTranslations = ENGLISH) -> str:
    """What the inference read, said under the place cards."""
    return t.ngettext(
        "Worked out from the {count} located trace this check kept: every photo, post, "
        "route and check-in, and an even sample of each long location history.",
        "Worked out from the {count} located traces this check kept: every photo, post, "
        "route and check-in, and an even sample of each long location history.",
        points,
    ).format(count=number(points, t))


NOUNS: dict[str, tuple[str, str]] = {
    "photo-gps": N_plural("{count} photo", "{count} photos"),
    "video-gps": N_plural("{count} video", "{count} videos"),
    "google-location-history": N_plural(
        "{count} Location History point", "{count} Location History points"
    ),
    "google-timeline": N_plural("{count} Timeline point", "{count} Timeline points"),
    "google-home-work": N_plural("{count} Google label", "{count} Google labels"),
    "google-photos-location": N_plural(
        "{count} Google Photos location", "{count} Google Photos locations"
    ),
    "google-maps-activity": N_plural(
        "{count} Maps activity record", "{count} Maps activity records"
    ),
    "google-maps-review": N_plural("{count} Maps review", "{count} Maps reviews"),
    "google-maps-saved-places": N_plural("{count} saved place", "{count} saved places"),
    "route-endpoint": N_plural("{count} route", "{count} routes"),
    "snapchat-home-work": N_plural("{count} Snapchat label", "{count} Snapchat labels"),
    "snapchat-location-history": N_plural(
        "{count} Snapchat location", "{count} Snapchat locations"
    ),
    "swarm-checkin": N_plural("{count} check-in", "{count} check-ins"),
    "instagram-post-location": N_plural("{count} Instagram post", "{count} Instagram posts"),
    "instagram-post-place": N_plural("{count} Instagram post", "{count} Instagram posts"),
    "facebook-post-location": N_plural("{count} Facebook post", "{count} Facebook posts"),
    "facebook-location-history": N_plural(
        "{count} Facebook location", "{count} Facebook locations"
    ),
    "x-post-location": N_plural("{count} post on X", "{count} posts on X"),
    "web-": N_plural("{count} web page", "{count} web pages"),
    "web-feed-location": N_plural("{count} feed post", "{count} feed posts"),
    "web-post-place": N_plural("{count} public post", "{count} public posts"),
    "map-places": N_plural("{count} place in a map file", "{count} places in map files"),
    "text-": N_plural("{count} place written in text", "{count} places written in text"),
    "": N_plural("{count} record of another kind", "{count} records of other kinds"),
}
"""Finding kind (or the start of one) -> how its evidence is counted on a place card, as
messages: the translated words of :func:`exposure.inference.sources.noun`."""


def convergence(
    sources: list[tuple[str, int]],
    radius_m: float,
    where: str,
    t: gettext.NullTranslations = ENGLISH,
) -> str:
    """``22 photos, 60 Timeline points and 14 routes point to the same 60 m around 45.748,
    4.847.``: the sources that agree on a place (English: the inference's own words)."""
    from exposure.inference.sources import convergence as english

    if type(t) is gettext.NullTranslations:
        return english(sources, radius_m, where) + "."
    across = max(10, int(round(2 * radius_m, -1)))
    total = sum(n for _, n in sources)
    counted: dict[str, int] = {}  # kinds said with the same words count together
    for kind, n in sources:
        counted[_noun_key(kind)] = counted.get(_noun_key(kind), 0) + n
    parts = [
        t.ngettext(*NOUNS[key], n).format(count=number(n, t))
        for key, n in sorted(counted.items(), key=lambda kv: -kv[1])
    ]
    return t.ngettext(
        "{sources} points to the same {across} m around {where}.",
        "{sources} point to the same {across} m around {where}.",
        total,
    ).format(sources=join_words(parts, t), across=across, where=where)


def _noun_key(kind: str) -> str:
    if kind in NOUNS:
        return kind
    return next((start for start in ("text-", "web-") if kind.startswith(start)), "")


GROUP_NAMES = (
    N_("Saved web pages"),
    N_("Your routine, seen across your data"),
)
"""Where-to-act names the readers write as they are (``exposure.sources.web.saved.GROUP``,
``exposure.inference.findings.ROUTINE_GROUP``); platform names are in the workshop
catalogue already (``Platform.translated_group``)."""
GROUP_PATTERNS = (
    (re.compile(r"Photos and videos in (?P<folder>.+)", re.S), N_("Photos and videos in {folder}")),
    (re.compile(r"Saved web pages from (?P<host>\S+)"), N_("Saved web pages from {host}")),
    (
        re.compile(r"(?P<platform>[A-Z][\w.]*) profile (?P<handle>@\S+)"),
        N_("{platform} profile {handle}"),
    ),
)
"""Where-to-act names the readers make with a value (a folder, a host, a handle)."""


def group_name(group: str, t: gettext.NullTranslations = ENGLISH) -> str:
    """A checklist group's name (where to act) in the page's language: the report keeps
    the English, which also names the group in the JSON."""
    if type(t) is gettext.NullTranslations:
        return group
    found = t.gettext(group)
    if found != group:
        return found
    for pattern, message in GROUP_PATTERNS:
        match = pattern.fullmatch(group)
        if match is not None:
            return t.gettext(message).format(**match.groupdict())
    return group
