"""Make a copy of a report that can be shared with an advocate or helper.

What changes (and what does not) is listed in :func:`redact`.  The result is an ordinary
:class:`~exposure.model.Report` with ``redacted=True``, so every renderer handles it; the
renderers show its times as dates only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime

from exposure.geo import Position
from exposure.model import (
    Evidence,
    Finding,
    LocatedPoint,
    Place,
    Remediation,
    Report,
    Skipped,
)
from exposure.report.scrub import REDACT_DECIMALS, Pseudonyms, is_url


def redact(report: Report) -> Report:
    """A shareable copy of ``report``; the original is not modified.

    * Positions are rounded to 2 decimals (about 1 km); altitude and accuracy are dropped.
    * File paths become labels such as ``photo-3f9a.jpg`` (the same file always gets the
      same label); paths and file names inside text are replaced the same way.
    * Coordinates written in text (details, titles...) are rounded the same way, and place
      names (which may be street addresses) are dropped.
    * Times become dates (midnight, no time zone); renderers print the date only.
    * Inputs are replaced by counts ("2 folders or files", "1 web address").
    * Finding ids, kinds, severities and remediation advice stay, so a checklist ticked in
      one copy matches the other.

    Redacting a report that is already redacted returns it unchanged.
    """
    if report.redacted:
        return report
    names = Pseudonyms(_all_paths(report))
    remediations: dict[Remediation, Remediation] = {}
    return replace(
        report,
        inputs=_input_counts(report.inputs),
        findings=tuple(_finding(f, names, remediations) for f in report.findings),
        skipped=tuple(
            Skipped(names.locator(s.locator), names.scrub(s.reason), s.source)
            for s in report.skipped
        ),
        places=tuple(_place(p, names) for p in report.places),
        points=tuple(_point(p, names) for p in report.points),
        generated_at=_day(report.generated_at),
        redacted=True,
    )


def _all_paths(report: Report) -> list[str]:
    paths = list(report.inputs)
    paths += [e.locator for f in report.findings for e in f.evidence]
    paths += [s.locator for s in report.skipped]
    paths += [p.locator for p in report.points]
    return paths


def _input_counts(inputs: tuple[str, ...]) -> tuple[str, ...]:
    kinds = Counter("web" if is_url(i) else "file" for i in inputs)
    out = []
    if kinds["file"]:
        n = kinds["file"]
        out.append(f"{n} folder or file" if n == 1 else f"{n} folders or files")
    if kinds["web"]:
        n = kinds["web"]
        out.append(f"{n} web address" if n == 1 else f"{n} web addresses")
    return tuple(out)


def _finding(
    finding: Finding, names: Pseudonyms, remediations: dict[Remediation, Remediation]
) -> Finding:
    remediation = remediations.get(finding.remediation)
    if remediation is None:  # thousands of findings share a handful of remediations
        remediation = remediations[finding.remediation] = _remediation(finding.remediation, names)
    return replace(
        finding,
        title=names.scrub(finding.title),
        why=names.scrub(finding.why),
        group=names.scrub(finding.group),
        evidence=tuple(_evidence(e, names) for e in finding.evidence),
        remediation=remediation,
    )


HIDDEN = "[hidden in this copy]"
"""What replaces the words a text detector matched (an address, a venue) in a redacted copy."""


def _evidence(evidence: Evidence, names: Pseudonyms) -> Evidence:
    detail, match = evidence.detail, None
    if evidence.match is not None:
        start, end = evidence.match
        before, after = names.scrub(detail[:start]), names.scrub(detail[end:])
        detail, match = before + HIDDEN + after, (len(before), len(before) + len(HIDDEN))
    else:
        detail = names.scrub(detail)
    return Evidence(
        locator=names.locator(evidence.locator),
        detail=detail,
        position=_coarse(evidence.position),
        observed_at=_day(evidence.observed_at),
        place_name=None,
        field=evidence.field,
        match=match,
    )


def _remediation(remediation: Remediation, names: Pseudonyms) -> Remediation:
    return replace(
        remediation,
        summary=names.scrub(remediation.summary),
        steps=tuple(replace(s, text=names.scrub(s.text)) for s in remediation.steps),
    )


def _place(place: Place, names: Pseudonyms) -> Place:
    centre = place.centre.rounded(REDACT_DECIMALS)
    return replace(
        place,
        label=names.scrub(place.label),
        centre=centre,
        first_seen=_day(place.first_seen),
        last_seen=_day(place.last_seen),
    )


def _point(point: LocatedPoint, names: Pseudonyms) -> LocatedPoint:
    return replace(
        point,
        position=point.position.rounded(REDACT_DECIMALS),
        observed_at=_day(point.observed_at),
        locator=names.locator(point.locator),
    )


def _coarse(position: Position | None) -> Position | None:
    return None if position is None else position.rounded(REDACT_DECIMALS)


def _day(value: datetime | None) -> datetime | None:
    """Midnight of the same calendar day, without a time zone (the offset says where)."""
    if value is None:
        return None
    return datetime(value.year, value.month, value.day)
