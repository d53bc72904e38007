"""Hostile and broken exports: each costs bounded memory, gives a clear "could not check"
reason, keeps what came before a break, and never stops the rest of the audit."""

from __future__ import annotations

import io
import json
import tarfile
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from exposure.sources.exports.jsonstream import JsonReader, prepare
from exposure.testing.exportwriters import as_json, e7, fit, write_tgz, write_zip
from tests.sources.exports import fixtures
from tests.sources.exports.conftest import audit_path, by_kind, reasons

RECORD = {
    "latitudeE7": e7(fixtures.HOME[0]),
    "longitudeE7": e7(fixtures.HOME[1]),
    "timestamp": "2020-01-01T00:00:00Z",
}


def records(count: int) -> bytes:
    return json.dumps({"locations": [RECORD] * count}).encode()


def takeout_with(name: str, data: bytes, **extra: bytes) -> dict[str, bytes]:
    return {"Takeout/archive_browser.html": b"<html/>", name: data, **extra}


def test_zip_bomb_is_stopped_by_the_ratio_cap(tmp_path: Path) -> None:
    bomb = b'{"locations": [' + b" " * (64 * 1024 * 1024) + b"]}"
    members = takeout_with("Takeout/Location History/Records.json", bomb)
    members["Takeout/Location History/Semantic Location History/2020/2020_MAY.json"] = as_json(
        {
            "timelineObjects": [
                {"placeVisit": {"location": {"latitudeE7": e7(1.5), "longitudeE7": e7(2.5)}}}
            ]
        }
    )
    path = write_zip(tmp_path / "bomb.zip", members, level=9)
    assert path.stat().st_size < 1024 * 1024
    report = audit_path(path)
    why = reasons(report)[f"{path}!Takeout/Location History/Records.json"]
    assert "zip bomb" in why
    assert by_kind(report)["google-location-history"]  # the other member was still read


def test_member_and_total_caps(tmp_path: Path) -> None:
    members = takeout_with("Takeout/Location History/Records.json", records(20_000))
    path = write_zip(tmp_path / "big.zip", members)
    why = reasons(audit_path(path, member_limit=100_000))[
        f"{path}!Takeout/Location History/Records.json"
    ]
    assert "limit for one file" in why and "--archive-member-limit" in why
    why = reasons(audit_path(path, total_limit=100_000))[
        f"{path}!Takeout/Location History/Records.json"
    ]
    assert "--archive-total-limit" in why


def test_traversal_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("Takeout/archive_browser.html", "<html/>")
        zf.writestr("../../etc/passwd.json", "{}")
        zf.writestr("/abs/Records.json", records(1))
        zf.writestr("Takeout/Location History/Records.json", records(2))
    report = audit_path(path)
    why = reasons(report)
    assert "path traversal" in why[f"{path}!../../etc/passwd.json"]
    assert "path traversal" in why[f"{path}!/abs/Records.json"]
    assert by_kind(report)["google-location-history"][0].title.startswith(
        "Google Location History holds 2 points"
    )


def test_tar_links_and_traversal_are_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "evil.tgz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in takeout_with("Takeout/Location History/Records.json", records(1)).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("Takeout/Location History/Timeline Edits.json")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/shadow"
        tar.addfile(link)
        evil = tarfile.TarInfo("../outside.json")
        evil.size = 2
        tar.addfile(evil, io.BytesIO(b"{}"))
    why = reasons(audit_path(path))
    assert "not followed" in why[f"{path}!Takeout/Location History/Timeline Edits.json"]
    assert "path traversal" in why[f"{path}!../outside.json"]


def test_truncated_zip_is_one_skipped_record_and_the_audit_goes_on(tmp_path: Path) -> None:
    whole = write_zip(tmp_path / "whole.zip", fixtures.takeout()).read_bytes()
    cut = tmp_path / "takeout-cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    track = tmp_path / "run.gpx"
    track.write_bytes(fixtures.strava()["activities/11.gpx"])
    report = audit_path(cut, track)
    assert any("download it again" in s.reason for s in report.skipped if s.locator == str(cut))
    assert by_kind(report)["route-endpoint"]


def test_truncated_tgz_keeps_the_members_before_the_break(tmp_path: Path) -> None:
    members = takeout_with(
        "Takeout/Location History/Records.json",
        records(3),
        **{"Takeout/Drive/big.bin": bytes(range(256)) * 4000},
    )
    whole = write_tgz(tmp_path / "whole.tgz", members).read_bytes()
    cut = tmp_path / "cut.tgz"
    cut.write_bytes(whole[: len(whole) * 3 // 4])
    report = audit_path(cut)
    assert by_kind(report)["google-location-history"]
    assert any("ends early" in s.reason for s in report.skipped)


def test_truncated_json_yields_what_came_before_plus_a_note(tmp_path: Path) -> None:
    data = records(10)
    path = tmp_path / "Records.json"
    path.write_bytes(data[: len(data) - len(json.dumps(RECORD)) * 3])
    report = audit_path(path)
    (history,) = by_kind(report)["google-location-history"]
    assert "holds 7 points" in history.title or "holds 8 points" in history.title
    assert "cut short" in reasons(report)[str(path)]


def test_truncated_fit_yields_what_came_before_plus_a_note(tmp_path: Path) -> None:
    data = fit([(52.52 + i / 1000, 13.40, 1714550000 + i) for i in range(40)])
    path = tmp_path / "ride.fit"
    path.write_bytes(data[: len(data) // 2])
    report = audit_path(path)
    assert by_kind(report)["route-endpoint"]
    note = reasons(report)[str(path)]
    assert note.startswith("partly read:") and "points were read before it" in note


def test_huge_single_line_json_streams_in_bounded_memory() -> None:
    data = records(150_000)  # about 14 MB on one line
    assert b"\n" not in data and len(data) > 10_000_000
    tracemalloc.start()
    try:
        count = sum(
            1
            for _ in JsonReader(prepare(io.BufferedReader(io.BytesIO(data))).stream).items(
                "locations.item"
            )
        )  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 150_000
    assert peak < 4 * 1024 * 1024


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_byte_order_marks_and_other_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "Records.json"
    path.write_bytes(
        bom + json.dumps({"locations": [RECORD, RECORD]}, ensure_ascii=False).encode(encoding)
    )
    (history,) = by_kind(audit_path(path))["google-location-history"]
    assert "holds 2 points" in history.title


def test_wrong_types_and_impossible_values_are_ignored_not_fatal(tmp_path: Path) -> None:
    odd = {"locations": [
        RECORD, "a string", 7, None, {"latitudeE7": True, "longitudeE7": []},
        {"latitudeE7": 910000000, "longitudeE7": 0}, {"latitudeE7": 0, "longitudeE7": 0},
        {"latitudeE7": 1, "longitudeE7": 2, "timestamp": {"not": "a time"}},
    ]}  # fmt: skip
    path = tmp_path / "Records.json"
    path.write_bytes(json.dumps(odd).encode())
    report = audit_path(path)
    (history,) = by_kind(report)["google-location-history"]
    assert "holds 2 points" in history.title or "holds 1 point " in history.title
    assert "ignored" in history.evidence[0].detail


def test_placeholder_map_links_and_latitude_91_are_never_places(tmp_path: Path) -> None:
    activity = [
        {"header": "Maps", "time": "2022-01-01T00:00:00Z", "titleUrl": "https://www.google.com/maps?center=lat,lon"},
        {"header": "Maps", "time": "2022-01-01T00:00:00Z", "titleUrl": "https://www.google.com/maps/@91.0,13.4,12z"},
        {"header": "Maps", "time": "2022-01-01T00:00:00Z", "titleUrl": "https://www.google.com/maps?q=0,0"},
    ]  # fmt: skip
    path = write_zip(
        tmp_path / "t.zip",
        takeout_with("Takeout/My Activity/Maps/MyActivity.json", as_json(activity)),
    )
    report = audit_path(path)
    assert "google-maps-activity" not in by_kind(report)
    assert not report.points


def test_unknown_json_in_an_export_is_listed_not_fatal(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "t.zip", takeout_with("Takeout/Other/odd.json", b'{"nothing": 1}'))
    report = audit_path(path)
    (record,) = report.not_checked
    assert f"{path}!Takeout/Other/odd.json" in record.examples
    assert record.by_type()["data files"] == 1
