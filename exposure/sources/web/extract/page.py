"""One HTML page read once: its location clues, visible text, links, images, feeds and maps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from exposure.sources.web.extract.clues import Clue
from exposure.sources.web.extract.geouri import geo_link_clues
from exposure.sources.web.extract.meta import meta_clues, meta_values
from exposure.sources.web.extract.microformats import microformat_clues
from exposure.sources.web.extract.structured import jsonld_clues, microdata_clues

MAX_TEXT_CHARS = 1_000_000
"""Visible text handed to the text detectors per page, at most."""

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff", ".avif")
"""Image files whose metadata can hold a location (GIF and SVG cannot)."""
NO_LOCATION_SUFFIXES = frozenset({".gif", ".svg", ".ico", ".bmp"})
"""Image formats that cannot hold a position: not fetched at all."""
SKIP_SUFFIXES = (
    ".gif", ".svg", ".ico", ".css", ".js", ".mjs", ".json", ".xml", ".pdf", ".zip", ".gz",
    ".tar", ".mp3", ".mp4", ".mov", ".webm", ".woff", ".woff2", ".ttf", ".eot", ".exe",
    ".dmg", ".apk", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".txt", ".csv",
)  # fmt: skip
"""Links that are not pages to read (feeds are found through ``<link rel=alternate>``)."""
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
ACTIVITY_TYPES = frozenset({"application/activity+json", "application/ld+json"})
_MAP_HOST = re.compile(
    r"(^|\.)(maps\.google\.[a-z.]+|google\.[a-z.]+|goo\.gl|maps\.app\.goo\.gl|openstreetmap\.org|"
    r"osm\.org|maps\.apple\.com|bing\.com|waze\.com|here\.com|wego\.here\.com|what3words\.com|"
    r"w3w\.co|umap\.openstreetmap\.fr|mapy\.cz|yandex\.[a-z]+|2gis\.[a-z]+)$"
)
_BLOCKS = (
    "p, div, br, li, dt, dd, h1, h2, h3, h4, h5, h6, tr, td, th, section, article, header, "
    "footer, aside, nav, blockquote, pre, figure, figcaption, address, hr, main, ul, ol, table"
)
_INVISIBLE = ["script", "style", "noscript", "template", "svg", "iframe", "object", "head"]
_CODE = ["code", "pre", "kbd", "samp"]
"""Code samples: numbers there are rarely about the author (the text detectors skip them too)."""


@dataclass(frozen=True, slots=True)
class Page:
    """What one HTML page shows a visitor."""

    url: str
    title: str
    text: str
    clues: tuple[Clue, ...]
    links: tuple[str, ...]
    """Links to other pages (absolute, without fragments)."""
    images: tuple[str, ...]
    """Image files shown or linked (the largest ``srcset`` entry, links to originals)."""
    feeds: tuple[str, ...]
    maps: tuple[str, ...]
    """Embedded or linked map addresses, for the map-link text detectors."""
    activitypub: str | None
    """The ``application/activity+json`` alternate (an ActivityPub actor or object)."""
    wordpress_api: str | None
    """The WordPress REST API root announced by ``<link rel="https://api.w.org/">``."""
    generator: str


def largest_srcset(srcset: str) -> str | None:
    """The candidate with the largest width (``800w``) or density (``2x``) in a ``srcset``."""
    best: tuple[float, str] | None = None
    position, text = 0, srcset or ""
    while position < len(text):
        while position < len(text) and (text[position].isspace() or text[position] == ","):
            position += 1
        start = position
        while position < len(text) and not text[position].isspace():
            position += 1
        url = text[start:position]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            end = text.find(",", position)
            end = len(text) if end < 0 else end
            descriptor, position = text[position:end].strip(), end
        if not url:
            continue
        size = 1.0
        if descriptor[-1:] in ("w", "x"):
            try:
                size = float(descriptor[:-1])
            except ValueError:
                size = 1.0
        if best is None or size > best[0]:
            best = (size, url)
    return best[1] if best else None


def _suffix(url: str) -> str:
    """The lower-case file suffix of a URL's path (``".jpg"``), or ``""``."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "://" in path:  # leave out the scheme and host
        rest = path.split("://", 1)[1]
        path = rest[rest.find("/") :] if "/" in rest else ""
    name = path[path.rfind("/") + 1 :]
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def is_image_url(url: str) -> bool:
    """True when the address names an image file that can carry a location."""
    return _suffix(url) in IMAGE_SUFFIXES


def _absolute(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith(("http://", "https://")):
        return href.split("#", 1)[0]  # already absolute: no need to join
    if href.startswith(("data:", "javascript:", "mailto:", "tel:", "#", "blob:")):
        return None
    try:
        url = urljoin(base, href).split("#", 1)[0]
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


def _is_map(url: str) -> bool:
    lowered = url.lower()
    if "map" not in lowered and "w3w" not in lowered and "what3words" not in lowered:
        return False
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return _MAP_HOST.search(host) is not None


def _shown_images(tree: LexborHTMLParser, base: str, metas: list[tuple[str, str]]) -> list[str]:
    """Images a visitor's browser loads: the largest srcset entry, src, og:image."""
    found: list[str | None] = []
    for node in tree.css("img, picture source"):
        attrs = node.attributes
        srcset = attrs.get("srcset") or attrs.get("data-srcset")
        src = attrs.get("src") or attrs.get("data-src") or attrs.get("data-orig-file")
        found.append(_absolute(base, largest_srcset(srcset) if srcset else src))
        if srcset and src:
            found.append(_absolute(base, src))
    for key, content in metas:
        if key in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"):
            found.append(_absolute(base, content))
    return [u for u in found if u and _suffix(u) not in NO_LOCATION_SUFFIXES]


@dataclass
class _Links:
    pages: list[str]
    images: list[str]
    maps: list[str]
    feeds: list[str]
    activitypub: str | None = None
    wordpress_api: str | None = None


def _links(tree: LexborHTMLParser, base: str) -> _Links:
    """One pass over every link-like element, sorted by what it leads to."""
    found = _Links([], [], [], [])
    for node in tree.css("a[href], area[href], iframe[src], link[href]"):
        tag = node.tag
        attrs = node.attributes
        target = _absolute(base, attrs.get("src") if tag == "iframe" else attrs.get("href"))
        if target is None:
            continue
        if tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            kind = (attrs.get("type") or "").split(";")[0].strip().lower()
            if "alternate" in rel and kind in FEED_TYPES:
                found.feeds.append(target)
            elif "alternate" in rel and kind in ACTIVITY_TYPES and found.activitypub is None:
                found.activitypub = target
            elif "https://api.w.org/" in rel:
                found.wordpress_api = target
            elif "next" in rel:
                found.pages.append(target)
            continue
        suffix = _suffix(target)
        if _is_map(target):
            found.maps.append(target)
        elif tag == "iframe":
            continue
        elif suffix in IMAGE_SUFFIXES:
            found.images.append(target)  # a link to the full-size file
        elif suffix not in SKIP_SUFFIXES:
            found.pages.append(target)
    return found


def joined(*parts: str) -> str:
    """Non-empty parts, one per line (a post's warning and text, a name and a bio)."""
    return "\n".join(p for p in parts if p)


def visible_text(raw: str) -> str:
    """Text as read: runs of spaces collapsed, line breaks kept, blank lines dropped."""
    lines = (" ".join(line.split()) for line in raw.splitlines())
    return "\n".join(line for line in lines if line)


def fragment_text(markup: str) -> str:
    """The visible text of an HTML fragment (a post's content, a bio), paragraphs kept apart."""
    if "<" not in markup and "&" not in markup:
        return visible_text(markup)
    return _text_of(LexborHTMLParser(markup))


def _text_of(tree: LexborHTMLParser) -> str:
    """The visible text of a parsed document (changes the tree: run it last)."""
    tree.strip_tags(_INVISIBLE + _CODE)
    for node in tree.css(_BLOCKS):  # keep paragraphs apart in the text
        node.insert_after("\n")
    body = tree.body
    return visible_text(body.text(separator=" ")) if body is not None else ""


def read_page(html: str, url: str) -> Page:
    """Read ``html`` (fetched from ``url``): everything the crawler and detectors need."""
    tree = LexborHTMLParser(html)
    base_node = tree.css_first("base[href]")
    base = _absolute(url, base_node.attributes.get("href")) if base_node else None
    base = base or url
    metas = meta_values(tree)
    clues = (
        meta_clues(tree, metas)
        + jsonld_clues(tree)
        + microdata_clues(tree)
        + microformat_clues(tree)
        + geo_link_clues(tree)
    )
    links = _links(tree, base)
    generator = next((v for k, v in metas if k == "generator"), "")
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node else ""
    images = _shown_images(tree, base, metas) + links.images
    text = _text_of(tree)
    return Page(
        url=url,
        title=title,
        text=text[:MAX_TEXT_CHARS],
        clues=tuple(clues),
        links=tuple(dict.fromkeys(links.pages)),
        images=tuple(dict.fromkeys(images)),
        feeds=tuple(dict.fromkeys(links.feeds)),
        maps=tuple(dict.fromkeys(links.maps)),
        activitypub=links.activitypub,
        wordpress_api=links.wordpress_api,
        generator=generator,
    )
