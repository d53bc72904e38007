"""Mastodon (and compatible servers): the account and its public posts through the public API.

Since Mastodon 4 the profile page is drawn by JavaScript, so a plain crawl sees little;
the same data is in the public API, which answers without a login on a default server
(../shared/docs/platforms.md section 16): ``/api/v1/accounts/lookup?acct=NAME`` gives the
bio (``note``) and the label/value ``fields``; ``/api/v1/accounts/ID/statuses`` pages
through public posts (40 at a time, newest first).  Media attachments' original files
are fetched (Mastodon strips GPS on upload, but a server of another kind may not).  A
server that closes its API to visitors still offers ``/@NAME.rss``, read instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import SplitResult, quote

from exposure.i18n.message import M_
from exposure.model import Skipped, SourceItem
from exposure.options import WebOptions
from exposure.sources.base import Entry
from exposure.sources.web.adapters.base import Adapter, iso_time, origin
from exposure.sources.web.crawl import SOURCE
from exposure.sources.web.extract.page import fragment_text, joined
from exposure.sources.web.findings import Site, is_location_label, profile_location
from exposure.sources.web.scope import Scope

_PROFILE = re.compile(r"^/(?:@([A-Za-z0-9_]+)(?:@[^/]+)?|users/([A-Za-z0-9_]+))(?:/[^.]*)?$")
PER_PAGE = 40


class MastodonAdapter(Adapter):
    """``https://server/@name``: profile fields, bio and public posts via the public API."""

    name = "mastodon"

    @classmethod
    def recognise(cls, parts: SplitResult, web: WebOptions) -> bool:
        return _PROFILE.match(parts.path or "") is not None

    @property
    def user(self) -> str:
        """The name in the profile's address."""
        return self.path_part(_PROFILE)

    def scope(self, site_scope: Scope) -> Scope:
        return site_scope.narrowed([f"/@{self.user}", f"/users/{self.user}"])

    def site(self, parts: SplitResult) -> Site:
        host = parts.netloc.lower()
        return Site(
            f"Mastodon @{self.user}@{host}", "mastodon", f"mastodon:{host}/{self.user.lower()}"
        )

    def read(self) -> Iterator[Entry]:
        base = origin(self.url)
        lookup = self.crawl.json(f"{base}/api/v1/accounts/lookup?acct={quote(self.user)}")
        if (
            isinstance(lookup, Skipped)
            or not isinstance(lookup.data, dict)
            or "id" not in lookup.data
        ):
            reason = (
                lookup.message or lookup.reason
                if isinstance(lookup, Skipped)
                else M_("no account in the answer")
            )
            said = M_(
                "the server's API did not answer ({reason}); the profile's public RSS feed is "
                "read instead (it has the posts, but not the profile fields), with its pages",
                reason=reason,
            )
            yield Skipped.said(f"{base}/@{self.user}", said, SOURCE)
            self.crawl.add_feed(f"{base}/@{self.user}.rss")
            self.crawl.add_page(self.url)  # a server of another kind may show it all in HTML
            return
        account = lookup.data
        yield from self._account(account)
        yield from self._statuses(base, str(account["id"]))

    def _account(self, account: dict[str, Any]) -> Iterator[Entry]:
        locator = str(account.get("url") or self.url)
        group = self.crawl.site.group
        text = joined(
            str(account.get("display_name") or ""), fragment_text(str(account.get("note") or ""))
        )
        if text:
            yield SourceItem(SOURCE, locator, "bio", group=group, text=text)
        for field in account.get("fields") or ():
            if not isinstance(field, dict):
                continue
            label = fragment_text(str(field.get("name") or ""))
            value = fragment_text(str(field.get("value") or ""))
            if value:
                yield SourceItem(
                    SOURCE, locator, "profile-field", group=group, text=f"{label}: {value}"
                )
                if is_location_label(label):
                    yield profile_location(self.crawl.site, locator, label, value)
        for key in ("avatar", "header"):
            self.crawl.add_image(str(account.get(key) or ""))

    def _statuses(self, base: str, account_id: str) -> Iterator[Entry]:
        url = f"{base}/api/v1/accounts/{quote(account_id)}/statuses?limit={PER_PAGE}&exclude_reblogs=true"
        max_id = ""
        while True:
            reply = self.crawl.json(url + (f"&max_id={quote(max_id)}" if max_id else ""))
            if isinstance(reply, Skipped):
                yield reply
                return
            statuses = (
                [s for s in reply.data if isinstance(s, dict)]
                if isinstance(reply.data, list)
                else []
            )
            if not statuses:
                return
            for status in statuses:
                yield from self._status(status)
            max_id = str(statuses[-1].get("id") or "")
            if not max_id:
                return

    def _status(self, status: dict[str, Any]) -> Iterator[Entry]:
        locator = str(status.get("url") or status.get("uri") or "")
        if not locator:
            return
        when = iso_time(status.get("created_at"))
        group = self.crawl.site.group
        text = joined(
            str(status.get("spoiler_text") or ""), fragment_text(str(status.get("content") or ""))
        )
        if text:
            yield SourceItem(SOURCE, locator, "post", group=group, timestamp=when, text=text)
        for media in status.get("media_attachments") or ():
            if not isinstance(media, dict):
                continue
            if media.get("type") in ("image", "gifv", "video"):
                self.crawl.add_image(str(media.get("url") or media.get("remote_url") or ""))
            if media.get("description"):
                yield SourceItem(
                    SOURCE,
                    locator,
                    "caption",
                    group=group,
                    timestamp=when,
                    text=str(media["description"]),
                )
