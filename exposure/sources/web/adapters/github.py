"""GitHub: the public profile through the REST API (location, bio, company, website).

``GET /users/NAME`` answers without a login (60 requests an hour;
../shared/docs/platforms.md section 23).  The Location field is reported as it is; the bio,
company and website go to the text detectors.  GitHub Enterprise servers work the same way
with ``--api-base github=https://HOST/api/v3``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import SplitResult, quote, urlsplit

from exposure.i18n.message import M_
from exposure.model import Skipped, SourceItem
from exposure.options import WebOptions
from exposure.sources.base import Entry
from exposure.sources.web.adapters.base import Adapter, api_base
from exposure.sources.web.crawl import SOURCE
from exposure.sources.web.findings import Site, profile_location
from exposure.sources.web.scope import Scope

API = "https://api.github.com"
HOSTS = frozenset({"github.com", "www.github.com"})
_USER = re.compile(r"^/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/?$")
RESERVED = frozenset(
    "about account apps collections contact customer-stories enterprise events explore features "
    "issues join login logout marketplace new notifications orgs organizations pricing pulls "
    "search settings site sponsors topics trending".split()
)
"""GitHub pages that are not user names."""


def _is_github_host(host: str, web: WebOptions) -> bool:
    base = api_base(web, "github", "")
    return host in HOSTS or (bool(base) and host == (urlsplit(base).hostname or "").lower())


class GitHubAdapter(Adapter):
    """``https://github.com/NAME``: the public profile fields."""

    name = "github"

    @classmethod
    def recognise(cls, parts: SplitResult, web: WebOptions) -> bool:
        found = _USER.match(parts.path or "")
        host = (parts.hostname or "").lower()
        if found is None or found.group(1).lower() in RESERVED:
            return False
        return _is_github_host(host, web)

    @property
    def user(self) -> str:
        """The name in the profile's address."""
        return self.path_part(_USER)

    def scope(self, site_scope: Scope) -> Scope:
        return site_scope.narrowed([f"/{self.user}"])

    def site(self, parts: SplitResult) -> Site:
        return Site(
            f"GitHub @{self.user}", "github", f"github:{parts.netloc.lower()}/{self.user.lower()}"
        )

    def read(self) -> Iterator[Entry]:
        api = api_base(self.web, "github", API)
        reply = self.crawl.json(
            f"{api}/users/{quote(self.user)}", "application/vnd.github+json", same_host=False
        )
        if isinstance(reply, Skipped):
            yield reply
            return
        if not isinstance(reply.data, dict):
            said = M_("the answer is not a GitHub profile")
            yield Skipped.said(reply.response.url, said, SOURCE)
            return
        profile = reply.data
        group = self.crawl.site.group
        locator = str(profile.get("html_url") or self.url)
        location = " ".join(str(profile.get("location") or "").split())
        if location:
            yield profile_location(self.crawl.site, locator, "GitHub Location field", location)
        fields = [
            ("Name", "name"),
            ("Bio", "bio"),
            ("Company", "company"),
            ("Location", "location"),
            ("Website", "blog"),
        ]
        text = "\n".join(f"{label}: {profile[key]}" for label, key in fields if profile.get(key))
        if text:
            yield SourceItem(SOURCE, locator, "bio", group=group, text=text)
        avatar = str(profile.get("avatar_url") or "")
        if avatar:
            self.crawl.add_image(avatar)
