"""Fixture sites shaped like each platform's documented public responses, served on loopback.

Shapes follow ../shared/docs/platforms.md and the platforms' own documentation: Mastodon's
Account and Status entities, Pixelfed's ActivityPub Note with a ``location`` Place, the
WordPress REST API's posts and media, GitHub's public user object, Bluesky's AppView
``getProfile`` and ``getAuthorFeed``.  Values are made up.
"""

from __future__ import annotations

import json

from exposure.testing.photofactory import PhotoSpec, make_photo
from exposure.testing.webserver import FixtureServer, Reply, data, json_reply, page
from tests.sources.web.conftest import geotagged_jpeg

PORTO = (41.149610, -8.610990)
BALCONY = (41.157944, -8.629105)
PLAIN_JPEG = make_photo(PhotoSpec(), "jpeg")


def mastodon(server: FixtureServer, *, api_open: bool = True) -> None:
    """A Mastodon account with a Location field and two pages of posts."""
    base = server.url("").rstrip("/")
    media = f"{base}/system/media_attachments/files/1/original/balcony.jpg"
    account = {
        "id": "1",
        "username": "alice",
        "acct": "alice",
        "display_name": "Alice",
        "note": "<p>Runner and baker.</p>",
        "url": f"{base}/@alice",
        "avatar": f"{base}/system/accounts/avatars/1/original/me.jpg",
        "header": f"{base}/system/accounts/headers/1/original/header.jpg",
        "fields": [
            {"name": "Location", "value": "Porto, Portugal", "verified_at": None},
            {"name": "Website", "value": '<a href="https://alice.example">alice.example</a>'},
        ],
    }

    def status(number: int, text: str, with_media: bool = False) -> dict[str, object]:
        return {
            "id": str(number),
            "created_at": "2024-05-01T08:00:00.000Z",
            "url": f"{base}/@alice/{number}",
            "uri": f"{base}/users/alice/statuses/{number}",
            "content": f"<p>{text}</p>",
            "spoiler_text": "",
            "visibility": "public",
            "reblog": None,
            "media_attachments": [
                {
                    "id": "9",
                    "type": "image",
                    "url": media,
                    "remote_url": None,
                    "description": "View from my balcony",
                }
            ]
            if with_media
            else [],
        }

    statuses = "/api/v1/accounts/1/statuses?limit=40&exclude_reblogs=true"
    server.routes.update(
        {
            "/api/v1/accounts/lookup?acct=alice": json_reply(json.dumps(account))
            if api_open
            else lambda r: Reply(401, {"Content-Type": "application/json"}, b'{"error":"login"}'),
            statuses: json_reply(
                json.dumps([status(12, "Morning run", True), status(11, "Bread day")])
            ),
            statuses + "&max_id=11": json_reply(json.dumps([status(10, "First post")])),
            statuses + "&max_id=10": json_reply("[]"),
            "/system/media_attachments/files/1/original/balcony.jpg": data(
                geotagged_jpeg(*BALCONY), "image/jpeg"
            ),
            "/system/accounts/*": data(PLAIN_JPEG, "image/jpeg"),
            "/@alice": page(
                '<div id="mastodon" data-props="{}"></div><noscript>Enable JavaScript</noscript>'
            ),
            "/@alice.rss": page(
                f"""<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
                <channel><title>Alice</title><item><guid>{base}/@alice/12</guid><link>{base}/@alice/12</link>
                <pubDate>Wed, 01 May 2024 08:00:00 +0000</pubDate>
                <description>&lt;p&gt;Morning run&lt;/p&gt;</description>
                <media:content url="{media}" type="image/jpeg" medium="image">
                <media:description type="plain">View</media:description></media:content></item>
                </channel></rss>""",
                "application/rss+xml; charset=utf-8",
            ),
        }
    )


def pixelfed(server: FixtureServer) -> None:
    """A Pixelfed profile whose posts federate with a place; another user on the same host."""
    base = server.url("").rstrip("/")

    def note(number: int, place: bool) -> dict[str, object]:
        found: dict[str, object] = {
            "type": "Create",
            "object": {
                "type": "Note",
                "id": f"{base}/p/alice/{number}",
                "url": f"{base}/p/alice/{number}",
                "published": f"2024-05-0{number}T08:00:00Z",
                "content": f"<p>Photo {number}</p>",
                "attachment": [
                    {
                        "type": "Image",
                        "mediaType": "image/jpeg",
                        "url": f"{base}/storage/m/{number}.jpg",
                        "name": "sunset",
                    }
                ],
            },
        }
        if place:
            found["object"]["location"] = {  # type: ignore[index]
                "type": "Place", "name": "Porto", "longitude": str(PORTO[1]), "latitude": str(PORTO[0]),
                "country": "Portugal",
            }  # fmt: skip
        return found

    actor = {
        "@context": ["https://w3id.org/security/v1", "https://www.w3.org/ns/activitystreams"],
        "id": f"{base}/users/alice",
        "type": "Person",
        "preferredUsername": "alice",
        "name": "Alice",
        "summary": "<p>Photos from around the harbour</p>",
        "url": f"{base}/alice",
        "outbox": f"{base}/users/alice/outbox",
        "icon": {
            "type": "Image",
            "mediaType": "image/jpeg",
            "url": f"{base}/storage/avatars/alice.jpg",
        },
        "attachment": [{"type": "PropertyValue", "name": "\U0001f4cd", "value": "Ribeira, Porto"}],
    }
    server.routes.update(
        {
            "/alice": page(
                f"""<html><head><title>Alice (@alice) - Pixelfed</title>
                <link href="{base}/users/alice" rel="alternate" type="application/activity+json">
                </head><body><a href="/bob">bob</a><a href="/p/alice/1">post</a>
                <footer>Powered by Pixelfed</footer></body></html>"""
            ),
            "/bob": page('<meta name="ICBM" content="40.0, -3.0">'),
            "/p/alice/1": page("<p>Photo 1</p>"),
            "/users/alice": json_reply(json.dumps(actor)),
            "/users/alice/outbox": json_reply(
                json.dumps(
                    {"type": "OrderedCollection", "first": f"{base}/users/alice/outbox?page=1"}
                )
            ),
            "/users/alice/outbox?page=1": json_reply(
                json.dumps(
                    {
                        "type": "OrderedCollectionPage",
                        "orderedItems": [note(1, True)],
                        "next": f"{base}/users/alice/outbox?page=2",
                    }
                )
            ),
            "/users/alice/outbox?page=2": json_reply(
                json.dumps({"type": "OrderedCollectionPage", "orderedItems": [note(2, False)]})
            ),
            "/storage/m/1.jpg": data(geotagged_jpeg(*BALCONY), "image/jpeg"),
            "/storage/*": data(PLAIN_JPEG, "image/jpeg"),
        }
    )


def wordpress(server: FixtureServer) -> None:
    """A self-hosted WordPress site: the theme shows sub-sizes, the API lists the originals."""
    base = server.url("").rstrip("/")
    uploads = f"{base}/wp-content/uploads/2024/05"
    post = {
        "id": 7,
        "link": f"{base}/2024/05/new-flat/",
        "date_gmt": "2024-05-02T09:00:00",
        "title": {"rendered": "New flat &#8211; finally"},
        "content": {"rendered": f'<p>We moved!</p><img src="{uploads}/balcony-1024x768.jpg">'},
    }
    media = {
        "id": 5,
        "link": f"{base}/balcony/",
        "source_url": f"{uploads}/balcony-scaled.jpg",
        "media_details": {"original_image": "balcony.jpg", "sizes": {}},
        "alt_text": "our balcony",
        "caption": {"rendered": "<p>Home sweet home</p>"},
        "mime_type": "image/jpeg",
    }
    server.routes.update(
        {
            "/": page(
                f"""<html><head><title>Our blog</title><meta name="generator" content="WordPress 6.5">
                <meta name="ICBM" content="41.1579, -8.6291">
                <link rel="https://api.w.org/" href="{base}/wp-json/"></head>
                <body><a href="{post["link"]}">New flat</a></body></html>"""
            ),
            "/2024/05/new-flat/": page(
                f'<p>We moved!</p><img src="{uploads}/balcony-1024x768.jpg">'
            ),
            "/wp-json/wp/v2/posts": json_reply(json.dumps([post]), {"X-WP-TotalPages": "1"}),
            "/wp-json/wp/v2/pages": json_reply("[]", {"X-WP-TotalPages": "0"}),
            "/wp-json/wp/v2/media": json_reply(json.dumps([media]), {"X-WP-TotalPages": "1"}),
            "/wp-content/uploads/2024/05/balcony.jpg": data(geotagged_jpeg(*BALCONY), "image/jpeg"),
            "/wp-content/uploads/*": data(PLAIN_JPEG, "image/jpeg"),
        }
    )


def github(server: FixtureServer) -> None:
    """A GitHub (Enterprise-style) API answering for one user."""
    base = server.url("").rstrip("/")
    user = {
        "login": "octocat",
        "name": "The Octocat",
        "company": "@github",
        "blog": "https://github.blog",
        "location": "San Francisco",
        "bio": None,
        "avatar_url": f"{base}/avatars/u/583231",
        "html_url": f"{base}/octocat",
    }
    server.routes.update(
        {
            "/api/v3/users/octocat": json_reply(json.dumps(user)),
            "/avatars/u/583231": data(PLAIN_JPEG, "image/jpeg"),
        }
    )


def bluesky(server: FixtureServer) -> None:
    """An AppView answering getProfile and two pages of getAuthorFeed (one a repost)."""
    base = server.url("").rstrip("/")
    profile = {
        "did": "did:plc:alice",
        "handle": "alice.test",
        "displayName": "Alice",
        "description": "Baker. Porto.",
        "avatar": f"{base}/img/avatar/plain/did:plc:alice/a@jpeg",
    }

    def post(rkey: str, author: str, text: str, image: str | None) -> dict[str, object]:
        found: dict[str, object] = {
            "uri": f"at://{author}/app.bsky.feed.post/{rkey}",
            "author": {"did": author, "handle": author.split(":")[-1] + ".test"},
            "record": {
                "$type": "app.bsky.feed.post",
                "text": text,
                "createdAt": "2024-05-01T08:00:00.000Z",
                "facets": [
                    {
                        "features": [
                            {
                                "$type": "app.bsky.richtext.facet#link",
                                "uri": "https://maps.google.com/?q=41.1496,-8.6110",
                            }
                        ]
                    }
                ],
            },
        }
        if image:
            found["embed"] = {
                "$type": "app.bsky.embed.images#view",
                "images": [{"thumb": image + "-thumb", "fullsize": image, "alt": "the view"}],
            }
        return found

    feed = "/xrpc/app.bsky.feed.getAuthorFeed?actor=alice.test&limit=100&filter=posts_no_replies"
    mine = f"{base}/img/feed_fullsize/plain/did:plc:alice/b1@jpeg"
    theirs = f"{base}/img/feed_fullsize/plain/did:plc:bob/b2@jpeg"
    server.routes.update(
        {
            "/xrpc/app.bsky.actor.getProfile?actor=alice.test": json_reply(json.dumps(profile)),
            feed: json_reply(
                json.dumps(
                    {
                        "feed": [
                            {
                                "post": post(
                                    "3kaa",
                                    "did:plc:alice",
                                    "New flat, see maps.google.com/?q=41…",
                                    mine,
                                )
                            },
                            {
                                "post": post("3kbb", "did:plc:bob", "not mine", theirs),
                                "reason": {"$type": "app.bsky.feed.defs#reasonRepost"},
                            },
                        ],
                        "cursor": "c1",
                    }
                )
            ),
            feed + "&cursor=c1": json_reply(
                json.dumps({"feed": [{"post": post("3kcc", "did:plc:alice", "Older", None)}]})
            ),
            "/img/feed_fullsize/plain/did:plc:alice/b1@jpeg": data(
                geotagged_jpeg(*BALCONY), "image/jpeg"
            ),
            "/img/*": data(PLAIN_JPEG, "image/jpeg"),
        }
    )


def flickr(server: FixtureServer) -> None:
    """Flickr-shaped pages: a photostream, a photo page with place meta tags, the original."""
    base = server.url("", host="www.flickr.com").rstrip("/")
    server.routes.update(
        {
            "/photos/alice/": page(
                '<a href="/photos/alice/123/">a photo</a><a href="/photos/bob/9/">bob</a>'
            ),
            "/photos/alice/123/": page(
                '<meta property="place:location:latitude" content="41.1496">'
                '<meta property="place:location:longitude" content="-8.6110">'
            ),
            "/photos/alice/123/sizes/o/": page(
                f'<img id="allsizes-photo" src="{base}/live/123_o.jpg">'
            ),
            "/live/123_o.jpg": data(geotagged_jpeg(*BALCONY), "image/jpeg"),
            "/photos/bob/9/": page('<meta name="ICBM" content="40.0, -3.0">'),
        }
    )
