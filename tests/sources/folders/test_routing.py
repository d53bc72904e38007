"""A folder INPUT is audited for everything in it: exports, tracks, sidecars, renamed photos,
saved pages; what is not read is counted, and the verdict never claims more than was read."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from exposure.audit import run
from exposure.model import Report
from exposure.options import Options
from exposure.sources import resolve
from exposure.sources.exports.platforms.gps_tracks import PLATFORM as TRACKS
from exposure.summary import ExitCode, exit_status, summary_line
from exposure.terminal import not_checked_line
from exposure.testing.exportwriters import gpx, gz, write_folder, write_zip
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from tests.conftest import CliResult
from tests.sources.exports import fixtures
from tests.sources.folders.downloads import (
    FOREST,
    HOME,
    LAKE,
    WORK,
    kml,
    kmz,
    location_history_kml,
    make_downloads,
)


def audit(*paths: Path) -> Report:
    return run(Options(inputs=tuple(str(p) for p in paths), workers=1))


def kinds_by_group(report: Report) -> Counter[tuple[str, str]]:
    return Counter((f.kind, f.group) for f in report.findings)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    root = make_downloads(tmp_path_factory.mktemp("dl") / "Downloads")
    return root, audit(root)


def test_a_downloads_folder_is_read_for_everything_in_it(downloads: tuple[Path, Report]) -> None:
    root, report = downloads
    assert resolve(str(root), Options(inputs=(str(root),))).name == "folder"
    assert kinds_by_group(report) == Counter(
        {
            # the Instagram zip, read as the export it is
            ("instagram-post-location", "Instagram"): 2,
            ("instagram-inferred-location", "Instagram"): 3,
            ("instagram-login-ips", "Instagram"): 1,
            ("instagram-photo-device", "Instagram"): 1,
            ("text-street-address", "Instagram"): 1,
            ("text-map-link", "Instagram"): 1,
            ("photo-gps", "Instagram"): 1,
            ("photo-camera-details", "Instagram"): 1,
            # the Strava zip: home, and the two other ends
            ("route-endpoint", "Strava"): 3,
            # lone export files
            ("google-timeline", "Google account (Takeout)"): 1,
            ("google-home-work", "Google account (Takeout)"): 2,
            ("google-location-history", "Google account (Takeout)"): 2,  # Records + the month
            ("google-photos-location", "Google account (Takeout)"): 1,
            ("swarm-checkin", "Foursquare / Swarm"): 2,
            ("x-post-location", "X (Twitter)"): 3,
            # tracks: lake (GPX and gzipped GPX), forest (FIT and gzipped TCX), the history KML
            ("route-endpoint", TRACKS.group): 6,
            ("map-places", TRACKS.group): 2,  # my-places.kml and trip.kmz
            # the renamed photo and the saved page
            ("photo-gps", f"Photos and videos in {root}"): 1,
            ("photo-camera-details", f"Photos and videos in {root}"): 1,
            ("web-address", "Saved web pages from blog.example.org"): 1,
            ("text-street-address", "Saved web pages from blog.example.org"): 1,
        }
    )
    counts = {c.source: c.checked for c in report.counts}
    assert counts["photos"] == 1 and counts["saved-pages"] == 1
    assert counts["gps-tracks"] >= 7 and counts["strava"] >= 4 and counts["instagram"] >= 5


def test_tracks_in_every_format_give_their_ends(downloads: tuple[Path, Report]) -> None:
    root, report = downloads
    ends = [f for f in report.findings if f.kind == "route-endpoint" and f.group != "Strava"]
    lake = next(f for f in ends if f.title.endswith(f"{LAKE[0]:.3f}, {LAKE[1]:.3f}"))
    assert sorted(os.path.basename(e.locator) for e in lake.evidence) == [
        "lake-again.gpx.gz",
        "lake.gpx",
        "my-places.kml",  # the LineString of the KML starts at the lake too
    ]
    forest = next(f for f in ends if f.title.endswith(f"{FOREST[0]:.3f}, {FOREST[1]:.3f}"))
    assert sorted(os.path.basename(e.locator) for e in forest.evidence) == [
        "forest.fit",
        "forest.tcx.gz",
        "my-places.kml",  # ... and ends in the forest
    ]
    history = [f for f in ends if f.locator.endswith("history-2013-03-01.kml")]
    assert {f.title.rpartition(": ")[2] for f in history} == {
        f"{WORK[0]:.3f}, {WORK[1]:.3f}",
        "52.518, 13.384",
    }
    start = next(e for f in history for e in f.evidence if e.position and e.observed_at)
    assert start.observed_at is not None and start.observed_at.year == 2013


def test_map_files_name_their_places(downloads: tuple[Path, Report]) -> None:
    root, report = downloads
    maps = {os.path.basename(f.locator): f for f in report.findings if f.kind == "map-places"}
    mine = maps["my-places.kml"]
    assert mine.title == "A map file marks 2 places: \u2018Home\u2019, \u2018Gym\u2019"
    assert mine.evidence[0].place_name == "Home"
    assert mine.position is not None and round(mine.position.lat, 6) == HOME[0]
    trip = maps["trip.kmz"]
    assert trip.title == "A map file marks 1 place: \u2018Hotel\u2019"
    assert trip.locator == str(root / "tracks" / "trip.kmz")
    assert any(p.finding_id == mine.id for p in report.points)


def test_sidecars_are_joined_to_their_empty_photos(downloads: tuple[Path, Report]) -> None:
    root, report = downloads
    (photos,) = (f for f in report.findings if f.kind == "google-photos-location")
    assert photos.title == "Google Photos stores a location for 2 of your photos in 2023"
    examples = {e.locator: e.detail for e in photos.evidence[1:]}
    first = str(root / "Photos from 2023" / "IMG_0001.jpg")
    assert examples[first].startswith("IMG_0001.jpg: location 52.520008, 13.404954, kept by")
    assert "the photo file itself is empty (0 bytes)" in examples[first]
    assert (
        "IMG_0002.jpg.supplemental-metadata.json"
        in examples[str(root / "Photos from 2023" / "IMG_0002.jpg")]
    )
    # the empty photos themselves could not be checked, and say so
    empty = {s.locator for s in report.skipped if s.reason == "empty file (0 bytes)"}
    assert empty == {str(root / "Photos from 2023" / f"IMG_000{n}.jpg") for n in (1, 2)}


def test_a_gps_photo_renamed_txt_is_read_as_a_photo(downloads: tuple[Path, Report]) -> None:
    root, report = downloads
    (gps,) = (f for f in report.findings if f.kind == "photo-gps" and f.group.endswith(str(root)))
    assert gps.locator == str(root / "notes.txt")
    assert gps.position is not None and round(gps.position.lat, 4) == round(WORK[0], 4)


def test_what_is_not_read_is_counted(downloads: tuple[Path, Report]) -> None:
    root, report = downloads
    (record,) = report.not_checked
    assert record.input == str(root)
    assert record.by_type() == {
        "documents": 4,  # tax-2023.pdf, letter.docx, todo.txt, Strava's profile.csv
        "empty files": 3,
        "data files": 1,  # Instagram's liked_posts.json
        "unknown files": 1,  # mystery.xyz
    }
    assert record.by_extension() == {
        ".log": 3,
        ".csv": 1,
        ".docx": 1,
        ".json": 1,
        ".pdf": 1,
        ".txt": 1,
        ".xyz": 1,
    }
    assert str(root / "tax-2023.pdf") in record.examples
    assert f"{root / 'export_123.zip'}!profile.csv" in record.examples
    assert record.words() == (
        "4 documents (.csv 1, .docx 1, .pdf 1, .txt 1), 3 empty files, 1 data file, 1 unknown file"
    )
    line = not_checked_line(report)
    assert line is not None and "9 files exposure does not read" in line
    assert "no leaks found" not in summary_line(report)


def test_json_and_html_show_what_was_not_checked(
    downloads: tuple[Path, Report], cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    root, _ = downloads
    result = cli("audit", str(root), "--json", "r.json", "--html", "r.html", "--workers", "1")
    assert result.code == ExitCode.FOUND, result.err
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["summary"]["not_checked"] == 9
    (record,) = data["not_checked"]
    assert record["by_type"]["empty files"] == 3 and record["total"] == 9
    html = (tmp_path / "r.html").read_text()
    assert "Not checked: 4 documents (.csv 1, .docx 1, .pdf 1, .txt 1), 3 empty files" in html
    assert "Not checked (9 files exposure does not read" in result.err


def test_a_folder_with_nothing_readable_is_exit_3_and_says_what_it_holds(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    docs = write_folder(
        tmp_path / "Documents",
        {"cv.pdf": b"%PDF-1.4", "letter.docx": b"PK\x03\x04", "notes.md": b"# notes"},
    )
    result = cli("audit", str(docs), "--json", "r.json")
    assert result.code == ExitCode.FAILED == 3
    assert "no leaks found" not in result.err
    assert (
        f"Nothing could be checked: exposure found nothing it can read; {docs} holds "
        "3 documents (.docx 1, .md 1, .pdf 1)." in result.err
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("audit", str(empty), "--json", "r.json")
    assert result.code == 3 and "Nothing could be checked" in result.err


def test_ten_thousand_empty_files_are_one_count(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for n in range(10_000):
        (root / f"f{n:05d}.dat").write_bytes(b"")
    (root / "a.jpg").write_bytes(make_photo(PhotoSpec(gps=GpsSpec(lat=HOME[0], lon=HOME[1]))))
    report = audit(root)
    (record,) = report.not_checked
    assert record.by_type() == {"empty files": 10_000} and len(record.examples) == 20
    assert report.skipped == () and exit_status(report) == ExitCode.FOUND
    assert not_checked_line(report) == (
        "Not checked (10,000 files exposure does not read, listed in the report): "
        f"{root} holds 10,000 empty files."
    )


def test_many_alike_skipped_items_are_one_line_in_the_html(tmp_path: Path) -> None:
    from exposure.report.context import build_context

    root = tmp_path / "broken"
    root.mkdir()
    for n in range(30):
        (root / f"IMG_{n}.jpg").write_bytes(b"")
    context = build_context(audit(root))
    (line,) = context.skipped
    assert line.count == 30 and line.locator.startswith("30 items, such as ")


def test_an_unpacked_export_inside_a_folder_is_read_as_that_export(tmp_path: Path) -> None:
    root = tmp_path / "Backups"
    write_folder(root / "old-phone" / "takeout-2019", fixtures.takeout())
    write_folder(root / "strava_export", fixtures.strava())
    (root / "IMG_9.jpg").write_bytes(make_photo(PhotoSpec(gps=GpsSpec(lat=WORK[0], lon=WORK[1]))))
    report = audit(root)
    groups = {f.group for f in report.findings}
    assert {"Google account (Takeout)", "Strava", f"Photos and videos in {root}"} <= groups
    strava = [f for f in report.findings if f.group == "Strava"]
    # read as a Strava export: the tracks carry their names from activities.csv
    assert any("\u2018Morning Run\u2019" in e.detail for f in strava for e in f.evidence)
    (record,) = report.not_checked
    assert record.by_extension() == {".csv": 1, ".docx": 1, ".html": 1, ".txt": 1}


def test_lone_kml_kmz_and_zipped_tracks_are_inputs(tmp_path: Path) -> None:
    paths = {
        "places.kml": kml([("Home", HOME)], [LAKE, FOREST]),
        "trip.kmz": kmz(kml([("Office", WORK)])),
        "history.kml": location_history_kml([(WORK[0], WORK[1], "2013-03-01T08:00:00Z")]),
    }
    write_folder(tmp_path, paths)
    tracks = write_zip(
        tmp_path / "runs.zip", {"a.gpx": gpx([(LAKE[0], LAKE[1], "2024-01-01T08:00:00Z")])}
    )
    for name in (*paths, "runs.zip"):
        given = str(tmp_path / name)
        assert resolve(given, Options(inputs=(given,))).name == "gps-tracks", name
    report = audit(*(tmp_path / n for n in paths), tracks)
    assert Counter(f.kind for f in report.findings) == {"route-endpoint": 3, "map-places": 2}
    assert report.skipped == () and report.not_checked == ()


def test_kml_with_a_doctype_is_refused_but_the_audit_goes_on(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">]>'
        b'<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&a;</name>'
        b"<Point><coordinates>13.4,52.5</coordinates></Point></Placemark></kml>"
    )
    (tmp_path / "bad.kml").write_bytes(bomb)
    (tmp_path / "good.gpx.gz").write_bytes(
        gz(gpx([(LAKE[0], LAKE[1], "2024-01-01T08:00:00Z")], "x"))
    )
    report = audit(tmp_path)
    assert [f.kind for f in report.findings] == ["route-endpoint"]
    (note,) = report.skipped
    assert note.locator.endswith("bad.kml") and "DOCTYPE" in note.reason


def test_a_huge_kml_path_is_streamed(tmp_path: Path) -> None:
    points = [(52.0 + i * 1e-5, 13.0 + i * 1e-5) for i in range(200_000)]
    (tmp_path / "long.kml").write_bytes(kml([], points))
    report = audit(tmp_path / "long.kml")
    ends = sorted(f.title for f in report.findings)
    assert ends == [
        "Activity routes start or end here: 52.000, 13.000",
        "Activity routes start or end here: 54.000, 15.000",
    ]


def test_a_map_file_keeps_its_id_when_one_of_its_places_is_removed(tmp_path: Path) -> None:
    """The map's finding is one line per file: removing one placemark leaves the same item
    (a smaller count) for ``verify``, not a fixed one and a new one."""
    from tests.sources.folders.downloads import PARK

    path = tmp_path / "maps" / "my-places.kml"
    path.parent.mkdir()
    path.write_bytes(kml([("Home", HOME), ("Gym", PARK)]))
    (before,) = [f for f in audit(path.parent).findings if f.kind == "map-places"]
    path.write_bytes(kml([("Gym", PARK)]))
    (after,) = [f for f in audit(path.parent).findings if f.kind == "map-places"]
    assert before.title.startswith("A map file marks 2 places")
    assert after.title.startswith("A map file marks 1 place")
    assert after.id == before.id
