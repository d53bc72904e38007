"""Each platform adapter end to end against a loopback fixture shaped like the real service."""

from __future__ import annotations

import pytest

from exposure.audit import run
from exposure.options import Options, WebOptions
from exposure.sources.web import WebSource
from exposure.testing.webserver import FixtureServer
from tests.sources.web import platforms
from tests.sources.web.conftest import Audit, by_kind, evidence_locators, remedy, skipped


def test_mastodon_profile_fields_posts_and_media(server: FixtureServer, audit: Audit) -> None:
    platforms.mastodon(server)
    report = audit(server.url("/@alice"))
    group = f"Mastodon @alice@127.0.0.1:{server.port}"
    (where,) = by_kind(report)["web-profile-location"]
    assert where["group"] == group and "Porto, Portugal" in where["title"]
    assert "Preferences > Public profile" in remedy(report, where)["steps"][1]["text"]
    (photo,) = by_kind(report)["photo-gps"]
    assert photo["locator"].endswith("/original/balcony.jpg") and photo["group"] == group
    paths = server.paths()
    assert any("max_id=11" in p for p in paths) and any("max_id=10" in p for p in paths)
    assert report["summary"]["items_checked"] >= 6  # bio, fields, 3 posts, alt text, images


def test_mastodon_closed_api_falls_back_to_the_rss_feed(
    server: FixtureServer, audit: Audit
) -> None:
    platforms.mastodon(server, api_open=False)
    report = audit(server.url("/@alice"))
    reason = skipped(report)[server.url("/@alice")]
    assert "401" in reason and "RSS feed is read instead" in reason
    assert "/@alice.rss" in server.paths()
    assert [f["locator"] for f in by_kind(report)["photo-gps"]] == [
        server.url("/system/media_attachments/files/1/original/balcony.jpg")
    ]


def test_pixelfed_post_places_come_from_activitypub(server: FixtureServer, audit: Audit) -> None:
    platforms.pixelfed(server)
    report = audit(server.url("/alice"))
    group = f"Pixelfed profile @alice@127.0.0.1:{server.port}"
    (place,) = by_kind(report)["web-post-place"]
    assert place["group"] == group and place["locator"] == server.url("/p/alice/1")
    assert place["location"] == pytest.approx(
        {"lat": platforms.PORTO[0], "lon": platforms.PORTO[1]}
    )
    assert place["evidence"][0]["place_name"] == "Porto, Portugal"
    assert "Pixelfed" in remedy(report, place)["steps"][1]["text"]
    (field,) = by_kind(report)["web-profile-location"]
    assert "Ribeira, Porto" in field["title"]
    assert server.url("/storage/m/1.jpg") in evidence_locators(report, "photo-gps")
    paths = server.paths()
    assert "/users/alice/outbox?page=2" in paths
    assert "/bob" not in paths  # another user on the same server: never visited
    accept = next(r.headers["accept"] for r in server.log if r.path == "/users/alice")
    assert "application/activity+json" in accept


def test_wordpress_api_leads_to_uploaded_originals(server: FixtureServer, audit: Audit) -> None:
    platforms.wordpress(server)
    report = audit(server.url("/"))
    assert evidence_locators(report, "photo-gps") == {
        server.url("/wp-content/uploads/2024/05/balcony.jpg")
    }
    (marked,) = by_kind(report)["web-coordinates"]
    steps = remedy(report, marked)["steps"]
    assert any("strips metadata on upload" in s["text"] for s in steps)
    paths = server.paths()
    assert any(p.startswith("/wp-json/wp/v2/media?per_page=100&page=1") for p in paths)
    assert "/wp-content/uploads/2024/05/balcony-scaled.jpg" in paths


def test_wordpress_post_text_comes_from_the_api(server: FixtureServer) -> None:
    platforms.wordpress(server)
    source = WebSource(server.url("/"), Options(inputs=("x",), web=WebOptions(delay=0)))
    posts = [e for e in source.iter_items() if getattr(e, "kind", "") == "post"]
    assert [p.text for p in posts] == ["New flat – finally\nWe moved!"]
    assert posts[0].locator == server.url("/2024/05/new-flat/")


def test_github_profile_location(server: FixtureServer, audit: Audit) -> None:
    platforms.github(server)
    api = f"github={server.url('/api/v3')}"
    report = audit(server.url("/octocat"), "--api-base", api)
    (where,) = by_kind(report)["web-profile-location"]
    assert where["group"] == "GitHub @octocat" and "San Francisco" in where["title"]
    assert "Settings > Public profile" in remedy(report, where)["steps"][1]["text"]
    assert server.paths() == ["/robots.txt", "/api/v3/users/octocat", "/avatars/u/583231"]


def test_bluesky_posts_images_and_links(server: FixtureServer, audit: Audit) -> None:
    platforms.bluesky(server)
    report = audit(server.url("/profile/alice.test"), "--api-base", f"bluesky={server.url('')}")
    (photo,) = by_kind(report)["photo-gps"]
    assert photo["locator"] == server.url("/img/feed_fullsize/plain/did:plc:alice/b1@jpeg")
    assert photo["group"] == "Bluesky @alice.test"
    paths = server.paths()
    assert any(p.endswith("&cursor=c1") for p in paths)
    assert not any("did:plc:bob" in p for p in paths)  # a repost is someone else's post


def test_bluesky_post_text_keeps_full_link_addresses(server: FixtureServer) -> None:
    platforms.bluesky(server)
    web = WebOptions(delay=0, api_bases=(("bluesky", server.url("")),))
    source = WebSource(server.url("/profile/alice.test"), Options(inputs=("x",), web=web))
    posts = {e.locator: e.text for e in source.iter_items() if getattr(e, "kind", "") == "post"}
    first = posts[server.url("/profile/alice.test/post/3kaa")]
    assert first.endswith("https://maps.google.com/?q=41.1496,-8.6110")
    assert len(posts) == 2


def test_flickr_photo_pages_and_originals(server: FixtureServer) -> None:
    platforms.flickr(server)
    web = WebOptions(delay=0, resolver=lambda host, port: ["127.0.0.1"])
    start = server.url("/photos/alice/", host="www.flickr.com")
    report = run(Options(inputs=(start,), web=web, workers=1))
    kinds = {f.kind: f for f in report.findings}
    assert kinds["photo-gps"].locator == server.url("/live/123_o.jpg", host="www.flickr.com")
    assert kinds["web-coordinates"].group == "Flickr alice"
    assert any("geofence" in s.text for s in kinds["web-coordinates"].remediation.steps)
    assert "/photos/bob/9/" not in server.paths()
