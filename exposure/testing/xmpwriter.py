"""XMP packets for synthetic photos and sidecars."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr

from exposure.testing.specs import PhotoSpec, PlaceSpec

_HEAD = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="exposure photofactory">\n'
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
    '  <rdf:Description rdf:about=""\n'
    '    xmlns:exif="http://ns.adobe.com/exif/1.0/"\n'
    '    xmlns:tiff="http://ns.adobe.com/tiff/1.0/"\n'
    '    xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"\n'
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
_IPTC_NAMESPACES = (
    '\n    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
    '\n    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"'
    '\n    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
)
_TAIL = "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
_END = '<?xpacket end="w"?>'


def xmp_coordinate(value: float, letters: str) -> str:
    """``"52,31.4166666667N"``: degrees, decimal minutes and the hemisphere letter."""
    magnitude = abs(value)
    degrees = int(magnitude)
    minutes = (magnitude - degrees) * 60
    return f"{degrees},{minutes:.10f}{letters[1] if value < 0 else letters[0]}"


def iso_time(when: datetime, offset: str | None) -> str:
    """ISO 8601 text, with ``offset`` (``"+02:00"``) appended when given."""
    return when.strftime("%Y-%m-%dT%H:%M:%S") + (offset or "")


def parse_offset(offset: str | None) -> timezone | None:
    """``"+02:00"`` to a :class:`~datetime.timezone`."""
    if not offset:
        return None
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = int(offset[1:3]), int(offset[-2:])
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def place_elements(spec: PhotoSpec) -> list[str]:
    """The IPTC Core location properties and the IPTC Extension location structures."""
    elements = []
    place = spec.place
    if place is not None:
        for name, value in (
            ("Iptc4xmpCore:Location", place.sublocation),
            ("photoshop:City", place.city),
            ("photoshop:State", place.state),
            ("photoshop:Country", place.country),
            ("Iptc4xmpCore:CountryCode", place.country_code),
        ):
            if value is not None:
                elements.append(f"   <{name}>{escape(value)}</{name}>")
    for prop, places in (
        ("Iptc4xmpExt:LocationCreated", spec.locations_created),
        ("Iptc4xmpExt:LocationShown", spec.locations_shown),
    ):
        if places:
            items = "".join(_structure(p) for p in places)
            elements.append(f"   <{prop}>\n    <rdf:Bag>{items}\n    </rdf:Bag>\n   </{prop}>")
    return elements


def _structure(place: PlaceSpec) -> str:
    """One location structure, as ``rdf:parseType="Resource"`` (ExifTool's form)."""
    fields = []
    for name, value in (
        ("Sublocation", place.sublocation),
        ("City", place.city),
        ("ProvinceState", place.state),
        ("CountryName", place.country),
        ("CountryCode", place.country_code),
    ):
        if value is not None:
            fields.append(f"<Iptc4xmpExt:{name}>{escape(value)}</Iptc4xmpExt:{name}>")
    if place.name is not None:
        fields.append(
            '<Iptc4xmpExt:LocationName><rdf:Alt><rdf:li xml:lang="x-default">'
            f"{escape(place.name)}</rdf:li></rdf:Alt></Iptc4xmpExt:LocationName>"
        )
    if place.lat is not None and place.lon is not None:
        fields.append(f"<exif:GPSLatitude>{xmp_coordinate(place.lat, 'NS')}</exif:GPSLatitude>")
        fields.append(f"<exif:GPSLongitude>{xmp_coordinate(place.lon, 'EW')}</exif:GPSLongitude>")
    inner = "".join(f"\n       {f}" for f in fields)
    return f'\n     <rdf:li rdf:parseType="Resource">{inner}\n     </rdf:li>'


def xmp_packet(spec: PhotoSpec, padding: int = 0) -> bytes:
    """An XMP packet holding the fields of ``spec`` (attributes and elements both used)."""
    attrs = []
    for name, value in (
        ("tiff:Make", spec.make),
        ("tiff:Model", spec.model),
        ("xmp:CreatorTool", spec.software),
        ("aux:SerialNumber", spec.body_serial),
        ("aux:LensSerialNumber", spec.lens_serial),
    ):
        if value is not None:
            attrs.append(f"\n    {name}={quoteattr(value)}")
    if spec.datetime_original is not None:
        stamp = iso_time(spec.datetime_original, spec.offset_time)
        attrs.append(f'\n    exif:DateTimeOriginal="{stamp}"')
    elements = []
    gps = spec.gps
    if gps is not None and gps.lat is not None and gps.lon is not None:
        elements.append(f"   <exif:GPSLatitude>{xmp_coordinate(gps.lat, 'NS')}</exif:GPSLatitude>")
        elements.append(
            f"   <exif:GPSLongitude>{xmp_coordinate(gps.lon, 'EW')}</exif:GPSLongitude>"
        )
        if gps.altitude_m is not None:
            ref = 1 if gps.altitude_m < 0 else 0
            millimetres = round(abs(gps.altitude_m) * 1000)
            elements.append(f"   <exif:GPSAltitude>{millimetres}/1000</exif:GPSAltitude>")
            elements.append(f"   <exif:GPSAltitudeRef>{ref}</exif:GPSAltitudeRef>")
        if gps.time is not None:
            stamp = gps.time.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            elements.append(f"   <exif:GPSTimeStamp>{stamp}</exif:GPSTimeStamp>")
    for name, value, container in (
        ("dc:creator", spec.artist, "Seq"),
        ("dc:rights", spec.copyright, "Alt"),
        ("dc:description", spec.description, "Alt"),
    ):
        if value is not None:
            lang = ' xml:lang="x-default"' if container == "Alt" else ""
            elements.append(
                f"   <{name}><rdf:{container}><rdf:li{lang}>{escape(value)}</rdf:li>"
                f"</rdf:{container}></{name}>"
            )
    places = place_elements(spec)
    head = _HEAD + _IPTC_NAMESPACES if places else _HEAD
    text = head + "".join(attrs) + ">\n" + "\n".join(elements + places) + "\n" + _TAIL
    pad = (" " * 99 + "\n") * (padding // 100)
    return (text + pad + _END).encode("utf-8")
