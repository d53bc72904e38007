"""One INPUT's crawl: a bounded queue of pages, feeds and images, fetched a few at a time.

Adapters fetch API responses one by one through :meth:`Crawl.json` and put pages, feeds
and images in the queue; :meth:`Crawl.drain` fetches the queue in worker threads (the
fetcher keeps per-host manners) and reads each result in this thread, in the order the
work was queued, so the same site gives the same report on every run.  Every limit that
is reached becomes one "could not check" line saying what was left out.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from exposure.errors import FetchError
from exposure.i18n.message import M_, Message, Mn_
from exposure.model import Skipped, SourceItem
from exposure.options import WebOptions
from exposure.sources.base import Activity, Entry, quiet
from exposure.sources.web.decode import charset_of, decode_text
from exposure.sources.web.extract.feeds import FeedError, read_feed
from exposure.sources.web.extract.page import Page, joined, read_page
from exposure.sources.web.fetch import HTML, JSON, Fetcher, Response, megabytes
from exposure.sources.web.findings import Site, clue_findings
from exposure.sources.web.images import Image, fetch_image
from exposure.sources.web.scope import Scope, normalise

SOURCE = "web"
MAX_WORKERS = 6
"""Fetching threads per crawl: past this, threads only wait for each other (Python's GIL)."""
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"

PageHook = Callable[[Page], Iterator[Entry]]
"""Called with every HTML page read, before its links are queued (adapters detect platforms)."""


@dataclass(frozen=True, slots=True)
class _Job:
    url: str
    kind: str  # "page", "feed" or "image"


@dataclass(frozen=True, slots=True)
class JsonReply:
    """A parsed JSON answer and the response it came in (for paging headers)."""

    data: Any
    response: Response


def _count(number: int, noun: str) -> Message:
    """``3 pages``, ``1 image``, in the reader's language."""
    if noun == "page":
        return Mn_("{count} page", "{count} pages", number)
    return Mn_("{count} image", "{count} images", number)


def _looks_binary(body: bytes) -> bool:
    """Mostly NUL bytes at the start: an image or a program, not a page with a stray NUL
    (UTF-16 pages are recognised before this, by their byte order mark or charset)."""
    head = body[:1024]
    return head.count(b"\x00") > len(head) // 4


class Crawl:
    """The queue, budgets and readers of one INPUT's crawl."""

    def __init__(
        self, start: str, web: WebOptions, fetcher: Fetcher, scope: Scope, site: Site
    ) -> None:
        self.start = start
        self.web = web
        self.fetcher = fetcher
        self.scope = scope
        self.site = site
        self.hooks: list[PageHook] = []
        self._queue: deque[_Job] = deque()
        self._seen: set[str] = set()
        self._pages = 0
        self._images = 0
        self._over = {"page": 0, "image": 0}
        self._workers = min(MAX_WORKERS, 2 * web.concurrency)
        self._done = 0
        self.activity: Activity = quiet
        """Told after each fetch how many are done out of those taken so far."""

    def _fetched(self) -> None:
        """One more fetch answered (told from the thread that reads the answers)."""
        self._done += 1
        self.activity(self.start, self._done, self._pages + self._images, "pages and images")

    # -- budgets and queue ------------------------------------------------------------
    def _take(self, kind: str, *, note: bool = True) -> bool:
        """Use one unit of the page or image budget; False (counted when ``note``) when spent."""
        if kind == "image":
            if self._images >= self.web.max_images:
                self._over["image"] += 1
                return False
            self._images += 1
            return True
        if self._pages >= self.web.max_pages:
            self._over["page"] += int(note)
            return False
        self._pages += 1
        return True

    def _add(self, url: str, kind: str) -> None:
        url = normalise(url)
        if url in self._seen:
            return
        self._seen.add(url)
        if self._take(kind):
            self._queue.append(_Job(url, kind))

    def add_page(self, url: str) -> None:
        """Queue a page of the site (ignored when outside the scope)."""
        if self.scope.allows(url):
            self._add(url, "page")

    def add_feed(self, url: str) -> None:
        """Queue an RSS or Atom feed of the site (ignored when outside the scope)."""
        if self.scope.allows(url):
            self._add(url, "feed")

    def add_image(self, url: str) -> None:
        """Queue an image shown by the profile (it may live on another host, such as a CDN)."""
        if url.startswith(("http://", "https://")):
            self._add(url, "image")

    # -- one-by-one fetches for adapters ---------------------------------------------
    def fetch(self, url: str, accept: str = JSON, *, same_host: bool = True) -> Response | Skipped:
        """Fetch one API response or page now; counts against the page limit."""
        if same_host and self.scope.problem(url) and not self._same_host(url):
            return Skipped.said(url, M_("not fetched: outside the profile you named"), SOURCE)
        if not self._take("page", note=False):
            said = M_(
                "not fetched: the limit of {pages} pages was reached (see --max-pages)",
                pages=self.web.max_pages,
            )
            return Skipped.said(url, said, SOURCE)
        self._seen.add(normalise(url))
        try:
            return self.fetcher.get(url, accept=accept, scope=self._redirect_rule(same_host))
        except FetchError as exc:
            return Skipped(exc.url, exc.reason, SOURCE, exc.message)
        finally:
            self._fetched()

    def json(self, url: str, accept: str = JSON, *, same_host: bool = True) -> JsonReply | Skipped:
        """Fetch and parse one JSON document (a Skipped record when that fails)."""
        response = self.fetch(url, accept, same_host=same_host)
        if isinstance(response, Skipped):
            return response
        text, problem = decode_text(response.body, "utf-8")
        if problem is not None:
            said = M_(
                "the answer is not valid JSON text ({problem})", problem=problem.split(";")[0]
            )
            return Skipped.said(url, said, SOURCE)
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            said = (
                M_("the answer is not JSON (the server sent {type})", type=response.media_type)
                if response.media_type
                else M_("the answer is not JSON (the server sent no type)")
            )
            return Skipped.said(url, said, SOURCE)
        return JsonReply(data, response)

    def _same_host(self, url: str) -> bool:
        return (urlsplit(url).hostname or "").lower() == self.scope.host

    def _redirect_rule(self, same_host: bool) -> Callable[[str], str | None] | None:
        if not same_host:
            return None
        return lambda url: (
            None
            if self.scope.allows(url) or self._same_host(url)
            else "outside the profile you named"
        )

    # -- draining the queue -------------------------------------------------------------
    def drain(self) -> Iterator[Entry]:
        """Fetch and read everything queued (and what that queues), within the limits."""
        window: deque[tuple[_Job, Future[Response | Image | None | FetchError]]] = deque()
        with ThreadPoolExecutor(self._workers, thread_name_prefix="exposure-web") as pool:
            while True:
                while (
                    self._queue
                    and len(window) < self._workers
                    and time.monotonic() < self.fetcher.deadline
                ):
                    job = self._queue.popleft()
                    window.append((job, pool.submit(self._work, job)))
                if not window:
                    break
                job, future = window.popleft()
                yield from self._read(job, future.result())

    def _work(self, job: _Job) -> Response | Image | None | FetchError:
        try:
            if job.kind == "image":
                return fetch_image(self.fetcher, job.url)
            accept = FEED_ACCEPT if job.kind == "feed" else HTML
            return self.fetcher.get(
                job.url, accept=accept, scope=self.scope.problem, truncate=job.kind != "feed"
            )
        except FetchError as exc:
            return exc
        except Exception as exc:  # a bug in one fetch must not end the audit
            return FetchError(job.url, f"unexpected error while fetching ({type(exc).__name__})")

    def _read(self, job: _Job, result: Response | Image | None | FetchError) -> Iterator[Entry]:
        self._fetched()
        if isinstance(result, FetchError):
            yield Skipped(result.url, result.reason, SOURCE, result.message)
        elif isinstance(result, Image):
            yield SourceItem(SOURCE, job.url, result.kind, data=result.data, group=self.site.group)
            if result.note:
                said = M_("partly checked: {notes}", notes=result.note)
                yield Skipped.said(job.url, said, SOURCE)
        elif isinstance(result, Response):
            if job.kind == "feed":
                yield from self.feed_entries(result)
            else:
                yield from self._page_response(result)

    def finish(self) -> Iterator[Skipped]:
        """One line for each limit that left something out."""
        if self._queue:
            pages = sum(1 for j in self._queue if j.kind != "image")
            seconds, images = f"{self.web.max_seconds:g}", len(self._queue) - pages
            said = M_(
                "stopped after {seconds} s (see --max-time): {pages} and {images} were not checked",
                seconds=seconds,
                pages=_count(pages, "page"),
                images=_count(images, "image"),
            )
            yield Skipped.said(self.start, said, SOURCE)
        for kind, limit in (("page", self.web.max_pages), ("image", self.web.max_images)):
            if self._over[kind]:
                flag = f"--max-{kind}s"
                said = M_(
                    "stopped at {limit} (see {flag}): {more} more found but not checked",
                    limit=_count(limit, kind),
                    flag=flag,
                    more=_count(self._over[kind], kind),
                )
                yield Skipped.said(self.start, said, SOURCE)

    # -- readers ------------------------------------------------------------------------
    def _page_response(self, response: Response) -> Iterator[Entry]:
        url = response.url
        if response.media_type.startswith("image/"):
            self._seen.discard(normalise(url))
            self.add_image(url)
            return
        if response.media_type in FEED_TYPES:
            yield from self.feed_entries(response)
            return
        if response.media_type not in HTML_TYPES:
            said = M_(
                "not a web page (the server sent {type}); not checked", type=response.media_type
            )
            yield Skipped.said(url, said, SOURCE)
            return
        if _looks_binary(response.body):
            said = M_("said to be a web page, but it holds binary data; not checked")
            yield Skipped.said(url, said, SOURCE)
            return
        if not response.complete:
            cap = megabytes(self.fetcher.web.max_bytes)
            said = M_(
                "partly checked: the page is larger than {cap}; its first {cap} were checked "
                "(see --max-bytes)",
                cap=cap,
            )
            yield Skipped.said(url, said, SOURCE)
        html, problem = decode_text(response.body, charset_of(response.charset, response.body))
        html = html.replace("\x00", "")  # a stray NUL byte: the rest is still a page
        if problem:
            yield Skipped.said(url, M_("partly checked: {notes}", notes=problem), SOURCE)
        yield from self.page_entries(read_page(html, url), follow=True)

    def page_entries(
        self, page: Page, *, kind: str = "page", when: datetime | None = None, follow: bool = False
    ) -> Iterator[Entry]:
        """Findings, text and images of one page (or of a post's HTML from an API)."""
        if follow:  # first: a hook may recognise the platform, whose advice then applies
            for hook in list(self.hooks):
                yield from hook(page)
        yield from clue_findings(page.clues, page.url, self.site)
        text = joined(page.title, page.text)
        if text:
            yield SourceItem(
                SOURCE, page.url, kind, group=self.site.group, timestamp=when, text=text
            )
        for link in page.maps:
            yield SourceItem(SOURCE, page.url, "page-map-link", group=self.site.group, text=link)
        for image in page.images:
            self.add_image(image)
        if not follow:
            return
        for feed in page.feeds:
            self.add_feed(feed)
        for link in page.links:
            self.add_page(link)

    def feed_entries(self, response: Response) -> Iterator[Entry]:
        """Posts, positions and media of an RSS or Atom feed."""
        try:
            feed = read_feed(response.body)
        except FeedError as exc:
            yield Skipped(response.url, str(exc), SOURCE)
            return
        yield from clue_findings(feed.clues, response.url, self.site)
        for number, item in enumerate(feed.items, 1):
            locator = item.link or f"{response.url} (item {number})"
            yield from clue_findings(item.clues, locator, self.site, feed=True)
            text = joined(item.title, item.text)
            if text:
                yield SourceItem(
                    SOURCE,
                    locator,
                    "post",
                    group=self.site.group,
                    timestamp=item.published,
                    text=text,
                )
            for media in item.media:
                self.add_image(urljoin(item.link or response.url, media))

    def with_platform(self, platform: str, group: str | None = None) -> None:
        """Name the platform once it is recognised (its remediation steps apply from now on)."""
        self.site = replace(self.site, platform=platform, group=group or self.site.group)
