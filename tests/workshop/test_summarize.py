"""``exposure summarize``: counts only, and nothing read from a report ever comes out."""

from __future__ import annotations

import copy
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exposure.report.html import csp_hash
from exposure.summarize import (
    OTHER,
    PHOTOS,
    WEB,
    load_reports,
    render_html,
    render_json,
    render_text,
    summarize,
)
from exposure.written import read_list

MARK = "Zq"  # no label, kind or word of exposure's vocabulary holds this pair


def _report(findings: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "tool": {"name": "exposure", "version": "0"},
        "findings": findings,
        "summary": {"could_not_check": 0},
        **extra,
    }


def _finding(kind: str, severity: str, group: str, locator: str = "x") -> dict[str, Any]:
    return {"kind": kind, "severity": severity, "group": group, "locator": locator}


def _outputs(reports: list[dict[str, Any]], places: bool | None = None) -> str:
    summary = summarize(reports, places=places)
    return render_text(summary) + render_json(summary) + render_html(summary)


def _seed(value: Any, path: str = "") -> Any:
    """Every string gets a unique marker, every number becomes a unique decimal: except the
    kind and severity (vocabulary), so the counts stay meaningful."""
    if isinstance(value, dict):
        return {
            k: v if k in ("kind", "severity", "schema_version") else _seed(v, f"{path}.{k}")
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_seed(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return f"{value}{MARK}{abs(hash(path)) % 10**9:09d}"
    if isinstance(value, int | float):
        return 10 + (abs(hash(path)) % 10**8) / 10**7  # like a coordinate: 10.1234567
    return value


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


def test_a_real_report_with_markers_everywhere_leaks_none(cli, tmp_path: Path) -> None:
    assert cli("demo", "-q", "--json", "demo.json").code == 0
    real = json.loads((tmp_path / "demo.json").read_text())
    seeded = _seed(real)
    seeded["tool"] = real["tool"]
    seeded["schema_version"] = 1
    markers = [str(v) for v in _leaves(seeded) if isinstance(v, str) and MARK in v]
    numbers = [f"{v:.7f}"[:-1] for v in _leaves(seeded) if isinstance(v, float)]
    assert len(markers) > 100 and len(numbers) > 50
    (tmp_path / "seeded.json").write_text(json.dumps(seeded))
    result = cli("summarize", "seeded.json", "--html", "s.html", "--json", "s.json")
    assert result.code == 0, result.err
    out = result.out + (tmp_path / "s.html").read_text() + (tmp_path / "s.json").read_text()
    assert MARK not in out
    assert not [n for n in numbers if n in out]
    # and the unseeded report's own places and names do not come out either
    plain = cli("summarize", "demo.json").out
    for secret in ("52.47", "13.40", "Alex", "persona", "Musterstra", "swarmapp", "127.0.0", "://"):
        assert secret not in plain, secret
    assert "Photos show where they were taken" in plain


words = st.text(alphabet="abcXYZ/:.@ 0123456789-_", min_size=0, max_size=12)


@st.composite
def hostile_reports(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Reports whose every field may be anything, with a marker in every string."""
    counter = iter(range(10**6))

    def marked() -> str:
        return f"{draw(words)}{MARK}{next(counter):06d}{draw(words)}"

    reports = []
    for _ in range(draw(st.integers(1, 4))):
        findings = []
        for _ in range(draw(st.integers(0, 6))):
            kind = draw(st.sampled_from(["photo-gps", "swarm-checkin", None])) or marked()
            finding = {
                "kind": kind,
                "severity": draw(st.sampled_from(["high", "low", marked()])),
                "group": draw(st.sampled_from(["Instagram", "Photos and videos in ", ""]))
                + marked(),
                "locator": draw(st.sampled_from(["https://", "/home/", ""])) + marked(),
                "title": marked(),
                "location": {"lat": draw(st.floats(-89, 89)), "lon": draw(st.floats(-179, 179))},
                "evidence": [{"locator": marked(), "detail": marked(), "place_name": marked()}],
            }
            findings.append(finding)
        places = [{"role": draw(st.sampled_from(["home", marked()])), "label": marked()}]
        reports.append(_report(findings, inputs=[marked()], places=places))
    return reports


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_reports())
def test_nothing_from_any_field_comes_out(reports: list[dict[str, Any]]) -> None:
    out = _outputs(reports, places=True)
    assert MARK not in out
    for leaf in _leaves(reports):
        if isinstance(leaf, float) and abs(leaf) > 1:
            assert f"{leaf:.4f}" not in out


def test_counts_by_kind_platform_and_severity() -> None:
    reports = [
        _report(
            [
                _finding("photo-gps", "high", "Photos and videos in /home/a/Pictures"),
                _finding("photo-gps", "high", "Photos and videos in /home/a/Pictures"),
                _finding("swarm-checkin", "high", "Foursquare / Swarm"),
            ],
            places=[{"role": "home"}],
        ),
        _report([_finding("photo-gps", "high", "Photos and videos in C:\\x")], redacted=True),
        _report(
            [
                _finding("web-coordinates", "medium", "https://a.example/", "https://a.example/"),
                _finding("a-kind-from-the-future", "low", "Mastodon profile @a@b"),
            ],
            summary={"could_not_check": 3},
        ),
        _report([]),
    ]
    s = summarize(reports, places=True)
    assert (s.people, s.with_findings, s.findings, s.home) == (4, 3, 6, 1)
    assert (s.could_not_check, s.redacted) == (1, 1)
    kinds = {r.key: (r.people, r.findings) for r in s.kinds}
    assert kinds["photo-gps"] == (2, 3) and kinds["swarm-checkin"] == (1, 1)
    assert kinds[OTHER] == (1, 1)
    assert s.kinds[-1].key == OTHER
    assert s.kinds[0].key == "photo-gps" and s.kinds[0].label == "Photos show where they were taken"
    platforms = {r.key: (r.people, r.findings) for r in s.platforms}
    assert platforms == {
        PHOTOS: (2, 3),
        "Foursquare / Swarm": (1, 1),
        WEB: (1, 1),
        "Other": (1, 1),
    }
    assert [(r.key, r.people, r.findings) for r in s.severities] == [
        ("high", 2, 4),
        ("medium", 1, 1),
        ("low", 1, 1),
    ]
    text = render_text(s)
    assert "A likely home could be worked out for 1 of 4." in text
    assert "1 of 4 reports say some items could not be checked" in text
    assert "Mastodon" not in text and "/home/a" not in text and "a.example" not in text


def test_home_line_says_when_places_are_not_worked_out() -> None:
    s = summarize([_report([])], places=False)
    assert s.home is None
    assert "not worked out by this version" in render_text(s)
    assert json.loads(render_json(s))["people_with_inferable_home"] is None


def test_html_is_self_contained_with_a_strict_policy() -> None:
    html = render_html(summarize([_report([_finding("photo-gps", "high", "Photos and videos")])]))
    assert "<script" not in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy
    rules = unescape(policy.group(1))
    assert rules.startswith("default-src 'none';") and "style-src 'sha256-" in rules
    assert "script-src" not in rules
    style = re.search(r"<style>(.*)</style>", html, re.S)
    assert style and csp_hash(style.group(1)) in rules
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


def test_load_skips_what_is_not_a_report_and_counts_copies_once(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(_report([_finding("photo-gps", "high", "x")])))
    (tmp_path / "copy.json").write_bytes(one.read_bytes())
    (tmp_path / "other.json").write_text('{"hello": 1}')
    (tmp_path / "broken.json").write_text("{")
    (tmp_path / "notes.txt").write_text("ignored: not .json")
    loaded = load_reports([tmp_path])
    assert len(loaded.reports) == 1 and loaded.duplicates == 1
    assert sorted(Path(name).name for name, _ in loaded.problems) == ["broken.json", "other.json"]


def test_cli_writes_private_recorded_copies(cli, tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(json.dumps(_report([])))
    result = cli("summarize", "r.json", "--html", "s.html", "--json", "s.json")
    assert result.code == 0, result.err
    assert "Room summary: the report of 1 person" in result.out
    assert sorted(Path(w.path).name for w in read_list()) == ["s.html", "s.json"]
    assert {w.what for w in read_list()} == {"room summary"}
    assert (tmp_path / "s.html").stat().st_mode & 0o077 == 0
    assert json.loads((tmp_path / "s.json").read_text())["people"] == 1


def test_cli_errors(cli, tmp_path: Path) -> None:
    result = cli("summarize", "missing.json")
    assert result.code == 2 and "missing.json" in result.err
    (tmp_path / "x.json").write_text("[]")
    result = cli("summarize", "x.json")
    assert result.code == 3 and "not an exposure JSON report" in result.err
    assert "no exposure JSON report to summarise" in result.err
    result = cli("summarize", "x.json", "--html", "nofolder/s.html")
    assert result.code == 2


def test_untouched_input_is_not_modified(tmp_path: Path) -> None:
    report = _report([_finding("photo-gps", "high", "x")])
    before = copy.deepcopy(report)
    summarize([report])
    assert report == before
