"""Archives inside an export are opened in memory, their members routed like the others,
under the outer archive's budget and caps, two levels deep at most."""

from __future__ import annotations

import json
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from exposure.model import Report
from exposure.testing.exportwriters import write_tgz, write_zip
from tests.conftest import CliResult
from tests.sources.exports import fixtures
from tests.sources.exports.conftest import audit_path, by_kind, reasons
from tests.sources.exports.test_hostile import records, takeout_with

HISTORY = "Takeout/Location History/Records.json"


def same_findings(nested: Report, alone: Report, prefix: str, alone_prefix: str) -> None:
    """The findings match, and each nested locator is the lone one under ``prefix``."""

    def keyed(report: Report, start: str) -> Counter[tuple[str, str, tuple[str, ...]]]:
        return Counter(
            (
                f.kind,
                f.title,
                tuple(sorted(e.locator.removeprefix(start) for e in f.evidence)),
            )
            for f in report.findings
        )

    assert nested.findings
    assert keyed(nested, prefix) == keyed(alone, alone_prefix)


def unread_examples(report: Report) -> list[str]:
    return [e for n in report.not_checked for e in n.examples]


def test_a_takeout_inside_a_takeout_gives_the_inner_findings(tmp_path: Path) -> None:
    inner = write_zip(tmp_path / "inner.zip", fixtures.takeout())
    outer = write_zip(
        tmp_path / "outer.zip",
        {"Takeout/archive_browser.html": b"<html/>", "Takeout/more/inner.zip": inner.read_bytes()},
    )
    nested, alone = audit_path(outer), audit_path(inner)
    same_findings(nested, alone, f"{outer}!Takeout/more/inner.zip!", f"{inner}!")
    assert f"{outer}!Takeout/more/inner.zip!Takeout/Drive/notes.txt" in unread_examples(nested)
    assert any(
        e.locator == f"{outer}!Takeout/more/inner.zip!Takeout/Google Photos/Photos from 2024/"
        "IMG_0001.jpg.supplemental-metadata.json"
        for f in nested.findings
        for e in f.evidence
    )


def test_a_strava_zip_inside_a_plain_zip_is_recognised_and_read(tmp_path: Path) -> None:
    inner = write_zip(tmp_path / "export_123.zip", fixtures.strava())
    outer = write_zip(tmp_path / "wrapped.zip", {"export_123.zip": inner.read_bytes()})
    nested, alone = audit_path(outer), audit_path(inner)
    assert by_kind(nested)["route-endpoint"]
    same_findings(nested, alone, f"{outer}!export_123.zip!", f"{inner}!")
    assert {s.source for s in nested.skipped} <= {"strava"}


def test_a_nested_tgz_is_read(tmp_path: Path) -> None:
    inner = write_tgz(tmp_path / "inner.tgz", takeout_with(HISTORY, records(3)))
    outer = write_zip(
        tmp_path / "outer.zip", takeout_with("Takeout/x/inner.tgz", inner.read_bytes())
    )
    (history,) = by_kind(audit_path(outer))["google-location-history"]
    assert "holds 3 points" in history.title
    assert history.evidence[0].locator.startswith(f"{outer}!Takeout/x/inner.tgz!Takeout/")


def test_a_nested_zip_inside_a_folder_export_is_read(tmp_path: Path) -> None:
    inner = write_zip(tmp_path / "inner.zip", takeout_with(HISTORY, records(2)))
    folder = tmp_path / "export" / "Takeout"
    folder.mkdir(parents=True)
    (folder / "archive_browser.html").write_bytes(b"<html/>")
    (folder / "inner.zip").write_bytes(inner.read_bytes())
    (history,) = by_kind(audit_path(tmp_path / "export"))["google-location-history"]
    assert "holds 2 points" in history.title


def test_a_zip_bomb_inside_a_zip_stays_bounded(tmp_path: Path) -> None:
    bomb = b'{"locations": [' + b" " * (96 * 1024 * 1024) + b"]}"
    inner = write_zip(tmp_path / "inner.zip", takeout_with(HISTORY, bomb), level=9)
    outer = write_zip(tmp_path / "outer.zip", takeout_with("Takeout/inner.zip", inner.read_bytes()))
    assert outer.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        report = audit_path(outer)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "zip bomb" in reasons(report)[f"{outer}!Takeout/inner.zip!{HISTORY}"]
    assert peak < 16 * 1024 * 1024  # the bomb expands to 96 MB


def test_nested_members_share_the_outer_total_budget(tmp_path: Path) -> None:
    inner = write_zip(tmp_path / "inner.zip", takeout_with(HISTORY, records(5000)))
    outer = write_zip(
        tmp_path / "outer.zip", takeout_with("Takeout/inner.zip", inner.read_bytes()), level=0
    )
    why = reasons(audit_path(outer, total_limit=200_000))[f"{outer}!Takeout/inner.zip!{HISTORY}"]
    assert "--archive-total-limit" in why


def test_depth_limit(tmp_path: Path) -> None:
    level3 = write_zip(tmp_path / "l3.zip", takeout_with(HISTORY, records(1)))
    level2 = write_zip(
        tmp_path / "l2.zip",
        takeout_with(HISTORY, records(2), **{"Takeout/l3.zip": level3.read_bytes()}),
    )
    level1 = write_zip(tmp_path / "l1.zip", takeout_with("Takeout/l2.zip", level2.read_bytes()))
    outer = write_zip(tmp_path / "outer.zip", takeout_with("Takeout/l1.zip", level1.read_bytes()))
    report = audit_path(outer)
    deep = f"{outer}!Takeout/l1.zip!Takeout/l2.zip!Takeout/l3.zip"
    assert "more than 2 levels deep" in reasons(report)[deep]
    (history,) = by_kind(report)["google-location-history"]
    assert "holds 2 points" in history.title  # level 2 was read, level 3 was not


def test_too_large_7z_rar_and_fake_archives_are_reported(tmp_path: Path) -> None:
    inner = write_zip(tmp_path / "inner.zip", takeout_with(HISTORY, records(2000)))
    outer = write_zip(
        tmp_path / "outer.zip",
        takeout_with(
            "Takeout/big.zip",
            inner.read_bytes(),
            **{
                "Takeout/photos.7z": b"7z\xbc\xaf\x27\x1c",
                "Takeout/old.rar": b"Rar!\x1a\x07\x00",
                "Takeout/fake.zip": b"not an archive",
            },
        ),
    )
    why = reasons(audit_path(outer, nested_limit=1000))
    assert "unpack it and audit it on its own" in why[f"{outer}!Takeout/big.zip"]
    assert "--archive-nested-limit" in why[f"{outer}!Takeout/big.zip"]
    assert "7-Zip archive" in why[f"{outer}!Takeout/photos.7z"]
    assert "RAR archive" in why[f"{outer}!Takeout/old.rar"]
    assert "not a zip or tar archive" in why[f"{outer}!Takeout/fake.zip"]


def test_a_cut_zip_inside_a_zip(tmp_path: Path) -> None:
    whole = write_zip(tmp_path / "inner.zip", takeout_with(HISTORY, records(2))).read_bytes()
    start = whole.index(b"PK\x01\x02")
    outer = write_zip(tmp_path / "outer.zip", takeout_with("Takeout/inner.zip", whole[:start]))
    report = audit_path(outer)
    assert "holds 2 points" in by_kind(report)["google-location-history"][0].title
    assert "cut after 2 members" in reasons(report)[f"{outer}!Takeout/inner.zip"]


def test_nested_and_cut_archives_end_to_end(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    inner = write_zip(tmp_path / "export_1.zip", fixtures.strava())
    write_zip(tmp_path / "wrapped.zip", {"export_1.zip": inner.read_bytes()})
    whole = write_zip(tmp_path / "t.zip", fixtures.takeout()).read_bytes()
    (tmp_path / "takeout-cut.zip").write_bytes(whole[: whole.index(b"PK\x01\x02")])
    result = cli("audit", "wrapped.zip", "takeout-cut.zip", "--json", "r.json", "--workers", "1")
    assert result.code == 1, result.err
    report = json.loads((tmp_path / "r.json").read_text())
    locators = {e["locator"] for f in report["findings"] for e in f["evidence"]}
    assert any(loc.startswith("wrapped.zip!export_1.zip!activities/") for loc in locators)
    kinds = {f["kind"] for f in report["findings"]}
    assert {"route-endpoint", "google-location-history", "google-home-work"} <= kinds
    cut_lines = [
        s for s in report["skipped"] if s["reason"].startswith("the zip archive is cut after")
    ]
    assert [s["locator"] for s in cut_lines] == ["takeout-cut.zip"]
