"""``geo:`` URIs (RFC 5870) in links: ``geo:51.5264,-0.0811;u=40``.

Written by hand in ``href`` attributes (a "show on map" link), by microformats ``u-geo``
and by some feed generators.  The semicolon form ``geo:51.52;-0.08`` seen in the wild is
accepted too.  A position in another reference system (``crs=`` other than WGS84) is not
a place we can show and is ignored.
"""

from __future__ import annotations

from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from exposure.sources.web.extract.clues import Clue, coordinates, number


def parse_geo_uri(uri: str) -> tuple[str, str, str | None, str | None] | None:
    """``(lat, lon, altitude, uncertainty_m)`` text from a ``geo:`` URI, or None."""
    text = unquote(uri.strip())
    if text[:4].lower() != "geo:":
        return None
    tokens = text[4:].split("?", 1)[0].split(";")
    numbers = [t.strip() for t in tokens[0].split(",")]
    rest = tokens[1:]
    if len(numbers) == 1 and rest and number(rest[0]) is not None:
        numbers.append(rest.pop(0).strip())  # "geo:lat;lon": not RFC 5870, but written
    if len(numbers) < 2:
        return None
    params = dict(p.partition("=")[::2] for p in rest)
    crs = params.get("crs", "wgs84").strip().lower()
    if crs != "wgs84":
        return None
    altitude = numbers[2] if len(numbers) > 2 else None
    return numbers[0], numbers[1], altitude, params.get("u")


def geo_uri_clue(
    markup: str, uri: str, *, name: str | None = None, address: str = ""
) -> Clue | None:
    """A coordinates clue from a ``geo:`` URI, or None."""
    parsed = parse_geo_uri(uri)
    if parsed is None:
        return None
    lat, lon, alt, uncertainty = parsed
    return coordinates(
        markup, lat, lon, altitude=alt, accuracy=uncertainty, name=name, address=address
    )


def geo_link_clues(tree: LexborHTMLParser) -> list[Clue]:
    """Clues from every link whose address is a ``geo:`` URI (microformat u-geo aside)."""
    clues = []
    for node in tree.css("a[href], area[href], link[href]"):
        if "u-geo" in (node.attributes.get("class") or "").split():
            continue  # read with its microformat, where its name and address are known
        href = node.attributes.get("href") or ""
        if href.strip()[:4].lower() == "geo:":
            found = geo_uri_clue("geo: link", href, name=" ".join(node.text().split()) or None)
            if found is not None:
                clues.append(found)
    return clues
