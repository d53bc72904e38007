"""Home, work, regular and visited places from small hand-made point sets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from exposure.geo import Position, distance_m
from exposure.inference import INFERENCE_STEPS, infer
from exposure.model import Confidence, LocatedPoint, PlaceRole

HOME = Position(45.7480, 4.8470)
WORK = Position(45.7600, 4.8330)
GYM = Position(45.7400, 4.8600)
PARIS = timezone(timedelta(hours=1))
MONDAY = datetime(2024, 1, 8, tzinfo=PARIS)


def point(
    pos: Position, when: datetime | None, kind: str = "photo-gps", n: int = 0
) -> LocatedPoint:
    jitter = Position(pos.lat + (n % 5 - 2) * 0.00008, pos.lon + (n % 3 - 1) * 0.0001)
    return LocatedPoint(jitter, when, f"photos/{kind}-{n}.jpg", f"f-{kind}-{n}", kind)


def week_of_life(weeks: int) -> list[LocatedPoint]:
    points = []
    n = 0
    for week in range(weeks):
        for day in range(7):
            date = MONDAY + timedelta(days=7 * week + day)
            points.append(point(HOME, date.replace(hour=22), n=n))
            n += 1
            if day < 5:
                points.append(point(WORK, date.replace(hour=11), n=n))
                n += 1
            if day == 2:
                points.append(point(GYM, date.replace(hour=19), n=n))
                n += 1
    return points


def test_home_work_and_regular_places_get_their_roles() -> None:
    places = {p.role: p for p in infer(week_of_life(4)).places}
    assert distance_m(places[PlaceRole.HOME].centre, HOME) < 30
    assert distance_m(places[PlaceRole.WORK].centre, WORK) < 30
    assert distance_m(places[PlaceRole.REGULAR].centre, GYM) < 30
    home = places[PlaceRole.HOME]
    assert home.confidence is Confidence.HIGH
    assert "28 nights" in home.reason
    assert home.sources == (("photo-gps", 28),)
    assert "20 weekdays" in places[PlaceRole.WORK].reason


def test_a_holiday_rental_is_never_home() -> None:
    # Six nights in a rental far away: more nights than the home shows, but a one-off stay.
    points = [p for p in week_of_life(4) if p.observed_at and p.observed_at.hour == 11]
    points += [
        point(HOME, MONDAY + timedelta(days=7 * w + 1, hours=22), n=800 + w) for w in range(4)
    ]
    rental = Position(43.2965, 5.3698)
    points += [
        point(rental, MONDAY + timedelta(days=40 + d, hours=22), n=900 + d) for d in range(6)
    ]
    places = {p.role: p for p in infer(points).places}
    assert distance_m(places[PlaceRole.HOME].centre, HOME) < 30
    assert places[PlaceRole.VISITED].reason == "Seen on 6 days only, in 1 visit."


def test_a_traveller_has_no_home() -> None:
    points = []
    for stop in range(30):  # two nights in each of 30 towns
        where = Position(40.0 + stop * 0.3, -3.0 + stop * 0.2)
        for night in range(2):
            when = MONDAY + timedelta(days=2 * stop + night, hours=22)
            points.append(point(where, when, n=2 * stop + night))
    roles = {p.role for p in infer(points).places}
    assert PlaceRole.HOME not in roles


def test_utc_times_are_moved_to_local_time_by_longitude() -> None:
    # 12:00 UTC is 20:00 at longitude 120 E (UTC+8): nights, so a home.
    where = Position(31.23, 121.47)
    points = [
        point(where, datetime(2024, 1, 1 + 2 * d, 12, 30, tzinfo=UTC), "google-timeline", d)
        for d in range(6)
    ]
    (place,) = infer(points).places
    assert place.role is PlaceRole.HOME
    assert "estimated from the longitude" in place.reason


def test_points_without_time_make_a_place_of_unknown_role() -> None:
    (place,) = infer([point(HOME, None, "text-coordinates", n) for n in range(3)]).places
    assert place.role is PlaceRole.UNKNOWN and place.points == 3


def test_the_same_points_in_another_order_give_the_same_places() -> None:
    points = week_of_life(3)
    assert infer(points).places == infer(points[::-1]).places


def test_steps_are_named_and_documented() -> None:
    names = [step.name for step in INFERENCE_STEPS]
    assert len(names) == len(set(names))
    assert all(step.__doc__ for step in INFERENCE_STEPS)


def test_after_a_move_the_new_home_is_the_home() -> None:
    new_home = Position(45.7700, 4.8800)
    points = [point(HOME, MONDAY + timedelta(days=d, hours=22), n=d) for d in range(35)]
    points += [point(new_home, MONDAY + timedelta(days=d, hours=22), n=d) for d in range(35, 56)]
    places = {p.role: p for p in infer(points).places}
    assert distance_m(places[PlaceRole.HOME].centre, new_home) < 30
    assert "a second or former home?" in places[PlaceRole.REGULAR].reason
