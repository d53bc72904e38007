"""Decode map links offline: which service, and the position or place search they open.

Nothing is fetched.  Short links (``maps.app.goo.gl/...``) cannot be decoded without
opening them, so they come back as ``short=True`` with no position: the user is told to
look at them.  Formats, by service (parameters as the services document or write them):

* Google Maps: ``!3d<lat>!4d<lon>`` (the place itself, preferred), ``/@lat,lon,zoom``
  (the map view), ``q``, ``query``, ``ll``, ``sll``, ``center``, ``viewpoint``, ``daddr``,
  ``destination``, ``cbll``; ``/maps/place/<name>``, ``/maps/search/<text>``.
* Apple Maps: ``ll``, ``sll``, ``coordinate``, ``center``, ``q``, ``address``, ``daddr``.
* OpenStreetMap: ``mlat``/``mlon``, ``#map=zoom/lat/lon``, ``query``; short ``osm.org/go/``.
* Bing Maps: ``cp=lat~lon``, ``sp=point.lat_lon_name``, ``where1``, ``q``.
* Waze: ``ll``, ``to=ll.lat,lon``, ``q``; ``/ul/h<geohash>``.
* HERE WeGo: ``map=lat,lon,zoom``, ``share.here.com/l/lat,lon,name``.
* what3words: ``what3words.com/word.word.word`` and ``w3w.co/word.word.word``.
* Any other link with ``lat``/``lon`` (or ``latitude``/``longitude``) parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from openlocationcode import openlocationcode as olc

from exposure.detectors.text.coordinates import CoordinatesDetector
from exposure.detectors.text.hit import number, point, squash
from exposure.geo import Position

_PAIR = re.compile(
    r"^\s*(?P<lat>[-+−]?\d{1,2}(?:\.\d+)?)\s*[,~_;/ ]\s*(?P<lon>[-+−]?\d{1,3}(?:\.\d+)?)"
)
_PLACE_POINT = re.compile(r"!3d(?P<lat>-?\d{1,2}\.\d+)!4d(?P<lon>-?\d{1,3}\.\d+)")
_VIEW = re.compile(r"/@(?P<lat>-?\d{1,2}\.\d+),(?P<lon>-?\d{1,3}\.\d+)")
_W3W_PATH = re.compile(r"^/*(?P<w>[^\W\d_]{2,}\.[^\W\d_]{2,}\.[^\W\d_]{2,})/?$")
_GEOHASH = "0123456789bcdefghjkmnpqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class MapLink:
    """What a map link shows."""

    service: str
    """``Google Maps``, ``Apple Maps``... (``what3words`` for what3words addresses)."""
    position: Position | None = None
    place: str | None = None
    """The search text or place name the link opens, when it names one."""
    short: bool = False
    """A short link whose place cannot be known without opening it."""


@dataclass(frozen=True, slots=True)
class _Url:
    host: str
    path: str
    query: dict[str, list[str]]
    fragment: str

    def param(self, *names: str) -> str | None:
        """The first non-empty value among the query parameters ``names``."""
        for name in names:
            for value in self.query.get(name, ()):
                if value.strip():
                    return value
        return None


def _split(url: str) -> _Url | None:
    try:
        parts = urlsplit(url if "://" in url else "https://" + url)
        host = (parts.hostname or "").casefold()
    except ValueError:
        return None
    query = parse_qs(parts.query, keep_blank_values=False)
    lowered = {k.casefold(): v for k, v in query.items()}
    return _Url(host.removeprefix("www."), unquote(parts.path), lowered, unquote(parts.fragment))


def position_in(text: str) -> Position | None:
    """The position a search text or place name gives: ``lat,lon`` or a full plus code."""
    match = _PAIR.match(text)
    if match is not None:
        decimals = match["lat"].partition(".")[2]
        if decimals or "," in text:
            return point(number(match["lat"]), number(match["lon"]))
    code = text.strip().upper()
    if 9 <= len(code) <= 15 and olc.isValid(code) and olc.isFull(code):
        area = olc.decode(code)
        return point(area.latitudeCenter, area.longitudeCenter)
    written = CoordinatesDetector().find_unscreened(text.replace("+", " "))  # degrees in a name
    return written[0].position if written else None


def _place(service: str, text: str | None, short: bool = False) -> MapLink | None:
    """A link for the search ``text``: its position when it is one, else the place named."""
    if text is None:
        return MapLink(service, short=True) if short else None
    position = position_in(text)
    cleaned = squash(text.replace("+", " "))
    if position is not None:
        return MapLink(service, position=position)
    if not any(c.isalpha() for c in cleaned):
        return None
    return MapLink(service, place=cleaned)


def _first(*links: MapLink | None) -> MapLink | None:
    return next((link for link in links if link is not None), None)


def _google(url: _Url) -> MapLink | None:
    name = "Google Maps"
    if url.host in ("maps.app.goo.gl", "goo.gl") or url.host.startswith("g.co"):
        return MapLink(name, short=True)
    found = _PLACE_POINT.search(url.path + " " + (url.param("data") or ""))
    place = _path_place(url.path)
    shown = squash(place.replace("+", " ")) if place else None
    if found is not None:
        position = point(float(found["lat"]), float(found["lon"]))
        if position is not None:
            return MapLink(name, position=position, place=shown)
    by_param = _first(
        *(
            _place(name, url.param(key))
            for key in (
                "q",
                "query",
                "ll",
                "sll",
                "center",
                "viewpoint",
                "cbll",
                "daddr",
                "destination",
            )
        )
    )
    view = _VIEW.search(url.path)
    if by_param is not None and (by_param.position is not None or view is None):
        return by_param
    if view is not None:
        position = point(float(view["lat"]), float(view["lon"]))
        if position is not None:
            return MapLink(name, position=position, place=shown)
    return by_param or (_place(name, place) if place else None)


def _path_place(path: str) -> str | None:
    """The place named in ``/maps/place/<name>/`` or ``/maps/search/<text>/``."""
    match = re.search(r"/maps/(?:place|search)/([^/@]+)", path)
    return match.group(1) if match else None


def _apple(url: _Url) -> MapLink | None:
    if url.host == "maps.apple" or url.path.startswith("/p/"):
        return MapLink("Apple Maps", short=True)
    located = _first(
        *(_place("Apple Maps", url.param(k)) for k in ("ll", "coordinate", "sll", "center"))
    )
    named = url.param("q", "address", "daddr", "name")
    if located is not None and located.position is not None:
        return MapLink("Apple Maps", position=located.position, place=named and squash(named))
    return _place("Apple Maps", named)


def _osm(url: _Url) -> MapLink | None:
    name = "OpenStreetMap"
    if url.path.startswith("/go/"):
        return MapLink(name, short=True)
    lat, lon = url.param("mlat", "lat"), url.param("mlon", "lon")
    if lat and lon:
        return _place(name, f"{lat},{lon}")
    view = re.search(r"map=\d+(?:\.\d+)?/(-?\d+(?:\.\d+)?)/(-?\d+(?:\.\d+)?)", url.fragment)
    if view is not None:
        return _place(name, f"{view.group(1)},{view.group(2)}")
    route = url.param("route")
    return _place(name, route.split(";")[0]) if route else _place(name, url.param("query"))


def _bing(url: _Url) -> MapLink | None:
    name = "Bing Maps"
    if not url.path.startswith("/maps"):
        return None
    point_param = url.param("sp")
    if point_param and point_param.startswith("point."):
        return _place(name, point_param.removeprefix("point."))
    return _first(_place(name, url.param("cp")), _place(name, url.param("where1", "q")))


def _waze(url: _Url) -> MapLink | None:
    name = "Waze"
    if url.host == "waze.to":
        return MapLink(name, short=True)
    hashed = re.match(r"^/(?:[a-z-]+/)?ul/h([0-9b-hjkmnp-z]{5,12})$", url.path)
    if hashed is not None:
        lat, lon = geohash_centre(hashed.group(1))
        return MapLink(name, position=point(lat, lon)) if point(lat, lon) else None
    target = url.param("ll", "latlng")
    if target is None and (url.param("to") or "").startswith("ll."):
        target = (url.param("to") or "").removeprefix("ll.")
    return _first(_place(name, target), _place(name, url.param("q")))


def _here(url: _Url) -> MapLink | None:
    name = "HERE WeGo"
    if url.host == "her.is":
        return MapLink(name, short=True)
    shared = re.match(r"^/l/(.+)$", url.path)
    if shared is not None:
        lat, _, rest = shared.group(1).partition(",")
        lon, _, label = rest.partition(",")
        located = _place(name, f"{lat},{lon}")
        if located is not None:
            return MapLink(name, position=located.position, place=squash(label) or None)
    return _place(name, url.param("map"))


def _what3words(url: _Url) -> MapLink | None:
    words = _W3W_PATH.match(url.path)
    return MapLink("what3words", place="///" + words["w"].casefold()) if words else None


def _any(url: _Url) -> MapLink | None:
    """Any other site: a link whose parameters hold a latitude and a longitude."""
    lat = url.param("lat", "latitude")
    lon = url.param("lon", "lng", "long", "longitude")
    if lat is None or lon is None or "." not in lat + lon:
        return None
    located = _place("web", f"{lat},{lon}")
    return located if located is not None and located.position is not None else None


_Decoder = Callable[[_Url], MapLink | None]


def _service(host: str, path: str) -> _Decoder:
    """The decoder for a host (and, for Google and Bing, the path)."""
    if re.fullmatch(r"(?:maps\.)?google(?:\.com?)?\.[a-z]{2,3}", host):
        return _google if host.startswith("maps.") or path.startswith("/maps") else _any
    if host in ("maps.app.goo.gl", "g.co") or (host == "goo.gl" and path.startswith("/maps")):
        return _google
    table: dict[str, _Decoder] = {
        "maps.apple.com": _apple,
        "maps.apple": _apple,
        "openstreetmap.org": _osm,
        "osm.org": _osm,
        "bing.com": _bing,
        "waze.com": _waze,
        "waze.to": _waze,
        "wego.here.com": _here,
        "share.here.com": _here,
        "her.is": _here,
        "what3words.com": _what3words,
        "w3w.co": _what3words,
    }
    return table.get(host, _any)


# Names reserved for documentation and tests (RFC 2606, RFC 6761): links there are examples.
_EXAMPLE_HOST = re.compile(
    r"(?:^|\.)(?:example\.(?:com|net|org)|[^.]+\.(?:example|test|invalid|localhost)|localhost)$"
)


def decode_map_url(url: str) -> MapLink | None:
    """What the link ``url`` shows on a map, or None when it is not a map link."""
    parts = _split(url)
    if parts is None or not parts.host or _EXAMPLE_HOST.search(parts.host):
        return None
    return _service(parts.host, parts.path)(parts)


def geohash_centre(code: str) -> tuple[float, float]:
    """The centre ``(lat, lon)`` of a geohash cell (Waze's ``/ul/h`` links use them)."""
    lat_range, lon_range = [-90.0, 90.0], [-180.0, 180.0]
    even = True
    for char in code:
        bits = _GEOHASH.index(char)
        for shift in range(4, -1, -1):
            target = lon_range if even else lat_range
            middle = (target[0] + target[1]) / 2
            target[0 if (bits >> shift) & 1 else 1] = middle
            even = not even
    return (lat_range[0] + lat_range[1]) / 2, (lon_range[0] + lon_range[1]) / 2
