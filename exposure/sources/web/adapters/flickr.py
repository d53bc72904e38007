"""Flickr: the public photo pages of one account, and the original files they link to.

Flickr shows EXIF on photo pages and may offer originals for download
(../shared/docs/platforms.md section 11), and its location API needs a key, so this reads
what a visitor's browser gets: the account's pages under ``/photos/NAME/``, location
properties in their meta tags and structured data, and for each photo the "original size"
page (``/photos/NAME/ID/sizes/o/``), whose image is the uploaded file.  The shape of
Flickr's live pages was not checked against the service (no network where this was
written): what cannot be read is listed as not checked, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import SplitResult

from exposure.options import WebOptions
from exposure.sources.base import Entry
from exposure.sources.web.adapters.base import Adapter
from exposure.sources.web.extract.page import Page
from exposure.sources.web.findings import Site
from exposure.sources.web.scope import Scope

HOSTS = frozenset({"flickr.com", "www.flickr.com"})
_ACCOUNT = re.compile(r"^/(?:photos|people)/([^/]+)")


class FlickrAdapter(Adapter):
    """``https://www.flickr.com/photos/NAME/``: photo pages and originals."""

    name = "flickr"

    @classmethod
    def recognise(cls, parts: SplitResult, web: WebOptions) -> bool:
        host = (parts.hostname or "").lower()
        return host in HOSTS and _ACCOUNT.match(parts.path or "") is not None

    @property
    def account(self) -> str:
        """The name in the profile's address."""
        return self.path_part(_ACCOUNT)

    def scope(self, site_scope: Scope) -> Scope:
        return site_scope.narrowed([f"/photos/{self.account}", f"/people/{self.account}"])

    def site(self, parts: SplitResult) -> Site:
        return Site(f"Flickr {self.account}", "flickr", f"flickr:{self.account.lower()}")

    def read(self) -> Iterator[Entry]:
        self.crawl.hooks.append(self._originals)
        self.crawl.add_page(self.url)
        return iter(())

    def _originals(self, page: Page) -> Iterator[Entry]:
        """Queue the "original size" page of every photo page linked."""
        photo = re.compile(rf"/photos/{re.escape(self.account)}/(\d+)/?$")
        for link in page.links:
            found = photo.search(link.split("?", 1)[0])
            if found:
                self.crawl.add_page(link.split("?", 1)[0].rstrip("/") + "/sizes/o/")
        return iter(())
