"""Platform labels joining places, the time-pattern finding, and the JSON of places."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from exposure.geo import Position, distance_m
from exposure.inference import infer
from exposure.model import Confidence, LocatedPoint, PlaceRole, Severity
from exposure.report.json import to_dict
from exposure.testing.personas import offset_m
from tests.report.factories import make_report

HOME = Position(48.8566, 2.3522)
WORK = offset_m(HOME, 2500, 1200)
MONDAY = datetime(2024, 1, 8, tzinfo=UTC)


def history(weeks: int) -> list[LocatedPoint]:
    """A location history: every half hour, at home at night, at work 08:00-18:00 on weekdays
    (times in UTC, Paris is UTC+1 in winter, and 2.35 E estimates +0: an hour off)."""
    points = []
    for half_hours in range(weeks * 7 * 48):
        moment = MONDAY + timedelta(minutes=30 * half_hours)
        local = moment + timedelta(hours=1)
        at_work = local.weekday() < 5 and 8 <= local.hour < 18
        where = WORK if at_work else HOME
        points.append(
            LocatedPoint(
                offset_m(where, (half_hours % 7 - 3) * 5, (half_hours % 5 - 2) * 5),
                moment,
                "Takeout/Records.json",
                "f-history",
                "google-location-history",
            )
        )
    return points


def label(where: Position, word: str, east: float) -> LocatedPoint:
    return LocatedPoint(
        offset_m(where, east, 0),
        None,
        "Takeout/Labels.json",
        f"f-label-{word}",
        "google-home-work",
        word,
    )


def test_a_platform_label_joins_the_place_the_evidence_shows() -> None:
    points = history(3) + [label(HOME, "home", 180), label(WORK, "work", -150)]
    places = {p.role: p for p in infer(points).places}
    home, work = places[PlaceRole.HOME], places[PlaceRole.WORK]
    assert distance_m(home.centre, HOME) < 20 and "f-label-home" in home.finding_ids
    assert "Google labelled this place your home." in home.reason
    assert "f-label-work" in work.finding_ids and len(places) == 2
    assert dict(home.sources)["google-home-work"] == 1


def test_a_label_alone_is_a_home_of_medium_confidence() -> None:
    (place,) = infer([label(HOME, "home", 0)]).places
    assert place.role is PlaceRole.HOME and place.confidence is Confidence.MEDIUM
    assert place.reason == "Google labelled this place your home."


def test_a_history_shows_when_the_home_is_empty() -> None:
    result = infer(history(4))
    (pattern,) = [f for f in result.findings if f.kind == "time-pattern"]
    assert pattern.severity is Severity.MEDIUM
    assert pattern.title.endswith("weekdays, about 07:00 to 17:00")  # UTC+0 estimated
    home = next(p for p in result.places if p.role is PlaceRole.HOME)
    assert pattern.id in home.finding_ids
    assert "estimated from the longitude" in home.reason


def test_scattered_photos_show_no_routine() -> None:
    points = [p for p in history(4) if p.observed_at and p.observed_at.minute == 0][::13]
    assert not [f for f in infer(points).findings if f.kind == "time-pattern"]


def test_places_in_json() -> None:
    result = infer(history(2))
    data = to_dict(make_report(places=result.places, findings=result.findings))
    home = next(p for p in data["places"] if p["role"] == "home")
    assert home["near"] == {"town": "Paris", "country": "France"}
    assert home["sources"] == {"google-location-history": home["points"]}
    assert home["confidence"] in {"high", "medium", "low"} and home["reason"]
    assert json.loads(json.dumps(data)) == data
