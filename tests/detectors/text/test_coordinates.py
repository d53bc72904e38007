"""Coordinates in text: table tests (what is found, where it decodes to, what is refused)."""

from __future__ import annotations

import pytest

from exposure.detectors.text import CoordinatesDetector
from tests.detectors.text.helpers import found, near

DETECTOR = CoordinatesDetector()


@pytest.mark.parametrize(
    ("text", "matched", "lat", "lon"),
    [
        ("see 52.520008, 13.404954 tonight", "52.520008, 13.404954", 52.520008, 13.404954),
        ("at -33.8688,151.2093", "-33.8688,151.2093", -33.8688, 151.2093),
        ("home: 59.329323 18.068581", "59.329323 18.068581", 59.329323, 18.068581),
        ("Geo:(51.526421;-0.081067)", "51.526421;-0.081067", 51.526421, -0.081067),
        ("40.7128° N, 74.0060° W", "40.7128° N, 74.0060° W", 40.7128, -74.006),
        ("52°31'12.0\"N 13°24'17.8\"E", "52°31'12.0\"N 13°24'17.8\"E", 52.52, 13.404944),
        ("48°51′29.6″N 2°17′40.2″E", "48°51′29.6″N 2°17′40.2″E", 48.858222, 2.2945),
        ("N 52° 31.200 E 013° 24.300", "N 52° 31.200 E 013° 24.300", 52.52, 13.405),
        ("S 33° 52.129 E 151° 12.558", "S 33° 52.129 E 151° 12.558", -33.868817, 151.2093),
        ("13°24'E 52°31'N", "13°24'E 52°31'N", 52.516667, 13.4),  # longitude first
        ("N52.5200 E13.4050", "N52.5200 E13.4050", 52.52, 13.405),
        ("lat: 35.6762, lon: 139.6503", "lat: 35.6762, lon: 139.6503", 35.6762, 139.6503),
        ("latitude=-34.60 longitude=-58.38", "latitude=-34.60 longitude=-58.38", -34.6, -58.38),
        ("+48.8584+002.2945+035.000/", "+48.8584+002.2945+035.000/", 48.8584, 2.2945),
        ("+4851.50+00217.67/", "+4851.50+00217.67/", 48.858333, 2.294500),
        (
            "geo:37.786971,-122.399677;u=35",
            "geo:37.786971,-122.399677;u=35",
            37.786971,
            -122.399677,
        ),
        ("geo:52,13", "geo:52,13", 52.0, 13.0),
        ("geo:0,0?q=34.99,-106.61(Treasure)", "geo:0,0?q=34.99,-106.61(Treasure)", 34.99, -106.61),
    ],
)
def test_decodes(text: str, matched: str, lat: float, lon: float) -> None:
    (hit,) = DETECTOR.find(text)
    assert (hit.kind, hit.text) == ("text-coordinates", matched)
    assert text[hit.start : hit.end] == matched
    assert near(hit.position, lat, lon), hit.position


def test_geo_uri_search_is_a_place_without_position() -> None:
    (hit,) = DETECTOR.find("geo:0,0?q=1600+Amphitheatre+Parkway")
    assert hit.position is None and hit.place == "1600 Amphitheatre Parkway"


@pytest.mark.parametrize(
    "text",
    [
        "12.30, 13.45",  # times with a dot
        "version 2.3.4, 2.3.5",
        "192.168.1.1, 10.0.0.1",
        "€12.5000, 13.0000",
        "ratio 0.5432, 0.1234",
        "score 45.1234, 46.5678",
        "12.3456, 23.4567, 34.5678",  # a list, not a pair
        "52.5200, 13.4050 seconds",
        "25.5°, 30.2°",  # temperatures
        "52° N, 13° E",  # whole degrees only: a region, not a place
        "52.52, 13.40",  # bare pair with two decimals
        "0.000000, 0.000000",
        "95.1234, 13.4050",  # latitude out of range
        "52°31'12\"N 13°24'18\"N",  # two latitudes
        "+1-555-123-4567",
        "`52.520008, 13.404954`",
        "```\nx = (52.520008, 13.404954)\n```",
        "<pre>52.520008, 13.404954</pre>",
        "https://maps.google.com/?q=52.520008,13.404954",  # the map-link detector's
        "x = 52.520008, 13.404954",
        "18.00 W, 20.00 W charger",
    ],
)
def test_refuses(text: str) -> None:
    assert found(DETECTOR, text) == []


def test_value_is_rounded_so_one_place_is_one_finding() -> None:
    a, b = DETECTOR.find("52.5200081, 13.4049541"), DETECTOR.find("52.520008, 13.404954")
    assert a[0].value == b[0].value == "52.52001,13.40495"
