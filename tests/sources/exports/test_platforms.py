"""Every platform's export, built from the documented formats, gives the expected findings."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from exposure.model import Severity
from exposure.options import Options
from exposure.sources import resolve
from exposure.sources.exports.platforms.gps_tracks import PLATFORM as TRACKS
from exposure.testing.exportwriters import write_folder, write_tgz, write_zip
from tests.sources.exports import fixtures
from tests.sources.exports.conftest import audit_path, by_kind, reasons, unread

WRITERS = {
    "zip": lambda tmp, members: write_zip(tmp / "export.zip", members),
    "tgz": lambda tmp, members: write_tgz(tmp / "export.tgz", members),
    "folder": lambda tmp, members: write_folder(tmp / "export", members),
}


def near(pos: object, expected: tuple[float, float], places: int = 5) -> bool:
    return pos is not None and (round(pos.lat, places), round(pos.lon, places)) == (  # type: ignore[attr-defined]
        round(expected[0], places),
        round(expected[1], places),
    )


@pytest.mark.parametrize("form", sorted(WRITERS))
def test_takeout_in_every_form(tmp_path: Path, form: str) -> None:
    given = WRITERS[form](tmp_path, fixtures.takeout())
    assert resolve(str(given), Options(inputs=(str(given),))).name == "google-takeout"
    report = audit_path(given)
    found = by_kind(report)
    history = {f.title: f for f in found["google-location-history"]}
    records = next(
        f for t, f in history.items() if t.startswith("Google Location History holds 3 points")
    )
    assert "from 2012 to 2024" in records.title and records.severity is Severity.HIGH
    assert near(records.position, fixtures.HOME)
    assert "2 ignored" in records.evidence[0].detail  # latitude 91 and a string
    semantic = next(f for t, f in history.items() if "Semantic" in t)
    shown = [e.detail for e in semantic.evidence]
    assert any("Café de la Tour, 1 Avenue Exemple, Paris: 1 visit" in d for d in shown)
    assert any("Timeline Edits" in t for t in history)
    home_work = {f.title for f in found["google-home-work"]}
    assert home_work == {
        "Google has labelled a place as your home: 52.5200, 13.4050",
        "Google has labelled a place as your work: 52.5096, 13.3759",
    }
    (photos,) = found["google-photos-location"]
    assert photos.title.startswith("Google Photos stores a location for 1 of your photos in 2024")
    (activity,) = found["google-maps-activity"]
    assert "1 map searches" in activity.title and "2 ignored" in activity.evidence[0].detail
    (review,) = found["google-maps-review"]
    assert (
        "Corner Bakery" in review.title
        and "https://maps.google.com/?cid=123" in review.evidence[0].detail
    )
    (saved,) = found["google-maps-saved-places"]
    assert "1 saved places" in saved.title
    # the photo inside the export is read in memory by the photo detectors
    (gps,) = found["photo-gps"]
    assert (
        gps.locator.endswith("Photos from 2024/IMG_0001.jpg")
        and gps.group == "Google account (Takeout)"
    )
    assert unread(report) == {str(given): {".docx": 1, ".html": 1, ".txt": 1}}
    assert report.points and all(p.finding_id for p in report.points)


def test_phone_timeline_file(tmp_path: Path) -> None:
    path = tmp_path / "Timeline.json"
    path.write_bytes(fixtures.phone_timeline())
    found = by_kind(audit_path(path))
    labels = {f.title.split(": ")[0]: f.position for f in found["google-home-work"]}
    assert near(labels["Google has labelled a place as your home"], fixtures.HOME)
    assert near(labels["Google has labelled a place as your work"], fixtures.WORK)
    (timeline,) = found["google-timeline"]
    assert "3 points in 2024" in timeline.title


@pytest.mark.parametrize("form", ["zip", "folder"])
def test_instagram(tmp_path: Path, form: str) -> None:
    report = audit_path(WRITERS[form](tmp_path, fixtures.instagram()))
    found = by_kind(report)
    posts = {f.evidence[0].detail: f for f in found["instagram-post-location"]}
    assert len(posts) == 2
    home = next(f for d, f in posts.items() if "home_photo.jpg" in d)
    assert near(home.position, fixtures.HOME) and "2024-05-01" in home.title
    assert "Zuhause in Berlin 🏠 café" in home.evidence[0].detail  # mojibake repaired
    (device,) = found["instagram-photo-device"]
    assert "DEV-1234: 3 uploads" in device.evidence[0].detail
    (logins,) = found["instagram-login-ips"]
    assert logins.title == "Instagram keeps 2 sign-ins from 2 IP addresses from 2023 to 2024"
    assert any(f.kind == "photo-gps" for f in report.findings)  # the media file itself
    assert sum(n.total for n in report.not_checked) == 1


def test_facebook(tmp_path: Path) -> None:
    found = by_kind(audit_path(write_zip(tmp_path / "facebook.zip", fixtures.facebook())))
    posts = found["facebook-post-location"]
    cafe = next(f for f in posts if "Café de la Tour" in f.title)
    assert near(cafe.position, fixtures.CAFE) and cafe.severity is Severity.HIGH
    assert "https://facebook.example/cafe" in cafe.evidence[0].detail
    assert "Dinner at our café ☕" in cafe.evidence[0].detail
    photo = next(f for f in posts if f.evidence[0].field == "exif_data")
    assert near(photo.position, fixtures.HOME)
    named = next(f for f in posts if "Berlin, Germany" in f.title)
    assert named.severity is Severity.MEDIUM and named.position is None
    places = {f.title for f in found["facebook-profile-place"]}
    assert places == {
        "Facebook profile: current city: Berlin, Germany",
        "Facebook profile: hometown: Köln, Germany",
        "Facebook thinks you mainly live in: Berlin, Berlin; postcode 10115",
    }
    assert found["facebook-login-ips"][0].title.startswith(
        "Facebook keeps 1 sign-ins from 1 IP address"
    )
    (history,) = found["facebook-location-history"]
    assert "1 point in 2020" in history.title


def test_x_archive(tmp_path: Path) -> None:
    report = audit_path(write_zip(tmp_path / "twitter-2024.zip", fixtures.twitter()))
    found = by_kind(report)
    posts = {f.evidence[0].locator.rsplit("#", 1)[1]: f for f in found["x-post-location"]}
    assert set(posts) == {"1001", "1002", "1003"}
    # coordinates are [lon, lat]; geo is [lat, lon]: both give the same place
    assert near(posts["1001"].position, fixtures.HOME) and posts["1001"].severity is Severity.HIGH
    assert near(posts["1003"].position, fixtures.WORK)
    place = posts["1002"]
    assert place.severity is Severity.MEDIUM and "Mitte, Berlin" in place.title
    assert (
        place.position is not None
        and place.position.accuracy_m
        and place.position.accuracy_m > 1000
    )
    assert "https://x.com/i/web/status/1001" in posts["1001"].evidence[0].detail
    (profile,) = found["x-profile-location"]
    assert profile.title.endswith("Kreuzberg, Berlin")
    (ips,) = found["x-login-ips"]
    assert "198.51.100.20" in ips.evidence[0].detail
    assert (
        sum(n.by_type().get("web pages", 0) for n in report.not_checked) == 1
    )  # Your archive.html


def test_strava_bulk_export(tmp_path: Path) -> None:
    report = audit_path(write_zip(tmp_path / "export_123.zip", fixtures.strava()))
    found = by_kind(report)
    home_cell = next(f for f in found["route-endpoint"] if near(f.position, fixtures.HOME, 3))
    details = sorted(e.detail for e in home_cell.evidence)
    assert details == [
        "‘Commute’ 2024-05-02: starts here (20 points)",
        "‘Loop’ 2024-05-03: starts and ends here (11 points)",
        "‘Morning Run’ 2024-05-01: starts here (30 points)",
    ]
    assert home_cell.group == "Strava" and home_cell.severity is Severity.HIGH
    assert len(found["route-endpoint"]) == 3  # home, and the two different ends
    assert reasons(report) == {}
    (record,) = report.not_checked
    assert record.by_extension() == {".csv": 1}  # profile.csv


@pytest.mark.parametrize("form", sorted(WRITERS))
def test_garmin_connect_export(tmp_path: Path, form: str) -> None:
    path = WRITERS[form](tmp_path, fixtures.garmin())
    assert resolve(str(path), Options(inputs=(str(path),))).name == "garmin"
    report = audit_path(path)
    found = by_kind(report)
    home = next(f for f in found["route-endpoint"] if near(f.position, fixtures.HOME, 3))
    assert home.group == "Garmin Connect" and home.severity is Severity.HIGH
    assert sorted(e.detail for e in home.evidence) == [
        "‘Easy Run’ 2024-05-02: starts here",  # a summary without an end point
        "‘Morning Run’ 2024-05-01: starts here",  # the summary
        "‘running’ 2024-05-01: starts here (25 points)",  # its FIT file, in the nested zip
    ]
    locators = {e.locator for e in home.evidence}
    assert any(loc.endswith("!user@example.org_101.fit") for loc in locators)
    assert any("summarizedActivities.json" in loc and loc.endswith("101") for loc in locators)
    work = next(f for f in found["route-endpoint"] if near(f.position, fixtures.WORK, 3))
    assert [e.detail for e in work.evidence] == ["‘Ride’ 2024-05-04: starts and ends here"]
    # the run's end (in the summary and in the track) is one more place; the treadmill, none
    assert len(found["route-endpoint"]) == 3
    # the description's address went to the text detectors
    assert any("Invalidenstr" in e.detail for f in report.findings for e in f.evidence)


def test_a_lone_garmin_summary_file(tmp_path: Path) -> None:
    members = fixtures.garmin()
    (name,) = (n for n in members if n.endswith("summarizedActivities.json"))
    path = tmp_path / name.rpartition("/")[2]
    path.write_bytes(members[name])
    report = audit_path(path)
    assert report.counts[0].source == "garmin"
    assert any(near(f.position, fixtures.HOME, 3) for f in report.findings)


@pytest.mark.parametrize("suffix", [".gpx", ".fit", ".tcx.gz"])
def test_lone_track_files(tmp_path: Path, suffix: str) -> None:
    members = fixtures.strava()
    source = {
        ".gpx": "activities/11.gpx",
        ".fit": "activities/12.fit.gz",
        ".tcx.gz": "activities/13.tcx.gz",
    }
    data = members[source[suffix]]
    if suffix == ".fit":
        import gzip

        data = gzip.decompress(data)
    path = tmp_path / f"ride{suffix}"
    path.write_bytes(data)
    report = audit_path(path)
    assert report.counts[0].source == "gps-tracks"
    starts = [f for f in report.findings if near(f.position, fixtures.HOME, 3)]
    assert starts and starts[0].group == TRACKS.group


def test_snapchat(tmp_path: Path) -> None:
    found = by_kind(audit_path(write_zip(tmp_path / "mydata.zip", fixtures.snapchat())))
    labels = {f.title.split(": ")[0]: f for f in found["snapchat-home-work"]}
    home = labels["Snapchat has labelled a place as your home"]
    assert near(home.position, fixtures.HOME) and home.position.accuracy_m == pytest.approx(19.47)
    (history,) = found["snapchat-location-history"]
    assert "2 of your locations" in history.title  # a point and a saved snap; latitude 91 ignored
    details = " ".join(e.detail for e in history.evidence)
    assert "1 ignored" in details and "Frequent Locations: Berlin, DE, Berlin" in details


def test_swarm(tmp_path: Path) -> None:
    report = audit_path(write_zip(tmp_path / "foursquare.zip", fixtures.swarm()))
    found = by_kind(report)
    venues = {f.title: f for f in found["swarm-checkin"]}
    gym = venues["Swarm check-ins show you at Corner Gym"]
    assert len(gym.evidence) == 2 and near(gym.position, fixtures.PARK)
    assert "Leg day" in gym.evidence[0].detail
    assert "Swarm check-ins show you at Café de la Tour" in venues


def test_my_activity_html_is_scanned_across_chunk_boundaries(tmp_path: Path) -> None:
    noise = random.Random(1)  # varied text: a repeated line would trip the zip-bomb ratio cap
    filler = "".join(f"<div>{noise.getrandbits(64):x}</div>\n" for _ in range(50_000))  # > 1 MB
    page = (
        "<html><body>"
        f'<a href="https://www.google.com/maps/@{fixtures.CAFE[0]},{fixtures.CAFE[1]},15z">Viewed</a>'
        f"{filler}"
        f'<a href="https://www.google.com/maps/@?api=1&amp;map_action=map&center={fixtures.PARK[0]},{fixtures.PARK[1]}">At</a>'
        '<a href="https://www.google.com/maps/@?api=1&map_action=map&center=lat,lon">placeholder</a>'
        "</body></html>"
    )
    members = {
        "Takeout/archive_browser.html": b"<html/>",
        "Takeout/My Activity/Maps/MyActivity.html": page.encode(),
    }
    report = audit_path(write_zip(tmp_path / "takeout.zip", members))
    (activity,) = by_kind(report)["google-maps-activity"]
    assert "holds 2 map searches" in activity.title
    assert "1 ignored" in activity.evidence[0].detail
