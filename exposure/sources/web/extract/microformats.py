"""Location in microformats: h-geo, h-adr, h-card and p-location (mf2), and classic geo/adr.

Only the location properties are read, following the microformats2 parsing rules where
they matter here: class names are case-sensitive (``H-adr`` is not a microformat),
properties belong to their nearest root, and a property's value comes from the
value-class pattern (``value-title``'s title, ``value`` parts), an ``abbr`` title, a
``data`` value or the element's text.  Classic (v1) ``geo`` may also be written as
``"lat;lon"`` in the root itself (``<abbr class="geo" title="30.27;-97.74">``).
"""

from __future__ import annotations

from collections import deque

from selectolax.lexbor import LexborHTMLParser, LexborNode

from exposure.sources.web.extract.clues import (
    ADDRESS_FIELDS,
    Clue,
    address,
    coordinates,
    pair,
    place,
)
from exposure.sources.web.extract.geouri import geo_uri_clue
from exposure.sources.web.extract.structured import element_children

_V2_ADDRESS = tuple("p-" + f for f in ADDRESS_FIELDS)
_V1_ROOTS = frozenset({"geo", "adr", "vcard", "vevent"})
_LOCATED = frozenset({"h-event", "h-entry", "h-review", "h-product"})


def _classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()


def _is_root(classes: list[str]) -> bool:
    return any(c.startswith("h-") for c in classes) or any(c in _V1_ROOTS for c in classes)


def _properties(root: LexborNode) -> dict[str, list[LexborNode]]:
    """Class name -> elements, for elements inside ``root`` and not inside a nested root."""
    found: dict[str, list[LexborNode]] = {}
    pending = deque(element_children(root))
    while pending:
        node = pending.popleft()
        classes = _classes(node)
        for name in classes:
            found.setdefault(name, []).append(node)
        if not _is_root(classes):
            pending.extendleft(reversed(list(element_children(node))))
    return found


def text_value(node: LexborNode) -> str:
    """A property's text value (value-class pattern, abbr title, data value, alt, text)."""
    titles = [n.attributes.get("title") for n in node.css(".value-title")]
    if titles and titles[0]:
        return titles[0].strip()
    parts = [_plain(n) for n in node.css(".value")]
    if parts:
        return "".join(parts).strip()
    return _plain(node)


def _plain(node: LexborNode) -> str:
    tag = node.tag or ""
    if tag == "abbr" and node.attributes.get("title"):
        return (node.attributes.get("title") or "").strip()
    if tag in ("data", "input", "meter") and node.attributes.get("value"):
        return (node.attributes.get("value") or "").strip()
    if tag in ("img", "area") and node.attributes.get("alt"):
        return (node.attributes.get("alt") or "").strip()
    return " ".join(node.text(deep=True).split())


def _first(props: dict[str, list[LexborNode]], *names: str) -> str:
    for name in names:
        for node in props.get(name, ()):
            value = text_value(node)
            if value:
                return value
    return ""


def _geo(props: dict[str, list[LexborNode]], label: str, prefix: str, where: str) -> Clue | None:
    """Coordinates from latitude/longitude properties, a "lat;lon" geo or a geo: URI."""
    name = _first(props, f"{prefix}name") or None
    lat, lon = _first(props, f"{prefix}latitude"), _first(props, f"{prefix}longitude")
    if lat and lon:
        alt = _first(props, f"{prefix}altitude") or None
        return coordinates(label, lat, lon, altitude=alt, name=name, address=where)
    for node in props.get("u-geo", []) + props.get(f"{prefix}geo", []):
        href = node.attributes.get("href") or ""
        found = (
            geo_uri_clue(label, href, name=name, address=where)
            if href.strip()[:4].lower() == "geo:"
            else pair(label, text_value(node), name=name, address=where)
        )
        if found is not None:
            return found
    return None


def _address(props: dict[str, list[LexborNode]], label: str, prefix: str) -> Clue | None:
    fields = _V2_ADDRESS if prefix == "p-" else ADDRESS_FIELDS
    parts = {f: _first(props, key) for f, key in zip(ADDRESS_FIELDS, fields, strict=True)}
    return address(
        label, {k: v for k, v in parts.items() if v}, name=_first(props, f"{prefix}name") or None
    )


def _root_clues(root: LexborNode, classes: list[str]) -> list[Clue | None]:
    props = _properties(root)
    clues: list[Clue | None] = []
    if "h-geo" in classes:
        clues.append(_geo(props, "microformats h-geo", "p-", ""))
    if "h-adr" in classes or "h-card" in classes:
        label = "microformats " + ("h-adr" if "h-adr" in classes else "h-card")
        postal = _address(props, label, "p-")
        located = _geo(props, label, "p-", postal.text if postal else "")
        clues.append(located or postal)
    located_types = sorted(_LOCATED & set(classes))
    if located_types:
        label = f"microformats {located_types[0]} location"
        clues.extend(
            place(label, text_value(node))
            for node in props.get("p-location", [])
            if not _is_root(_classes(node))
        )
    if "geo" in classes:
        found = _geo(props, "microformats geo (classic)", "", "")
        clues.append(found or pair("microformats geo (classic)", text_value(root)))
    if "adr" in classes:
        clues.append(_address(props, "microformats adr (classic)", ""))
    return clues


def microformat_clues(tree: LexborHTMLParser) -> list[Clue]:
    """Clues from every microformat root on the page."""
    clues: list[Clue | None] = []
    for node in tree.css("[class]"):
        classes = _classes(node)
        if _is_root(classes):
            clues.extend(_root_clues(node, classes))
    return [c for c in clues if c is not None]
