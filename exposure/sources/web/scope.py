"""Staying inside what the user named.

A crawl follows links only within the *site* of the URL the user gave: the same
registrable domain (``blog.example.org`` and ``www.example.org`` belong together), found
with tldextract using the public suffix list bundled in the package (it never downloads
one: see :func:`suffix_extractor`).  Some hosts give every user a subdomain
(``alice.wordpress.com``); there only the exact host is the user's.  And on a shared host
where users live under paths (``mastodon.social/@alice``, ``flickr.com/photos/alice``),
the adapter narrows the scope to the profile's own path prefixes.

Images a page shows may come from elsewhere (a CDN): they are what a visitor's browser
loads, so the crawler fetches them (they are never crawled for links).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from urllib.parse import urlsplit

import tldextract

SHARED_PARENTS = frozenset(
    {
        "wordpress.com",
        "tumblr.com",
        "neocities.org",
        "substack.com",
        "livejournal.com",
        "weebly.com",
        "carrd.co",
        "bearblog.dev",
        "micro.blog",
        "write.as",
    }
)
"""Domains that give each user a subdomain but are missing from the public suffix list's
private section (which already covers github.io, blogspot.com, netlify.app...)."""


def suffix_extractor() -> tldextract.TLDExtract:
    """A TLDExtract that only ever reads the suffix list bundled with the package.

    ``suffix_list_urls=()`` means no URL is fetched (tldextract's ``find_first_response``
    loops over an empty list and falls back to the bundled snapshot); ``cache_dir=None``
    means nothing is read from or written to a cache folder.  Private suffixes
    (``github.io``...) count as public suffixes, so two users' sites stay apart.
    """
    return tldextract.TLDExtract(
        cache_dir=None,
        suffix_list_urls=(),
        fallback_to_snapshot=True,
        include_psl_private_domains=True,
    )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _under(path: str, prefix: str) -> bool:
    """``/@me``, ``/@me/123`` and ``/@me.rss`` are under ``/@me``; ``/@meg`` is not."""
    base = prefix.rstrip("/")
    return not base or path == base or path.startswith((base + "/", base + "."))


def normalise(url: str) -> str:
    """The URL without its fragment (``#...``): two links to one page are one page."""
    return url.split("#", 1)[0]


class Scope:
    """Which URLs belong to the profile or site the user named."""

    def __init__(
        self,
        start: str,
        extractor: tldextract.TLDExtract,
        prefixes: Sequence[str] = (),
    ) -> None:
        parts = urlsplit(start)
        self.start = start
        self.host = (parts.hostname or "").lower()
        self.port = parts.port
        self.prefixes = tuple(prefixes)
        self._extract = extractor
        self.site = self._site_of(self.host)

    def _site_of(self, host: str) -> str:
        """The registrable domain, or the host itself where one host is one user's site."""
        if not host or _is_ip(host):
            return host
        found = self._extract.extract_str(host)
        domain = found.top_domain_under_public_suffix
        if not domain or domain in SHARED_PARENTS:
            return host
        return domain

    def narrowed(self, prefixes: Sequence[str]) -> Scope:
        """The same start, limited to paths under ``prefixes`` on the start host."""
        return Scope(self.start, self._extract, prefixes)

    def problem(self, url: str) -> str | None:
        """None when ``url`` may be crawled, else why not (``"outside the site you named"``)."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return "to an address that is not valid"
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host:
            return "to an address that is not http or https"
        if self.prefixes:
            if host != self.host or not any(_under(parts.path or "/", p) for p in self.prefixes):
                return "outside the profile you named"
            return None
        if self.site == self.host:  # an IP address, a single-label host, a shared parent
            if host != self.host or port != self.port:
                return "outside the site you named"
            return None
        if host == self.site or host.endswith("." + self.site):
            return None
        return "outside the site you named"

    def allows(self, url: str) -> bool:
        """True when ``url`` is inside the scope."""
        return self.problem(url) is None
