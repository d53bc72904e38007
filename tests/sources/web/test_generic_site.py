"""A personal website end to end through the CLI: markup, feeds, images, scope, manners."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.testing.webserver import FixtureServer, data, page
from tests.sources.web.conftest import (
    Audit,
    by_kind,
    evidence_locators,
    geotagged_jpeg,
    remedy,
    skipped,
)

HOME = (52.520008, 13.404954)
CABIN = (61.123456, 8.654321)
FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:georss="http://www.georss.org/georss"
     xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#">
<channel><title>My blog</title>
<item><title>Weekend at the cabin</title><link>{base}/posts/cabin</link>
  <description>&lt;p&gt;Quiet days.&lt;/p&gt;&lt;img src="/media/cabin.jpg"&gt;</description>
  <pubDate>Sat, 04 May 2024 10:00:00 GMT</pubDate>
  <georss:point>61.123456 8.654321</georss:point></item>
<item><title>No place here</title><link>{base}/posts/plain</link>
  <geo:lat>0</geo:lat><geo:long>0</geo:long></item>
</channel></rss>"""


def blog(server: FixtureServer) -> None:
    """A small personal site that leaks in every way the crawler reads."""
    base = server.url("").rstrip("/")
    server.routes.update(
        {
            "/": page(
                """<html><head><title>Jamie's corner</title>
                <meta name="geo.position" content="52.520008;13.404954">
                <link rel="alternate" type="application/rss+xml" href="/feed.xml">
                <script type="application/ld+json">{"@type": "Person", "address":
                  {"@type": "PostalAddress", "streetAddress": "12 Example Street",
                   "addressLocality": "Berlin", "postalCode": "10115"}}</script>
                </head><body><h1>Hello</h1>
                <img srcset="/media/small.jpg 300w, /media/large.jpg 1200w" src="/media/small.jpg">
                <a href="/media/original.jpg">full size</a>
                <a href="/about">About</a> <a href="/posts/cabin#comments">Cabin</a>
                <a href="http://127.0.0.9:9/elsewhere">a friend's site</a>
                <a href="/missing">old link</a>
                <iframe src="https://www.openstreetmap.org/export/embed.html?bbox=13.40,52.51,13.41,52.53&amp;marker=52.52,13.405"></iframe>
                </body></html>"""
            ),
            "/about": page(
                '<p class="h-card"><span class="p-locality">Berlin</span> '
                '<a class="u-geo" href="geo:52.520008,13.404954;u=10">map</a></p>'
            ),
            "/posts/cabin": page("<p>Photos from the cabin.</p>"),
            "/feed.xml": page(FEED.format(base=base), "application/rss+xml"),
            "/media/small.jpg": data(b"\xff\xd8\xff\xd9", "image/jpeg"),
            "/media/large.jpg": data(geotagged_jpeg(*HOME, padding=400_000), "image/jpeg"),
            "/media/original.jpg": data(geotagged_jpeg(*HOME), "image/jpeg"),
            "/media/cabin.jpg": data(geotagged_jpeg(*CABIN), "image/jpeg"),
        }
    )


def test_personal_site_leaks_are_found_with_page_and_remedy(
    server: FixtureServer, audit: Audit
) -> None:
    blog(server)
    report = audit(server.url("/"))
    kinds = by_kind(report)
    site = server.url("/")

    (coordinates,) = kinds["web-coordinates"]
    assert coordinates["group"] == site
    assert coordinates["location"] == pytest.approx({"lat": HOME[0], "lon": HOME[1]})
    # The meta tag on / and the geo: link on /about are the same place: one finding.
    assert {e["locator"] for e in coordinates["evidence"]} == {site, server.url("/about")}
    assert all(s["source"] and s["checked"] for s in remedy(report, coordinates)["steps"])

    (address,) = kinds["web-address"]
    assert "12 Example Street" in address["title"] and "10115" in address["evidence"][0]["detail"]

    (feed,) = kinds["web-feed-location"]
    assert feed["locator"] == server.url("/posts/cabin")
    assert feed["location"] == pytest.approx({"lat": CABIN[0], "lon": CABIN[1]})

    # Photos: the largest srcset entry (fetched by its head only), the linked original, and
    # the image inside the feed item; each in the site's group.
    gps = {f["locator"]: f for f in kinds["photo-gps"]}
    assert set(gps) >= {server.url("/media/original.jpg"), server.url("/media/cabin.jpg")}
    assert server.url("/media/large.jpg") in evidence_locators(report, "photo-gps")
    assert all(f["group"] == site for f in kinds["photo-gps"])

    reasons = skipped(report)
    assert reasons[server.url("/missing")] == "the server answered 404 Not Found"
    assert not any("elsewhere" in locator for locator in reasons)


def test_crawl_stays_inside_the_site_and_asks_for_image_heads(
    server: FixtureServer, audit: Audit
) -> None:
    blog(server)
    audit(server.url("/"))
    paths = server.paths()
    assert paths[0] == "/robots.txt"
    assert paths.count("/posts/cabin") == 1  # the #comments link is the same page
    assert all(not p.startswith("/elsewhere") for p in paths)
    image_requests = [r for r in server.log if r.path == "/media/large.jpg"]
    assert [r.headers.get("range") for r in image_requests] == ["bytes=0-262143"]
    assert all(r.headers["user-agent"].startswith("exposure/") for r in server.log)


def test_map_embeds_and_visible_text_go_to_the_text_detectors(server: FixtureServer) -> None:
    from exposure.options import Options, WebOptions
    from exposure.sources.web import WebSource

    blog(server)
    source = WebSource(server.url("/"), Options(inputs=("x",), web=WebOptions(delay=0)))
    items = [e for e in source.iter_items() if getattr(e, "text", None)]
    maps = [i for i in items if i.kind == "page-map-link"]
    assert [m.text for m in maps] == [
        "https://www.openstreetmap.org/export/embed.html?bbox=13.40,52.51,13.41,52.53&marker=52.52,13.405"
    ]
    pages = {i.locator: i.text for i in items if i.kind == "page"}
    assert pages[server.url("/")].startswith("Jamie's corner\nHello")
    posts = [i for i in items if i.kind == "post"]
    assert [p.text for p in posts] == ["Weekend at the cabin\nQuiet days.", "No place here"]
    assert posts[0].timestamp is not None and posts[0].timestamp.year == 2024


def test_limits_are_reported_as_not_checked(server: FixtureServer, audit: Audit) -> None:
    blog(server)
    report = audit(server.url("/"), "--max-pages", "2", "--max-images", "1")
    lines = [s["reason"] for s in report["skipped"] if s["locator"] == server.url("/")]
    assert any(r.startswith("stopped at 2 pages (see --max-pages)") for r in lines)
    assert any(r.startswith("stopped at 1 image (see --max-images)") for r in lines)
    assert len([p for p in server.paths() if p.startswith("/media/")]) == 1


def test_profile_path_on_a_shared_host_is_crawled_alone(
    server: FixtureServer, audit: Audit
) -> None:
    server.routes.update(
        {
            "/~jamie/": page('<a href="/~jamie/trips">trips</a> <a href="/~alex/">a neighbour</a>'),
            "/~jamie/trips": page('<meta name="ICBM" content="48.8566, 2.3522">'),
            "/~alex/": page('<meta name="ICBM" content="40.0, -3.0">'),
        }
    )
    report = audit(server.url("/~jamie/"))
    assert evidence_locators(report, "web-coordinates") == {server.url("/~jamie/trips")}
    assert "/~alex/" not in server.paths()


def test_robots_txt_is_honoured_unless_told_otherwise(server: FixtureServer, audit: Audit) -> None:
    server.routes.update(
        {
            "/robots.txt": page("User-agent: *\nDisallow: /private/\n", "text/plain"),
            "/": page('<a href="/private/notes">notes</a>'),
            "/private/notes": page('<meta name="ICBM" content="48.8566, 2.3522">'),
        }
    )
    report = audit(server.url("/"))
    reason = skipped(report)[server.url("/private/notes")]
    assert "robots.txt" in reason and "--ignore-robots" in reason
    assert "/private/notes" not in server.paths()
    report = audit(server.url("/"), "--ignore-robots")
    assert evidence_locators(report, "web-coordinates") == {server.url("/private/notes")}


def test_requests_per_host_stay_within_the_concurrency(server: FixtureServer, audit: Audit) -> None:
    import time

    def slow(request):  # overlapping requests would show up in the in-flight count
        time.sleep(0.05)
        return page("<p>x</p>")(request)

    links = "".join(f'<a href="/p{i}">{i}</a>' for i in range(12))
    server.routes.update({"/": page(links), "/p*": slow})
    audit(server.url("/"), "--concurrency", "2")
    assert server.most_in_flight <= 2
    assert len([p for p in server.paths() if p.startswith("/p")]) == 12


def test_delay_spaces_requests_to_one_host(server: FixtureServer, cli) -> None:
    """Spacing as the server's own log saw it: a lower bound with room for scheduling
    jitter on a loaded machine (the first request may be handled late, the next one early),
    so it cannot flake; the exact figures belong to bench/crawl.py."""
    server.routes.update(
        {"/": page('<a href="/a">a</a><a href="/b">b</a>'), "/a": page("<p>a</p>"), "/b": page("b")}
    )
    result = cli("audit", server.url("/"), "--delay", "1", "--json", "-", "-q")
    assert result.code in (0, 1)
    log = [r for r in server.requests() if r.path in ("/", "/a", "/b")]
    assert [r.path for r in log][0] == "/" and len(log) == 3
    gaps = [later.at - earlier.at for earlier, later in zip(log, log[1:], strict=False)]
    assert min(gaps) >= 0.5, gaps  # a delay of 1 s, however the handlers were scheduled


def test_html_checklist_lists_web_findings_under_the_site(
    server: FixtureServer, cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from selectolax.lexbor import LexborHTMLParser

    blog(server)
    result = cli("audit", server.url("/"), "--delay", "0", "--html", "r.html", "-q")
    assert result.code == 1, result.err
    page = LexborHTMLParser((tmp_path / "r.html").read_text(encoding="utf-8"))
    text = page.body.text() if page.body else ""
    assert server.url("/") in text and "12 Example Street" in text
    assert not page.css("img[src^='http'], script[src], link[href^='http']")


def test_the_crawl_tells_the_progress_display_how_far_it_is(server: FixtureServer) -> None:
    # A polite crawl is slow by design: the user sees it advance, counted per fetch.
    from exposure.options import Options, WebOptions
    from exposure.sources.web import WebSource

    blog(server)
    told: list[tuple[str, int, int | None, str]] = []
    source = WebSource(server.url("/"), Options(inputs=("x",), web=WebOptions(delay=0)))
    source.activity = lambda label, done, total, unit="bytes": told.append(
        (label, done, total, unit)
    )
    list(source.iter_items())
    assert told, "nothing was reported"
    assert {(label, unit) for label, _, _, unit in told} == {(server.url("/"), "pages and images")}
    counts = [done for _, done, _, _ in told]
    assert counts == list(range(1, len(counts) + 1))
    assert all(total is not None and done <= total for _, done, total, _ in told)
    fetched = [p for p in server.paths() if p != "/robots.txt"]
    assert counts[-1] == len(fetched)


def test_a_page_that_could_not_be_fetched_is_said_in_the_reports_language(
    server: FixtureServer, audit: Audit, tmp_path: Path
) -> None:
    blog(server)
    report = audit(server.url("/"), "--lang", "es", "--html", "r.html")
    assert skipped(report)[server.url("/missing")] == "the server answered 404 Not Found"
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "el servidor respondió 404 Not Found" in page
    assert "the server answered 404" not in page
