"""``ReportContext``: everything the HTML templates may use, prepared in Python.

The templates hold no logic beyond loops and ``if`` on ready-made fields: grouping,
ordering, counting, wording and date formatting all happen in :func:`build_context`.

The checklist has two levels.  A :class:`GroupView` is where the user acts (a folder, a
platform); inside it, one :class:`KindView` per finding kind says once why it matters and
how to fix it, then lists its entries as compact :class:`FindingView` lines.  An entry
repeats none of the section's text: it carries its own ``why``, ``fix`` or confidence only
in the rare case they differ from the section's.  Building is linear in the findings, so
the page stays quick to make with tens of thousands of them.
Each field below carries a docstring; ``tests/report/test_context.py`` fails when a
template reads an attribute that no context class documents.
"""

from __future__ import annotations

import gettext
import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from exposure.catalogue.base import SAVE_FIRST
from exposure.i18n import DEFAULT, translations
from exposure.i18n.message import say
from exposure.model import (
    Baseline,
    Confidence,
    Evidence,
    Finding,
    Place,
    Remediation,
    Report,
    Severity,
    Skipped,
    Step,
)
from exposure.report import wording
from exposure.report.base import TOOL_NAME, has_real_position
from exposure.report.catalogue_words import CatalogueWords
from exposure.report.leaks import Leak, join_leaks
from exposure.report.places_view import PlacesView, build_places
from exposure.report.priority import place_roles, rank_actions
from exposure.report.scrub import REDACT_DECIMALS
from exposure.report.wording import N_plural
from exposure.report.worldmap import MapView, build_map

STORAGE_PREFIX = "exposure:v1"
"""First part of every localStorage key the page writes."""

_T = TypeVar("_T")

FULL_DECIMALS = 6
"""Decimal places shown for an unredacted position (about 10 cm: what the file holds)."""


@dataclass(frozen=True, slots=True)
class SeverityCount:
    """How many findings have one severity (for the summary)."""

    severity: str
    """``high``, ``medium`` or ``low`` (used as a CSS class)."""
    label: str
    """``High risk``: the words shown in the badge."""
    meaning: str
    """One sentence saying what this level means."""
    count: int
    """Number of findings at this level."""


@dataclass(frozen=True, slots=True)
class FixView:
    """How to remove a leak: shown once per section, or on an entry whose advice differs."""

    summary: str
    """The remediation in one sentence."""
    effort: str
    """Rough time it takes: ``a few minutes``."""
    steps: tuple[str, ...]
    """Ordered steps to remove the leak, in plain words (jargon, sources and dates are in
    the folded "where this advice comes from" part)."""
    sources: tuple[str, ...]
    """Each step's source and date (``Step 2: Apple support, checked 2 November 2024``),
    shown folded under the steps."""
    links: tuple[str, ...]
    """Help pages, shown as plain text (never loaded, never live links), folded too."""


@dataclass(frozen=True, slots=True)
class Highlight:
    """An evidence text cut in three around the words a text detector matched."""

    before: str
    """Text before the matched words."""
    words: str
    """The matched words (marked in the page)."""
    after: str
    """Text after the matched words."""


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """One observation backing a finding (shown under the entry's "Details")."""

    detail: str
    """What was seen, as the detector wrote it."""
    highlight: Highlight | None
    """For text findings: ``detail`` cut around the words that leak, so the template can
    mark them; None when nothing is to be marked."""
    locator: str | None
    """Where it was seen, only when different from the finding's own locator."""
    position: str | None
    """``52.520008, 13.404954``: a real position, only when the entry line does not
    already show the same one."""
    observed: str | None
    """When it was observed: ``1 May 2024, 14:03`` (a date only when redacted), only when
    the entry line does not already show the same time."""
    place_name: str | None
    """A place name recorded with it, or None."""
    field: str | None
    """The metadata field or key it was read from, or None."""


@dataclass(frozen=True, slots=True)
class FindingView:
    """One checklist entry: a compact line, with the evidence folded under "Details"."""

    id: str
    """The line's stable id (``data-finding-id`` on its checkbox): the finding's id, or for
    one leak found in several files an id of its kind, place to act and value."""
    ids: str
    """The ids of the findings the line stands for, separated by spaces
    (``data-finding-ids``): a tick saves these, so it holds in the shareable copy too."""
    dom_id: str
    """A safe, unique HTML id for its checkbox (``finding-3``)."""
    title: str
    """Short label in plain words: the file (relative to the section's folder), or what
    leaks (``40 files carry your camera's serial number``)."""
    full_title: str | None
    """The detector's own words when the label is shorter, shown under "Details"."""
    count: int
    """How many findings the line stands for (1 for most lines)."""
    status: str | None
    """Against an earlier report (``verify``): ``New since your last check`` or ``Still
    there``; None without one."""
    members: tuple[MemberView, ...]
    """For a line standing for several findings: each one (its file, place, date), listed
    under "Details"; empty otherwise."""
    severity: str
    """``high``, ``medium`` or ``low`` (used as a CSS class)."""
    severity_label: str
    """``High risk``: the words in the badge (never colour alone)."""
    locator: str | None
    """Where the leak is: a file, an archive member or a web address (shown as text), when
    the label does not already say it."""
    full_locator: str | None
    """The whole path or address when :attr:`locator` or the label shortened it (shown
    under "Details")."""
    place: str | None
    """The first real position among the evidence as text, or None."""
    when: str | None
    """The first observation time among the evidence as text, or None."""
    evidence: tuple[EvidenceView, ...]
    """What was seen, in order."""
    confidence_label: str | None
    """How sure we are, only when it differs from what its section says."""
    why: str | None
    """Why this matters, only when it differs from what its section says (rare)."""
    fix: FixView | None
    """How to fix it, only when it differs from what its section says (rare)."""


@dataclass(frozen=True, slots=True)
class MemberView:
    """One of the findings a joined line stands for."""

    locator: str
    """Its file or address (relative to the section's folder when it is inside)."""
    place: str | None
    """Its first real position as text, or None."""
    when: str | None
    """Its first observation time as text, or None."""


@dataclass(frozen=True, slots=True)
class ActionLink:
    """A link to one section of the checklist."""

    text: str
    """The section's heading."""
    href: str
    """``#kind-3``."""


@dataclass(frozen=True, slots=True)
class ActionView:
    """One of the "Start here" actions: the few that remove the most exposure."""

    number: int
    """1, 2, 3... in order."""
    summary: str
    """What to do, in one plain sentence."""
    where: str
    """Where to do it (a group's name)."""
    effort: str
    """Rough time it takes."""
    reason: str | None
    """``It feeds what a stranger can work out about your home.``, or None."""
    severity: str
    """The most serious level among what it fixes (CSS class)."""
    severity_label: str
    """Badge words."""
    count_text: str
    """``Fixes 8 items``."""
    href: str
    """The first checklist section it fixes (``#kind-1``)."""
    sections: tuple[ActionLink, ...]
    """Every checklist section it fixes."""
    section_ids: str
    """Their HTML ids, separated by spaces (``data-sections``: the page script counts the
    ticks in them and shows the action's progress)."""


@dataclass(frozen=True, slots=True)
class KindView:
    """The findings of one kind within a group: the advice once, then the entries."""

    kind: str
    """The documented finding kind (``photo-gps``...)."""
    dom_id: str
    """A safe HTML id for the section (``kind-2``), target of the contents links."""
    heading: str
    """What the section holds, with the count: ``41 photos show where they were taken``."""
    severity: str
    """The most serious level among its entries (CSS class of the section)."""
    severity_label: str
    """``High risk``: the words in the heading's badge."""
    count: int
    """Number of entries."""
    confidence_label: str | None
    """How sure we are, for the section (the most common level among its entries); None
    when we are sure (the usual case, not worth the words)."""
    why: str
    """Why this matters (shared by the entries; an entry that differs shows its own), in
    plain words, in a sentence or two."""
    more_why: str | None
    """The rest of the "why" (research included), shown folded; None when there is none."""
    steps_folded: bool
    """True for medium and low risk sections: their steps are folded under the fix's one
    sentence (high risk sections show them)."""
    fix: FixView
    """How to fix it (shared by the entries; an entry that differs shows its own)."""
    new_steps: tuple[str, ...]
    """The fix's steps that no earlier section of the same group showed (what the
    section lists)."""
    steps_from: ActionLink | None
    """The earlier section of the group whose steps this one shares (the page says "do the
    steps in ... first"), or None when every step is new."""
    progress_text: str
    """``0 of 41 done``: the section's count before the page script updates it."""
    has_tools: bool
    """True when the section has two entries or more: it gets its own progress count and a
    "tick all" button with undo (both shown by the page script only)."""
    tick_all_text: str
    """``Tick all 41 as done``: the label of the section's tick-all button."""
    skip_list: bool
    """True when the list is long enough to offer a link past it."""
    findings: tuple[FindingView, ...]
    """Entries, most serious first (:meth:`Finding.sort_key`)."""
    chunks: tuple[ChunkView, ...]
    """The same entries cut into consecutive lists of at most :data:`CHUNK` (what the
    template loops over: a browser lays out a short list much faster than a huge one)."""


@dataclass(frozen=True, slots=True)
class ChunkView:
    """A run of consecutive entries of one section, shown as one list."""

    findings: tuple[FindingView, ...]
    """The entries."""
    full: bool
    """True for a full chunk of :data:`CHUNK` entries, which the browser may leave
    unrendered until it is scrolled near (its height is then estimated)."""


@dataclass(frozen=True, slots=True)
class GroupView:
    """The findings that are fixed in one place (a folder, a platform, a page)."""

    name: str
    """Where to act, as the heading shows it."""
    dom_id: str
    """A safe HTML id for the section (``group-1``), target of the contents links."""
    count_text: str
    """``3 things to fix``."""
    severity_text: str
    """``1 high risk and 2 low risk``."""
    kinds: tuple[KindView, ...]
    """One section per finding kind, most serious first."""


@dataclass(frozen=True, slots=True)
class SkippedView:
    """Something that could not be checked."""

    locator: str
    """What it was (shown as text)."""
    reason: str
    """Why, in words for the user (technical words put plainly)."""
    exact: str | None
    """The reason in the reader's own technical words, when :attr:`reason` differs (shown
    under "Details")."""
    source: str
    """Which part of the tool gave up (may be empty)."""
    count: int = 1
    """How many items share this reason (many alike are one line: 10,000 empty files)."""


@dataclass(frozen=True)
class NotCheckedView:
    """The files of one INPUT exposure does not read, counted."""

    input: str
    """The INPUT as given (a label in a redacted copy)."""
    words: str
    """``212 documents (.pdf 120, .docx 92), 3 unknown files``."""
    total: int
    """How many files were not checked."""
    examples: tuple[str, ...]
    """A few of them (locators, at most five)."""


@dataclass(frozen=True, slots=True)
class FixedView:
    """A finding of the earlier report that is gone now: shown ticked, as done."""

    title: str
    """Its title in the earlier report (in a shareable copy, what kind of leak it was)."""
    severity: str
    """CSS class."""
    severity_label: str
    """Badge words."""


@dataclass(frozen=True, slots=True)
class BaselineView:
    """What changed since the earlier report ``verify`` compared with."""

    summary: str
    """``Since your check of 2024-11-05: 12 fixed, 3 still there, 1 new.``"""
    fixed: tuple[FixedView, ...]
    """The fixed findings, most serious first."""


@dataclass(frozen=True, slots=True)
class ReportContext:
    """The whole template contract: ``report.html`` receives one of these as ``ctx``."""

    title: str
    """Page title and main heading."""
    made_line: str
    """``Made by exposure 0.1.0 on 1 May 2024, 14:03 UTC.`` (no time in reproducible mode)."""
    report_id: str
    """Hash of the sorted finding ids: namespaces the ticks saved in this browser."""
    storage_key: str
    """The one localStorage key holding this report's ticks (a list of finding ids)."""
    redacted: bool
    """True for the shareable copy (the page says so at the top)."""
    inputs: tuple[str, ...]
    """What the user asked to check (paths and addresses; counts in a redacted copy)."""
    summary: str
    """One or two plain sentences: what was checked and found."""
    items_checked: int
    """Total items looked at."""
    total_findings: int
    """Number of checklist entries."""
    severity_counts: tuple[SeverityCount, ...]
    """One entry per severity, most serious first (zeros included)."""
    could_not_check: int
    """Number of items that could not be checked."""
    progress_text: str
    """``0 of 12 done``: the progress line before the page script updates it."""
    total_lines: int
    """Number of checklist lines (tick boxes): findings of one leak share a line."""
    start_here: tuple[ActionView, ...]
    """The 3-5 actions that remove the most exposure, best first (empty when nothing
    was found)."""
    baseline: BaselineView | None
    """Set when the audit was compared with an earlier report (``verify``)."""
    map: MapView | None
    """The offline map of located traces and inferred places, or None when nothing is
    located (see :mod:`exposure.report.worldmap`)."""
    item_anchors: dict[str, str]
    """Finding id -> ``#finding-3``, the checklist line that holds it (for sections that
    link to the lines feeding a place)."""
    places: PlacesView | None
    """"What a stranger can work out": cards of the inferred home, work and regular
    places (:mod:`exposure.report.places_view`), or None when there are none."""
    groups: tuple[GroupView, ...]
    """Sections of the checklist, most serious first, then by name."""
    skipped: tuple[SkippedView, ...]
    """Items that could not be checked, with reasons (many with one reason: one line)."""
    not_checked: tuple[NotCheckedView, ...] = ()
    """Per INPUT, the files exposure does not read."""


SKIP_LIST_FROM = 10
"""Lists with at least this many entries get a "skip this list" link for keyboard users."""

CHUNK = 200
"""Entries per list in the page (see :attr:`KindView.chunks`)."""

_CONFIDENCE_RANK = {Confidence.HIGH: 0, Confidence.MEDIUM: 1, Confidence.LOW: 2}


def build_context(report: Report, lang: str = DEFAULT) -> ReportContext:
    """Prepare ``report`` for the templates (a pure function, linear in the findings), its
    words in ``lang`` (see :func:`exposure.i18n.translations`)."""
    t = translations(lang)
    report_id = report_fingerprint(report)
    counts = report.severity_counts()
    ordered = sorted(report.findings, key=lambda f: (f.sort_key(), f.id))
    by_group: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in ordered:
        by_group[finding.group][finding.kind].append(finding)
    names = sorted(by_group, key=lambda g: (_best(by_group[g].values()), g))
    builder = _Builder(report.redacted, report.baseline, t)
    groups = tuple(builder.group(name, by_group[name]) for name in names)
    return ReportContext(
        title=t.gettext("Your location privacy checklist"),
        made_line=wording.made_line(
            TOOL_NAME, report.tool_version, report.generated_at, redacted=report.redacted, t=t
        ),
        report_id=report_id,
        storage_key=f"{STORAGE_PREFIX}:{report_id}",
        redacted=report.redacted,
        inputs=_inputs(report, t),
        summary=wording.summary_sentence(
            report.items_checked,
            counts,
            len(report.skipped),
            not_checked=sum(n.total for n in report.not_checked),
            t=t,
        ),
        items_checked=report.items_checked,
        total_findings=len(report.findings),
        severity_counts=tuple(
            SeverityCount(
                s.value,
                t.gettext(wording.SEVERITY_LABEL[s]),
                t.gettext(wording.SEVERITY_MEANING[s]),
                counts[s],
            )
            for s in Severity
        ),
        could_not_check=len(report.skipped),
        progress_text=wording.progress_text(0, builder.lines, t),
        total_lines=builder.lines,
        start_here=_start_here(ordered, report.places, builder.sections, builder.words),
        baseline=_baseline(report, builder.words),
        map=build_map(report, t),
        item_anchors=builder.anchors,
        places=build_places(
            report.places,
            ordered,
            builder.anchors,
            len(report.points),
            report.redacted,
            builder.words.text,
            t,
        ),
        groups=groups,
        skipped=_skipped_views(report.skipped, t),
        not_checked=tuple(
            NotCheckedView(n.input, n.words(translations=t), n.total, n.examples[:5])
            for n in report.not_checked
        ),
    )


_REDACTED_INPUT = re.compile(r"(\d+) (folders? or files?|web address(?:es)?)")
_INPUT_WORDS = {
    "folder": N_plural("{count} folder or file", "{count} folders or files"),
    "web": N_plural("{count} web address", "{count} web addresses"),
}


def _inputs(report: Report, t: gettext.NullTranslations) -> tuple[str, ...]:
    """What the user asked to check; a shareable copy's counts (``3 folders or files``,
    written by the redaction in English) in the page's language."""
    if not report.redacted:
        return report.inputs
    shown = []
    for text in report.inputs:
        found = _REDACTED_INPUT.fullmatch(text)
        if found is None:
            shown.append(text)
            continue
        n = int(found.group(1))
        words = _INPUT_WORDS["web" if found.group(2).startswith("web") else "folder"]
        shown.append(t.ngettext(*words, n).format(count=n))
    return tuple(shown)


def _baseline(report: Report, words: CatalogueWords) -> BaselineView | None:
    t = words.t
    baseline = report.baseline
    if baseline is None:
        return None
    return BaselineView(
        summary=wording.baseline_summary(
            baseline.previous_generated_at,
            len(baseline.fixed),
            len(baseline.still_there),
            len(baseline.new),
            t,
        ),
        fixed=tuple(
            FixedView(
                title=(
                    words.heading(item.kind, 1) if report.redacted else wording.plain(item.title)
                ),
                severity=item.severity.value,
                severity_label=t.gettext(wording.SEVERITY_LABEL[item.severity]),
            )
            for item in baseline.fixed
        ),
    )


def report_fingerprint(report: Report) -> str:
    """16 hex digits from the sorted finding ids: the same findings give the same id."""
    joined = "\n".join(sorted(f.id for f in report.findings))
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _start_here(
    ordered: list[Finding],
    places: Iterable[Place],
    sections: dict[tuple[str, str], KindView],
    words: CatalogueWords,
) -> tuple[ActionView, ...]:
    """The best few actions (:mod:`exposure.report.priority`) with links to their sections."""
    t = words.t
    views = []
    for number, action in enumerate(rank_actions(ordered, place_roles(places)), start=1):
        kinds = [sections[(action.group, kind)] for kind in action.kinds]
        worst = min((f.severity for f in action.findings), key=lambda s: s.rank)
        views.append(
            ActionView(
                number=number,
                summary=words.text(action.summary),
                where=wording.group_name(action.group, t),
                effort=words.text(action.findings[0].remediation.effort),
                reason=wording.feeds_places(action.roles, words.t),
                severity=worst.value,
                severity_label=t.gettext(wording.SEVERITY_LABEL[worst]),
                count_text=wording.fixes_text(sum(k.count for k in kinds), len(action.findings), t),
                href=f"#{kinds[0].dom_id}",
                sections=tuple(ActionLink(k.heading, f"#{k.dom_id}") for k in kinds),
                section_ids=" ".join(k.dom_id for k in kinds),
            )
        )
    return tuple(views)


def _best(kinds: Iterable[list[Finding]]) -> int:
    """The most serious severity rank in a group (its lists are already sorted)."""
    return min(findings[0].severity.rank for findings in kinds)


def _kind_key(findings: list[Finding]) -> tuple[int, int, str]:
    """Sections most serious first, then most confident, then by kind."""
    first = findings[0]  # sorted by Finding.sort_key: the most serious and confident
    return (first.severity.rank, _CONFIDENCE_RANK[first.confidence], first.kind)


def _most_common(values: Iterable[_T]) -> _T:
    """The most frequent value; on a tie, the one seen first."""
    return Counter(values).most_common(1)[0][0]


def _folder(name: str, findings: Iterable[Finding]) -> str | None:
    """The folder every locator of a group lies in, when the group's name shows it."""
    locators = [f.locator for f in findings if f.locator]
    if not locators or any("://" in loc or "!" in loc for loc in locators):
        return None
    try:
        folder = os.path.commonpath(locators)
    except ValueError:
        return None
    if folder in locators:  # a single file: keep its name
        folder = os.path.dirname(folder)
    return folder if folder and folder != os.sep and folder in name else None


def _relative(locator: str, folder: str | None) -> str:
    """``locator`` shortened for the line: inside the section's folder, the rest of the
    path; inside an archive, the archive's file name and the member (the full path is
    under "Details")."""
    if folder and locator.startswith(folder + os.sep):
        return locator[len(folder) + 1 :]
    archive, bang, member = locator.partition("!")
    if bang and "://" not in archive and os.path.basename(archive):
        return f"{os.path.basename(archive)}!{member}"
    return locator


class _Builder:
    """Numbers the sections and entries in page order and shares repeated advice."""

    def __init__(
        self,
        redacted: bool,
        baseline: Baseline | None = None,
        t: gettext.NullTranslations | None = None,
    ) -> None:
        self.t = t or gettext.NullTranslations()
        """The page's language: its chained catalogue (:func:`exposure.i18n.translations`)."""
        self.words = CatalogueWords(self.t)
        """The remediation catalogue's words in that language."""
        self._redacted = redacted
        self._baseline = baseline
        self._decimals = REDACT_DECIMALS if redacted else FULL_DECIMALS
        self._kinds = 0
        self._entries = 0
        self._groups = 0
        self._folder: str | None = None
        self._shown: dict[str, ActionLink] = {}  # step -> the section of this group showing it
        self._fixes: dict[Remediation, FixView] = {}
        self.lines = 0
        self.sections: dict[tuple[str, str], KindView] = {}
        self.anchors: dict[str, str] = {}

    def group(self, name: str, kinds: dict[str, list[Finding]]) -> GroupView:
        self._groups += 1
        members = [f for findings in kinds.values() for f in findings]
        counts = Counter(f.severity for f in members)
        self._folder = _folder(name, members)
        self._shown = {}
        views = tuple(self.kind(f) for f in sorted(kinds.values(), key=_kind_key))
        for view in views:
            self.sections[(name, view.kind)] = view
        lines = sum(len(view.findings) for view in views)
        return GroupView(
            name=wording.group_name(name, self.t),
            dom_id=f"group-{self._groups}",
            count_text=self.t.ngettext(
                "{count} thing to fix", "{count} things to fix", lines
            ).format(count=lines),
            severity_text=wording.severity_phrase({s: counts.get(s, 0) for s in Severity}, self.t),
            kinds=views,
        )

    def kind(self, findings: list[Finding]) -> KindView:
        self._kinds += 1
        first = findings[0]
        count = len(findings)
        why = _most_common(f.why for f in findings)
        remediation = _most_common(f.remediation for f in findings)
        confidence = _most_common(f.confidence for f in findings)
        labels = wording.CONFIDENCE_LABEL_MANY if count > 1 else wording.CONFIDENCE_LABEL
        dom_id = f"kind-{self._kinds}"
        heading = self.words.heading(first.kind, count)
        fix = self.fix(remediation)
        new_steps = tuple(t for t in fix.steps if t not in self._shown)
        earlier = {self._shown[t] for t in fix.steps if t in self._shown}
        steps_from = (
            min(earlier, key=lambda link: int(link.href.rsplit("-", 1)[1])) if earlier else None
        )
        for text in fix.steps:
            self._shown.setdefault(text, ActionLink(heading, f"#{dom_id}"))
        plain_why, more_why = self.words.why(why)
        entries = tuple(
            self.line(leak, why, remediation, confidence)
            for leak in join_leaks(findings, redacted=self._redacted)
        )
        lines = len(entries)
        return KindView(
            kind=first.kind,
            dom_id=dom_id,
            heading=heading,
            severity=first.severity.value,
            severity_label=self.t.gettext(wording.SEVERITY_LABEL[first.severity]),
            count=lines,
            confidence_label=(
                None if confidence is Confidence.HIGH else self.t.gettext(labels[confidence])
            ),
            why=plain_why,
            more_why=more_why,
            steps_folded=first.severity is not Severity.HIGH,
            fix=fix,
            new_steps=new_steps,
            steps_from=steps_from,
            progress_text=wording.progress_text(0, lines, self.t),
            has_tools=lines > 1,
            tick_all_text=wording.tick_all_text(lines, self.t),
            skip_list=lines >= SKIP_LIST_FROM,
            findings=entries,
            chunks=tuple(
                ChunkView(entries[i : i + CHUNK], full=len(entries[i : i + CHUNK]) == CHUNK)
                for i in range(0, lines, CHUNK)
            ),
        )

    def line(
        self, leak: Leak, why: str, remediation: Remediation, confidence: Confidence
    ) -> FindingView:
        """One checklist line: a finding, or one leak found in several files."""
        self._entries += 1
        self.lines += 1
        dom_id = f"finding-{self._entries}"
        for finding_id in leak.ids:
            self.anchors.setdefault(finding_id, f"#{dom_id}")
        finding = leak.first
        locator = finding.locator
        short = _relative(locator, self._folder)
        evidence = finding.evidence
        position = next((e.position for e in evidence if has_real_position(e.position)), None)
        moment = next((e.observed_at for e in evidence if e.observed_at is not None), None)
        place = position.as_text(self._decimals) if position is not None else None
        when = self._moment(moment) if moment is not None else None
        members: tuple[MemberView, ...] = ()
        full_title: str | None
        shown_locator: str | None
        said = say(finding.title, finding.title_message, self.t)  # in the page's language
        if len(leak.findings) > 1:
            title = wording.plain(
                wording.joined_title(leak.kind, leak.findings, said, self.t), self.t
            )
            members = tuple(self.member(f) for f in leak.findings)
            shown_locator, place, when, full_title = None, None, None, said
        elif locator and finding.title.startswith(os.path.basename(locator) + ": "):
            # "IMG_1.jpg: this photo shows where it was taken": the section's heading says
            # the second half; the file is the label.
            title, shown_locator, full_title = short, None, said
        else:
            title, shown_locator = wording.plain(said, self.t), short or None
            full_title = said if title != said else None
        return FindingView(
            id=leak.id,
            ids=" ".join(leak.ids),
            dom_id=dom_id,
            title=title,
            full_title=full_title,
            count=len(leak.findings),
            status=self._status(leak),
            members=members,
            severity=finding.severity.value,
            severity_label=self.t.gettext(wording.SEVERITY_LABEL[finding.severity]),
            locator=shown_locator,
            full_locator=locator if locator != short else None,
            place=place,
            when=when,
            evidence=tuple(self.evidence(e, locator, place, when) for e in evidence),
            confidence_label=(
                None
                if finding.confidence is confidence
                else self.t.gettext(wording.CONFIDENCE_LABEL[finding.confidence])
            ),
            why=None if finding.why == why else self.words.text(finding.why),
            fix=None if finding.remediation == remediation else self.fix(finding.remediation),
        )

    def _status(self, leak: Leak) -> str | None:
        if self._baseline is None:
            return None
        new = any(i in self._baseline.new for i in leak.ids)
        return self.t.gettext(wording.STATUS_NEW if new else wording.STATUS_STILL)

    def member(self, finding: Finding) -> MemberView:
        position = finding.position if has_real_position(finding.position) else None
        moment = next((e.observed_at for e in finding.evidence if e.observed_at), None)
        return MemberView(
            locator=_relative(finding.locator, self._folder),
            place=position.as_text(self._decimals) if position is not None else None,
            when=self._moment(moment) if moment is not None else None,
        )

    def evidence(
        self, evidence: Evidence, locator: str, place: str | None, when: str | None
    ) -> EvidenceView:
        position = evidence.position if has_real_position(evidence.position) else None
        position_text = position.as_text(self._decimals) if position is not None else None
        observed = self._moment(evidence.observed_at) if evidence.observed_at is not None else None
        return EvidenceView(
            detail=evidence.detail,
            highlight=_highlight(evidence),
            locator=evidence.locator if evidence.locator != locator else None,
            position=position_text if position_text != place else None,
            observed=observed if observed != when else None,
            place_name=evidence.place_name,
            field=evidence.field,
        )

    def fix(self, remediation: Remediation) -> FixView:
        view = self._fixes.get(remediation)
        if view is None:
            steps = [s for s in remediation.steps if s.text != SAVE_FIRST.text]
            saved_first = len(steps) < len(remediation.steps)
            texts = [self.words.text(s.text) for s in steps]
            if saved_first:
                texts.insert(0, self.t.gettext(wording.SAVE_FIRST_SHORT))
                steps.insert(0, SAVE_FIRST)
            view = FixView(
                summary=self.words.text(remediation.summary),
                effort=self.words.text(remediation.effort),
                steps=tuple(texts),
                sources=tuple(
                    self.t.gettext("Step {n}: {note}").format(n=n, note=note)
                    for n, note in enumerate((_note(s, self.t) for s in steps), start=1)
                    if note
                ),
                links=remediation.links,
            )
            self._fixes[remediation] = view
        return view

    def _moment(self, moment: datetime) -> str:
        return wording.moment_text(moment, date_only=self._redacted, t=self.t)


def _note(step: Step, t: gettext.NullTranslations) -> str | None:
    checked = wording.day_text(step.checked, t) if step.checked else None
    return wording.step_note(step.source, checked, t)


GROUP_SKIPPED_FROM = 10
"""Items with one reason shown as one line from this many on."""


def _skipped_views(
    skipped: Iterable[Skipped], t: gettext.NullTranslations
) -> tuple[SkippedView, ...]:
    """One line per item, except many items with the same reason: one line with the count."""
    ordered = sorted(skipped, key=_skipped_key)
    alike = Counter((s.source, s.reason) for s in ordered)
    views: list[SkippedView] = []
    grouped: set[tuple[str, str]] = set()
    for item in ordered:
        key = (item.source, item.reason)
        n = alike[key]
        if n < GROUP_SKIPPED_FROM:
            views.append(_skipped(item, t))
        elif key not in grouped:
            grouped.add(key)
            view = _skipped(item, t)
            shown = t.gettext("{count} items, such as {locator}").format(
                count=wording.number(n, t), locator=item.locator
            )
            views.append(SkippedView(shown, view.reason, view.exact, view.source, n))
    return tuple(views)


def _skipped(skipped: Skipped, t: gettext.NullTranslations) -> SkippedView:
    said = say(skipped.reason, skipped.message, t)  # in the page's language
    reason = wording.plain(said, t)
    return SkippedView(
        locator=skipped.locator,
        reason=reason,
        exact=said if reason != said else None,
        source=skipped.source,
    )


def _skipped_key(skipped: Skipped) -> tuple[str, str, str]:
    return (skipped.source, skipped.locator, skipped.reason)


def _highlight(evidence: Evidence) -> Highlight | None:
    """Split ``detail`` around a valid ``match`` span; None when there is none."""
    if evidence.match is None:
        return None
    start, end = evidence.match
    if not 0 <= start < end <= len(evidence.detail):
        return None
    text = evidence.detail
    return Highlight(text[:start], text[start:end], text[end:])
