"""Circle fitting and privacy-zone detection on route ends."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from exposure.geo import Position, distance_m
from exposure.inference import infer
from exposure.inference.circle import Circle, fit_circle, largest_gap
from exposure.inference.zones import exits
from exposure.model import LocatedPoint, PlaceRole, Severity
from exposure.testing.personas import make, offset_m, zone_errors

HOME = Position(45.7480, 4.8470)


@settings(max_examples=50, deadline=None)
@given(
    st.floats(-5000, 5000),
    st.floats(-5000, 5000),
    st.floats(100, 2000),
    st.lists(st.integers(0, 359), min_size=3, max_size=30, unique=True),
)
def test_points_on_a_circle_give_it_back(x: float, y: float, r: float, angles: list[int]) -> None:
    points = [
        (x + r * math.cos(math.radians(a)), y + r * math.sin(math.radians(a))) for a in angles
    ]
    if largest_gap(points, x, y) > 300:  # too short an arc to pin a circle down
        return
    circle = fit_circle(points)
    assert circle is not None
    assert math.hypot(circle.x - x, circle.y - y) < 1.0 and abs(circle.r - r) < 1.0


def test_points_on_a_line_fit_no_circle() -> None:
    assert fit_circle([(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]) is None
    assert fit_circle([(0.0, 0.0), (1.0, 1.0)]) is None


def ends(angles: list[float], radius: float, centre: Position = HOME) -> list[LocatedPoint]:
    points = []
    for n, angle in enumerate(angles):
        east, north = radius * math.cos(math.radians(angle)), radius * math.sin(math.radians(angle))
        when = datetime(2024, 3, 1, 6, tzinfo=UTC) + timedelta(days=n // 2)
        points.append(
            LocatedPoint(
                offset_m(centre, east + (n % 3 - 1) * 3, north - (n % 2) * 3),
                when,
                f"strava/activities/{n // 2}.gpx",
                f"f-end-{n}",
                "route-endpoint",
            )
        )
    return points


def test_routes_ringing_a_zone_give_away_its_centre() -> None:
    angles = [10, 95, 200, 280, 12, 97, 198, 283, 11, 95, 201, 279, 9, 94, 202, 281, 10, 96]
    result = infer(ends(angles, 400))
    (finding,) = [f for f in result.findings if f.kind == "route-privacy-zone"]
    assert finding.severity is Severity.HIGH and finding.position is not None
    assert distance_m(finding.position, HOME) < 15
    assert "9 routes" in finding.title and "400 m" in finding.title
    assert "a bigger or new zone does not help" in finding.remediation.summary
    (place,) = result.places
    assert place.role is PlaceRole.HOME and finding.id in place.finding_ids
    assert distance_m(place.centre, HOME) < 15 and place.sources == (("route-endpoint", 9),)


def test_routes_from_the_front_door_are_no_zone() -> None:
    points = ends([0.0] * 12, 3)
    assert not [f for f in infer(points).findings if f.kind == "route-privacy-zone"]


def test_two_exits_only_are_not_enough_to_place_a_centre() -> None:
    points = ends([30, 210] * 8, 400)
    assert not [f for f in infer(points).findings if f.kind == "route-privacy-zone"]


def test_too_few_routes_are_not_enough() -> None:
    points = ends([10, 95, 200, 280, 12, 97, 198, 283], 400)  # four routes
    assert not [f for f in infer(points).findings if f.kind == "route-privacy-zone"]


def test_one_street_split_over_two_sectors_is_one_exit() -> None:
    circle = Circle(0.0, 0.0, 400.0, 0.0)
    spot = [(400 * math.cos(math.radians(a)), 400 * math.sin(math.radians(a))) for a in (9, 11)]
    assert exits(spot, circle) == 1  # 14 m apart: the same street, on both sides of 10 degrees
    three = [(400 * math.cos(math.radians(a)), 400 * math.sin(math.radians(a))) for a in (9, 120)]
    three.append((0.0, -400.0))
    assert exits(spot + three, circle) == 1  # lone ends at 120 and 270 degrees: no exits
    assert exits(spot + three + three, circle) == 3


def test_route_ends_at_two_spots_give_no_centre() -> None:
    """Routes from the front door plus a stray fix or two, and a zone whose routes leave at
    two spots only: both fit circles of every size.  The former check (three 10-degree
    sectors) gave a centre 120 to 450 m off for the first (personas 13, 28, 82 and 96), and
    for the second a centre by luck (persona 2028: 8 m off; the same layout with other GPS
    noise gives none or one 60 to 200 m off as often as one within 15 m)."""
    for seed in (13, 28, 82, 96):
        persona = make(seed)
        assert persona.zone is None and any(p.kind == "route-endpoint" for p in persona.points)
        assert not [f for f in infer(persona.points).findings if f.kind == "route-privacy-zone"]
    persona = make(2028, "zone")
    assert not [f for f in infer(persona.points).findings if f.kind == "route-privacy-zone"]


def test_routes_leaving_along_three_streets_give_the_centre_or_none() -> None:
    errors = zone_errors(range(4000, 4020), "streets")
    given = [e for e in errors if e < math.inf]
    assert len(given) >= 0.8 * len(errors), errors
    assert all(e <= 50 for e in given), errors
