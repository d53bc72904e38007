"""Map links in text (Google, Apple, OpenStreetMap, Bing, Waze, HERE) and what3words addresses.

Every web link in the text is a candidate; :func:`~exposure.detectors.text.mapurls.decode_map_url`
says which service it belongs to and what it shows.  A link that shows nothing in
particular (``https://www.google.com/maps``) is not a finding.  This detector owns links:
coordinates and plus codes inside a map link are part of this one finding.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exposure.detectors.text.base import URL, PatternDetector, trim_url
from exposure.detectors.text.hit import TextHit
from exposure.detectors.text.mapurls import MapLink, decode_map_url
from exposure.i18n.message import M_, Message
from exposure.model import Confidence

KIND = "text-map-link"
W3W_KIND = "text-what3words"

# what3words addresses as people write them: three words after "///".  Letters only (any
# script); the look-behind keeps "file:///a.b.c" and longer slash runs out, the look-ahead
# a fourth word.
_W3W = re.compile(r"(?<![\w/:])///(?P<words>[^\W\d_]{2,}\.[^\W\d_]{2,}\.[^\W\d_]{2,})(?!\w|\.\w)")

_SHORT_NOTE = "a short link: exposure does not open links, so open it yourself to see the place"


def _link(service: str, where: str | None = None) -> Message:
    """``a Google Maps link to 52.52000, 13.40500``, ``an OpenStreetMap link to a place
    search``."""
    if service[:1] in "AEIOU":
        if where is None:
            return M_("an {service} link to a place search", service=service)
        return M_("an {service} link to {where}", service=service, where=where)
    if where is None:
        return M_("a {service} link to a place search", service=service)
    return M_("a {service} link to {where}", service=service, where=where)


def link_hit(match: re.Match[str], url: str, link: MapLink) -> TextHit:
    """The hit for a decoded link ``url`` found at ``match``."""
    service = link.service
    hit = TextHit(
        kind=KIND,
        start=match.start(),
        end=match.start() + len(url),
        text=url,
        value=(link.place or url).casefold(),
        label=_link(service),
        place=link.place,
        confidence=Confidence.MEDIUM,
    )
    if service == "what3words":
        words = link.place or url
        return replace(
            hit,
            kind=W3W_KIND,
            label=M_("a what3words address ({words})", words=words),
            confidence=Confidence.HIGH,
        )
    if link.position is not None:
        where = f"{link.position.lat:.5f}, {link.position.lon:.5f}"
        label = (
            M_("a web link with coordinates {where}", where=where)
            if service == "web"
            else _link(service, where)
        )
        value = f"{link.position.lat:.5f},{link.position.lon:.5f}"
        return replace(
            hit, value=value, label=label, position=link.position, confidence=Confidence.HIGH
        )
    if link.short:
        return replace(
            hit,
            value=url.casefold(),
            label=M_("a short {service} link", service=service),
            note=_SHORT_NOTE,
        )
    return hit


class MapLinkDetector(PatternDetector):
    """Links to map services, decoded to a position or a place search, and what3words addresses."""

    name = "map-links"
    kinds = (KIND, W3W_KIND)
    # Every decodable link names its service ("maps", "waze", "osm.org"...), or has lat=
    # or latitude= parameters; what3words addresses have "///".
    screen = (
        r"(?i)maps|goo\.gl|g\.co/|openstreetmap|osm\.org|waze|here\.com|her\.is|what3words|"
        r"w3w\.co|///|lat=|latitude="
    )
    patterns = (URL, _W3W)
    owns_links = True

    def decode(self, match: re.Match[str]) -> TextHit | None:
        """A map link or what3words address, or None for any other link."""
        if match.re is _W3W:
            words = "///" + match["words"].casefold()
            return TextHit(
                kind=W3W_KIND,
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                value=words,
                label=M_("a what3words address ({words})", words=words),
                note="what3words addresses cannot be looked up offline; each names a spot a few metres across",
            )
        url = trim_url(match.group(0))
        link = decode_map_url(url)
        return None if link is None else link_hit(match, url, link)
