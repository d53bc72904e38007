from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exposure.geo import (
    Position,
    PositionProblem,
    check_position,
    distance_m,
    dms_to_degrees,
    make_position,
)


@pytest.mark.parametrize(
    ("lat", "lon", "problem"),
    [
        (52.52, 13.405, None),
        (-33.8688, 151.2093, None),
        (90.0, 180.0, None),
        (0.0, 0.0, PositionProblem.ZERO),
        (None, 13.0, PositionProblem.EMPTY),
        (91.0, 13.0, PositionProblem.OUT_OF_RANGE),
        (4294967295.0, 0.5, PositionProblem.OUT_OF_RANGE),
        (10.0, -180.5, PositionProblem.OUT_OF_RANGE),
        (math.nan, 1.0, PositionProblem.NOT_A_NUMBER),
        (math.inf, 1.0, PositionProblem.NOT_A_NUMBER),
    ],
)
def test_check_position(
    lat: float | None, lon: float | None, problem: PositionProblem | None
) -> None:
    assert check_position(lat, lon) == problem
    made = make_position(lat, lon)
    assert isinstance(made, Position) == (problem is None)


def test_zero_on_one_axis_is_a_real_place() -> None:
    # The equator and the prime meridian are real places; only the pair (0, 0) is a placeholder.
    assert check_position(0.0, 36.05) is None
    assert check_position(51.47, 0.0) is None


def test_dms_hemispheres() -> None:
    assert dms_to_degrees(52, 31, 12.5, "N") == pytest.approx(52.5201389, abs=1e-7)
    assert dms_to_degrees(13, 24, 1.2, "W") == pytest.approx(-13.4003333, abs=1e-7)
    assert dms_to_degrees(33, 52, 0, "S") < 0


def test_distance_known_value() -> None:
    # Berlin Hauptbahnhof to Brandenburger Tor is about 1.2 km.
    a, b = Position(52.5251, 13.3694), Position(52.5163, 13.3777)
    assert 1050 < distance_m(a, b) < 1250


@given(
    st.floats(-90, 90, allow_nan=False),
    st.floats(-180, 180, allow_nan=False),
    st.integers(0, 6),
)
def test_rounding_stays_close(lat: float, lon: float, decimals: int) -> None:
    pos = Position(lat, lon)
    rounded = pos.rounded(decimals)
    assert abs(rounded.lat - lat) <= 0.5 * 10**-decimals + 1e-12
    assert abs(rounded.lon - lon) <= 0.5 * 10**-decimals + 1e-12
