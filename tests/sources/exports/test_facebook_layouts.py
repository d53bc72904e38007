"""Facebook's older (2018-era) export layouts, from the public JSON schemas of one
(SamuelePilleri/facebook-schemas): posts wrapped in ``status_updates``, and location
history entries holding the place under ``attachments[].data[].place``."""

from __future__ import annotations

from pathlib import Path

from exposure.model import Severity
from exposure.options import Options
from exposure.sources import resolve
from exposure.testing.exportwriters import as_json, mojibake, write_zip
from tests.sources.exports.conftest import audit_path, by_kind, reasons
from tests.sources.exports.fixtures import CAFE, HOME


def _place(name: str, where: tuple[float, float], stamp: int) -> dict[str, object]:
    return {
        "name": name,
        "address": "",
        "coordinate": {"latitude": where[0], "longitude": where[1]},
        "creation_timestamp": stamp,
    }


def export_2018() -> dict[str, bytes]:
    posts = {"status_updates": [
        {"timestamp": 1530000000, "title": mojibake("Alex was at Café de la Tour."),
         "data": [{"post": "Lunch"}],
         "attachments": [{"data": [{"place": _place(mojibake("Café de la Tour"), CAFE, 0)}]}]},
        {"timestamp": 1530000100, "data": [{"post": "No place"}]},
        "not a post",
    ]}  # fmt: skip
    history = {"location_history": [
        {"title": "Home area", "timestamp": 1500000000,
         "attachments": [{"data": [{"place": _place("Home area", HOME, 1500000000)}]}]},
        {"title": "Odd", "timestamp": 1500000100,
         "attachments": [{"data": [{"place": {"coordinate": {"latitude": 91, "longitude": 0}}}]},
                         "x", {"data": "y"}]},
    ]}  # fmt: skip
    return {
        "posts/your_posts.json": as_json(posts),
        "location_history/your_location_history.json": as_json(history),
        "profile_information/profile_information.json": as_json({"profile": {"name": {}}}),
    }


def test_the_2018_layouts(tmp_path: Path) -> None:
    given = write_zip(tmp_path / "facebook-2018.zip", export_2018())
    assert resolve(str(given), Options(inputs=(str(given),))).name == "facebook"
    report = audit_path(given)
    found = by_kind(report)
    (post,) = found["facebook-post-location"]
    assert "Café de la Tour" in post.title and post.severity is Severity.HIGH
    assert post.position is not None and round(post.position.lat, 4) == round(CAFE[0], 4)
    (history,) = found["facebook-location-history"]
    assert "1 point in 2017" in history.title
    assert "1 ignored" in " ".join(e.detail for e in history.evidence)
    assert not any("unexpected" in r for r in reasons(report).values())


def test_a_cut_2018_history_keeps_the_first_entries(tmp_path: Path) -> None:
    whole = export_2018()["location_history/your_location_history.json"]
    cut = whole[: whole.index(b'"Odd"')]
    report = audit_path(write_zip(tmp_path / "fb.zip", {"posts/your_posts.json": b"[]",
                                                        "location_history/your_location_history.json": cut}))  # fmt: skip
    assert "1 point in 2017" in by_kind(report)["facebook-location-history"][0].title
    assert any(r.startswith("partly read") for r in reasons(report).values())
