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

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from exposure.catalogue import CATALOGUE
from exposure.model import (
    Confidence,
    Evidence,
    Finding,
    Remediation,
    Report,
    Severity,
    Skipped,
    Step,
)
from exposure.report import wording
from exposure.report.base import TOOL_NAME, has_real_position
from exposure.report.scrub import REDACT_DECIMALS

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
class StepView:
    """One remediation step."""

    text: str
    """What to do."""
    note: str | None
    """Where the advice comes from and when it was checked, shown small:
    ``Source: Apple support, checked 2 November 2024``; None when neither is known."""


@dataclass(frozen=True, slots=True)
class FixView:
    """How to remove a leak: shown once per section, or on an entry whose advice differs."""

    summary: str
    """The remediation in one sentence."""
    effort: str
    """Rough time it takes: ``a few minutes``."""
    steps: tuple[StepView, ...]
    """Ordered steps to remove the leak."""
    links: tuple[str, ...]
    """Help pages, shown as plain text (never loaded, never live links)."""


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
    """The finding's stable id (``data-finding-id`` on its checkbox; ticks are saved by it)."""
    dom_id: str
    """A safe, unique HTML id for its checkbox (``finding-3``)."""
    title: str
    """Short title: what leaks."""
    severity: str
    """``high``, ``medium`` or ``low`` (used as a CSS class)."""
    severity_label: str
    """``High risk``: the words in the badge (never colour alone)."""
    locator: str
    """Where the leak is: a file, an archive member or a web address (shown as text)."""
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
    confidence_label: str
    """How sure we are, for the section (the most common level among its entries)."""
    why: str
    """Why this matters (shared by the entries; an entry that differs shows its own)."""
    fix: FixView
    """How to fix it (shared by the entries; an entry that differs shows its own)."""
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
    """Why, in words for the user."""
    source: str
    """Which part of the tool gave up (may be empty)."""


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
    groups: tuple[GroupView, ...]
    """Sections of the checklist, most serious first, then by name."""
    skipped: tuple[SkippedView, ...]
    """Items that could not be checked, with reasons."""


SKIP_LIST_FROM = 10
"""Lists with at least this many entries get a "skip this list" link for keyboard users."""

CHUNK = 200
"""Entries per list in the page (see :attr:`KindView.chunks`)."""

_CONFIDENCE_RANK = {Confidence.HIGH: 0, Confidence.MEDIUM: 1, Confidence.LOW: 2}


def build_context(report: Report) -> ReportContext:
    """Prepare ``report`` for the templates (a pure function, linear in the findings)."""
    report_id = report_fingerprint(report)
    counts = report.severity_counts()
    ordered = sorted(report.findings, key=lambda f: (f.sort_key(), f.id))
    by_group: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in ordered:
        by_group[finding.group][finding.kind].append(finding)
    names = sorted(by_group, key=lambda g: (_best(by_group[g].values()), g))
    builder = _Builder(report.redacted)
    groups = tuple(builder.group(name, by_group[name]) for name in names)
    return ReportContext(
        title="Your location privacy checklist",
        made_line=wording.made_line(
            TOOL_NAME, report.tool_version, report.generated_at, redacted=report.redacted
        ),
        report_id=report_id,
        storage_key=f"{STORAGE_PREFIX}:{report_id}",
        redacted=report.redacted,
        inputs=report.inputs,
        summary=wording.summary_sentence(report.items_checked, counts, len(report.skipped)),
        items_checked=report.items_checked,
        total_findings=len(report.findings),
        severity_counts=tuple(
            SeverityCount(
                s.value, wording.SEVERITY_LABEL[s], wording.SEVERITY_MEANING[s], counts[s]
            )
            for s in Severity
        ),
        could_not_check=len(report.skipped),
        progress_text=wording.progress_text(0, len(report.findings)),
        groups=groups,
        skipped=tuple(_skipped(s) for s in sorted(report.skipped, key=_skipped_key)),
    )


def report_fingerprint(report: Report) -> str:
    """16 hex digits from the sorted finding ids: the same findings give the same id."""
    joined = "\n".join(sorted(f.id for f in report.findings))
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _best(kinds: Iterable[list[Finding]]) -> int:
    """The most serious severity rank in a group (its lists are already sorted)."""
    return min(findings[0].severity.rank for findings in kinds)


def _kind_key(findings: list[Finding]) -> tuple[int, int, str]:
    """Sections most serious first, then most confident, then by kind."""
    first = findings[0]  # sorted by Finding.sort_key: the most serious and confident
    return (first.severity.rank, _CONFIDENCE_RANK[first.confidence], first.kind)


def _kind_summary(kind: str) -> str | None:
    """The catalogue's one-line description of ``kind``, if it has one."""
    entry = CATALOGUE.get(kind)
    return entry.summary if entry is not None else None


def _most_common(values: Iterable[_T]) -> _T:
    """The most frequent value; on a tie, the one seen first."""
    return Counter(values).most_common(1)[0][0]


class _Builder:
    """Numbers the sections and entries in page order and shares repeated advice."""

    def __init__(self, redacted: bool) -> None:
        self._redacted = redacted
        self._decimals = REDACT_DECIMALS if redacted else FULL_DECIMALS
        self._kinds = 0
        self._entries = 0
        self._groups = 0
        self._fixes: dict[Remediation, FixView] = {}

    def group(self, name: str, kinds: dict[str, list[Finding]]) -> GroupView:
        self._groups += 1
        members = [f for findings in kinds.values() for f in findings]
        counts = Counter(f.severity for f in members)
        return GroupView(
            name=name,
            dom_id=f"group-{self._groups}",
            count_text=wording.plural(len(members), "thing to fix", "things to fix"),
            severity_text=wording.severity_phrase({s: counts.get(s, 0) for s in Severity}),
            kinds=tuple(self.kind(f) for f in sorted(kinds.values(), key=_kind_key)),
        )

    def kind(self, findings: list[Finding]) -> KindView:
        self._kinds += 1
        first = findings[0]
        count = len(findings)
        why = _most_common(f.why for f in findings)
        remediation = _most_common(f.remediation for f in findings)
        confidence = _most_common(f.confidence for f in findings)
        labels = wording.CONFIDENCE_LABEL_MANY if count > 1 else wording.CONFIDENCE_LABEL
        entries = tuple(self.finding(f, why, remediation, confidence) for f in findings)
        return KindView(
            kind=first.kind,
            dom_id=f"kind-{self._kinds}",
            heading=wording.kind_heading(first.kind, count, _kind_summary(first.kind)),
            severity=first.severity.value,
            severity_label=wording.SEVERITY_LABEL[first.severity],
            count=count,
            confidence_label=labels[confidence],
            why=why,
            fix=self.fix(remediation),
            progress_text=wording.progress_text(0, count),
            has_tools=count > 1,
            tick_all_text=wording.tick_all_text(count),
            skip_list=count >= SKIP_LIST_FROM,
            findings=entries,
            chunks=tuple(
                ChunkView(entries[i : i + CHUNK], full=len(entries[i : i + CHUNK]) == CHUNK)
                for i in range(0, count, CHUNK)
            ),
        )

    def finding(
        self, finding: Finding, why: str, remediation: Remediation, confidence: Confidence
    ) -> FindingView:
        self._entries += 1
        locator = finding.locator
        evidence = finding.evidence
        position = next((e.position for e in evidence if has_real_position(e.position)), None)
        moment = next((e.observed_at for e in evidence if e.observed_at is not None), None)
        place = position.as_text(self._decimals) if position is not None else None
        when = self._moment(moment) if moment is not None else None
        return FindingView(
            id=finding.id,
            dom_id=f"finding-{self._entries}",
            title=finding.title,
            severity=finding.severity.value,
            severity_label=wording.SEVERITY_LABEL[finding.severity],
            locator=locator,
            place=place,
            when=when,
            evidence=tuple(self.evidence(e, locator, place, when) for e in evidence),
            confidence_label=(
                None
                if finding.confidence is confidence
                else wording.CONFIDENCE_LABEL[finding.confidence]
            ),
            why=None if finding.why == why else finding.why,
            fix=None if finding.remediation == remediation else self.fix(finding.remediation),
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
            view = FixView(
                summary=remediation.summary,
                effort=remediation.effort,
                steps=tuple(_step(s) for s in remediation.steps),
                links=remediation.links,
            )
            self._fixes[remediation] = view
        return view

    def _moment(self, moment: datetime) -> str:
        return wording.moment_text(moment, date_only=self._redacted)


def _step(step: Step) -> StepView:
    checked = wording.day_text(step.checked) if step.checked else None
    return StepView(text=step.text, note=wording.step_note(step.source, checked))


def _skipped(skipped: Skipped) -> SkippedView:
    return SkippedView(locator=skipped.locator, reason=skipped.reason, source=skipped.source)


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
