"""Location in schema.org data: JSON-LD scripts and microdata (``itemscope``/``itemprop``).

Both are read into the same nested dictionaries and walked once.  A node with a latitude
and a longitude (``GeoCoordinates``, or a ``Place`` carrying them itself) becomes a
coordinates clue; a ``PostalAddress`` (or an ``address`` given as text) an address clue;
a ``location`` given as plain text a place clue.  A Place's ``name`` and ``address``
travel with its coordinates, so one venue is one clue.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from exposure.sources.web.extract.clues import Clue, address, clean, coordinates, place

MAX_NODES = 20_000
"""Nodes walked per page at most (a hostile page cannot make the walk endless)."""

_POSTAL = {
    "streetAddress": "street-address",
    "addressLocality": "locality",
    "addressRegion": "region",
    "postalCode": "postal-code",
    "addressCountry": "country-name",
}


def jsonld_blocks(tree: LexborHTMLParser) -> Iterator[Any]:
    """The parsed content of every ``<script type="application/ld+json">`` (bad JSON skipped)."""
    for node in tree.css("script"):
        kind = (node.attributes.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        try:
            yield json.loads(node.text(deep=True) or "null", strict=False)
        except (ValueError, RecursionError):
            continue


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type") or node.get("type") or ()
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _postal(node: dict[str, Any]) -> dict[str, str]:
    parts: dict[str, str] = {}
    for key, field in _POSTAL.items():
        value = node.get(key)
        if isinstance(value, dict):  # addressCountry as a Country node
            value = value.get("name")
        if value is not None:
            parts[field] = clean(value)
    return parts


class _Walker:
    def __init__(self, label: str) -> None:
        self.label = label
        self.clues: list[Clue] = []
        self.budget = MAX_NODES

    def walk(self, value: Any, depth: int = 0) -> None:
        self.budget -= 1
        if self.budget < 0 or depth > 64:
            return
        if isinstance(value, list):
            for item in value:
                self.walk(item, depth + 1)
        elif isinstance(value, dict):
            self._node(value, depth)

    def _node(self, node: dict[str, Any], depth: int) -> None:
        types = _types(node)
        name = clean(node.get("name")) or None
        addr = node.get("address")
        postal = (
            address(f"{self.label} PostalAddress", _postal(addr), name=name)
            if isinstance(addr, dict)
            else None
        )
        geo = node.get("geo")
        lat_lon = geo if isinstance(geo, dict) else node
        if "latitude" in lat_lon and "longitude" in lat_lon:
            kind = "GeoCoordinates" if lat_lon is geo or "GeoCoordinates" in types else "geo"
            found = coordinates(
                f"{self.label} {kind}",
                lat_lon.get("latitude"),
                lat_lon.get("longitude"),
                altitude=lat_lon.get("elevation"),
                name=name,
                address=postal.text if postal is not None else "",
            )
            if found is not None:
                self.clues.append(found)
                postal = None  # said together with the coordinates
        if postal is not None:
            self.clues.append(postal)
        if isinstance(addr, str):
            self._text_address(addr, name)
        if "PostalAddress" in types:
            found_addr = address(f"{self.label} PostalAddress", _postal(node))
            if found_addr is not None:
                self.clues.append(found_addr)
        location = node.get("location")
        if isinstance(location, str):
            found_place = place(f"{self.label} location", location)
            if found_place is not None:
                self.clues.append(found_place)
        for key, value in node.items():
            if key in ("address", "geo") and isinstance(value, dict):
                continue  # read above
            if isinstance(value, (dict, list)):
                self.walk(value, depth + 1)

    def _text_address(self, text: str, name: str | None) -> None:
        parts = {"street-address": text} if any(c.isdigit() for c in text) else {"locality": text}
        found = address(f"{self.label} address", parts, name=name)
        if found is not None:
            self.clues.append(found)


def jsonld_clues(tree: LexborHTMLParser) -> list[Clue]:
    """Clues from every JSON-LD block of the page."""
    walker = _Walker("JSON-LD")
    for block in jsonld_blocks(tree):
        walker.walk(block)
    return walker.clues


def _item_value(node: LexborNode) -> Any:
    """The value of one ``itemprop`` element, following the microdata rules."""
    if "itemscope" in node.attributes:
        return _item(node)
    tag = node.tag or ""
    for attr, tags in (
        ("content", None),
        ("href", ("a", "area", "link")),
        ("src", ("img", "audio", "video", "source", "iframe", "embed")),
        ("datetime", ("time",)),
        ("value", ("data", "meter")),
    ):
        if (tags is None or tag in tags) and node.attributes.get(attr) is not None:
            return node.attributes.get(attr)
    return node.text(deep=True)


def _item(scope: LexborNode) -> dict[str, Any]:
    """A microdata item as a JSON-LD-like dictionary."""
    item: dict[str, Any] = {"@type": scope.attributes.get("itemtype") or ""}
    pending = deque(element_children(scope))
    while pending:
        node = pending.popleft()
        for prop in (node.attributes.get("itemprop") or "").split():
            item.setdefault(prop, _item_value(node))
        if "itemscope" not in node.attributes:
            pending.extendleft(reversed(list(element_children(node))))
    return item


def element_children(node: LexborNode) -> Iterator[LexborNode]:
    """The element children of ``node`` (text and comments left out), in order."""
    child = node.child
    while child is not None:
        if child.is_element_node:
            yield child
        child = child.next


def microdata_clues(tree: LexborHTMLParser) -> list[Clue]:
    """Clues from the page's top-level microdata items (nested items are walked inside)."""
    walker = _Walker("microdata")
    for scope in tree.css("[itemscope]"):
        if "itemprop" in scope.attributes:
            continue  # a nested item: read as part of its parent
        walker.walk(_item(scope))
    return walker.clues
