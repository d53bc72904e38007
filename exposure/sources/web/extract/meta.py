"""Location in ``<meta>`` tags: geo tags, ICBM, Open Graph and Facebook place properties.

- ``geo.position`` (``"lat;lon"``), ``ICBM`` (``"lat, lon"``), ``geo.placename``,
  ``geo.region``: the "geo tag" convention many blog themes and SEO plugins write.
- ``og:latitude`` / ``og:longitude`` and ``og:street-address``, ``og:locality``,
  ``og:region``, ``og:postal-code``, ``og:country-name`` (Open Graph's original location
  properties, still written by event and venue sites).
- Any ``PREFIX:location:latitude`` / ``PREFIX:location:longitude`` pair
  (``place:location:*`` for Facebook places, the same shape in other namespaces) and
  ``business:contact_data:*`` addresses.

Properties that share a prefix describe one place: a latitude, a longitude and an address
under ``og:`` become a single clue.
"""

from __future__ import annotations

from collections import defaultdict

from selectolax.lexbor import LexborHTMLParser

from exposure.sources.web.extract.clues import Clue, address, coordinates, pair, place

_ADDRESS_KEYS = {
    "street-address": "street-address",
    "street_address": "street-address",
    "locality": "locality",
    "region": "region",
    "postal-code": "postal-code",
    "postal_code": "postal-code",
    "country-name": "country-name",
    "country_name": "country-name",
}


def meta_values(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """``(key, content)`` for every ``<meta>`` with a ``property`` or ``name``, keys lower case."""
    found = []
    for node in tree.css("meta[content]"):
        key = node.attributes.get("property") or node.attributes.get("name")
        content = node.attributes.get("content")
        if key and content:
            found.append((key.strip().lower(), content.strip()))
    return found


def meta_clues(tree: LexborHTMLParser, metas: list[tuple[str, str]] | None = None) -> list[Clue]:
    """Clues from the page's meta tags (``metas``: :func:`meta_values`, when already read)."""
    clues: list[Clue | None] = []
    groups: dict[str, dict[str, str]] = defaultdict(dict)
    for key, content in meta_values(tree) if metas is None else metas:
        if key == "geo.position":
            clues.append(pair("meta geo.position", content))
        elif key == "icbm":
            clues.append(pair("meta ICBM", content))
        elif key in ("geo.placename", "geo.region"):
            clues.append(place(f"meta {key}", content))
        elif key.endswith(("latitude", "longitude")):
            field = "lat" if key.endswith("latitude") else "lon"
            groups[key[: -len("latitude" if field == "lat" else "longitude")]][field] = content
        else:
            prefix, _, last = key.rpartition(":")
            if prefix and last in _ADDRESS_KEYS:
                groups[prefix + ":"][_ADDRESS_KEYS[last]] = content
    for prefix, values in groups.items():
        label = f"meta {prefix}*"
        postal = address(label, values)
        where = postal.text if postal is not None else ""
        if "lat" in values and "lon" in values:
            found = coordinates(label, values["lat"], values["lon"], address=where)
            if found is not None:
                clues.append(found)
                continue
        clues.append(postal)
    return [c for c in clues if c is not None]
