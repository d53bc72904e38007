"""Adapters: one per kind of public profile, tried in order; the generic crawler comes last.

Recognition looks only at the URL (host and path), never at the network: which endpoints
are read is decided before anything is fetched.  Platforms recognised from the first page
instead (WordPress, Pixelfed and other ActivityPub servers) are handled by the generic
crawler, which switches to their APIs when the page announces them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from exposure.options import WebOptions
from exposure.sources.web.adapters.base import Adapter
from exposure.sources.web.adapters.bluesky import BlueskyAdapter
from exposure.sources.web.adapters.flickr import FlickrAdapter
from exposure.sources.web.adapters.generic import GenericAdapter
from exposure.sources.web.adapters.github import GitHubAdapter
from exposure.sources.web.adapters.mastodon import MastodonAdapter

ADAPTERS: tuple[type[Adapter], ...] = (
    GitHubAdapter,
    BlueskyAdapter,
    FlickrAdapter,
    MastodonAdapter,
    GenericAdapter,
)
"""Tried in order; the first that recognises the URL reads it."""


def choose(url: str, web: WebOptions) -> type[Adapter]:
    """The adapter for ``url`` (the generic crawler when no platform is recognised)."""
    parts = urlsplit(url)
    return next(a for a in ADAPTERS if a.recognise(parts, web))


__all__ = ["ADAPTERS", "Adapter", "choose"]
