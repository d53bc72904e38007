"""The demo persona's web presence, served by the demo itself on 127.0.0.1 and crawled.

Two made-up sites, each on its own loopback port for the length of ``exposure demo``:

- Alex's plant blog: a page with a position in its meta tags, a postal address in its
  JSON-LD, a neighbourhood in an h-card, an RSS feed whose post carries a georss point, a
  map link in the text, and a photo that kept its GPS tag;
- Alex's photo profile shaped like a Pixelfed account: a 📍 profile field and a post
  federated with its place (ActivityPub), whose photo kept GPS too.

Nothing here listens anywhere but 127.0.0.1, and the crawl of these pages is the demo's only
network traffic.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from exposure.demo.exports import GYM, HOME, PARK
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo

Routes = dict[str, tuple[str, bytes]]
"""Path (with its query) -> (content type, body)."""

HTML = "text/html; charset=utf-8"
JSON = "application/activity+json; charset=utf-8"


@cache
def _photo(lat: float, lon: float) -> bytes:
    spec = PhotoSpec(make="Apple", model="iPhone 13", gps=GpsSpec(lat=lat, lon=lon))
    return make_photo(spec, "jpeg")


def blog(base: str) -> Routes:
    """Alex's plant blog at ``base`` (``http://127.0.0.1:PORT``)."""
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": "Alex Example",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Musterstraße 12",
                "postalCode": "12049",
                "addressLocality": "Berlin",
            },
        },
        ensure_ascii=False,
    )
    home = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Alex grows things (a made-up demo site)</title>
<meta name="geo.position" content="{HOME[0]};{HOME[1]}">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<script type="application/ld+json">{ld}</script>
</head><body>
<h1>Alex grows things</h1>
<p>Balcony plants, sourdough and morning runs. This site is made up for exposure's demo.</p>
<img src="/media/balcony.jpg" alt="Tomatoes on the balcony">
<p>Seed swap this Saturday, here: https://www.openstreetmap.org/?mlat={PARK[0]}&amp;mlon={PARK[1]}#map=17/{PARK[0]}/{PARK[1]}</p>
<p><a href="/about">About me</a> · <a href="/posts/seed-swap">Seed swap</a></p>
</body></html>"""
    about = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>About Alex</title>
</head><body><div class="h-card"><span class="p-name">Alex Example</span>,
living in <span class="p-locality">Neukölln</span>, <span class="p-region">Berlin</span>.
</div></body></html>"""
    post = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Seed swap</title>
</head><body><h1>Seed swap</h1><p>Bring your spare seeds!</p></body></html>"""
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:georss="http://www.georss.org/georss"><channel>
<title>Alex grows things</title><link>{base}/</link>
<item><title>Tuesday at the gym, as always</title><link>{base}/posts/gym</link>
<description>Leg day again.</description><pubDate>Tue, 12 Mar 2024 19:00:00 GMT</pubDate>
<georss:point>{GYM[0]} {GYM[1]}</georss:point></item>
</channel></rss>"""
    return {
        "/": (HTML, home.encode()),
        "/about": (HTML, about.encode()),
        "/posts/seed-swap": (HTML, post.encode()),
        "/posts/gym": (HTML, b"<!DOCTYPE html><title>Gym</title><p>Leg day again.</p>"),
        "/feed.xml": ("application/rss+xml; charset=utf-8", feed.encode()),
        "/media/balcony.jpg": ("image/jpeg", _photo(*HOME)),
    }


def photo_profile(base: str) -> Routes:
    """Alex's photo profile at ``base/alex``, shaped like a Pixelfed account."""
    actor = {
        "@context": ["https://www.w3.org/ns/activitystreams"],
        "id": f"{base}/users/alex",
        "type": "Person",
        "preferredUsername": "alex",
        "name": "Alex Example",
        "summary": "<p>Photos of plants and bread (made up for exposure's demo)</p>",
        "url": f"{base}/alex",
        "outbox": f"{base}/users/alex/outbox",
        "attachment": [
            {"type": "PropertyValue", "name": "\U0001f4cd", "value": "Neukölln, Berlin"}
        ],
    }
    note = {
        "type": "Create",
        "object": {
            "type": "Note",
            "id": f"{base}/p/alex/1",
            "url": f"{base}/p/alex/1",
            "published": "2024-03-10T11:00:00Z",
            "content": "<p>Kites over the Feld</p>",
            "location": {
                "type": "Place",
                "name": "Tempelhofer Feld",
                "latitude": str(PARK[0]),
                "longitude": str(PARK[1]),
                "country": "Germany",
            },
            "attachment": [
                {"type": "Image", "mediaType": "image/jpeg", "url": f"{base}/storage/m/1.jpg"}
            ],
        },
    }
    outbox = {"type": "OrderedCollection", "first": f"{base}/users/alex/outbox?page=1"}
    first = {"type": "OrderedCollectionPage", "orderedItems": [note]}
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Alex (@alex) - Pixelfed</title>
<link href="{base}/users/alex" rel="alternate" type="application/activity+json">
</head><body><h1>Alex</h1><a href="/p/alex/1">Kites</a>
<footer>Powered by Pixelfed (a made-up demo profile)</footer></body></html>"""
    return {
        "/alex": (HTML, page.encode()),
        "/p/alex/1": (HTML, b"<!DOCTYPE html><title>Kites</title><p>Kites over the Feld</p>"),
        "/users/alex": (JSON, json.dumps(actor, ensure_ascii=False).encode()),
        "/users/alex/outbox": (JSON, json.dumps(outbox).encode()),
        "/users/alex/outbox?page=1": (JSON, json.dumps(first, ensure_ascii=False).encode()),
        "/storage/m/1.jpg": ("image/jpeg", _photo(*PARK)),
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Site

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        found = self.server.routes.get(self.path)
        content_type, body = found if found else ("text/plain; charset=utf-8", b"not found")
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the demo prints nothing of its own server's traffic


class _Site(ThreadingHTTPServer):
    daemon_threads = True
    routes: Routes

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a crawler that hangs up early is no error worth printing


@contextmanager
def serving() -> Iterator[tuple[str, str]]:
    """Serve both sites on 127.0.0.1 (random ports) while the block runs; their addresses:
    ``(blog, photo profile)``."""
    servers = []
    try:
        for build, path in ((blog, "/"), (photo_profile, "/alex")):
            server = _Site(("127.0.0.1", 0), _Handler)
            base = f"http://127.0.0.1:{server.server_address[1]}"
            server.routes = build(base)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append((server, base + path))
        yield servers[0][1], servers[1][1]
    finally:
        for server, _ in servers:
            server.shutdown()
            server.server_close()
