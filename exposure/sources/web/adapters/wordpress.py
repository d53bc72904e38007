"""WordPress: every post, page and uploaded original through the public REST API.

Self-hosted WordPress serves uploaded originals exactly as they were sent, hidden GPS
included (../shared/docs/platforms.md section 24), while themes show resized copies.  The
REST API (``/wp-json/wp/v2/media``) lists each upload's ``source_url`` and, for large
images WordPress scaled down, the untouched ``original_image`` beside it: those are the
files fetched.  Posts and pages come through ``/wp/v2/posts`` and ``/wp/v2/pages`` and are
read like pages.  When the API is closed, the HTML crawl that runs alongside still reads
the site's pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from exposure.i18n.message import M_
from exposure.model import Skipped, SourceItem
from exposure.sources.base import Entry
from exposure.sources.web.crawl import SOURCE, Crawl, JsonReply
from exposure.sources.web.extract.page import fragment_text, read_page

PER_PAGE = 100
_POST_FIELDS = "id,link,date_gmt,title,content"
_MEDIA_FIELDS = "id,link,source_url,media_details,alt_text,caption,date_gmt,mime_type"


def endpoint(root: str, route: str, **params: str | int) -> str:
    """An API address under ``root`` (``/wp-json/`` or the plain ``?rest_route=/`` form)."""
    query = urlencode(params)
    if "rest_route=" in root:
        return f"{root.rstrip('/')}/{route}&{query}"
    return f"{root.rstrip('/')}/{route}?{query}"


def _date(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _rendered(value: object) -> str:
    return str(value.get("rendered") or "") if isinstance(value, dict) else ""


def _pages(crawl: Crawl, root: str, route: str, fields: str) -> Iterator[JsonReply | Skipped]:
    """Each page of a collection, until the last one (X-WP-TotalPages) or a limit."""
    number = 1
    while True:
        reply = crawl.json(endpoint(root, route, per_page=PER_PAGE, page=number, _fields=fields))
        yield reply
        if isinstance(reply, Skipped) or not isinstance(reply.data, list):
            return
        total = reply.response.headers.get("x-wp-totalpages", "")
        if len(reply.data) < PER_PAGE or (total.isdigit() and number >= int(total)):
            return
        number += 1


def _post(crawl: Crawl, post: dict[str, Any], kind: str) -> Iterator[Entry]:
    link = str(post.get("link") or "")
    if not link.startswith(("http://", "https://")):
        return
    page = read_page(_rendered(post.get("content")), link)
    title = fragment_text(_rendered(post.get("title")))
    yield from crawl.page_entries(
        replace(page, title=title), kind=kind, when=_date(post.get("date_gmt"))
    )


def _media(crawl: Crawl, item: dict[str, Any]) -> Iterator[Entry]:
    source = str(item.get("source_url") or "")
    if not source.startswith(("http://", "https://")):
        return
    crawl.add_image(source)
    details = item.get("media_details")
    original = details.get("original_image") if isinstance(details, dict) else None
    if isinstance(original, str) and original and "/" not in original:
        crawl.add_image(source.rsplit("/", 1)[0] + "/" + original)
    words = [str(item.get("alt_text") or ""), fragment_text(_rendered(item.get("caption")))]
    text = "\n".join(w for w in words if w.strip())
    if text:
        yield SourceItem(
            SOURCE, str(item.get("link") or source), "caption", group=crawl.site.group, text=text
        )


def wordpress_api(crawl: Crawl, root: str) -> Iterator[Entry]:
    """Read posts, pages and media through the REST API at ``root``."""
    for route, fields, kind in (
        ("wp/v2/posts", _POST_FIELDS, "post"),
        ("wp/v2/pages", _POST_FIELDS, "page"),
        ("wp/v2/media", _MEDIA_FIELDS, "media"),
    ):
        for reply in _pages(crawl, root, route, fields):
            if isinstance(reply, Skipped) and reply.reason.startswith("not fetched"):
                yield reply
                break
            if isinstance(reply, Skipped):
                said = M_(
                    "the WordPress API did not answer ({reason}); the site's pages are read "
                    "instead, but uploaded originals not shown on a page are not checked",
                    reason=reply.message or reply.reason,
                )
                yield Skipped.said(reply.locator, said, SOURCE)
                break
            for entry in reply.data if isinstance(reply.data, list) else ():
                if not isinstance(entry, dict):
                    continue
                yield from _media(crawl, entry) if kind == "media" else _post(crawl, entry, kind)
