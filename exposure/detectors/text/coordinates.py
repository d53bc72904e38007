"""Coordinates written in text: decimal pairs, degrees-minutes-seconds, ISO 6709, geo: URIs.

Precision first.  A pair of numbers is only a position when its form says so: a ``geo:``
scheme, a trailing ISO 6709 ``/``, degree signs or hemisphere letters, ``lat``/``lon``
labels, or (bare) both numbers with at least four decimals.  Bare pairs are also refused
next to a third number (a list of values), after a currency sign, before a unit ("s",
"km", "%"), and after words such as "score" or "ratio".  Every pair must be a real place (:func:`exposure.geo.make_position`),
and positions within a degree of (0, 0) are refused as placeholders or small ratios.
"""

from __future__ import annotations

import re
import urllib.parse

from exposure.detectors.text.base import PatternDetector
from exposure.detectors.text.hit import TextHit, number, point, squash
from exposure.geo import Position
from exposure.i18n.message import M_, Message
from exposure.metadata.iso6709 import parse_iso6709

KIND = "text-coordinates"

# A bare pair: "52.520008, 13.404954" as map apps copy it, or with ";" or ":" between the
# numbers as some pages write it (map apps give 5 to 15 decimals;
# four or more keeps prices, scores and times such as "12.30, 13.45" out).  Not glued to a
# longer number, a word, a currency sign or a path.
_BARE = re.compile(
    r"(?<![\w.,+\-−$€£¥/#:])(?P<lat>[-+−]?\d{1,2}\.\d{4,})"
    r"(?:\s*[,;:]\s*|\s+)(?P<lon>[-+−]?\d{1,3}\.\d{4,})(?![\w.])"
)
# Labelled: "lat: 52.52, lon: 13.405", "latitude 52.5200 longitude 13.4050".  The labels
# make two decimals enough.
_LABELLED = re.compile(
    r"\b(?:lat|latitude)\b\s*[:=]?\s*(?P<lat>[-+−]?\d{1,2}\.\d{2,})\s*°?\s*[,;/]?\s*(?:and\s+)?"
    r"\b(?:lon|lng|long|longitude)\b\s*[:=]?\s*(?P<lon>[-+−]?\d{1,3}\.\d{2,})",
    re.I,
)
# geo: URIs (RFC 5870), "geo:52.52,13.405;u=35"; the scheme makes whole degrees deliberate.
# Microformats pages write ";" between the numbers.  Android's "geo:0,0?q=..." carries a
# search instead, read from q.
_GEO_URI = re.compile(
    r"\bgeo:(?P<lat>[-+−]?\d{1,2}(?:\.\d+)?)\s?[,;]\s?(?P<lon>[-+−]?\d{1,3}(?:\.\d+)?)"
    r"(?:[,;][^\s?#,;]*)*(?:\?q=(?P<q>[^\s#]+))?",
    re.I,
)
# ISO 6709 as phones write it, "+52.5200+013.4050+034.000/": signed degrees (or DDMM,
# DDMMSS), the trailing "/" required so phone numbers never match.
_ISO6709 = re.compile(
    r"(?<![\w+\-−/])[+-]\d{2}(?:\d{2}){0,2}(?:\.\d+)?[+-]\d{3}(?:\d{2}){0,2}(?:\.\d+)?"
    r"(?:[+-]\d+(?:\.\d+)?)?(?:CRS[\w:]*)?/"
)

_DEG = r"(?:°|º|˚|\s?deg\b\.?|\s?degrees\b)"
_MIN = r"(?:'|′|’|´|\s?min\b)"
_SEC = r"(?:\"|″|”|''|′′|’’|\s?sec\b)"


def _component(p: str) -> str:
    """One coordinate: [hemisphere] degrees [°] [minutes ' [seconds "]] [hemisphere].

    Unmarked minutes are accepted only with decimals ("N 52° 31.200", the geocaching form).
    """
    return (
        rf"(?:(?<![A-Za-z])(?P<{p}h1>[NSEW])\s?)?"
        rf"(?P<{p}deg>[-−]?\d{{1,3}}(?:\.\d+)?)\s?(?P<{p}ds>{_DEG})?"
        rf"(?:\s?(?:(?P<{p}min>\d{{1,2}}(?:\.\d+)?)\s?{_MIN}|(?P<{p}dmin>\d{{1,2}}\.\d+))"
        rf"(?:\s?(?P<{p}sec>\d{{1,2}}(?:\.\d+)?)\s?{_SEC})?)?"
        rf"(?({p}h1)|(?:\s?(?P<{p}h2>[NSEW])(?![A-Za-z]))?)"
    )


# Degrees with signs, minutes, seconds or hemispheres: 52°31'12.0"N 13°24'17.8"E,
# N 52° 31.200 E 013° 24.300, 52.5200° N, 13.4050° E.  What makes a pair is checked in
# _degrees_pair (each part needs a hemisphere, a degree sign or minutes).
_DMS = re.compile(
    r"(?<![\w.])" + _component("a") + r"\s*(?:[,;/]|\band\b)?\s*" + _component("b") + r"(?![\w.])"
)

# Words that make a bare pair of decimals a measurement, not a place.
_NOT_A_PLACE = re.compile(
    r"\b(?:score|ratio|rate|loss|accuracy|precision|recall|auc|p-?value|pi|version|price|cost|"
    r"eur|usd|gbp|avg|average|mean|std|weights?|values?|coef\w*|r2|r²|odds|times?|ms|fps|x|y|z|"
    r"temps?|temperatures?|load|latency|bench\w*)"
    r"\W{0,3}$",
    re.I,
)
_LIST_AFTER = re.compile(r"\s*[,;]\s*[-+−]?\d|\s+[-+−]?\d+\.\d")
# A unit after the pair makes it a measurement: "52.5200, 13.4050 seconds", "... 12 km".
_UNIT_AFTER = re.compile(
    r"\s*(?:%|‰|s|secs?|seconds?|ms|min|mins|minutes?|h|hrs?|hours?|km|m|mi|miles?|kg|g|lbs?|"
    r"mb|gb|kb|tb|px|pts?|points?|percent|x|fps|eur|usd|gbp|€|\$|£)\b",
    re.I,
)
_LIST_BEFORE = re.compile(r"\d\s*[,;]\s*$|\d\.\d+\s+$")


def _near_null_island(lat: float, lon: float) -> bool:
    """Within a degree of (0, 0): a placeholder or a pair of small ratios, not a place."""
    return abs(lat) < 1 and abs(lon) < 1


def _hit(match: re.Match[str], position: Position, how: str | Message) -> TextHit:
    lat, lon = f"{position.lat:.5f}", f"{position.lon:.5f}"
    return TextHit(
        kind=KIND,
        start=match.start(),
        end=match.end(),
        text=match.group(0),
        value=f"{lat},{lon}",
        label=M_("coordinates {lat}, {lon} ({how})", lat=lat, lon=lon, how=how),
        position=position,
    )


def _part(match: re.Match[str], p: str) -> tuple[float, str | None, bool] | None:
    """(signed degrees, hemisphere, structured) for one component, or None if impossible."""
    deg_text = match[p + "deg"]
    minutes_text = match[p + "min"] or match[p + "dmin"]
    hemisphere = match[p + "h1"] or match[p + "h2"]
    if match[p + "dmin"] and not match[p + "ds"]:
        return None
    value = number(deg_text)
    if minutes_text is not None:
        minutes = float(minutes_text)
        seconds = float(match[p + "sec"] or 0)
        if "." in deg_text or minutes >= 60 or seconds >= 60:
            return None
        value = abs(value) + minutes / 60 + seconds / 3600
        value = -value if deg_text.startswith(("-", "−")) else value
    decimals = len(deg_text.partition(".")[2])
    structured = minutes_text is not None or (hemisphere is not None and decimals >= 2)
    if hemisphere is None and minutes_text is None:
        structured = match[p + "ds"] is not None and decimals >= 3
    if hemisphere in ("S", "W"):
        value = -abs(value)
    return value, hemisphere, structured


class CoordinatesDetector(PatternDetector):
    """Coordinates in text: decimal pairs, degrees-minutes-seconds, ISO 6709 and geo: URIs."""

    name = "coordinates"
    kinds = (KIND,)
    # geo:, ISO 6709 signs, lat/latitude before a number, a degree sign or "deg", minutes
    # after a number, a hemisphere letter next to a decimal, or four decimals (bare pairs).
    screen = (
        r"(?i:geo:)|[+-]\d{2}(?:\d{2}){0,2}(?:\.\d+)?[+-]\d{3}|(?i:lat(?:itude)?)\s*[:=]?\s*[-+−]?\d|"
        r"[°º˚′´]|deg|\d\s?['’]|\d\s?min|(?:^|[^A-Za-z])[NSEW]\s?[-−]?\d{1,3}\.\d\d|"
        r"\.\d\d+\s?[NSEW](?:[^A-Za-z]|$)|\.\d{4}"
    )
    patterns = (_GEO_URI, _ISO6709, _LABELLED, _DMS, _BARE)

    def decode(self, match: re.Match[str]) -> TextHit | None:
        """Check and decode one candidate; None when its form or value is not a place."""
        if match.re is _BARE:
            return self._bare(match)
        if match.re is _DMS:
            return self._degrees(match)
        if match.re is _ISO6709:
            parsed = parse_iso6709(match.group(0))
            position = None if parsed is None else point(parsed[0], parsed[1])
            return None if position is None else _hit(match, position, "ISO 6709")
        if match.re is _GEO_URI:
            return self._geo_uri(match)
        position = point(number(match["lat"]), number(match["lon"]))
        return None if position is None else _hit(match, position, M_("latitude and longitude"))

    def _bare(self, match: re.Match[str]) -> TextHit | None:
        text = match.string
        before = text[max(0, match.start() - 24) : match.start()]
        end = match.end()
        if (
            _LIST_BEFORE.search(before)
            or _LIST_AFTER.match(text, end)
            or _UNIT_AFTER.match(text, end)
        ):
            return None
        if _NOT_A_PLACE.search(before.rstrip(" :=([")) or before.rstrip().endswith("="):
            return None
        lat, lon = number(match["lat"]), number(match["lon"])
        position = point(lat, lon)
        if position is None or _near_null_island(lat, lon):
            return None
        return _hit(match, position, M_("decimal degrees"))

    def _degrees(self, match: re.Match[str]) -> TextHit | None:
        first, second = _part(match, "a"), _part(match, "b")
        if first is None or second is None or not (first[2] and second[2]):
            return None
        (lat, lat_h, _), (lon, lon_h, _) = first, second
        if lat_h in ("E", "W") and lon_h in ("N", "S", None):
            (lat, lat_h), (lon, lon_h) = (lon, lon_h), (lat, lat_h)
        if lat_h not in ("N", "S", None) or lon_h not in ("E", "W", None):
            return None
        if (lat_h is None) != (lon_h is None) and not (match["amin"] and match["bmin"]):
            return None
        position = point(lat, lon)
        if position is None or _near_null_island(lat, lon):
            return None
        return _hit(match, position, M_("degrees"))

    def _geo_uri(self, match: re.Match[str]) -> TextHit | None:
        position = point(number(match["lat"]), number(match["lon"]))
        if position is not None:
            return _hit(match, position, M_("geo: link"))
        query = urllib.parse.unquote_plus(match["q"] or "")
        located = _BARE.search(query) or _GEO_URI.search("geo:" + query)
        if located is not None:
            position = point(number(located["lat"]), number(located["lon"]))
            if position is not None:
                return _hit(match, position, M_("geo: link"))
        place = squash(query.split("(")[0])
        if not any(c.isalpha() for c in place):
            return None
        return TextHit(
            kind=KIND,
            start=match.start(),
            end=match.end(),
            text=match.group(0),
            value=place.casefold(),
            label=M_("a geo: link to a place search"),
            place=place,
        )
