"""``exposure verify --baseline OLD.json INPUT...``: fixed, still there, new; exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from exposure.testing.photofactory import PhotoSpec, write_photo
from tests.helpers import BERLIN, photo_folder


def audit_json(cli, name: str, *extra: str) -> dict:
    result = cli("audit", "photos", "--json", name, "-q", *extra)
    assert result.code in (0, 1), result.err
    return json.loads(Path(name).read_text())


def test_verify_says_fixed_still_there_and_new(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    old = audit_json(cli, "old.json")
    home = os.path.join("photos", "2024", "May", "home.jpg")
    fixed_ids = {f["id"] for f in old["findings"] if f["locator"] == home}
    assert fixed_ids
    (tmp_path / home).unlink()  # the user deleted the photo
    write_photo(tmp_path / "photos" / "new.jpg", PhotoSpec(gps=BERLIN), "jpeg")

    result = cli(
        "verify", "--baseline", "old.json", "photos", "--json", "new.json", "--html", "new.html"
    )
    assert result.code == 1  # leaks remain
    new = json.loads((tmp_path / "new.json").read_text())
    baseline = new["baseline"]
    status = {e["id"]: e["status"] for e in baseline["findings"]}
    now = {f["id"] for f in new["findings"]}
    before = {f["id"] for f in old["findings"]}
    assert {i for i, s in status.items() if s == "fixed"} == before - now
    assert fixed_ids <= before - now
    assert {i for i, s in status.items() if s == "still_there"} == before & now
    assert {i for i, s in status.items() if s == "new"} == now - before
    assert any(
        f["locator"].endswith("new.jpg") and status[f["id"]] == "new" for f in new["findings"]
    )
    assert baseline["counts"] == {
        "fixed": len(before - now),
        "still_there": len(before & now),
        "new": len(now - before),
    }
    assert baseline["previous_generated_at"] == old["generated_at"]
    # the terminal says it
    assert f"{len(before - now)} fixed, {len(before & now)} still there" in result.err
    assert "  fixed: [high] home.jpg: this photo shows where it was taken" in result.err
    assert "Not done yet:" in result.err
    # the page shows the fixed items done, and marks the rest
    doc = LexborHTMLParser((tmp_path / "new.html").read_text())
    fixed_rows = doc.css("#since-last-check li.is-fixed")
    assert len(fixed_rows) == len(before - now)
    assert any("home.jpg" in row.text() for row in fixed_rows)
    tags = [t.text() for t in doc.css("li.item .status-tag")]
    assert "New since your last check" in tags and "Still there" in tags


def test_verify_exits_0_when_nothing_at_fail_on_remains(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    old = audit_json(cli, "old.json")
    for finding in old["findings"]:
        if finding["severity"] == "high":
            for evidence in finding["evidence"]:
                (tmp_path / evidence["locator"]).unlink(missing_ok=True)
    result = cli("verify", "--baseline", "old.json", "photos", "--fail-on", "high", "--json", "-")
    assert result.code == 0, result.err
    assert "Done: nothing at high risk or above remains." in result.err
    assert json.loads(result.out)["baseline"]["counts"]["fixed"] >= 2
    # the same with the plain audit and --baseline
    result = cli(
        "audit", "--baseline", "old.json", "photos", "--fail-on", "high", "-q", "--json", "-"
    )
    assert result.code == 0 and "baseline" in json.loads(result.out)
    # medium findings (the serial, the name) remain: at --fail-on low it is not done
    assert cli("verify", "--baseline", "old.json", "photos", "-q", "--json", "-").code == 1


def test_a_redacted_baseline_works_and_a_redacted_result_hides_old_titles(
    cli, tmp_path: Path
) -> None:
    photo_folder(tmp_path)
    audit_json(cli, "old.json", "--redact")
    (tmp_path / "photos" / "2024" / "May" / "home.jpg").unlink()
    result = cli("verify", "--baseline", "old.json", "photos", "--redact", "-q", "--json", "-")
    data = json.loads(result.out)
    fixed = [e for e in data["baseline"]["findings"] if e["status"] == "fixed"]
    assert fixed and all("title" not in e for e in fixed)
    assert "home.jpg" not in result.out


def test_bad_baselines_are_usage_errors(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    result = cli("verify", "photos")
    assert result.code == 2 and "--baseline" in result.err
    result = cli("verify", "--baseline", "missing.json", "photos")
    assert result.code == 2 and "missing.json does not exist" in result.err
    for name, text in (("a.json", "not json"), ("b.json", '{"findings": [1]}'), ("c.json", "[]")):
        (tmp_path / name).write_text(text)
        result = cli("verify", "--baseline", name, "photos")
        assert result.code == 2, result.err
        assert "is not an exposure JSON report" in result.err
        assert not Path("exposure-report.html").exists()  # nothing was audited
