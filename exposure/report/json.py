"""The JSON renderer: a stable, documented, machine-readable form of the report.

The layout is described field by field in ``docs/json-report.md``; ``SCHEMA_VERSION``
changes whenever a field is removed, renamed or changes type.  Keys are written sorted
and lists in a fixed order (findings most severe first, ties broken by id), so two runs
over the same input give byte-identical files in reproducible mode.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, TextIO

from exposure.geo import Position
from exposure.model import (
    SCHEMA_VERSION,
    Evidence,
    Finding,
    NotChecked,
    Place,
    Remediation,
    Report,
    Severity,
    Skipped,
)
from exposure.report.base import TOOL_NAME, has_real_position, known_metres
from exposure.textsafe import escape_bidi_json

NOTICE = (
    "This file holds sensitive information about where you live and go. Keep it private, "
    "do not leave it on a shared computer, and delete it when you are done."
)
"""Written into every JSON report as ``notice``."""

JSONDict = dict[str, Any]


def _header(report: Report) -> JSONDict:
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
            "not_checked": sum(n.total for n in report.not_checked),
        },
        "not_checked": [_not_checked(n) for n in report.not_checked],
        "counts": [
            {"source": c.source, "checked": c.checked}
            for c in sorted(report.counts, key=lambda c: c.source)
        ],
    }


def _lists(report: Report, ids: RemediationIds) -> dict[str, Iterator[JSONDict]]:
    """The long lists, as generators, so a large report is written one record at a time."""
    return {
        "findings": (
            _finding(f, report.redacted, ids[id(f.remediation)])
            for f in sorted(report.findings, key=lambda f: (f.sort_key(), f.id))
        ),
        "skipped": (_skipped(s) for s in sorted(report.skipped, key=_skipped_key)),
        "places": (_place(p, report.redacted) for p in sorted(report.places, key=lambda p: p.id)),
    }


RemediationIds = dict[int, str]
"""``id()`` of each remediation object in a report -> its :func:`remediation_id`."""


def _remediation_ids(report: Report) -> RemediationIds:
    """The id of each distinct remediation object, worked out once per object: thousands of
    findings share a handful of catalogue entries, and hashing an entry for its cached id
    cost more than writing the finding.  (The report holds the objects, so their ``id()``
    cannot be reused while the ids are in use.)"""
    distinct = {id(f.remediation): f.remediation for f in report.findings}
    return {key: remediation_id(remediation) for key, remediation in distinct.items()}


def _remediations(report: Report, ids: RemediationIds) -> JSONDict:
    """Every distinct remediation once, keyed by its id (findings refer to it by id)."""
    entries = {ids[id(f.remediation)]: f.remediation for f in report.findings}
    return {key: _remediation(entries[key]) for key in sorted(entries)}


def _baseline(report: Report) -> JSONDict:
    """The ``baseline`` section: each finding's state against an earlier report."""
    baseline = report.baseline
    assert baseline is not None
    entries: list[JSONDict] = []
    for item in baseline.fixed:
        entry: JSONDict = {
            "id": item.id,
            "status": "fixed",
            "kind": item.kind,
            "severity": item.severity.value,
        }
        if not report.redacted:  # the earlier report's words may name files
            entry["title"] = item.title
        entries.append(entry)
    for finding in sorted(report.findings, key=lambda f: (f.sort_key(), f.id)):
        status = "new" if finding.id in baseline.new else "still_there"
        entries.append(
            {
                "id": finding.id,
                "status": status,
                "kind": finding.kind,
                "severity": finding.severity.value,
            }
        )
    return {
        "previous_generated_at": baseline.previous_generated_at,
        "counts": {
            "fixed": len(baseline.fixed),
            "still_there": len(baseline.still_there),
            "new": len(baseline.new),
        },
        "findings": entries,
    }


def to_dict(report: Report) -> JSONDict:
    """The report as plain JSON-ready data (schema version :data:`SCHEMA_VERSION`)."""
    ids = _remediation_ids(report)
    data: JSONDict = {key: list(values) for key, values in _lists(report, ids).items()}
    if report.baseline is not None:
        data["baseline"] = _baseline(report)
    return {**_header(report), "remediations": _remediations(report, ids), **data}


def write_json(report: Report, out: TextIO) -> None:
    """Write the report as JSON to ``out``, one finding per line, without building it whole.

    Keys are sorted at every level; each record of the long lists sits on a line of its own,
    so the file is readable, diffable and written in memory that does not grow with it.
    """
    ids = _remediation_ids(report)
    fields: dict[str, Any] = {**_header(report), "remediations": _remediations(report, ids)}
    fields.update(_lists(report, ids))
    if report.baseline is not None:
        fields["baseline"] = _baseline(report)
    out.write("{\n")
    keys = sorted(fields)
    for n, key in enumerate(keys):
        value = fields[key]
        out.write(f"  {_dumps(key)}: ")
        if isinstance(value, Iterator):
            _write_records(value, out)
        else:
            out.write(_dumps(value))
        out.write(",\n" if n < len(keys) - 1 else "\n")
    out.write("}\n")


def _write_records(records: Iterator[JSONDict], out: TextIO) -> None:
    first = True
    for record in records:
        out.write("[\n    " if first else ",\n    ")
        out.write(_dumps(record))
        first = False
    out.write("[]" if first else "\n  ]")


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(", ", ": "))
"""Made once: a report writes one record per finding (``json.dumps`` would build one each)."""


def _dumps(value: Any) -> str:
    return escape_bidi_json(_ENCODER.encode(value))  # kept, but as \u202e escapes


def render_json(report: Report) -> str:
    """The report as JSON text (see :func:`write_json` for the layout)."""
    buffer = io.StringIO()
    write_json(report, buffer)
    return buffer.getvalue()


@lru_cache(maxsize=256)
def remediation_id(remediation: Remediation) -> str:
    """A stable id for a remediation's content: ``"r-"`` and 12 hex digits.

    Cached: a report asks for the same few ids once per finding, several times over."""
    text = json.dumps(_remediation(remediation), sort_keys=True, ensure_ascii=False)
    return "r-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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


def _finding(finding: Finding, redacted: bool, remediation: str) -> JSONDict:
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
        "remediation": remediation,
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
    if evidence.match is not None:
        out["match"] = list(evidence.match)
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


def _not_checked(record: NotChecked) -> JSONDict:
    return {
        "input": record.input,
        "total": record.total,
        "by_type": record.by_type(),
        "by_extension": record.by_extension(),
        "examples": list(record.examples),
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
        "role": place.role.value,
        "confidence": place.confidence.value,
        "reason": place.reason,
        "sources": dict(place.sources),
        "near": None
        if place.near is None
        else {"town": place.near.town, "country": place.near.country},
    }


def _time(value: datetime | None, redacted: bool) -> str | None:
    return None if value is None else time_text(value, date_only=redacted)


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
