"""The web source: an INPUT that is an http(s) address is a public page or profile to audit."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import urlsplit

from exposure.sources.base import Entry, Source

WEB_KINDS = (
    "web-coordinates",
    "web-address",
    "web-place-name",
    "web-feed-location",
    "web-profile-location",
    "web-post-place",
)
"""Every finding kind the web source produces itself (:mod:`.findings` makes them; photos
go to the photo detectors)."""


class WebSource(Source):
    """Your own public pages and profiles, seen the way a stranger sees them.

    Reads the page or profile at the address given, and only what belongs to it (the same
    site, or the profile's own pages on a shared host), politely and within limits, and
    fetches the images it shows to check their hidden location data.
    """

    name = "web"
    description = "the address (http:// or https://) of your own website or public profile"
    kinds: ClassVar[tuple[str, ...]] = WEB_KINDS
    """Finding kinds this source produces itself (photos it fetches go to the photo detectors)."""

    @classmethod
    def recognise(cls, given: str) -> bool:
        try:
            parts = urlsplit(given.strip())
            return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        except ValueError:
            return False

    def iter_items(self) -> Iterator[Entry]:
        # The crawler (httpx, tldextract, the adapters) is imported only when a URL is audited:
        # a photo audit starts faster and never loads network code.
        from exposure.sources.web.adapters import choose
        from exposure.sources.web.fetch import Fetcher
        from exposure.sources.web.scope import suffix_extractor

        web = self.options.web
        url = self.given.strip()
        # Private addresses are visited only on the host and port named (the INPUT and any
        # --api-base), never on another port of the same machine.
        named = {_origin(url), *(_origin(base) for _, base in web.api_bases)}
        named.discard(None)
        fetcher = Fetcher(web, named, deadline=time.monotonic() + web.max_seconds)  # type: ignore[arg-type]
        try:
            adapter = choose(url, web)(url, web, fetcher, suffix_extractor())
            adapter.crawl.activity = self.activity
            yield from adapter.run()
        finally:
            fetcher.close()


def _origin(url: str) -> tuple[str, int] | None:
    """``(host, port)`` of ``url``, the scheme's port when none is written."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        return None
    return (parts.hostname, port) if parts.hostname else None
