"""The JSON renderer: golden file, required fields, positions, times and order."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from exposure.geo import Position
from exposure.model import SCHEMA_VERSION, Near, NotChecked, Place
from exposure.report import FORMATS, render_html, render_json, to_dict

from .factories import (
    HOME_LAT,
    HOME_LON,
    RTL_EMOJI,
    generated_report,
    make_evidence,
    make_finding,
    make_report,
)

GOLDEN = Path(__file__).parent / "golden" / "report.json"
UPDATE = os.environ.get("EXPOSURE_UPDATE_GOLDEN") == "1"

TOP_LEVEL = {
    "schema_version", "tool", "generated_at", "inputs", "redacted", "summary", "counts",
    "findings", "skipped", "places", "remediations", "not_checked",
}  # fmt: skip
FINDING = {
    "id", "kind", "severity", "confidence", "title", "group", "locator", "why", "evidence",
    "remediation",
}  # fmt: skip
EVIDENCE = {"locator", "detail"}
EVIDENCE_OPTIONAL = {"location", "observed_at", "place_name", "field"}
REMEDIATION = {"summary", "effort", "steps", "links"}
STEP = {"text", "source", "checked"}
SKIPPED = {"locator", "reason", "source"}
PLACE = {
    "id", "label", "location", "radius_m", "points", "first_seen", "last_seen", "finding_ids",
    "role", "confidence", "reason", "sources", "near",
}  # fmt: skip


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in data["findings"]}


def test_matches_golden_file() -> None:
    """Compared as data; set EXPOSURE_UPDATE_GOLDEN=1 to rewrite the file after a deliberate change."""
    text = render_json(make_report())
    if UPDATE:
        GOLDEN.write_text(text, encoding="utf-8")
    assert json.loads(text) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_text_form_is_sorted_one_record_per_line_and_not_ascii_escaped() -> None:
    report = make_report()
    text = render_json(report)
    data = json.loads(text)
    lines = text.splitlines()
    keys = [line.split('"')[1] for line in lines if line.startswith('  "')]
    assert keys == sorted(data)
    # every finding on a line of its own, sorted keys inside
    finding_lines = [
        line.strip().rstrip(",") for line in lines if line.startswith('    {"confidence"')
    ]
    assert [json.loads(line) for line in finding_lines] == data["findings"]
    assert all(
        line
        == json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False, separators=(", ", ": "))
        for line in finding_lines
    )
    assert RTL_EMOJI in text


def test_streamed_file_equals_rendered_text() -> None:
    import io

    from exposure.report.json import write_json

    report = make_report()
    out = io.StringIO()
    write_json(report, out)
    assert out.getvalue() == render_json(report)


def test_required_field_names_are_present() -> None:
    report = make_report(places=(Place("p1", "Place 1", Position(52.5, 13.4), 120.0, 7),))
    data = to_dict(report)
    assert TOP_LEVEL <= data.keys()
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["tool"] == {"name": "exposure", "version": "0.1.0"}
    assert data["summary"].keys() == {"items_checked", "findings", "could_not_check", "not_checked"}
    assert data["summary"]["findings"].keys() == {"high", "medium", "low"}
    assert all(c.keys() == {"source", "checked"} for c in data["counts"])
    for finding in data["findings"]:
        assert FINDING <= finding.keys() <= FINDING | {"location"}
        assert finding["severity"] in {"high", "medium", "low"}
        remediation = data["remediations"][finding["remediation"]]
        assert remediation.keys() == REMEDIATION
        assert all(s.keys() == STEP for s in remediation["steps"])
        for evidence in finding["evidence"]:
            assert EVIDENCE <= evidence.keys() <= EVIDENCE | EVIDENCE_OPTIONAL
    assert all(s.keys() == SKIPPED for s in data["skipped"])
    assert [p.keys() for p in data["places"]] == [PLACE]


def test_summary_counts() -> None:
    summary = to_dict(make_report())["summary"]
    assert summary == {
        "items_checked": 45,
        "findings": {"high": 2, "medium": 2, "low": 3},
        "could_not_check": 3,
        "not_checked": 0,
    }


def test_location_only_with_a_real_position() -> None:
    findings = by_id(to_dict(make_report()))
    home = findings["f-home-gps"]
    assert home["location"] == {
        "lat": HOME_LAT,
        "lon": HOME_LON,
        "altitude_m": 34.56,
        "accuracy_m": 4.75,
    }
    assert home["evidence"][0]["location"] == home["location"]
    # (0, 0) is a placeholder, not a place: no location key at all
    assert "location" not in findings["f-null-island"]
    assert "location" not in findings["f-null-island"]["evidence"][0]
    located = [f["id"] for f in findings.values() if "location" in f]
    assert located == ["f-home-gps"]


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (Position(1.5, 2.5), {"lat": 1.5, "lon": 2.5}),
        (Position(1.5, 2.5, altitude_m=10.0), {"lat": 1.5, "lon": 2.5, "altitude_m": 10.0}),
        (Position(1.5, 2.5, accuracy_m=3.0), {"lat": 1.5, "lon": 2.5, "accuracy_m": 3.0}),
        (Position(1.5, 2.5, float("nan"), float("inf")), {"lat": 1.5, "lon": 2.5}),
        (Position(float("nan"), 2.5), None),
        (Position(95.0, 2.5), None),
        (Position(0.0, 0.0), None),
    ],
)
def test_location_shape(position: Position, expected: dict[str, float] | None) -> None:
    finding = make_finding(evidence=(make_evidence(position=position),))
    data = to_dict(make_report(findings=(finding,)))["findings"][0]
    assert data.get("location") == expected
    assert data["evidence"][0].get("location") == expected
    render_json(make_report(findings=(finding,)))  # never NaN in the output


def test_optional_evidence_keys_are_left_out_when_unknown() -> None:
    evidence = by_id(to_dict(make_report()))["f-camera-model"]["evidence"][0]
    assert evidence == {"locator": evidence["locator"], "detail": "Camera model: Pixel 7"}


@pytest.mark.parametrize(
    ("generated_at", "expected"),
    [
        (None, None),
        (datetime(2024, 11, 5, 9, 30, tzinfo=UTC), "2024-11-05T09:30:00Z"),
        (
            datetime(2024, 11, 5, 11, 30, tzinfo=timezone(timedelta(hours=2))),
            "2024-11-05T09:30:00Z",
        ),
        (datetime(2024, 11, 5, 9, 30), "2024-11-05T09:30:00Z"),
    ],
)
def test_generated_at_is_utc_or_null(generated_at: datetime | None, expected: str | None) -> None:
    assert to_dict(make_report(generated_at=generated_at))["generated_at"] == expected


def test_observation_times_are_kept_as_recorded() -> None:
    findings = by_id(to_dict(generated_report()))
    assert findings["f-home-gps"]["evidence"][0]["observed_at"] == "2023-06-14T07:42:05+02:00"
    assert findings["f-takeout-history"]["evidence"][0]["observed_at"] == "2024-01-03T22:15:00"


def test_order_does_not_depend_on_input_order() -> None:
    report = make_report()
    shuffled = replace(
        report,
        findings=report.findings[::-1],
        skipped=report.skipped[::-1],
        counts=report.counts[::-1],
    )
    assert render_json(shuffled) == render_json(report)
    ids = [f["id"] for f in to_dict(report)["findings"]]
    assert ids[:2] == ["f-home-gps", "f-takeout-history"]  # high first, then confidence
    severities = [f["severity"] for f in to_dict(report)["findings"]]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)


def test_empty_report() -> None:
    data = to_dict(make_report(findings=(), skipped=(), counts=(), inputs=()))
    assert data["findings"] == [] and data["skipped"] == [] and data["places"] == []
    assert data["summary"] == {
        "items_checked": 0,
        "findings": {"high": 0, "medium": 0, "low": 0},
        "could_not_check": 0,
        "not_checked": 0,
    }


def test_not_checked_files_are_counted_per_input() -> None:
    record = NotChecked(
        "Downloads",
        (("documents", ".pdf", 120), ("documents", ".docx", 92), ("unknown files", "", 3)),
        ("Downloads/a.pdf", "Downloads/b.docx"),
    )
    data = to_dict(make_report(not_checked=(record,)))
    assert data["summary"]["not_checked"] == 215
    assert data["not_checked"] == [
        {
            "input": "Downloads",
            "total": 215,
            "by_type": {"documents": 212, "unknown files": 3},
            "by_extension": {".pdf": 120, ".docx": 92, "": 3},
            "examples": ["Downloads/a.pdf", "Downloads/b.docx"],
        }
    ]
    assert record.words() == "212 documents (.pdf 120, .docx 92), 3 unknown files"


def test_formats_registry() -> None:
    assert dict(FORMATS) == {"json": render_json, "html": render_html}
    for name, render in FORMATS.items():
        out = render(make_report())
        assert isinstance(out, str) and out, name
    with pytest.raises(TypeError):
        FORMATS["csv"] = render_json  # type: ignore[index]


def all_keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in all_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in all_keys(v)}
    return set()


def test_every_field_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "json-report.md").read_text(encoding="utf-8")
    place = Place(
        "p1",
        "Place 1",
        Position(52.5, 13.4),
        120.0,
        7,
        finding_ids=("x",),
        near=Near("Berlin", "Germany"),
    )
    data = to_dict(make_report(places=(place,)))
    keys = all_keys({**data, "remediations": list(data["remediations"].values())})
    assert {k for k in keys if f"`{k}`" not in doc} == set()
    assert f"schema_version` | integer | `{SCHEMA_VERSION}`" in doc
    assert "finding-kinds.md" in doc
