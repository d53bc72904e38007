"""The shared corpus's export samples give the values MANIFEST.md section 2 lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.model import Report, SourceItem
from exposure.options import Options
from exposure.sources import resolve
from tests.conftest import CORPUS
from tests.sources.exports.conftest import audit_path, by_kind, reasons

pytestmark = pytest.mark.corpus
GT = Path("exports/google-takeout/dawarich")
TRACKS = Path("exports/gpx-fit-tcx")


def coords(report: Report, places: int = 6) -> set[tuple[float, float]]:
    """Every distinct located point of the report (sample and evidence)."""
    return {(round(p.position.lat, places), round(p.position.lon, places)) for p in report.points}


def test_records_json(corpus: Path) -> None:
    report = audit_path(corpus / GT / "records.json")
    (history,) = by_kind(report)["google-location-history"]
    assert history.title.startswith("Google Location History holds 3 points from 2012 to 2013")
    assert history.position is not None
    assert (history.position.lat, history.position.lon) == (53.369055, 83.695001)
    assert (
        history.evidence[0].observed_at
        and history.evidence[0].observed_at.date().isoformat() == "2012-12-15"
    )
    for lat, lon in coords(report):
        assert 53.356338 <= lat <= 53.369059 and 83.695001 <= lon <= 83.76165
    watched = audit_path(corpus / GT / "watched" / "Records.json")
    assert {(53.37, 83.696), (53.371, 83.697)} <= coords(watched)
    assert "holds 5 points" in by_kind(watched)["google-location-history"][0].title


def test_semantic_history(corpus: Path) -> None:
    report = audit_path(corpus / GT / "semantic_history.json")
    (history,) = by_kind(report)["google-location-history"]
    assert "in 2013" in history.title
    found = coords(report, 7)
    assert len(found) == 4 and (53.340744, 83.7026901) in found
    for lat, lon in found:
        assert 53.340744 <= lat <= 53.3519706 and 83.7026901 <= lon <= 83.7608337


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (CORPUS / GT / "location-history").glob("*.json"))
)
def test_semantic_variants(corpus: Path, name: str) -> None:
    report = audit_path(corpus / GT / "location-history" / name)
    found = coords(report, 7)
    if name in {
        "with_activitySegment_without_startLocation_without_waypointPath.json",
        "with_placeVisit_without_location_with_coordinates.json",
    }:
        assert not found and not report.findings
    else:
        assert found and all(12.34 <= lat < 12.36 and lat == lon for lat, lon in found)
    if name == "with_placeVisit_with_location_with_coordinates.json":
        assert found == {(12.3477777, 12.3477777)}


def test_android_timeline(corpus: Path) -> None:
    report = audit_path(corpus / GT / "timeline_new_format.json")
    labels = {f.title.rsplit(": ", 1)[0]: f.position for f in by_kind(report)["google-home-work"]}
    home = labels["Google has labelled a place as your home"]
    work = labels["Google has labelled a place as your work"]
    assert home and (home.lat, home.lon) == (48.8566, 2.3522)
    assert work and (work.lat, work.lon) == (48.8606, 2.3376)
    assert (48.862, 2.335) in coords(report)
    prague = audit_path(corpus / GT / "phone-takeout_w_3_duplicates.json")
    assert {(50.0506312, 14.3439906), (48.833657, 2.256223)} <= coords(prague, 7)


def test_ios_timeline(corpus: Path) -> None:
    report = audit_path(corpus / GT / "location-history.json")
    found = coords(report)
    assert len(found) == 7 and {(27.720022, -97.347951), (27.686129, -97.381865)} <= found
    houston = audit_path(corpus / GT / "edge_cases" / "phone_takeout_array_timeline_path.json")
    assert coords(houston) == {(29.725358, -95.482259), (29.725688, -95.477992), (29.732, -95.485)}


def test_edge_cases(corpus: Path) -> None:
    bom = audit_path(corpus / GT / "edge_cases" / "semantic_history_with_bom.json")
    assert coords(bom, 4) == {(60.4518, 22.2666), (60.4519, 22.2667)}
    edits = audit_path(corpus / GT / "edge_cases" / "timeline_edits.json")
    assert coords(edits, 7) == {(35.5831402, -119.3393903)}
    settings = audit_path(corpus / GT / "edge_cases" / "device_settings.json")
    assert not settings.findings and settings.items_checked == 1 and not settings.skipped


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gphotos-1.json", (52.508522, 13.443206)),
        ("gphotos-2.json", (52.5107943, 13.4563869)),
        ("gphotos-3.json", None),
        ("gphotos-4.json", (52.499667, 13.422333)),
        ("gphotos-album.json", None),
    ],
)
def test_google_photos_sidecars(
    corpus: Path, name: str, expected: tuple[float, float] | None
) -> None:
    path = corpus / "exports/google-photos/photoprism" / name
    report = audit_path(path)
    found = by_kind(report).get("google-photos-location", [])
    if expected is None:
        assert not found and report.items_checked >= 1
        return
    (finding,) = found
    assert finding.position
    places = len(str(expected[0]).split(".")[1])
    assert (round(finding.position.lat, places), round(finding.position.lon, places)) == expected
    if name == "gphotos-1.json":
        assert finding.position.altitude_m == pytest.approx(41.0, abs=0.01)
    if name == "gphotos-2.json":
        assert "the photo's own GPS says 52.510758, 13.456647" in finding.evidence[-1].detail


def test_google_photos_sidecar_description_goes_to_text(corpus: Path) -> None:
    path = corpus / "exports/google-photos/photoprism/gphotos-3.json"
    items = list(resolve(str(path), Options(inputs=(str(path),))).iter_items())
    texts = [i.text for i in items if isinstance(i, SourceItem) and i.text]
    assert texts == ["In Hamburg"]


def test_google_photos_takeout(corpus: Path) -> None:
    base = corpus / "exports/google-photos/immich-go"
    report = audit_path(base / "Takeout1", base / "Takeout2")
    found = by_kind(report)
    gps = found["photo-gps"]
    assert gps and all(p.position and round(p.position.lat, 6) == 48.858374 for p in gps)
    assert all(44.0 <= (p.position.altitude_m or 0) <= 83.0 for p in gps if p.position)
    sidecars = found["google-photos-location"]
    assert sidecars and all(
        s.position
        and (round(s.position.lat, 7), round(s.position.lon, 6)) == (48.8583736, 2.291901)
        for s in sidecars
    )
    gophers = audit_path(base / "gophers")
    assert not {"photo-gps", "google-photos-location"} & set(by_kind(gophers))


def test_instagram_negative_with_device_id_and_mojibake(corpus: Path) -> None:
    folder = corpus / "exports/instagram/yummyhopper-personal_instagram_analysis"
    report = audit_path(folder)
    found = by_kind(report)
    assert "instagram-post-location" not in found
    (device,) = found["instagram-photo-device"]
    shown = " ".join(e.detail for e in device.evidence)
    assert "D6AF134A-DA96-4F2A-A0F3-40540025ACE3" in shown and "EF24-70mm f/2.8L II USM" in shown
    items = list(resolve(str(folder), Options(inputs=(str(folder),))).iter_items())
    texts = " ".join(i.text or "" for i in items if isinstance(i, SourceItem))
    assert "🇨🇴" in texts and "\u00f0\u009f" not in texts


def test_twitter_api_tweets_and_archive_wrapper(corpus: Path) -> None:
    folder = corpus / "exports/twitter/dogsheep-twitter-to-sqlite"
    found = by_kind(audit_path(folder / "tweets.json"))
    (post,) = found["x-post-location"]
    assert "1169196446043664385" in post.evidence[0].detail and "Manhattan, NY" in post.title
    assert post.position and -74.026675 <= post.position.lon <= -73.910408
    assert 40.683935 <= post.position.lat <= 40.877483
    assert found["x-profile-location"][0].title.endswith("San Francisco, CA")
    account = audit_path(folder / "zip_contents" / "account.js")
    assert not account.findings and account.items_checked == 1


def test_swarm_checkin(corpus: Path) -> None:
    report = audit_path(corpus / "exports/foursquare-swarm/dogsheep-swarm-to-sqlite/checkin.json")
    (checkin,) = by_kind(report)["swarm-checkin"]
    assert checkin.position and (checkin.position.lat, checkin.position.lon) == (38.456, -122.345)
    assert (
        "Restaurant Name" in checkin.title
        and "7th wedding anniversary" in checkin.evidence[0].detail
    )


def _start(report: Report) -> tuple[float, float, str]:
    start = next(f for f in report.findings if "starts" in f.evidence[0].detail)
    assert start.position
    return round(start.position.lat, 6), round(start.position.lon, 6), start.evidence[0].detail


def test_strava_gpx(corpus: Path) -> None:
    report = audit_path(corpus / "exports/strava/sports-lib/strava.trimmed.gpx")
    lat, lon, detail = _start(report)
    assert (lat, lon) == (42.941059, 0.963041)
    assert detail == "‘120' moderate and hard’ 2018-05-14: starts here (2,000 points)"


@pytest.mark.parametrize(
    ("name", "start", "points"),
    [
        ("gpxpy/Mojstrovka.gpx", (46.434981, 13.748273), 184),
        ("gpxpy/korita-zbevnica.gpx", (45.380594, 14.144484), 873),
        ("gpxpy/cerknicko-jezero.gpx", (45.772163, 14.357652), 303),
        ("gpxpy/gpx_with_garmin_extension.gpx", (37.778259, -122.391386), None),
        ("gpxpy/unicode_with_bom.gpx", (43.309634, 3.515386), None),
        ("gpxpy/route.gpx", None, 55),
        ("python-fitparse/garmin-fenix-5-run.fit", (38.229787, -122.633704), 21),
        (
            "python-fitparse/elemnt-bolt-no-application-id-inside-developer-data-id.fit",
            (49.870527, 8.622173),
            131,
        ),
    ],
)
def test_tracks(
    corpus: Path, name: str, start: tuple[float, float] | None, points: int | None
) -> None:
    report = audit_path(corpus / TRACKS / name)
    lat, lon, detail = _start(report)
    if start is not None:
        assert (lat, lon) == start
    if points is not None:
        assert f"({points:,} points)" in detail


def test_fit_negatives_and_broken_files(corpus: Path) -> None:
    indoor = audit_path(corpus / TRACKS / "python-fitparse/sample-activity-indoor-trainer.fit")
    assert not indoor.findings and indoor.items_checked == 1
    for name in ("activity-unexpected-eof.fit", "activity-settings-corruptheader.fit"):
        path = corpus / TRACKS / "python-fitparse" / name
        report = audit_path(path)
        assert reasons(report)[str(path)].startswith("partly read:")
