"""Plus codes: full codes decode to their box's centre; short codes need a town after them."""

from __future__ import annotations

import pytest
from openlocationcode import openlocationcode as olc

from exposure.detectors.text import PlusCodeDetector
from exposure.geo import Position, distance_m
from exposure.model import Confidence
from tests.detectors.text.helpers import found, near

DETECTOR = PlusCodeDetector()


@pytest.mark.parametrize(
    ("text", "code", "lat", "lon"),
    [
        ("Pickup point 9F4MGCC2+2X", "9F4MGCC2+2X", 52.5200625, 13.4024375),
        ("Plus code: 849VCWC8+R9.", "849VCWC8+R9", 37.422, -122.0841),
        ("4RRH46V8+74 steps", "4RRH46V8+74", -33.8568, 151.2153),
        ("8FVC9GGR+QMX", "8FVC9GGR+QMX", 47.3769, 8.5417),  # 11 digits: a 3 m box
    ],
)
def test_full_codes_decode(text: str, code: str, lat: float, lon: float) -> None:
    (hit,) = DETECTOR.find(text)
    assert hit.text == code and hit.confidence is Confidence.HIGH
    assert near(hit.position, lat, lon, metres=15), hit.position


@pytest.mark.parametrize(
    ("text", "locality"),
    [
        ("GCC2+2X Berlin", "Berlin"),
        ("Short code CWC8+R9 Mountain View, California", "Mountain View, California"),
        ("9GGR+QM Zürich", "Zürich"),
    ],
)
def test_short_codes_need_a_town(text: str, locality: str) -> None:
    (hit,) = DETECTOR.find(text)
    assert hit.position is None and hit.place == locality
    assert hit.confidence is Confidence.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "C++ and C#",
        "Part no. CWC8+R9 in stock",  # a short code without a town
        "9f4mgcc2+2x",  # lower case: not how apps write them
        "VVVV+WW",
        "X4MGCC2+2X22",
        "`9F4MGCC2+2X`",
        "https://www.google.com/maps?q=9F4MGCC2%2B2X",  # the map-link detector's
        "CFX2+2X",  # a short code alone
    ],
)
def test_refuses(text: str) -> None:
    assert found(DETECTOR, text) == []


def test_ten_digit_box_is_about_14_metres() -> None:
    """The figure in the catalogue's "why" line comes from decoding a code."""
    area = olc.decode("9F4MGCC2+2X")
    south = Position(area.latitudeLo, area.longitudeCenter)
    north = Position(area.latitudeHi, area.longitudeCenter)
    assert 13 < distance_m(south, north) < 15
