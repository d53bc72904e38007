"""``ReportContext``: everything the HTML templates may use, prepared in Python.

The templates hold no logic beyond loops and ``if`` on ready-made fields: grouping,
ordering, counting, wording and date formatting all happen in :func:`build_context`.
Each field below carries a docstring; ``tests/report/test_context.py`` fails when a
template reads an attribute that no context class documents.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from exposure.model import Evidence, Finding, Report, Severity, Skipped, Step
from exposure.report import wording
from exposure.report.base import TOOL_NAME, has_real_position
from exposure.report.scrub import REDACT_DECIMALS

STORAGE_PREFIX = "exposure:v1"
"""First part of every localStorage key the page writes."""

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
class EvidenceView:
    """One observation backing a finding."""

    detail: str
    """What was seen, as the detector wrote it."""
    locator: str | None
    """Where it was seen, only when different from the finding's own locator."""
    position: str | None
    """``52.520008, 13.404954`` (a real position as text), or None."""
    position_note: str | None
    """Why the position looks coarse (redacted copy), or None."""
    observed: str | None
    """When it was observed: ``1 May 2024, 14:03`` (a date only when redacted)."""
    place_name: str | None
    """A place name recorded with it, or None."""
    field: str | None
    """The metadata field or key it was read from, or None."""


@dataclass(frozen=True, slots=True)
class FindingView:
    """One checklist entry."""

    id: str
    """The finding's stable id (``data-finding-id`` on its checkbox)."""
    dom_id: str
    """A safe, unique HTML id for the entry (``finding-3``)."""
    storage_key: str
    """localStorage key holding its ticked state: prefix, report id, finding id."""
    kind: str
    """The documented finding kind (``exif-gps``...)."""
    title: str
    """Short title: what leaks."""
    severity: str
    """``high``, ``medium`` or ``low`` (used as a CSS class)."""
    severity_label: str
    """``High risk``: the words in the badge (never colour alone)."""
    confidence_label: str
    """How sure we are, as a sentence."""
    locator: str
    """Where the leak is: a file, an archive member or a web address (shown as text)."""
    why: str
    """Why this matters, in plain words."""
    evidence: tuple[EvidenceView, ...]
    """What was seen, in order."""
    fix_summary: str
    """The remediation in one sentence."""
    effort: str
    """Rough time it takes: ``a few minutes``."""
    steps: tuple[StepView, ...]
    """Ordered steps to remove the leak."""
    links: tuple[str, ...]
    """Help pages, shown as plain text (never loaded, never live links)."""


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
    findings: tuple[FindingView, ...]
    """Entries, most serious first (:meth:`Finding.sort_key`)."""


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


def build_context(report: Report) -> ReportContext:
    """Prepare ``report`` for the templates (a pure function)."""
    report_id = report_fingerprint(report)
    counts = report.severity_counts()
    ordered = sorted(report.findings, key=lambda f: (f.sort_key(), f.id))
    by_group: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for number, finding in enumerate(ordered, start=1):
        by_group[finding.group].append((number, finding))
    names = sorted(by_group, key=lambda g: (min(f.severity.rank for _, f in by_group[g]), g))
    groups = tuple(
        _group(name, n, by_group[name], report_id, report.redacted)
        for n, name in enumerate(names, start=1)
    )
    return ReportContext(
        title="Your location privacy checklist",
        made_line=wording.made_line(
            TOOL_NAME, report.tool_version, report.generated_at, redacted=report.redacted
        ),
        report_id=report_id,
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


def _group(
    name: str, number: int, members: list[tuple[int, Finding]], report_id: str, redacted: bool
) -> GroupView:
    counts = {s: sum(1 for _, f in members if f.severity is s) for s in Severity}
    return GroupView(
        name=name,
        dom_id=f"group-{number}",
        count_text=wording.plural(len(members), "thing to fix", "things to fix"),
        severity_text=wording.severity_phrase(counts),
        findings=tuple(_finding(f, n, report_id, redacted) for n, f in members),
    )


def _finding(finding: Finding, number: int, report_id: str, redacted: bool) -> FindingView:
    remediation = finding.remediation
    return FindingView(
        id=finding.id,
        dom_id=f"finding-{number}",
        storage_key=f"{STORAGE_PREFIX}:{report_id}:{finding.id}",
        kind=finding.kind,
        title=finding.title,
        severity=finding.severity.value,
        severity_label=wording.SEVERITY_LABEL[finding.severity],
        confidence_label=wording.CONFIDENCE_LABEL[finding.confidence],
        locator=finding.locator,
        why=finding.why,
        evidence=tuple(_evidence(e, finding.locator, redacted) for e in finding.evidence),
        fix_summary=remediation.summary,
        effort=remediation.effort,
        steps=tuple(_step(s) for s in remediation.steps),
        links=remediation.links,
    )


def _evidence(evidence: Evidence, main_locator: str, redacted: bool) -> EvidenceView:
    position = evidence.position if has_real_position(evidence.position) else None
    decimals = REDACT_DECIMALS if redacted else FULL_DECIMALS
    return EvidenceView(
        detail=evidence.detail,
        locator=evidence.locator if evidence.locator != main_locator else None,
        position=position.as_text(decimals) if position is not None else None,
        position_note="rounded to about 1 km in this copy" if position and redacted else None,
        observed=(
            wording.moment_text(evidence.observed_at, date_only=redacted)
            if evidence.observed_at is not None
            else None
        ),
        place_name=evidence.place_name,
        field=evidence.field,
    )


def _step(step: Step) -> StepView:
    checked = wording.day_text(step.checked) if step.checked else None
    return StepView(text=step.text, note=wording.step_note(step.source, checked))


def _skipped(skipped: Skipped) -> SkippedView:
    return SkippedView(locator=skipped.locator, reason=skipped.reason, source=skipped.source)


def _skipped_key(skipped: Skipped) -> tuple[str, str, str]:
    return (skipped.source, skipped.locator, skipped.reason)
