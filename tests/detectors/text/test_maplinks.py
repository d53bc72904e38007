"""Map links and what3words addresses: table tests, decoders, and what is not a map link."""

from __future__ import annotations

import pytest

from exposure.detectors.text import MapLinkDetector
from exposure.detectors.text.mapurls import decode_map_url, geohash_centre
from exposure.model import Confidence
from tests.detectors.text.helpers import found, near

DETECTOR = MapLinkDetector()

GOOGLE_PLACE = (
    "https://www.google.com/maps/place/Brandenburg+Gate/@52.5162746,13.3755154,17z/data=!3m1"
    "!4b1!4m6!3m5!1s0x47a851c655f20989:0x26bbfb4e84674c63!8m2!3d52.5162746!4d13.3777041"
)


@pytest.mark.parametrize(
    ("url", "service", "lat", "lon"),
    [
        # the place's own point (!3d!4d) wins over the map view (@)
        (GOOGLE_PLACE, "Google Maps", 52.5162746, 13.3777041),
        (
            "https://www.google.com/maps/@48.8583701,2.2944813,17z",
            "Google Maps",
            48.8583701,
            2.2944813,
        ),
        ("maps.google.com/?q=40.7128,-74.0060", "Google Maps", 40.7128, -74.006),
        ("https://maps.google.de/maps?ll=52.52,13.405&z=14", "Google Maps", 52.52, 13.405),
        (
            "https://www.google.com/maps/search/?api=1&query=47.5951518%2C-122.3316393",
            "Google Maps",
            47.5951518,
            -122.3316393,
        ),
        (
            "https://www.google.com/maps/dir/?api=1&destination=34.0522,-118.2437",
            "Google Maps",
            34.0522,
            -118.2437,
        ),
        (
            "https://www.google.com/maps/@?api=1&map_action=pano&viewpoint=48.857832,2.295226",
            "Google Maps",
            48.857832,
            2.295226,
        ),
        ("https://www.google.com/maps?q=9F4MGCC2%2B2X", "Google Maps", 52.5200625, 13.4024375),
        (
            "https://www.google.de/maps/place/52%C2%B031'12.0%22N+13%C2%B024'17.8%22E",
            "Google Maps",
            52.52,
            13.404944,
        ),
        (
            "https://maps.apple.com/?ll=50.894967,4.341626&q=Atomium",
            "Apple Maps",
            50.894967,
            4.341626,
        ),
        (
            "https://maps.apple.com/place?coordinate=37.3349,-122.0090&name=Apple+Park",
            "Apple Maps",
            37.3349,
            -122.009,
        ),
        (
            "https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=17/52.52/13.405",
            "OpenStreetMap",
            52.52,
            13.405,
        ),
        (
            "https://www.openstreetmap.org/#map=17/52.51628/13.37771",
            "OpenStreetMap",
            52.51628,
            13.37771,
        ),
        (
            "https://www.openstreetmap.org/directions?route=52.5170%2C13.3889%3B52.5206%2C13.4094",
            "OpenStreetMap",
            52.517,
            13.3889,
        ),
        (
            "https://www.bing.com/maps?cp=47.677797~-122.122013&lvl=12",
            "Bing Maps",
            47.677797,
            -122.122013,
        ),
        (
            "https://bing.com/maps/default.aspx?sp=point.47.6_-122.3_Seattle",
            "Bing Maps",
            47.6,
            -122.3,
        ),
        (
            "https://waze.com/ul?ll=45.6906304,-120.810983&navigate=yes",
            "Waze",
            45.6906304,
            -120.810983,
        ),
        ("https://www.waze.com/live-map/directions?to=ll.52.5200,13.4050", "Waze", 52.52, 13.405),
        ("https://wego.here.com/?map=52.5308,13.3847,15,normal", "HERE WeGo", 52.5308, 13.3847),
        ("https://share.here.com/l/52.5308,13.3847,Berlin?z=15", "HERE WeGo", 52.5308, 13.3847),
        ("https://weather.example-forecasts.net/?lat=52.52&lon=13.405", "web", 52.52, 13.405),
    ],
)
def test_decodes_position(url: str, service: str, lat: float, lon: float) -> None:
    link = decode_map_url(url)
    assert link is not None and link.service == service
    assert near(link.position, lat, lon, metres=5), link.position


@pytest.mark.parametrize(
    ("url", "place"),
    [
        ("https://maps.google.com/?q=Joe's+Cafe+5th+Ave", "Joe's Cafe 5th Ave"),
        ("https://www.google.com/maps/place/Tartine+Bakery/", "Tartine Bakery"),
        (
            "https://maps.apple.com/?address=1+Infinite+Loop,+Cupertino,+CA",
            "1 Infinite Loop, Cupertino, CA",
        ),
        ("https://www.openstreetmap.org/search?query=Alexanderplatz", "Alexanderplatz"),
        ("https://www.bing.com/maps?where1=Space+Needle", "Space Needle"),
        ("https://waze.com/ul?q=Central+Park", "Central Park"),
    ],
)
def test_decodes_place_search(url: str, place: str) -> None:
    link = decode_map_url(url)
    assert link is not None and link.position is None and link.place == place


@pytest.mark.parametrize(
    "url",
    [
        "https://maps.app.goo.gl/uK5p9aBcD3eF",
        "https://goo.gl/maps/AbC123xyz",
        "https://maps.apple/p/Vh0aBcDeFg",
        "https://osm.org/go/0EEQjE--",
        "https://waze.to/abc",
        "https://her.is/3aBcD",
    ],
)
def test_short_links_are_flagged_unresolved(url: str) -> None:
    (hit,) = DETECTOR.find(f"look: {url}")
    assert hit.kind == "text-map-link" and hit.position is None
    assert hit.confidence is Confidence.MEDIUM and hit.note and "open it yourself" in hit.note


def test_geohash_matches_the_published_example() -> None:
    lat, lon = geohash_centre("ezs42")  # Wikipedia's worked example: 42.6, -5.6
    assert abs(lat - 42.605) < 0.01 and abs(lon - -5.603) < 0.01


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meet me at ///filled.count.soap!", [("text-what3words", "///filled.count.soap")]),
        (
            "https://w3w.co/daring.lion.race",
            [("text-what3words", "https://w3w.co/daring.lion.race")],
        ),
        ("///tisch.stuhl.löffel", [("text-what3words", "///tisch.stuhl.löffel")]),
        (
            "see https://maps.google.com/?q=51.5,-0.12.",
            [("text-map-link", "https://maps.google.com/?q=51.5,-0.12")],
        ),
        (
            "(https://maps.google.com/?q=51.5,-0.12)",
            [("text-map-link", "https://maps.google.com/?q=51.5,-0.12")],
        ),
        ("file:///home/user/a.b.c", []),
        ("path/to///file.txt", []),
        ("https://www.google.com/maps", []),
        ("https://developers.google.com/maps/documentation", []),
        ("https://maps.googleapis.com/maps/api/js?key=XYZ", []),
        ("https://www.google.com/maps/@0,0,2z", []),
        ("https://example.com/?lat=52.5&lon=13.4", []),  # a documentation example domain
        ("https://site.test/?lat=52.5&lon=13.4", []),
        ("https://a.org/?lat=0&lon=0", []),
        ("https://www.bing.com/search?q=pizza", []),
        ("https://wiki.openstreetmap.org/wiki/Shortlink", []),
        ("`https://maps.google.com/?q=51.5,-0.12`", []),
        ("```\nhttps://www.google.com/maps/@52.52,13.40,15z\n```", []),
    ],
)
def test_finds(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(DETECTOR, text) == expected


def test_link_owns_its_coordinates() -> None:
    """A map link is one finding: its numbers are not also reported as coordinates."""
    from exposure.detectors.text import scan_text

    kinds = [hit.kind for hit in scan_text("https://www.google.com/maps/@48.85837,2.29448,17z")]
    assert kinds == ["text-map-link"]
