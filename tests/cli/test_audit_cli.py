"""``exposure audit`` end to end on generated photos: reports, exit codes, summary."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from exposure.testing.photofactory import PhotoSpec, write_photo
from tests.helpers import photo_folder


def test_audit_writes_both_reports(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    result = cli("audit", "photos", "--html", "r.html", "--json", "r.json")
    assert result.code == 1, result.err
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["schema_version"] == 1
    by_kind: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        by_kind.setdefault(finding["kind"], []).append(finding)
    gps = {f["locator"]: f["location"] for f in by_kind["photo-gps"]}
    assert set(gps) == {
        os.path.join("photos", "2024", "May", "home.jpg"),
        os.path.join("photos", "2024", "trip.heic"),
    }
    home = gps[os.path.join("photos", "2024", "May", "home.jpg")]
    assert home["lat"] == pytest.approx(52.520008, abs=1e-6) and home["lon"] == pytest.approx(
        13.404954, abs=1e-6
    )
    assert [f["locator"] for f in by_kind["video-gps"]] == [os.path.join("photos", "run.mov")]
    (placeholder,) = by_kind["photo-gps-placeholder"]
    assert placeholder["severity"] == "low" and "location" not in placeholder
    (serial,) = by_kind["photo-device-serial"]
    assert "serial" in serial["kind"] and "SN-778812" in json.dumps(serial)
    assert by_kind["photo-owner-name"][0]["severity"] == "medium"
    skipped = {s["locator"]: s["reason"] for s in report["skipped"]}
    assert os.path.join("photos", "corrupt.jpg") in skipped
    # The located evidence is put together into places, each naming its findings.
    ids = {f["id"] for f in report["findings"]}
    assert report["places"] and all(set(p["finding_ids"]) <= ids for p in report["places"])
    home_id = next(f["id"] for f in by_kind["photo-gps"] if f["location"] == home)
    (place,) = [p for p in report["places"] if home_id in p["finding_ids"]]
    assert place["location"]["lat"] == pytest.approx(home["lat"], abs=1e-3)
    # One summary line, then where the reports are.
    lines = result.err.splitlines()
    assert lines[0].startswith("Checked 6 items:") and "could not be checked" in lines[0]
    assert any(line.endswith("r.html") for line in lines)
    for name in ("r.html", "r.json"):
        assert (tmp_path / name).stat().st_mode & 0o077 == 0


def test_default_report_is_html(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    result = cli("audit", "photos", "-q")
    assert result.code == 1
    assert result.err == ""
    assert (tmp_path / "exposure-report.html").read_text().startswith("<!DOCTYPE html>")


def test_clean_folder_exits_zero(cli, tmp_path: Path) -> None:
    (tmp_path / "clean").mkdir()
    write_photo(tmp_path / "clean" / "a.png", PhotoSpec(make=None, model=None), "png")
    result = cli("audit", "clean", "--json", "-", "-q")
    assert result.code == 0
    assert json.loads(result.out)["findings"] == []


def test_fail_on_threshold(cli, tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    write_photo(tmp_path / "p" / "a.jpg", PhotoSpec(body_serial="X1"), "jpeg")  # medium + low only
    assert cli("audit", "p", "--json", "-", "--fail-on", "high").code == 0
    assert cli("audit", "p", "--json", "-", "--fail-on", "medium").code == 1


def test_nothing_checkable_exits_three(cli, tmp_path: Path) -> None:
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff")
    result = cli("audit", "broken.jpg", "--json", "-")
    assert result.code == 3
    assert json.loads(result.out)["skipped"][0]["locator"] == "broken.jpg"


def test_single_file_locator_is_as_given(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    given = os.path.join("photos", "2024", "trip.heic")
    result = cli("audit", given, "--json", "-", "-q")
    (finding,) = [f for f in json.loads(result.out)["findings"] if f["kind"] == "photo-gps"]
    assert finding["locator"] == given


def test_ids_are_stable_across_runs_and_moves(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    first = json.loads(cli("audit", "photos", "--json", "-", "--reproducible").out)
    again = json.loads(cli("audit", "photos", "--json", "-", "--reproducible").out)
    assert first == again
    shutil.move(tmp_path / "photos", tmp_path / "moved")
    moved = json.loads(cli("audit", "moved", "--json", "-", "--reproducible").out)
    per_file = lambda r: {f["id"] for f in r["findings"] if f["kind"] != "photo-camera-details"}  # noqa: E731
    assert per_file(first) == per_file(moved)


def test_copies_of_one_photo_are_one_finding(cli, tmp_path: Path) -> None:
    folder = photo_folder(tmp_path)
    shutil.copy(folder / "2024" / "May" / "home.jpg", folder / "home-copy.jpg")
    report = json.loads(cli("audit", "photos", "--json", "-").out)
    (home,) = [f for f in report["findings"] if f["kind"] == "photo-gps" and "home" in f["locator"]]
    assert {e["locator"] for e in home["evidence"]} == {
        os.path.join("photos", "2024", "May", "home.jpg"),
        os.path.join("photos", "home-copy.jpg"),
    }


def test_parallel_and_serial_agree(cli, tmp_path: Path) -> None:
    folder = photo_folder(tmp_path)
    for i in range(150):  # above the threshold where a process pool is used
        write_photo(folder / f"bulk{i:03d}.jpg", PhotoSpec(body_serial=f"S{i}"), "jpeg")
    serial = json.loads(
        cli("audit", "photos", "--json", "-", "--workers", "1", "--reproducible").out
    )
    parallel = json.loads(
        cli("audit", "photos", "--json", "-", "--workers", "2", "--reproducible").out
    )
    assert serial == parallel
    assert len(parallel["findings"]) > 150


def test_redacted_report_hides_paths_and_precision(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    result = cli("audit", "photos", "--json", "-", "--redact", "-q")
    text = result.out
    assert "home.jpg" not in text and "52.520008" not in text
    report = json.loads(text)
    assert report["redacted"] is True
    located = [f["location"] for f in report["findings"] if "location" in f]
    assert located and all(round(loc["lat"], 2) == loc["lat"] for loc in located)


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    photo_folder(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "exposure", "audit", "photos", "--json", "-", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["schema_version"] == 1
