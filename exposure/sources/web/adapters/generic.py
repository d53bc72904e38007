"""Any website: crawl its HTML pages and feeds; switch to an API when the first page offers one.

The named page is read first.  When it announces a WordPress REST API
(``<link rel="https://api.w.org/">``) the WordPress reader lists every post and every
uploaded original through it; when it offers an ActivityPub representation
(``<link rel="alternate" type="application/activity+json">``, as Pixelfed profiles do) the
ActivityPub reader walks the profile's outbox, and the crawl narrows to that profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import SplitResult

from exposure.options import WebOptions
from exposure.sources.base import Entry
from exposure.sources.web.adapters.base import Adapter
from exposure.sources.web.adapters.pixelfed import activitypub_profile
from exposure.sources.web.adapters.wordpress import wordpress_api
from exposure.sources.web.extract.page import Page
from exposure.sources.web.scope import Scope

_PROFILE_PATH = re.compile(
    r"^(/(?:@|~)[^/]+|/(?:u|user|users|people|profile|profiles|members|author|photos)/[^/]+)(?:/|$)"
)
"""Paths that name one person's corner of a shared host: only that corner is crawled."""


class GenericAdapter(Adapter):
    """Any site: HTML pages, feeds, and the APIs its first page announces."""

    name = "website"

    @classmethod
    def recognise(cls, parts: SplitResult, web: WebOptions) -> bool:
        return True

    def scope(self, site_scope: Scope) -> Scope:
        found = _PROFILE_PATH.match(self.parts.path or "/")
        return site_scope.narrowed([found.group(1)]) if found else site_scope

    def read(self) -> Iterator[Entry]:
        self.crawl.hooks.append(self._first_page)
        self.crawl.add_page(self.url)
        return iter(())

    def _first_page(self, page: Page) -> Iterator[Entry]:
        """Recognise the platform from the first page read (once)."""
        self.crawl.hooks.remove(self._first_page)
        if page.wordpress_api:
            self.crawl.with_platform("wordpress")
            yield from wordpress_api(self.crawl, page.wordpress_api)
        elif page.activitypub:
            yield from activitypub_profile(self.crawl, page)
        elif page.generator.lower().startswith("wordpress"):
            self.crawl.with_platform("wordpress")
