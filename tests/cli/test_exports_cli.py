"""``exposure audit`` with platform exports, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from exposure.testing.exportwriters import write_folder, write_tgz, write_zip
from tests.helpers import photo_folder
from tests.sources.exports import fixtures


def test_exports_and_a_photo_folder_in_one_audit(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    write_zip(tmp_path / "takeout-2026.zip", fixtures.takeout())
    write_tgz(tmp_path / "instagram-me.tgz", fixtures.instagram())
    write_folder(tmp_path / "strava_export", fixtures.strava())
    result = cli(
        "audit", "takeout-2026.zip", "instagram-me.tgz", "strava_export", "photos",
        "--json", "r.json", "--html", "r.html", "--workers", "1",
    )  # fmt: skip
    assert result.code == 1, result.err
    report = json.loads((tmp_path / "r.json").read_text())
    groups = {f["group"] for f in report["findings"]}
    assert {
        "Google account (Takeout)",
        "Instagram",
        "Strava",
        "Photos and videos in photos",
    } <= groups
    kinds = {f["kind"] for f in report["findings"]}
    assert {
        "google-location-history",
        "google-home-work",
        "instagram-post-location",
        "route-endpoint",
        "photo-gps",
    } <= kinds
    counts = {c["source"]: c["checked"] for c in report["counts"]}
    assert (
        counts["google-takeout"] > 5 and counts["instagram"] > 2 and counts["strava"] == 8
    )  # 4 files + 4 names and descriptions
    assert counts["photos"] == 6
    unread = {n["input"]: n for n in report["not_checked"]}
    assert unread["takeout-2026.zip"]["by_extension"] == {".docx": 1, ".html": 1, ".txt": 1}
    home = next(
        f for f in report["findings"] if f["kind"] == "google-home-work" and "home" in f["title"]
    )
    assert home["evidence"][0]["locator"].startswith("takeout-2026.zip!Takeout/")
    assert "<html" in (tmp_path / "r.html").read_text().lower()


def test_an_archive_of_no_known_export_is_refused(cli, tmp_path: Path) -> None:
    write_zip(tmp_path / "holiday.zip", {"notes/list.txt": b"sunscreen"})
    result = cli("audit", "holiday.zip", "-q")
    assert result.code == 2
    assert "not an export exposure recognises" in result.err and "Google Takeout" in result.err
    assert not (tmp_path / "exposure-report.html").exists()


def test_a_damaged_archive_is_reported_and_the_rest_is_audited(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    whole = write_zip(tmp_path / "whole.zip", fixtures.takeout()).read_bytes()
    (tmp_path / "takeout-cut.zip").write_bytes(whole[:2000])
    result = cli("audit", "takeout-cut.zip", "photos", "--json", "-", "-q")
    assert result.code == 1
    report = json.loads(result.out)
    (cut,) = [
        s
        for s in report["skipped"]
        if s["locator"] == "takeout-cut.zip" and "download it again" in s["reason"]
    ]
    assert "the zip archive is cut after" in cut["reason"]
    assert any(f["kind"] == "photo-gps" for f in report["findings"])


def test_archive_limits_from_the_command_line(cli, tmp_path: Path) -> None:
    write_zip(tmp_path / "takeout.zip", fixtures.takeout())
    result = cli("audit", "takeout.zip", "--archive-member-limit", "1K", "--json", "-", "-q")
    report = json.loads(result.out)
    reasons = [s["reason"] for s in report["skipped"]]
    assert any("limit for one file" in r for r in reasons)
    bad = cli("audit", "takeout.zip", "--archive-member-limit", "lots")
    assert bad.code == 2 and "not a size" in bad.err


def test_lone_timeline_file(cli, tmp_path: Path) -> None:
    (tmp_path / "Timeline.json").write_bytes(fixtures.phone_timeline())
    result = cli("audit", "Timeline.json", "--json", "-", "-q")
    assert result.code == 1
    report = json.loads(result.out)
    assert sorted(f["kind"] for f in report["findings"]) == [
        "google-home-work",
        "google-home-work",
        "google-timeline",
    ]


def test_a_zip_whose_first_bytes_are_damaged_does_not_stop_the_audit(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    (tmp_path / "takeout-2026.zip").write_bytes(b"\x00\x00garbage from a failed download" * 10)
    (tmp_path / "empty.tgz").write_bytes(b"")
    result = cli("audit", "takeout-2026.zip", "empty.tgz", "photos", "--json", "-", "-q")
    assert result.code == 1, result.err
    report = json.loads(result.out)
    reasons = {s["locator"]: s["reason"] for s in report["skipped"]}
    assert "download it again" in reasons["takeout-2026.zip"]
    assert "named like an archive" in reasons["empty.tgz"]
    assert any(f["kind"] == "photo-gps" for f in report["findings"])
