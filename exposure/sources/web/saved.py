"""Saved web pages (``.html``/``.htm`` files in a folder): read with the crawler's extractors.

A page saved from a browser ("Save page as") shows what a visitor saw: the same meta tags,
JSON-LD, microdata, microformats, ``geo:`` and map links, and visible text are read here
as in a crawl (:func:`~exposure.sources.web.extract.page.read_page`), without fetching
anything: links and images are not followed (a page's saved images lie beside it and are
read by the folder walk).  The address the page was saved from (the comment browsers write,
or its canonical link) names the site in the report when it is there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from exposure.i18n.message import M_
from exposure.model import Skipped, SourceItem
from exposure.options import Options
from exposure.sources.base import Entry
from exposure.sources.notchecked import Tally
from exposure.sources.web.decode import charset_of, decode_text
from exposure.sources.web.extract.page import joined, read_page
from exposure.sources.web.findings import Site, clue_findings

SOURCE = "saved-pages"
GROUP = "Saved web pages"
_SAVED_FROM = re.compile(rb"<!-- saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
_CANONICAL = re.compile(
    rb"""<link[^>]+rel=["']?canonical["']?[^>]*href=["'](https?://[^"']+)["']""", re.IGNORECASE
)


def _original(body: bytes) -> str | None:
    """The address the page was saved from, when the file says."""
    head = body[:65536]
    found = _SAVED_FROM.search(head) or _CANONICAL.search(head)
    if found is None:
        return None
    return found.group(1).decode("ascii", "replace")


def read_saved_page(
    path: str, locator: str, name: str, options: Options, tally: Tally
) -> Iterator[Entry]:
    """Findings, text and map links of one saved page (an empty or binary file is counted
    in ``tally`` as not checked)."""
    cap = options.web.max_bytes
    try:
        with open(path, "rb") as fh:
            body = fh.read(cap + 1)
    except OSError as exc:
        error = str(exc.strerror or exc)
        yield Skipped.said(locator, M_("could not open it ({error})", error=error), SOURCE)
        return
    notes = []
    if len(body) > cap:
        body = body[:cap]
        notes.append(f"only its first {cap // (1024 * 1024)} MB were read (see --max-bytes)")
    if b"\x00" in body:
        if body.count(b"\x00") > len(body) // 10:
            tally.add(locator, name)  # binary data named like a page
            return
        body = body.replace(b"\x00", b"")
    html, problem = decode_text(body, charset_of(None, body))
    if problem:
        notes.append(problem)
    original = _original(body)
    host = (urlsplit(original).hostname or "") if original else ""
    site = Site(
        group=f"{GROUP} from {host}" if host else GROUP,
        platform="website",
        key=f"saved:{host}" if host else "saved:local",
    )
    page = read_page(html, original or Path(path).resolve().as_uri())
    yield from clue_findings(page.clues, locator, site)
    text = joined(page.title, page.text, *page.maps)  # map links' positions too
    yield SourceItem(SOURCE, locator, "page", group=site.group, text=text or None)
    if notes:
        said = M_("partly checked: {notes}", notes="; ".join(notes))
        yield Skipped.said(locator, said, SOURCE)
