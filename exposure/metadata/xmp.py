"""A small, defensive XMP reader: GPS, capture time, camera, serial numbers and names.

Packets are parsed with :mod:`xml.etree.ElementTree` after refusing any DTD (no entity
expansion, so no "billion laughs"); a packet that is not well-formed XML (cut short,
undeclared prefixes) is scanned with regular expressions for the usual prefixes instead.
"""

from __future__ import annotations

import math
import re
from datetime import UTC

from exposure.metadata.collect import RANK_XMP, Collector
from exposure.metadata.positions import reading
from exposure.metadata.text import parse_datetime

MAX_XMP = 4 * 1024 * 1024
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DESCRIPTION = f"{{{_RDF}}}Description"
_LI = f"{{{_RDF}}}li"
PREFIXES = {
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.microsoft.com/photo/1.0": "MicrosoftPhoto",
    "http://ns.microsoft.com/photo/1.0/": "MicrosoftPhoto",
    "http://www.dji.com/drone-dji/1.0/": "drone-dji",
}
_FALLBACK_PREFIXES = {p: p for p in PREFIXES.values()} | {"xap": "xmp", "xapRights": "xmpRights"}
_PREFIX_RE = "|".join(re.escape(p) for p in sorted(_FALLBACK_PREFIXES, key=len, reverse=True))
_ATTR = re.compile(rf"\b({_PREFIX_RE}):(\w+)\s*=\s*(\"[^\"]*\"|'[^']*')")
_ELEMENT = re.compile(rf"<({_PREFIX_RE}):(\w+)\b[^>/]*>(.*?)</\1:\2\s*>", re.S)
_LI_RE = re.compile(r"<rdf:li\b[^>/]*>([^<]*)</rdf:li\s*>")
_COORD = re.compile(
    r"\s*([+-]?\d+(?:\.\d+)?)(?:\s*,\s*(\d+(?:\.\d+)?))?(?:\s*,\s*(\d+(?:\.\d+)?))?\s*([NSEWnsew])?\s*$"
)
# Only packets naming one of the properties read below are parsed at all: most large
# packets are base64 blobs (no ":" in base64) or edit histories.
_INTERESTING = re.compile(
    rb":(?:GPSL|GpsL|\w*SerialNumber|creator|DateTimeOriginal|DateCreated|CreateDate|Make|Model"
    rb"|description|Artist|\w*Owner|rights|Copyright|Software|CreatorTool|UserComment"
    rb"|ImageDescription)"
)
_START = re.compile(rb"<x:xmpmeta|<x:xapmeta|<rdf:RDF|<\?xpacket|<\?xml")
_END = re.compile(rb"</x:xmpmeta\s*>|</x:xapmeta\s*>|</rdf:RDF\s*>")

SERIALS = {
    "aux:SerialNumber": "XMP aux:SerialNumber",
    "aux:LensSerialNumber": "XMP aux:LensSerialNumber",
    "exifEX:BodySerialNumber": "XMP exifEX:BodySerialNumber",
    "exifEX:LensSerialNumber": "XMP exifEX:LensSerialNumber",
    "MicrosoftPhoto:CameraSerialNumber": "XMP MicrosoftPhoto:CameraSerialNumber",
}
OWNERS = {
    "dc:creator": "XMP dc:creator",
    "tiff:Artist": "XMP tiff:Artist",
    "aux:OwnerName": "XMP aux:OwnerName",
    "exifEX:CameraOwnerName": "XMP exifEX:CameraOwnerName",
    "xmpRights:Owner": "XMP xmpRights:Owner",
    "dc:rights": "XMP dc:rights",
    "tiff:Copyright": "XMP tiff:Copyright",
}
_DATES = ("exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate")
_DESCRIPTIONS = ("dc:description", "tiff:ImageDescription", "exif:UserComment")

Properties = dict[str, list[str]]


def decode_xmp(packet: bytes, out: Collector) -> None:
    """Read the XMP ``packet`` (bytes of one XMP document) into ``out``."""
    packet = packet[:MAX_XMP]
    start = _START.search(packet)
    if start is None or _INTERESTING.search(packet, start.start()) is None:
        return
    ends = list(_END.finditer(packet, start.start()))
    body = packet[start.start() : ends[-1].end()] if ends else packet[start.start() :]
    has_dtd = b"<!DOCTYPE" in body or b"<!ENTITY" in body
    props = None if has_dtd else _parse_tree(body)
    if props is None:
        props = _scan(body.decode("utf-8", "replace"))
        if has_dtd:
            out.note("its XMP packet declares a DTD; read it as text without expanding entities")
        elif props:
            out.note("its XMP packet is not well-formed; read the recognisable parts")
    _interpret(props, out)


def _parse_tree(body: bytes) -> Properties | None:
    # Imported here: most files hold no XMP naming a property we read (see decode_xmp).
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)
    except (ET.ParseError, ValueError, UnicodeError, RecursionError):
        return None
    props: Properties = {}
    for desc in root.iter(_DESCRIPTION):
        for name, value in desc.attrib.items():
            _add(props, name, [value])
        for child in desc:
            items = [li.text for li in child.iter(_LI) if li.text]
            if items:
                _add(props, child.tag, items)
            elif child.text and child.text.strip():
                _add(props, child.tag, [child.text])
    return props


def _add(props: Properties, name: str, values: list[str]) -> None:
    if name[:1] != "{":
        return
    uri, _, local = name[1:].partition("}")
    prefix = PREFIXES.get(uri)
    if prefix is not None:
        props.setdefault(f"{prefix}:{local}", []).extend(v.strip() for v in values)


def _scan(text: str) -> Properties:
    import html  # only packets that are not well-formed come here

    props: Properties = {}
    for prefix, local, quoted in _ATTR.findall(text):
        key = f"{_FALLBACK_PREFIXES[prefix]}:{local}"
        props.setdefault(key, []).append(html.unescape(quoted[1:-1]).strip())
    for prefix, local, inner in _ELEMENT.findall(text):
        key = f"{_FALLBACK_PREFIXES[prefix]}:{local}"
        items = _LI_RE.findall(inner) if "<rdf:li" in inner else [inner]
        props.setdefault(key, []).extend(html.unescape(i).strip() for i in items if "<" not in i)
    return props


def _first(props: Properties, key: str) -> str | None:
    for value in props.get(key, ()):
        if value:
            return value
    return None


def parse_coordinate(text: str | None) -> float | None:
    """XMP GPS text (``"52,1.2N"``, ``"52,01,12N"``, ``"-52.02"``) to signed degrees.

    ``None`` when absent or empty, NaN when present but not a coordinate.
    """
    if text is None or not text.strip():
        return None
    match = _COORD.match(text)
    if match is None:
        return math.nan
    degrees, minutes, seconds, ref = match.groups()
    value = abs(float(degrees)) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    negative = degrees.startswith("-") or (ref or "").upper() in ("S", "W")
    return -value if negative else value


def _number(text: str | None) -> float | None:
    if not text:
        return None
    num, _, den = text.partition("/")
    try:
        value = float(num) / float(den) if den else float(num)
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def _interpret(props: Properties, out: Collector) -> None:
    if not props:
        return
    _gps(props, "exif:GPSLatitude", "exif:GPSLongitude", out)
    dji_lon = "drone-dji:GpsLongitude"
    if dji_lon not in props:
        dji_lon = "drone-dji:GpsLongtitude"  # (sic) as some DJI firmware writes it
    _gps(props, "drone-dji:GpsLatitude", dji_lon, out)
    for key in _DATES:
        out.offer_captured(parse_datetime(_first(props, key)), RANK_XMP)
    out.set_make(_first(props, "tiff:Make"))
    out.set_model(_first(props, "tiff:Model"))
    out.set_software(_first(props, "tiff:Software") or _first(props, "xmp:CreatorTool"))
    for key in _DESCRIPTIONS:
        out.add_description(_first(props, key))
    for key, label in SERIALS.items():
        for value in props.get(key, ())[:4]:
            out.add_serial(label, value)
    for key, label in OWNERS.items():
        for value in props.get(key, ())[:8]:
            out.add_owner(label, value)


def _gps(props: Properties, lat_key: str, lon_key: str, out: Collector) -> None:
    lat_text, lon_text = _first(props, lat_key), _first(props, lon_key)
    if lat_text is None and lon_text is None:
        return
    altitude = _number(_first(props, "exif:GPSAltitude"))
    if lat_key.startswith("drone"):
        altitude = _number(_first(props, "drone-dji:AbsoluteAltitude"))
    elif altitude is not None and _first(props, "exif:GPSAltitudeRef") == "1":
        altitude = -abs(altitude)
    when = parse_datetime(_first(props, "exif:GPSTimeStamp"))
    if when is not None:
        when = when.astimezone(UTC) if when.tzinfo is not None else None
    raw = f"{lat_key}={lat_text!r}; {lon_key}={lon_text!r}"
    lat, lon = parse_coordinate(lat_text), parse_coordinate(lon_text)
    out.add_gps(reading(lat, lon, altitude, when, "xmp", raw))
