"""A small, defensive XMP reader: GPS, capture time, camera, serial numbers, names, free
text (descriptions, titles, keywords) and places written by name (the IPTC Core location
fields and the IPTC Extension LocationCreated / LocationShown structures, with their GPS).

Packets are parsed with :mod:`xml.etree.ElementTree` after refusing any DTD (no entity
expansion, so no "billion laughs"); a packet that is not well-formed XML (cut short,
undeclared prefixes) is scanned with regular expressions for the usual prefixes instead.
"""

from __future__ import annotations

import math
import re
from datetime import UTC
from typing import TYPE_CHECKING

from exposure.i18n import N_
from exposure.metadata.collect import RANK_XMP, Collector
from exposure.metadata.positions import reading
from exposure.metadata.text import parse_datetime

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

MAX_XMP = 4 * 1024 * 1024
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DESCRIPTION = f"{{{_RDF}}}Description"
_LI = f"{{{_RDF}}}li"
_CONTAINERS = frozenset({f"{{{_RDF}}}Bag", f"{{{_RDF}}}Seq", f"{{{_RDF}}}Alt"})
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
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
}
_FALLBACK_PREFIXES = {p: p for p in PREFIXES.values()} | {"xap": "xmp", "xapRights": "xmpRights"}
_PREFIX_RE = "|".join(re.escape(p) for p in sorted(_FALLBACK_PREFIXES, key=len, reverse=True))
_ATTR = re.compile(rf"\b({_PREFIX_RE}):(\w+)\s*=\s*(\"[^\"]*\"|'[^']*')")
_ELEMENT = re.compile(rf"<({_PREFIX_RE}):(\w+)\b[^>/]*>(.*?)</\1:\2\s*>", re.S)
_STRUCT_RE = re.compile(
    r"<Iptc4xmpExt:(LocationCreated|LocationShown)\b[^>]*>(.*?)</Iptc4xmpExt:\1\s*>", re.S
)
_LI_RE = re.compile(r"<rdf:li\b[^>/]*>([^<]*)</rdf:li\s*>")
_COORD = re.compile(
    r"\s*([+-]?\d+(?:\.\d+)?)(?:\s*,\s*(\d+(?:\.\d+)?))?(?:\s*,\s*(\d+(?:\.\d+)?))?\s*([NSEWnsew])?\s*$"
)
# Only packets naming one of the properties read below are parsed at all: most large
# packets are base64 blobs (no ":" in base64) or edit histories.
_INTERESTING = re.compile(
    rb":(?:GPSL|GpsL|\w*SerialNumber|creator|DateTimeOriginal|DateCreated|CreateDate|Make|Model"
    rb"|description|Artist|\w*Owner|rights|Copyright|Software|CreatorTool|UserComment"
    rb"|ImageDescription|title|subject|Headline|City|State|Country|Location|Sublocation"
    rb"|CreatorContactInfo|CiAdr)"
)
_UTF16_STARTS = frozenset(
    {b"\x00<\x00?", b"<\x00?\x00", b"\x00<\x00x", b"<\x00x\x00", b"\xfe\xff\x00<", b"\xff\xfe<\x00"}
)
_START = re.compile(rb"<[\w.-]{1,32}:x[am]pmeta\b|<rdf:RDF|<\?xpacket|<\?xml")
_END = re.compile(rb"</[\w.-]{1,32}:x[am]pmeta\s*>|</rdf:RDF\s*>")

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
_TITLES = ("dc:title", "photoshop:Headline")
_LOCATIONS = {"Iptc4xmpExt:LocationCreated": "created", "Iptc4xmpExt:LocationShown": "shown"}
"""The IPTC Extension location structures: where the photo was taken, places it shows."""
_STRUCT_ORIGINS = {
    "created": ("XMP LocationCreated", "xmp-location-created"),
    "shown": ("XMP LocationShown", "xmp-location-shown"),
}
"""Structure kind -> (place origin, GPS reading origin)."""
MAX_STRUCTS = 16
_CONTACT = "Iptc4xmpCore:CreatorContactInfo"
_CONTACT_ADDRESS = tuple(
    f"Iptc4xmpCore:CiAdr{part}" for part in ("Extadr", "City", "Region", "Pcode", "Ctry")
)
"""The creator's postal address inside CreatorContactInfo (street, city, region, postcode,
country): text for the text detectors."""

Properties = dict[str, list[str]]
Struct = tuple[str, dict[str, str]]
"""A location structure: its kind (``"created"``/``"shown"``) and its fields by name."""


def decode_xmp(packet: bytes, out: Collector) -> None:
    """Read the XMP ``packet`` (bytes of one XMP document) into ``out``."""
    packet = packet[:MAX_XMP]
    if packet[:4] in _UTF16_STARTS:  # XMP may be UTF-16 (ExifTool's own samples are)
        little = packet[1:2] == b"\x00" or packet[:2] == b"\xff\xfe"
        text = packet.decode("utf-16-le" if little else "utf-16-be", "replace")
        packet = text.lstrip("\ufeff").encode("utf-8")
    start = _START.search(packet)
    if start is None or _INTERESTING.search(packet, start.start()) is None:
        return
    ends = list(_END.finditer(packet, start.start()))
    body = packet[start.start() : ends[-1].end()] if ends else packet[start.start() :]
    has_dtd = b"<!DOCTYPE" in body or b"<!ENTITY" in body
    parsed = None if has_dtd else _parse_tree(body)
    if parsed is None:
        text = body.decode("utf-8", "replace")
        props, structs = _scan(_STRUCT_RE.sub("", text)), _scan_structures(text)
        if has_dtd:
            out.note(
                N_("its XMP packet declares a DTD; read it as text without expanding entities")
            )
        elif props or structs:
            out.note(N_("its XMP packet is not well-formed; read the recognisable parts"))
    else:
        props, structs = parsed
    _interpret(props, out)
    for kind, fields in structs:
        _location(kind, fields, out)


def _parse_tree(body: bytes) -> tuple[Properties, list[Struct]] | None:
    # Imported here: most files hold no XMP naming a property we read (see decode_xmp).
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)
    except (ET.ParseError, ValueError, UnicodeError, RecursionError):
        return None
    props: Properties = {}
    structs: list[Struct] = []
    inside: set[int] = set()  # descriptions within a location structure belong to it
    for desc in root.iter(_DESCRIPTION):
        if id(desc) in inside:
            continue
        for name, value in desc.attrib.items():
            _add(props, name, [value])
        for child in desc:
            qualified = _qualify(child.tag) or ""
            kind = _LOCATIONS.get(qualified)
            if kind is not None:
                structs.extend((kind, f) for f in _structures(child) if f)
                inside.update(id(d) for d in child.iter(_DESCRIPTION))
                continue
            if qualified == _CONTACT:  # a structure: its address fields, as flat properties
                for key, value in _fields(child).items():
                    props.setdefault(key, []).append(value)
                inside.update(id(d) for d in child.iter(_DESCRIPTION))
                continue
            items = [li.text for li in child.iter(_LI) if li.text]
            if items:
                _add(props, child.tag, items)
            elif child.text and child.text.strip():
                _add(props, child.tag, [child.text])
    return props, structs[:MAX_STRUCTS]


def _structures(element: ET.Element) -> list[dict[str, str]]:
    """The structures a LocationCreated/LocationShown property holds: the items of its
    ``rdf:Bag``/``rdf:Seq``, or the property itself when it is one structure."""
    container = next((c for c in element if c.tag in _CONTAINERS), None)
    items = list(container)[:MAX_STRUCTS] if container is not None else [element]
    return [_fields(item) for item in items]


def _fields(node: ET.Element) -> dict[str, str]:
    """A structure's fields, written as attributes or child elements, directly or inside an
    ``rdf:Description`` (``rdf:parseType="Resource"`` and the longer form both occur); a
    language alternative (LocationName) gives its first value."""
    fields: dict[str, str] = {}
    for name, value in node.attrib.items():
        key = _qualify(name)
        if key is not None and value.strip():
            fields.setdefault(key, value.strip())
    for child in node:
        if child.tag == _DESCRIPTION:
            for key, value in _fields(child).items():
                fields.setdefault(key, value)
            continue
        key = _qualify(child.tag)
        if key is None:
            continue
        text = child.text.strip() if child.text else ""
        if not text:
            text = next((li.text.strip() for li in child.iter(_LI) if li.text), "")
        if text:
            fields.setdefault(key, text)
    return fields


def _qualify(name: str) -> str | None:
    """``{uri}local`` as ``prefix:local`` for the namespaces read here, else ``None``."""
    if name[:1] != "{":
        return None
    uri, _, local = name[1:].partition("}")
    prefix = PREFIXES.get(uri)
    return None if prefix is None else f"{prefix}:{local}"


def _add(props: Properties, name: str, values: list[str]) -> None:
    key = _qualify(name)
    if key is not None:
        props.setdefault(key, []).extend(v.strip() for v in values)


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


def _scan_structures(text: str) -> list[Struct]:
    """LocationCreated/LocationShown structures in a packet that is not well-formed."""
    structs: list[Struct] = []
    for name, inner in _STRUCT_RE.findall(text):
        kind = _LOCATIONS[f"Iptc4xmpExt:{name}"]
        for item in inner.split("<rdf:li")[-MAX_STRUCTS:]:
            fields = {key: values[0] for key, values in _scan(item).items() if values}
            if fields:
                structs.append((kind, fields))
    return structs[:MAX_STRUCTS]


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
        out.add_text(f"XMP {key}", _first(props, key))
    for key in _TITLES:
        out.add_text(f"XMP {key}", _first(props, key))
    street, city, region, postcode, country = (_first(props, k) for k in _CONTACT_ADDRESS)
    town = " ".join(p for p in (postcode, city) if p)  # in postal order: "55116 Mainz"
    address = [a for a in (street, town, region, country) if a]
    if address:  # the photographer's own address, stamped in by an editor's preset
        out.add_text("XMP " + _CONTACT, ", ".join(address))
    keywords = [k for k in props.get("dc:subject", ())[:64] if k]
    if keywords:
        out.add_text("XMP dc:subject", "; ".join(keywords))
    out.add_place(
        "XMP",
        sublocation=_first(props, "Iptc4xmpCore:Location"),
        city=_first(props, "photoshop:City"),
        state=_first(props, "photoshop:State"),
        country=_first(props, "photoshop:Country"),
        country_code=_first(props, "Iptc4xmpCore:CountryCode"),
    )
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


def _location(kind: str, fields: dict[str, str], out: Collector) -> None:
    """One LocationCreated/LocationShown structure: the place by name, and its position."""
    origin, gps_origin = _STRUCT_ORIGINS[kind]
    out.add_place(
        origin,
        sublocation=fields.get("Iptc4xmpExt:Sublocation"),
        city=fields.get("Iptc4xmpExt:City"),
        state=fields.get("Iptc4xmpExt:ProvinceState"),
        country=fields.get("Iptc4xmpExt:CountryName"),
        country_code=fields.get("Iptc4xmpExt:CountryCode"),
        name=fields.get("Iptc4xmpExt:LocationName"),
    )
    lat_text, lon_text = fields.get("exif:GPSLatitude"), fields.get("exif:GPSLongitude")
    if lat_text is None and lon_text is None:
        return
    altitude = _number(fields.get("exif:GPSAltitude"))
    if altitude is not None and fields.get("exif:GPSAltitudeRef") == "1":
        altitude = -abs(altitude)
    raw = f"{origin} GPSLatitude={lat_text!r}; GPSLongitude={lon_text!r}"
    lat, lon = parse_coordinate(lat_text), parse_coordinate(lon_text)
    out.add_gps(reading(lat, lon, altitude, None, gps_origin, raw))
