"""Markup extractors: each location convention, as tables of (markup, expected clues)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from exposure.sources.web.extract.clues import ClueKind
from exposure.sources.web.extract.feeds import FeedError, read_feed
from exposure.sources.web.extract.geouri import parse_geo_uri
from exposure.sources.web.extract.meta import meta_clues
from exposure.sources.web.extract.microformats import microformat_clues
from exposure.sources.web.extract.page import largest_srcset, read_page
from exposure.sources.web.extract.structured import jsonld_clues, microdata_clues


def _summary(clues) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(c.kind.value, c.value) for c in clues]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<meta name="geo.position" content="52.5200;13.4050">',
            [("coordinates", "52.52000,13.40500")],
        ),
        ('<meta name="ICBM" content="52.52, 13.405">', [("coordinates", "52.52000,13.40500")]),
        ('<meta name="geo.placename" content="Berlin">', [("place", "berlin")]),
        (
            '<meta property="og:latitude" content="40.660109"><meta property="og:longitude" '
            'content="-73.953193"><meta property="og:street-address" content="497 Rogers Ave">',
            [("coordinates", "40.66011,-73.95319")],
        ),
        (
            '<meta property="place:location:latitude" content="-33.86"><meta '
            'property="place:location:longitude" content="151.2">',
            [("coordinates", "-33.86000,151.20000")],
        ),
        ('<meta property="og:postal-code" content="N1 6NU">', [("address", "n1 6nu")]),
        ('<meta property="og:locality" content="London">', [("place", "london")]),
        ('<meta name="geo.position" content="0;0">', []),  # null island is no place
        ('<meta name="ICBM" content="91, 200">', []),
        ('<meta name="geo.position" content="lat;lon">', []),
        ('<meta property="og:title" content="52.52, 13.40">', []),
    ],
)
def test_meta_tags(html: str, expected: list[tuple[str, str]]) -> None:
    assert _summary(meta_clues(LexborHTMLParser(html))) == expected


@pytest.mark.parametrize(
    ("json_ld", "expected"),
    [
        (
            '{"@type": "Place", "name": "Home", "geo": {"@type": "GeoCoordinates", '
            '"latitude": "48.8566", "longitude": 2.3522}}',
            [("coordinates", "48.85660,2.35220")],
        ),
        (
            '{"@graph": [{"@type": "LocalBusiness", "address": {"@type": "PostalAddress", '
            '"streetAddress": "1 Main St", "postalCode": "12345"}}]}',
            [("address", "1 main st, 12345")],
        ),
        ('{"@type": "Event", "location": "Lisbon"}', [("place", "lisbon")]),
        (
            '{"@type": "Person", "address": "221B Baker Street, London"}',
            [("address", "221b baker street, london")],
        ),
        ('{"@type": "Place", "latitude": 0, "longitude": 0}', []),
        ("{broken json", []),
        ("null", []),
    ],
)
def test_json_ld(json_ld: str, expected: list[tuple[str, str]]) -> None:
    html = f'<script type="application/ld+json">{json_ld}</script>'
    assert _summary(jsonld_clues(LexborHTMLParser(html))) == expected


def test_json_ld_nested_too_deep_is_bounded() -> None:
    deep = "[" * 5000 + "]" * 5000
    assert (
        jsonld_clues(LexborHTMLParser(f'<script type="application/ld+json">{deep}</script>')) == []
    )


def test_microdata_place_with_geo() -> None:
    html = """<div itemscope itemtype="https://schema.org/Place"><span itemprop="name">Cabin</span>
      <div itemprop="geo" itemscope itemtype="https://schema.org/GeoCoordinates">
        <meta itemprop="latitude" content="61.1"><meta itemprop="longitude" content="8.6"></div>
      <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
        <span itemprop="addressLocality">Lom</span></div></div>"""
    (clue,) = microdata_clues(LexborHTMLParser(html))
    assert clue.kind is ClueKind.COORDINATES and clue.name == "Cabin" and "Lom" in clue.text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p class="h-geo"><span class="p-latitude">51.5</span><span class="p-longitude">-0.1</span></p>',
            [("coordinates", "51.50000,-0.10000")],
        ),
        (
            '<p class="h-adr"><a class="u-geo" href="geo:51.5,-0.1">x</a></p>',
            [("coordinates", "51.50000,-0.10000")],
        ),
        (
            '<abbr class="geo" title="30.267991;-97.739568">Austin</abbr>',
            [("coordinates", "30.26799,-97.73957")],
        ),
        ('<p class="H-adr"><span class="p-street-address">1 A St</span></p>', []),  # case matters
        ('<p class="h-adr"><span class="P-street-address">1 A St</span></p>', []),
        ('<div class="h-event"><span class="p-location">Oslo</span></div>', [("place", "oslo")]),
        ('<div class="h-hidden-phone">52.1;13.1</div>', []),
        ('<span class="h-geo">51.513458;-0.14812</span>', []),  # only an implied name in mf2
    ],
)
def test_microformats(html: str, expected: list[tuple[str, str]]) -> None:
    assert _summary(microformat_clues(LexborHTMLParser(html))) == expected


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("geo:13.4125,103.8667", ("13.4125", "103.8667", None, None)),
        ("geo:48.2010,16.3695,183;u=40", ("48.2010", "16.3695", "183", "40")),
        ("geo:51.526421;-0.081067;crs=wgs84;u=40", ("51.526421", "-0.081067", None, "40")),
        ("GEO:1,2", ("1", "2", None, None)),
        ("geo:1,2;crs=moon-2011", None),
        ("geo:1", None),
        ("https://example.org/", None),
    ],
)
def test_geo_uris(uri: str, expected: tuple[str, str, str | None, str | None] | None) -> None:
    assert parse_geo_uri(uri) == expected


@pytest.mark.parametrize(
    ("srcset", "expected"),
    [
        ("a.jpg 300w, b.jpg 1200w, c.jpg 800w", "b.jpg"),
        ("a.jpg, b.jpg 2x", "b.jpg"),
        ("https://cdn.example/w_300,h_200/a.jpg 300w, https://cdn.example/w_900,h_600/a.jpg 900w",
         "https://cdn.example/w_900,h_600/a.jpg"),
        ("", None),
    ],
)  # fmt: skip
def test_largest_srcset(srcset: str, expected: str | None) -> None:
    assert largest_srcset(srcset) == expected


def test_page_reader_resolves_links_images_and_feeds() -> None:
    page = read_page(
        """<html><head><base href="https://site.example/blog/"><title> T </title>
        <link rel="alternate" type="application/atom+xml" href="atom.xml">
        <link rel="alternate" type="application/activity+json" href="/users/me">
        <link rel="https://api.w.org/" href="https://site.example/wp-json/">
        <meta property="og:image" content="/og.jpg"></head><body>
        <a href="post#top">p</a><a href="mailto:x@y">m</a><a href="doc.pdf">d</a>
        <a href="photo.JPG">o</a><img data-src="lazy.webp"><script>var secret = 1;</script>
        <a href="https://maps.google.com/?q=52.5,13.4">map</a></body></html>""",
        "https://site.example/blog/index.html",
    )
    assert page.links == ("https://site.example/blog/post",)
    assert set(page.images) == {
        "https://site.example/blog/lazy.webp",
        "https://site.example/blog/photo.JPG",
        "https://site.example/og.jpg",
    }
    assert page.feeds == ("https://site.example/blog/atom.xml",)
    assert page.activitypub == "https://site.example/users/me"
    assert page.wordpress_api == "https://site.example/wp-json/"
    assert page.maps == ("https://maps.google.com/?q=52.5,13.4",)
    assert "secret" not in page.text and page.title == "T"


def test_feeds_georss_simple_gml_and_w3c() -> None:
    feed = read_feed(
        b"""<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss"
          xmlns:gml="http://www.opengis.net/gml"><title>t</title>
          <entry><title>one</title><link href="https://x.example/1"/>
            <georss:where><gml:Point><gml:pos>45.256 -71.92</gml:pos></gml:Point></georss:where>
            <updated>2024-05-01T10:00:00Z</updated></entry>
          <entry><title>two</title><link rel="alternate" href="https://x.example/2"/>
            <link rel="enclosure" type="image/jpeg" href="https://x.example/2.jpg"/>
            <georss:featureName>Lisbon</georss:featureName></entry></feed>"""
    )
    one, two = feed.items
    assert one.link == "https://x.example/1" and _summary(one.clues) == [
        ("coordinates", "45.25600,-71.92000")
    ]
    assert one.published is not None and one.published.year == 2024
    assert two.media == ("https://x.example/2.jpg",) and _summary(two.clues) == [
        ("place", "lisbon")
    ]


@pytest.mark.parametrize(
    "hostile",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b"<rss><channel><title>&b;</title></channel></rss>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><title>&x;</title></channel></rss>",
        b"<rss><channel><item>",
        b"<html><body>not a feed</body></html>",
    ],
)
def test_hostile_or_broken_feeds_are_refused(hostile: bytes) -> None:
    with pytest.raises(FeedError):
        read_feed(hostile)


@pytest.mark.parametrize(
    ("label", "is_place"),
    [
        ("Location", True), ("📍", True), ("Based in", True), ("City", True), ("Lives in", True),
        ("Hometown", True), ("Wohnort", True), ("Home page", False), ("Where to find me", False),
        ("Pronouns", False), ("Website", False), ("GitHub", False),
    ],
)  # fmt: skip
def test_profile_field_labels_that_announce_a_place(label: str, is_place: bool) -> None:
    from exposure.sources.web.findings import is_location_label

    assert is_location_label(label) is is_place
