"""Overlapping-entry zips and archives that add up to a bomb: refused or stopped as a whole,
with one "could not check" line, in seconds.  Hostile runs go through tests/capped.py."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from exposure.sources.exports.limits import ARCHIVE_RATIO_FLOOR, ArchiveSpent, Budget
from exposure.testing.exportwriters import write_zip
from exposure.testing.zipbombs import overlapping_zip
from tests.capped import HOSTILE, run_capped
from tests.sources.exports.conftest import audit_path, reasons

OVERLAP = "overlap each other"


def test_generated_overlapping_zip_is_one_line(tmp_path: Path) -> None:
    overlapping_zip(tmp_path / "zbsm.zip", members=300, name="Takeout/Drive/part_{:05d}.zip")
    result = run_capped("zbsm.zip", cwd=tmp_path, timeout=60)
    assert result.report is not None, result.err
    lines = result.skipped()
    assert len(lines) == 1, lines
    assert OVERLAP in lines["zbsm.zip"] and "300 members" in lines["zbsm.zip"]
    assert result.peak_mb < 400


def test_overlapping_zip_inside_an_export_is_one_line(tmp_path: Path) -> None:
    inner = overlapping_zip(tmp_path / "inner.zip", members=50, kernel_size=1024 * 1024)
    path = write_zip(
        tmp_path / "takeout.zip",
        {
            "Takeout/archive_browser.html": b"<html/>",
            "Takeout/Drive/more.zip": inner.read_bytes(),
        },
    )
    why = reasons(audit_path(path))
    assert [r for r in why.values() if OVERLAP in r] == [why[f"{path}!Takeout/Drive/more.zip"]]


def test_archive_budget_counts_all_members_together(tmp_path: Path) -> None:
    """Members each within their own ratio cap, adding up past the archive's: the member
    that spends the budget is partly read, and one line tells of all the rest."""
    padding = b'{"timelineObjects": [' + b" " * (1024 * 1024 - 32) + b"]}"
    members = {"Takeout/archive_browser.html": b"<html/>"}
    count = ARCHIVE_RATIO_FLOOR // len(padding) + 40
    for i in range(count):
        members[f"Takeout/Location History/Semantic Location History/2020/{i:04d}.json"] = padding
    path = write_zip(tmp_path / "many.zip", members, level=9)
    assert path.stat().st_size * 200 < ARCHIVE_RATIO_FLOOR  # the floor is the cap here
    report = audit_path(path)
    about = {s.locator: s.reason for s in report.skipped if "as a whole expands" in s.reason}
    assert len(about) == 2, report.skipped
    assert about.pop(str(path)).startswith("39 more files in this archive not read")
    assert next(iter(about)).startswith(f"{path}!Takeout/Location History/")


def test_budget_take_stops_at_the_limit() -> None:
    budget = Budget.for_archive(total_cap=10**12, size_on_disk=1000, max_ratio=200)
    assert budget.limit == ARCHIVE_RATIO_FLOOR
    budget.take(ARCHIVE_RATIO_FLOOR)
    with pytest.raises(ArchiveSpent, match="as a whole"):
        budget.take(1)
    assert Budget.for_archive(1000, 10**9, 200).limit == 1000  # the total cap when smaller


def test_ordinary_zip_is_not_called_overlapping(tmp_path: Path) -> None:
    path = tmp_path / "ok.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Takeout/archive_browser.html", "<html/>")
        for i in range(20):
            zf.writestr(f"Takeout/Other/{i}.json", json.dumps({"n": i}))
        zf.writestr("Takeout/Other/empty.json", "")
        zf.writestr("Takeout/Other/stored.json", "{}", compress_type=zipfile.ZIP_STORED)
    assert not [r for r in reasons(audit_path(path)).values() if OVERLAP in r]


def test_shared_zbsm_reproducer(tmp_path: Path) -> None:
    if not (HOSTILE / "zbsm_nested_200.zip").is_file():
        pytest.skip("../shared/hostile is not present")
    result = run_capped(str(HOSTILE / "zbsm_nested_200.zip"), cwd=tmp_path, timeout=60)
    assert result.report is not None, result.err
    lines = result.skipped()
    assert len(lines) == 1 and OVERLAP in next(iter(lines.values())), lines
    assert result.peak_mb < 400
