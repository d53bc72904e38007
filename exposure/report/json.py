"""The JSON renderer: a stable, documented, machine-readable form of the report.

The layout is described field by field in ``docs/json-report.md``; ``SCHEMA_VERSION``
changes whenever a field is removed, renamed or changes type.  Keys are written sorted
and lists in a fixed order (findings most severe first, ties broken by id), so two runs
over the same input give byte-identical files in reproducible mode.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from exposure.geo import Position
from exposure.model import (
    SCHEMA_VERSION,
    Evidence,
    Finding,
    Place,
    Remediation,
    Report,
    Severity,
    Skipped,
)
from exposure.report.base import TOOL_NAME, has_real_position, known_metres

NOTICE = (
    "This file holds sensitive information about where you live and go. Keep it private, "
    "do not leave it on a shared computer, and delete it when you are done."
)
"""Written into every JSON report as ``notice``."""

JSONDict = dict[str, Any]


def to_dict(report: Report) -> JSONDict:
    """The report as plain JSON-ready data (schema version :data:`SCHEMA_VERSION`)."""
    counts = report.severity_counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": report.tool_version},
        "generated_at": _generated_at(report),
        "notice": NOTICE,
        "inputs": list(report.inputs),
        "redacted": report.redacted,
        "summary": {
            "items_checked": report.items_checked,
            "findings": {s.value: counts[s] for s in Severity},
            "could_not_check": len(report.skipped),
        },
        "counts": [
            {"source": c.source, "checked": c.checked}
            for c in sorted(report.counts, key=lambda c: c.source)
        ],
        "findings": [
            _finding(f, report.redacted)
            for f in sorted(report.findings, key=lambda f: (f.sort_key(), f.id))
        ],
        "skipped": [_skipped(s) for s in sorted(report.skipped, key=_skipped_key)],
        "places": [_place(p, report.redacted) for p in sorted(report.places, key=lambda p: p.id)],
    }


def render_json(report: Report) -> str:
    """The report as JSON text: indented by 2, keys sorted, non-ASCII kept as is."""
    return json.dumps(to_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def location_dict(position: Position | None) -> JSONDict | None:
    """``{"lat", "lon"}`` plus ``altitude_m``/``accuracy_m`` when known; None if no real place."""
    if position is None or not has_real_position(position):
        return None
    out: JSONDict = {"lat": float(position.lat), "lon": float(position.lon)}
    altitude = known_metres(position.altitude_m)
    accuracy = known_metres(position.accuracy_m)
    if altitude is not None:
        out["altitude_m"] = altitude
    if accuracy is not None:
        out["accuracy_m"] = accuracy
    return out


def time_text(value: datetime, *, date_only: bool) -> str:
    """ISO 8601 text of an observation time: as recorded (naive stays naive), or its date."""
    return value.date().isoformat() if date_only else value.isoformat()


def _generated_at(report: Report) -> str | None:
    """ISO 8601 UTC with a ``Z`` (a date only when redacted); None in reproducible mode."""
    if report.generated_at is None:
        return None
    when = report.generated_at
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    if report.redacted:
        return when.date().isoformat()
    return when.isoformat().replace("+00:00", "Z")


def _finding(finding: Finding, redacted: bool) -> JSONDict:
    out: JSONDict = {
        "id": finding.id,
        "kind": finding.kind,
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "title": finding.title,
        "group": finding.group,
        "locator": finding.locator,
        "why": finding.why,
        "evidence": [_evidence(e, redacted) for e in finding.evidence],
        "remediation": _remediation(finding.remediation),
    }
    location = location_dict(finding.position)
    if location is not None:
        out["location"] = location
    return out


def _evidence(evidence: Evidence, redacted: bool) -> JSONDict:
    out: JSONDict = {"locator": evidence.locator, "detail": evidence.detail}
    location = location_dict(evidence.position)
    if location is not None:
        out["location"] = location
    if evidence.observed_at is not None:
        out["observed_at"] = time_text(evidence.observed_at, date_only=redacted)
    if evidence.place_name is not None:
        out["place_name"] = evidence.place_name
    if evidence.field is not None:
        out["field"] = evidence.field
    return out


def _remediation(remediation: Remediation) -> JSONDict:
    return {
        "summary": remediation.summary,
        "effort": remediation.effort,
        "steps": [
            {"text": s.text, "source": s.source, "checked": _date(s.checked)}
            for s in remediation.steps
        ],
        "links": list(remediation.links),
    }


def _skipped(skipped: Skipped) -> JSONDict:
    return {"locator": skipped.locator, "reason": skipped.reason, "source": skipped.source}


def _skipped_key(skipped: Skipped) -> tuple[str, str, str]:
    return (skipped.source, skipped.locator, skipped.reason)


def _place(place: Place, redacted: bool) -> JSONDict:
    return {
        "id": place.id,
        "label": place.label,
        "location": location_dict(place.centre),
        "radius_m": place.radius_m,
        "points": place.points,
        "first_seen": _time(place.first_seen, redacted),
        "last_seen": _time(place.last_seen, redacted),
        "finding_ids": list(place.finding_ids),
    }


def _time(value: datetime | None, redacted: bool) -> str | None:
    return None if value is None else time_text(value, date_only=redacted)


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
