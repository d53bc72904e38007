"""XMP: location (and optionally identity) properties blanked in place, packet length kept.

XMP packets are made to be edited in place: the padding at their end exists so a writer
never has to move what follows.  Here the packet is not even re-serialised: each property
to remove (an element with everything inside it, or an attribute) is overwritten with
spaces, byte for byte.  What is left is the same XML minus those properties, at the same
length, so nothing around the packet moves (JPEG segments, HEIF item extents, WebP chunks,
QuickTime boxes, TIFF values).

Properties are matched by namespace URI, not by prefix (a packet may bind any prefix), and
the result is checked by parsing it again (:func:`leftovers`): a packet that still names a
location property is refused, never reported clean.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from exposure.clean.state import Pass, Unsafe
from exposure.i18n.message import M_

EXIF = "http://ns.adobe.com/exif/1.0/"
EXIF_EX = "http://cipa.jp/exif/1.0/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
DJI = "http://www.dji.com/drone-dji/1.0/"
MEDIAPRO = "http://ns.iview-multimedia.com/mediapro/1.0/"
DYNAMIC_MEDIA = "http://ns.adobe.com/xmp/1.0/DynamicMedia/"
WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
AUX = "http://ns.adobe.com/exif/1.0/aux/"
TIFF = "http://ns.adobe.com/tiff/1.0/"
DC = "http://purl.org/dc/elements/1.1/"
XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
MS_PHOTO = ("http://ns.microsoft.com/photo/1.0", "http://ns.microsoft.com/photo/1.0/")
DARWIN_CORE = "http://rs.tdwg.org/dwc/index.htm"

Rule = Callable[[str], bool]


def _names(*names: str) -> Rule:
    wanted = frozenset(names)
    return wanted.__contains__


def _gps(local: str) -> bool:
    return local.startswith("GPS")


LOCATION: dict[str, Rule] = {
    EXIF: _gps,
    EXIF_EX: _gps,
    PHOTOSHOP: _names("City", "State", "Country"),
    IPTC_CORE: _names("Location", "CountryCode", "CreatorContactInfo"),
    IPTC_EXT: _names("LocationCreated", "LocationShown"),
    DJI: _names("GpsLatitude", "GpsLongitude", "GpsLongtitude", "GpsAltitude", "AbsoluteAltitude"),
    MEDIAPRO: _names("Location", "City", "State", "Country"),
    DYNAMIC_MEDIA: _names("shotLocation"),
    WGS84: lambda local: True,
    DARWIN_CORE: _names("dctermsLocation", "Location"),
}
"""Namespace URI -> which of its properties say where: EXIF GPS, city/state/country text,
IPTC locations (shown and created), the creator's postal address, DJI drone positions."""

IDENTITY: dict[str, Rule] = {
    AUX: _names("SerialNumber", "LensSerialNumber", "OwnerName"),
    EXIF_EX: _names("BodySerialNumber", "LensSerialNumber", "CameraOwnerName"),
    TIFF: _names("Artist", "Copyright"),
    DC: _names("creator", "rights"),
    XMP_RIGHTS: _names("Owner"),
    PHOTOSHOP: _names("AuthorsPosition", "Credit"),
    **dict.fromkeys(MS_PHOTO, _names("CameraSerialNumber")),
}
"""With ``--also-identity``: serial numbers, owner and creator names, copyright holders."""

TEXT_PROPERTIES = {
    "dc:description": (DC, "description"),
    "dc:title": (DC, "title"),
    "dc:subject": (DC, "subject"),
    "tiff:ImageDescription": (TIFF, "ImageDescription"),
    "exif:UserComment": (EXIF, "UserComment"),
    "photoshop:Headline": (PHOTOSHOP, "Headline"),
}
"""Free-text properties, by the reader's name (``XMP dc:description``): removed when they
name a place (:attr:`Pass.texts`)."""


def _text_rules(texts: frozenset[str]) -> dict[str, Rule]:
    wanted: dict[str, set[str]] = {}
    for label in texts:
        found = TEXT_PROPERTIES.get(label.removeprefix("XMP "))
        if found is not None:
            wanted.setdefault(found[0], set()).add(found[1])
    return {uri: frozenset(names).__contains__ for uri, names in wanted.items()}


CANONICAL = {
    EXIF: "exif", EXIF_EX: "exifEX", PHOTOSHOP: "photoshop", IPTC_CORE: "Iptc4xmpCore",
    IPTC_EXT: "Iptc4xmpExt", DJI: "drone-dji", MEDIAPRO: "mediapro", DYNAMIC_MEDIA: "xmpDM",
    WGS84: "geo", DARWIN_CORE: "dwc", AUX: "aux", TIFF: "tiff", DC: "dc",
    XMP_RIGHTS: "xmpRights", **dict.fromkeys(MS_PHOTO, "MicrosoftPhoto"),
}  # fmt: skip
"""The usual prefix of each namespace, for the labels (a packet may bind any prefix)."""

_DECLARATION = re.compile(rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _rules(
    identity: bool, texts: frozenset[str] = frozenset()
) -> list[tuple[dict[str, Rule], bool]]:
    rules = [(LOCATION, False), (IDENTITY, True)] if identity else [(LOCATION, False)]
    if texts:
        rules.append((_text_rules(texts), False))
    return rules


Bound = list[tuple[Rule, bool, str]]
"""The rules a prefix is bound to: (rule, is identity, canonical prefix)."""


def _prefixes(text: bytes, identity: bool, texts: frozenset[str]) -> dict[bytes, Bound]:
    """prefix -> the rules of the namespaces it is bound to (anywhere in the packet)."""
    found: dict[bytes, Bound] = {}
    rules = _rules(identity, texts)
    for match in _DECLARATION.finditer(text):
        uri = (match.group(2) or match.group(3) or b"").decode("utf-8", "replace")
        for table, is_identity in rules:
            rule = table.get(uri)
            if rule is not None:
                found.setdefault(match.group(1), []).append((rule, is_identity, CANONICAL[uri]))
    return found


def _matches(rules: Bound, local: str) -> tuple[bool, str] | None:
    """None when no rule takes ``local``; else (is identity, its qualified name)."""
    for rule, is_identity, prefix in rules:
        if rule(local):
            return is_identity, f"{prefix}:{local}"
    return None


def _spans(
    text: bytes, identity: bool, texts: frozenset[str] = frozenset()
) -> list[tuple[int, int, str, bool]]:
    """(start, end, qualified name, is identity) of every property to blank."""
    spans: list[tuple[int, int, str, bool]] = []
    for prefix, rules in _prefixes(text, identity, texts).items():
        attribute, element = _patterns(prefix)
        for match in attribute.finditer(text):
            found = _matches(rules, match.group(1).decode("ascii", "replace"))
            if found is not None:
                spans.append((match.start(), match.end(), found[1], found[0]))
        for match in element.finditer(text):
            found = _matches(rules, match.group(1).decode("ascii", "replace"))
            if found is None:
                continue
            end = _element_end(text, match.start(), prefix + b":" + match.group(1))
            if end is None:
                raise Unsafe(M_("its XMP packet is damaged around {place}", place=str(found[1])))
            spans.append((match.start(), end, found[1], found[0]))
    return spans


@functools.lru_cache(maxsize=256)
def _patterns(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """(an attribute, an element start) of ``prefix``, compiled once."""
    p = re.escape(prefix)
    return (
        re.compile(rb"(?<=[\s\"'])" + p + rb":([\w.-]+)\s*=\s*(?:\"[^\"]*\"|'[^']*')"),
        re.compile(rb"<" + p + rb":([\w.-]+)(?=[\s/>])"),
    )


def _element_end(text: bytes, start: int, name: bytes) -> int | None:
    """End of the element starting at ``start`` (its matching end tag, nesting counted)."""
    tag_end = text.find(b">", start)
    if tag_end < 0:
        return None
    if text[tag_end - 1 : tag_end] == b"/":
        return tag_end + 1
    # The usual case: the next end tag of that name, with no start tag of a name beginning
    # like it before it (else the nesting is counted below).
    close = text.find(b"</" + name, tag_end + 1)
    after = close + 2 + len(name)
    if (
        close >= 0
        and text[after : after + 1] in (b">", b" ", b"\t", b"\r", b"\n")
        and text.find(b"<" + name, tag_end + 1, close) < 0
    ):
        end = text.find(b">", after)
        return None if end < 0 else end + 1
    depth = 1
    pattern = re.compile(rb"<(/?)" + re.escape(name) + rb"(?=[\s/>])")
    pos = tag_end + 1
    while depth:
        match = pattern.search(text, pos)
        if match is None:
            return None
        close = text.find(b">", match.end())
        if close < 0:
            return None
        if match.group(1):
            depth -= 1
        elif text[close - 1 : close] != b"/":
            depth += 1
        pos = close + 1
    return pos


def blank_xmp(buf: bytearray, start: int, end: int, state: Pass) -> None:
    """Blank the location (and identity) properties of the XMP packet in ``buf[start:end]``."""
    text = bytes(buf[start:end])
    if not state.texts and not _might_hold(text, state.identity):
        return
    spans = _spans(text, state.identity, state.texts)
    for lo, hi, name, is_identity in spans:
        buf[start + lo : start + hi] = b" " * (hi - lo)
        if is_identity:
            state.person(f"XMP {name}")
        elif name in TEXT_PROPERTIES and f"XMP {name}" in state.texts:
            state.location(f"XMP {name} (it names a place)")
        elif _gps(name.partition(":")[2]) or "Gps" in name:
            state.location("XMP GPS")
        else:
            state.location(f"XMP {name}")
    left = leftovers(bytes(buf[start:end]), state.identity)
    if left:
        raise Unsafe(M_("its XMP still names {names} after cleaning", names=", ".join(left[:3])))


_HINT = re.compile(
    rb"GPS|Gps|City|State|Country|Location|shotLocation|wgs84_pos|CreatorContactInfo|tdwg"
)
_IDENTITY_HINT = re.compile(rb"Serial|Owner|Artist|Copyright|creator|rights|Credit|Authors")


def _might_hold(text: bytes, identity: bool) -> bool:
    return bool(_HINT.search(text) or (identity and _IDENTITY_HINT.search(text)))


def leftovers(packet: bytes, identity: bool = False) -> list[str]:
    """Location (and identity) properties still in ``packet``, by qualified name.

    Parsed as XML (DTDs refused) and matched by namespace URI; a packet that does not parse
    is searched textually for the same properties under any prefix."""
    if not _might_hold(packet, identity):
        return []
    names = _parsed_names(packet)
    if names is None:
        return sorted({name for _lo, _hi, name, _kind in _spans(packet, identity)})
    left = []
    for uri, local in names:
        for table, _is_identity in _rules(identity):
            rule = table.get(uri)
            if rule is not None and rule(local):
                left.append(f"{{{uri}}}{local}")
    return sorted(set(left))


def _parsed_names(packet: bytes) -> Iterable[tuple[str, str]] | None:
    """(namespace URI, local name) of every element and attribute, or None if not XML."""
    from defusedxml import ElementTree as SafeTree  # refuses DTDs and entities

    begin = re.search(rb"<x:xmpmeta|<x:xapmeta|<rdf:RDF", packet)
    ends = list(re.finditer(rb"</x:xmpmeta\s*>|</x:xapmeta\s*>|</rdf:RDF\s*>", packet))
    if begin is None or not ends:
        return None
    body = packet[begin.start() : ends[-1].end()]
    try:
        root = SafeTree.fromstring(body)
    except Exception:  # not well-formed, a DTD, too deep: searched as text instead
        return None
    names: list[tuple[str, str]] = []
    for element in root.iter():
        for name in (element.tag, *element.attrib):
            if isinstance(name, str) and name.startswith("{"):
                uri, _, local = name[1:].partition("}")
                names.append((uri, local))
    return names
