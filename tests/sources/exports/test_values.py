"""Table tests for reading export values, names and layouts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from exposure.geo import Position, PositionProblem
from exposure.sources.exports.archive import safe_name
from exposure.sources.exports.detect import json_kind, route
from exposure.sources.exports.google_maps import link_positions
from exposure.sources.exports.jsonstream import sniff
from exposure.sources.exports.layout import platform_of_names
from exposure.sources.exports.values import from_e7, from_snapchat, from_text, meta_text, when
from exposure.testing.exportwriters import mojibake


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("48.8566°, 2.3522°", (48.8566, 2.3522)),
        ("geo:27.720022,-97.347951", (27.720022, -97.347951)),
        ("48.8566, 2.3522", (48.8566, 2.3522)),
        ("91.0°, 2.0°", PositionProblem.OUT_OF_RANGE),
        ("0°, 0°", PositionProblem.ZERO),
        ("lat,lon", PositionProblem.NOT_A_NUMBER),
        (None, PositionProblem.EMPTY),
        (12, PositionProblem.NOT_A_NUMBER),
    ],
)
def test_from_text(value: object, expected: object) -> None:
    found = from_text(value)
    assert (found.lat, found.lon) == expected if isinstance(found, Position) else found == expected


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (533690550, 836950010, (53.369055, 83.695001)),
        (4294967296 - 335831402, 1193393903, (-33.5831402, 119.3393903)),  # unsigned wrap
        (910000000, 0, None),
        ("533690550", "836950010", (53.369055, 83.695001)),
        (True, 1, None),
        (0, 0, None),
    ],
)
def test_from_e7(lat: object, lon: object, expected: tuple[float, float] | None) -> None:
    found = from_e7(lat, lon)
    if expected is None:
        assert not isinstance(found, Position)
    else:
        assert isinstance(found, Position) and (found.lat, found.lon) == expected


def test_snapchat_strings() -> None:
    home = from_snapchat("lat 34.206 ± 19.47 meters, long -118.432 ± 19.47 meters")
    assert isinstance(home, Position) and (home.lat, home.lon, home.accuracy_m) == (
        34.206,
        -118.432,
        19.47,
    )
    point = from_snapchat("37.332 ± 39.66 meters, -121.884 ± 39.66 meters")
    assert isinstance(point, Position) and (point.lat, point.lon) == (37.332, -121.884)
    assert from_snapchat("91.0 ± 1 meters, 10 ± 1 meters") == PositionProblem.OUT_OF_RANGE


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2012-12-15T14:21:29.460Z", datetime(2012, 12, 15, 14, 21, 29, 460000, UTC)),
        ("1742844302585", datetime(2025, 3, 24, 19, 25, 2, 585000, UTC)),
        (1742844302, datetime(2025, 3, 24, 19, 25, 2, tzinfo=UTC)),
        ("2021/09/02 20:37:47 UTC", datetime(2021, 9, 2, 20, 37, 47, tzinfo=UTC)),
        ("Wed Sep 04 08:19:17 +0000 2019", datetime(2019, 9, 4, 8, 19, 17, tzinfo=UTC)),
        ("2025-03-24 20:07:24 +0100", datetime(2025, 3, 24, 19, 7, 24, tzinfo=UTC)),
        ("not a time", None),
        ({"a": 1}, None),
        (True, None),
    ],
)
def test_when(value: object, expected: datetime | None) -> None:
    assert when(value) == expected


def test_meta_mojibake_is_repaired_and_plain_text_kept() -> None:
    assert meta_text(mojibake("Köln 🇨🇴 café")) == "Köln 🇨🇴 café"
    assert meta_text("plain ASCII") == "plain ASCII"
    assert meta_text("already ✓ unicode") == "already ✓ unicode"
    assert meta_text(None) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.google.com/maps/@52.52,13.405,15z", [(52.52, 13.405)]),
        (
            "https://www.google.com/maps/@?api=1&map_action=map&center=52.52,13.405&zoom=12",
            [(52.52, 13.405)],
        ),
        ("https://maps.google.com/?q=52.52%2C13.405", [(52.52, 13.405)]),
        ("https://www.google.com/maps/@?api=1&map_action=map&center=lat,lon", [None]),
        ("https://www.google.com/maps/@91.5,13.4,15z", [None]),
        ("https://www.google.com/maps/search/coffee", []),
    ],
)
def test_map_links(text: str, expected: list[tuple[float, float] | None]) -> None:
    found = [(p.lat, p.lon) if p else None for p in link_positions(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Takeout/a.json", "Takeout/a.json"),
        ("a\\b.json", "a/b.json"),
        ("./x//y.json", "x/y.json"),
        ("../etc/passwd", None),
        ("a/../../b", None),
        ("/etc/passwd", None),
        ("C:\\Windows\\x", None),
    ],
)
def test_safe_names(name: str, expected: str | None) -> None:
    assert safe_name(name) == expected


@pytest.mark.parametrize(
    ("names", "platform"),
    [
        (["takeout-1/Takeout/archive_browser.html"], "google-takeout"),
        (["Takeout/Location History (Timeline)/Records.json"], "google-takeout"),
        (["your_instagram_activity/content/posts_1.json"], "instagram"),
        (["content/posts_1.json", "content/stories.json"], "instagram"),
        (
            ["your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"],
            "facebook",
        ),
        (["data/tweets.js", "Your archive.html"], "x-twitter"),
        (["export_1/activities.csv", "export_1/activities/1.gpx"], "strava"),
        (["mydata/json/location_history.json"], "snapchat"),
        (["checkins1.json"], "swarm"),
        (["Pictures/IMG_0001.jpg", "notes.txt"], None),
    ],
)
def test_layouts(names: list[str], platform: str | None) -> None:
    assert platform_of_names(names) == platform


@pytest.mark.parametrize(
    ("name", "how"),
    [
        (
            "Takeout/Location History/Semantic Location History/2019/2019_MAY.json",
            "google-semantic",
        ),
        ("Takeout/Google Photos/x/IMG_1.jpg", "media"),
        ("activities/1.fit.gz", "track"),
        ("data/tweets.js", "sniff"),
        ("Takeout/more.tgz", "nested"),
        ("Takeout/Drive/report.docx", None),
    ],
)
def test_member_routes(name: str, how: str | None) -> None:
    assert route(name) == how


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"locations": [{"latitudeE7": 1', "google-records"),
        (b'[{"endTime": "x", "startTime": "y", "visit": {}}]', "google-timeline"),
        (b'{"semanticSegments": [', "google-timeline"),
        (b'[{"id_str": "1", "created_at": "x"}]', "x-tweets"),
        (b'{"id": "5", "venue": {"name": "x"}}', "swarm-checkins"),
        (b'{"Home & Work": {}}', "snapchat-location"),
        (b'{"unrelated": true}', None),
        (b"not json at all", None),
    ],
)
def test_json_kinds(head: bytes, kind: str | None) -> None:
    assert json_kind(sniff(head)) == kind


def test_unknown_archive_is_refused_with_the_supported_exports(tmp_path: Path) -> None:
    from exposure.errors import InputError
    from exposure.options import Options
    from exposure.sources import resolve
    from exposure.testing.exportwriters import write_zip

    path = write_zip(tmp_path / "random.zip", {"notes/todo.txt": b"milk"})
    with pytest.raises(InputError) as caught:
        resolve(str(path), Options(inputs=(str(path),)))
    assert "Google Takeout" in str(caught.value) and "Strava" in str(caught.value)


def test_ijson_uses_its_c_backend() -> None:
    from exposure.sources.exports.jsonstream import backend_name

    assert backend_name() == "yajl2_c"
