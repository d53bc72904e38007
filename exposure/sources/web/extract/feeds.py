"""RSS and Atom feeds: each item's text, link, date, media, and GeoRSS / W3C geo positions.

Feeds are read with defusedxml: a feed is untrusted XML from the web, and entity
expansion ("billion laughs") or external entities must never be processed.  Positions
come from GeoRSS Simple (``georss:point "lat lon"``), GeoRSS GML (``gml:pos``) and the
W3C Basic Geo vocabulary (``geo:lat`` / ``geo:long``), on an item or on the whole feed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from selectolax.lexbor import LexborHTMLParser

from exposure.sources.web.extract.clues import Clue, coordinates, place, split_pair
from exposure.sources.web.extract.page import fragment_text

GEORSS = "http://www.georss.org/georss"
GML = "http://www.opengis.net/gml"
W3C_GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
MAX_ITEMS = 1000


class FeedError(Exception):
    """The bytes are not a feed that can be read; ``str()`` is the reason."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One post of a feed."""

    link: str
    title: str
    text: str
    published: datetime | None
    clues: tuple[Clue, ...]
    media: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its own location clues and its items."""

    title: str
    clues: tuple[Clue, ...]
    items: tuple[FeedItem, ...]


def _local(tag: object) -> tuple[str, str]:
    text = str(tag)
    if text.startswith("{"):
        ns, _, name = text[1:].partition("}")
        return ns, name
    return "", text


def _text(node: ET.Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _child(node: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in node if _local(c.tag)[1] == name), None)


def _geo_clues(node: ET.Element) -> list[Clue]:
    """Positions written directly on ``node`` (an item, an entry or the channel)."""
    clues: list[Clue | None] = []
    lat = lon = None
    for child in node:
        ns, name = _local(child.tag)
        if ns == GEORSS and name == "point":
            parts = split_pair(_text(child))
            clues.append(coordinates("GeoRSS point", *parts[:2]) if parts else None)
        elif ns == GEORSS and name == "where":
            pos = next((p for p in child.iter() if _local(p.tag) == (GML, "pos")), None)
            parts = split_pair(_text(pos))
            clues.append(coordinates("GeoRSS GML position", *parts[:2]) if parts else None)
        elif ns == GEORSS and name.lower() == "featurename":
            clues.append(place("GeoRSS featureName", _text(child)))
        elif ns == W3C_GEO and name == "lat":
            lat = _text(child)
        elif ns == W3C_GEO and name in ("long", "lon"):
            lon = _text(child)
        elif ns == W3C_GEO and name == "Point":
            clues.extend(_geo_clues(child))
    if lat and lon:
        clues.append(coordinates("W3C geo:lat/geo:long", lat, lon))
    return [c for c in clues if c is not None]


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _html_text_and_images(markup: str) -> tuple[str, list[str]]:
    if "<" not in markup:
        return " ".join(markup.split()), []
    images = [n.attributes.get("src") or "" for n in LexborHTMLParser(markup).css("img[src]")]
    return fragment_text(markup), [i for i in images if i]


def _item(node: ET.Element, atom: bool) -> FeedItem:
    link = ""
    media: list[str] = []
    body = ""
    for child in node:
        ns, name = _local(child.tag)
        if name == "link":
            rel = child.get("rel", "alternate")
            if atom and rel == "alternate" and child.get("href"):
                link = link or child.get("href", "")
            elif atom and rel == "enclosure" and child.get("type", "").startswith("image/"):
                media.append(child.get("href", ""))
            elif not atom and not link:
                link = _text(child)
        elif name == "enclosure" and child.get("type", "image/").startswith("image/"):
            media.append(child.get("url", ""))
        elif ns == MEDIA and name in ("content", "thumbnail"):
            if child.get("medium", "image") == "image" or child.get("type", "").startswith(
                "image/"
            ):
                media.append(child.get("url", ""))
        elif name in ("description", "summary", "content", "encoded") and len(_text(child)) > len(
            body
        ):
            body = "".join(child.itertext())
    text, images = _html_text_and_images(body)
    dates = (_child(node, n) for n in ("pubDate", "published", "updated", "date"))
    published = _date(_text(next((d for d in dates if d is not None), None)))
    return FeedItem(
        link=link.strip(),
        title=_text(_child(node, "title")),
        text=text,
        published=published,
        clues=tuple(_geo_clues(node)),
        media=tuple(dict.fromkeys(m.strip() for m in media + images if m.strip())),
    )


def read_feed(data: bytes) -> Feed:
    """Parse RSS 2.0, RSS 1.0 or Atom; raises :class:`FeedError`."""
    try:
        root = SafeET.fromstring(data)
    except (ET.ParseError, DefusedXmlException, ValueError) as exc:
        raise FeedError(f"not a feed that can be read ({type(exc).__name__})") from exc
    ns, name = _local(root.tag)
    atom = ns == ATOM or name == "feed"
    found = None if atom else _child(root, "channel")
    channel = root if found is None else found
    entries = [n for n in root.iter() if _local(n.tag)[1] == ("entry" if atom else "item")]
    if name not in ("rss", "RDF", "feed"):
        raise FeedError("not an RSS or Atom feed")
    return Feed(
        title=_text(_child(channel, "title")),
        clues=tuple(_geo_clues(channel)),
        items=tuple(_item(entry, atom) for entry in entries[:MAX_ITEMS]),
    )
