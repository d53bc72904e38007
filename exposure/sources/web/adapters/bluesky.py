"""Bluesky: the profile description, post texts and images through the public AppView API.

The web app needs JavaScript, but the AppView answers without a login
(``app.bsky.actor.getProfile`` and ``app.bsky.feed.getAuthorFeed``, cursor paging;
../shared/docs/platforms.md section 18).  Bluesky has no location field: leaks are in the
description, the posts (with the full addresses of links, kept in the post's facets) and
the images.  Another AppView can be named with ``--api-base bluesky=URL``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit

from exposure.model import Skipped, SourceItem
from exposure.options import WebOptions
from exposure.sources.base import Entry
from exposure.sources.web.adapters.base import Adapter, api_base, iso_time
from exposure.sources.web.crawl import SOURCE
from exposure.sources.web.findings import Site
from exposure.sources.web.scope import Scope

APPVIEW = "https://public.api.bsky.app"
HOSTS = frozenset({"bsky.app", "www.bsky.app"})
_PROFILE = re.compile(r"^/profile/([A-Za-z0-9.:_-]+)(?:/.*)?$")
PER_PAGE = 100


def _images(embed: Any) -> list[dict[str, Any]]:
    """The image views of a post's embed (images, or images with a quoted post)."""
    if not isinstance(embed, dict):
        return []
    found = embed.get("images")
    if found is None and isinstance(embed.get("media"), dict):
        found = embed["media"].get("images")
    return [i for i in found if isinstance(i, dict)] if isinstance(found, list) else []


def _links(record: dict[str, Any]) -> list[str]:
    """Full addresses of links in a post (the text shows them shortened)."""
    features = [
        feature
        for facet in record.get("facets") or ()
        if isinstance(facet, dict)
        for feature in facet.get("features") or ()
    ]
    return [f["uri"] for f in features if isinstance(f, dict) and isinstance(f.get("uri"), str)]


class BlueskyAdapter(Adapter):
    """``https://bsky.app/profile/HANDLE``: description, posts and images."""

    name = "bluesky"

    @classmethod
    def recognise(cls, parts: SplitResult, web: WebOptions) -> bool:
        host = (parts.hostname or "").lower()
        base = urlsplit(api_base(web, "bluesky", APPVIEW)).hostname or ""
        return (host in HOSTS or host == base.lower()) and _PROFILE.match(
            parts.path or ""
        ) is not None

    @property
    def handle(self) -> str:
        """The name in the profile's address."""
        return self.path_part(_PROFILE)

    def scope(self, site_scope: Scope) -> Scope:
        return site_scope.narrowed([f"/profile/{self.handle}"])

    def site(self, parts: SplitResult) -> Site:
        return Site(f"Bluesky @{self.handle}", "bluesky", f"bluesky:{self.handle.lower()}")

    def read(self) -> Iterator[Entry]:
        api = api_base(self.web, "bluesky", APPVIEW) + "/xrpc/"
        actor = quote(self.handle)
        profile = self.crawl.json(f"{api}app.bsky.actor.getProfile?actor={actor}", same_host=False)
        if isinstance(profile, Skipped):
            yield profile
            return
        data = profile.data if isinstance(profile.data, dict) else {}
        group = self.crawl.site.group
        text = "\n".join(
            str(data.get(k) or "") for k in ("displayName", "description") if data.get(k)
        )
        if text:
            yield SourceItem(SOURCE, self.url, "bio", group=group, text=text)
        for key in ("avatar", "banner"):
            self.crawl.add_image(str(data.get(key) or ""))
        yield from self._feed(api, actor, str(data.get("did") or ""))

    def _feed(self, api: str, actor: str, did: str) -> Iterator[Entry]:
        cursor = ""
        url = f"{api}app.bsky.feed.getAuthorFeed?actor={actor}&limit={PER_PAGE}&filter=posts_no_replies"
        while True:
            reply = self.crawl.json(
                url + (f"&cursor={quote(cursor)}" if cursor else ""), same_host=False
            )
            if isinstance(reply, Skipped):
                yield reply
                return
            data = reply.data if isinstance(reply.data, dict) else {}
            for item in data.get("feed") or ():
                if isinstance(item, dict) and not item.get("reason"):  # reposts are someone else's
                    yield from self._post(item.get("post"), did)
            cursor = str(data.get("cursor") or "")
            if not cursor or not data.get("feed"):
                return

    def _post(self, post: Any, did: str) -> Iterator[Entry]:
        if not isinstance(post, dict) or not isinstance(post.get("record"), dict):
            return
        author = post.get("author")
        if did and isinstance(author, dict) and author.get("did") not in (None, did):
            return
        record = post["record"]
        rkey = str(post.get("uri") or "").rsplit("/", 1)[-1]
        locator = f"{self.parts.scheme}://{self.parts.netloc}/profile/{self.handle}/post/{rkey}"
        when = iso_time(record.get("createdAt"))
        group = self.crawl.site.group
        text = "\n".join([str(record.get("text") or ""), *_links(record)]).strip()
        if text:
            yield SourceItem(SOURCE, locator, "post", group=group, timestamp=when, text=text)
        for image in _images(post.get("embed")):
            self.crawl.add_image(str(image.get("fullsize") or ""))
            if image.get("alt"):
                yield SourceItem(
                    SOURCE, locator, "caption", group=group, timestamp=when, text=str(image["alt"])
                )
