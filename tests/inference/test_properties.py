"""Properties of the places, whatever the points (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from exposure.geo import Position
from exposure.inference import infer
from exposure.model import LocatedPoint, PlaceRole

_points = st.lists(
    st.tuples(
        st.floats(45.70, 45.80),
        st.floats(4.80, 4.90),
        st.integers(0, 60 * 24 * 40),
        st.sampled_from(["photo-gps", "google-location-history", "route-endpoint"]),
    ),
    min_size=1,
    max_size=120,
)


def located(raw: list[tuple[float, float, int, str]]) -> list[LocatedPoint]:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        LocatedPoint(Position(lat, lon), start + timedelta(minutes=m), f"f{n}", f"id{n}", kind)
        for n, (lat, lon, m, kind) in enumerate(raw)
    ]


@settings(max_examples=60, deadline=None)
@given(_points)
def test_places_lie_among_their_points_and_count_each_point_once(raw: list) -> None:
    points = located(raw)
    places = infer(points).places
    lats = [p.position.lat for p in points]
    lons = [p.position.lon for p in points]
    for place in places:
        assert min(lats) - 1e-6 <= place.centre.lat <= max(lats) + 1e-6
        assert min(lons) - 1e-6 <= place.centre.lon <= max(lons) + 1e-6
        assert place.radius_m > 0 and place.reason
    assert sum(p.points for p in places) <= len(points)
    assert sum(p.role is PlaceRole.HOME for p in places) <= 1
    assert sum(p.role is PlaceRole.WORK for p in places) <= 1
    assert len({p.id for p in places}) == len(places)
