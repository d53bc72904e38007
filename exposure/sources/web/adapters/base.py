"""The Adapter contract: how one kind of profile is read through public, login-free endpoints.

An adapter recognises a profile URL cheaply (by host and path, never by fetching), sets
the crawl's scope and the report's group, then reads the profile: API responses one by
one through ``crawl.json``, pages, feeds and images through the crawl's queue.  Like a
source, it never raises for one bad response: every failure is a ``Skipped`` entry.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import SplitResult, urlsplit

import tldextract

from exposure.options import WebOptions
from exposure.sources.base import Entry
from exposure.sources.web.crawl import Crawl
from exposure.sources.web.fetch import Fetcher
from exposure.sources.web.findings import Site
from exposure.sources.web.scope import Scope


def origin(url: str) -> str:
    """``https://host:port`` of ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def iso_time(value: Any) -> datetime | None:
    """An ISO 8601 time from an API (``2024-05-01T08:00:00.000Z``), or None."""
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def api_base(web: WebOptions, platform: str, default: str) -> str:
    """The API address for ``platform``: the ``--api-base`` the user gave, or ``default``."""
    for name, base in web.api_bases:
        if name == platform:
            return base.rstrip("/")
    return default


class Adapter(ABC):
    """Reads one kind of public profile."""

    name: ClassVar[str]
    """Platform key: ``mastodon``, ``github``... (the catalogue's platform steps use it)."""

    def __init__(
        self, url: str, web: WebOptions, fetcher: Fetcher, extractor: tldextract.TLDExtract
    ) -> None:
        self.url = url
        self.web = web
        parts = urlsplit(url)
        self.parts = parts
        scope = self.scope(Scope(url, extractor))
        self.crawl = Crawl(url, web, fetcher, scope, self.site(parts))

    @classmethod
    @abstractmethod
    def recognise(cls, parts: SplitResult, web: WebOptions) -> bool:
        """True when the URL (already split) is a profile this adapter reads."""

    def scope(self, site_scope: Scope) -> Scope:
        """The crawl's scope; by default the whole site of the URL."""
        return site_scope

    def site(self, parts: SplitResult) -> Site:
        """Where the user acts on findings; by default the site itself."""
        root = f"{parts.scheme}://{parts.netloc}/"
        return Site(group=root, platform="website", key=root.lower())

    def path_part(self, pattern: re.Pattern[str]) -> str:
        """The first group ``pattern`` captures in the URL's path (the user name)."""
        found = pattern.match(self.parts.path or "")
        assert found is not None, "recognise() accepted this path"
        return next(g for g in found.groups() if g)

    @abstractmethod
    def read(self) -> Iterator[Entry]:
        """Read the profile's own endpoints (API calls); queue pages and images."""

    def run(self) -> Iterator[Entry]:
        """Read, then drain the queue, then report what the limits left out."""
        yield from self.read()
        yield from self.crawl.drain()
        yield from self.crawl.finish()
