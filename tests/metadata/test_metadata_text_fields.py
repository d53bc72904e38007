"""Windows XP text fields, IPTC/XMP places, CR3 and the Motorola/Sigma maker notes, read
from files the factory writes (each one also checked against ExifTool in
``test_metadata_exiftool.py``)."""

from __future__ import annotations

import struct

import pytest

from exposure.metadata import PlaceName, TextField, read_metadata, read_metadata_bytes
from exposure.metadata.collect import Collector
from exposure.metadata.iptc import decode_iptc, decode_photoshop
from exposure.testing.iptcwriter import dataset, resource
from exposure.testing.photofactory import (
    GpsSpec,
    PhotoSpec,
    PlaceSpec,
    make_photo,
    motorola_maker_note,
    sigma_jpeg,
)
from exposure.testing.stillwriters import JPEG_BODY, segment

from .conftest import WriteFile

WINDOWS = (
    ("XPTitle", "Summer at home"),
    ("XPSubject", "Garden"),
    ("XPComment", "Our flat: 42 Elm Street, Springfield, IL 62704"),
    ("XPKeywords", "home;family;Straße"),
)
EXIF_FORMATS = ["jpeg", "tiff", "dng", "png", "png-text", "webp", "heic", "avif", "raf", "cr3"]
PLACE = PlaceSpec(
    sublocation="Fotostudio HS",
    city="Mainz",
    state="Rheinland-Pfalz",
    country="Deutschland",
    country_code="DE",
)
CREATED = PlaceSpec(city="Paris", country="France", lat=48.8583736, lon=2.291901)
SHOWN = PlaceSpec(name="Tour Eiffel", city="Paris", country_code="FR", lat=48.85837, lon=2.29448)


@pytest.mark.parametrize("fmt", EXIF_FORMATS)
@pytest.mark.parametrize("big_endian", [False, True])
def test_windows_fields_are_texts_with_their_names(
    write_file: WriteFile, fmt: str, big_endian: bool
) -> None:
    spec = PhotoSpec(windows=WINDOWS, big_endian=big_endian, description="Picnic")
    meta = read_metadata(write_file(spec, fmt))
    # UTF-16LE whatever the block's byte order (as Windows and ExifTool have it)
    assert meta.texts == (TextField("ImageDescription", "Picnic"),) + tuple(
        TextField(name, text) for name, text in WINDOWS
    )
    assert meta.description == "Picnic"


def test_xp_author_stays_an_owner_and_text_is_kept_once(write_file: WriteFile) -> None:
    spec = PhotoSpec(
        windows=(("XPAuthor", "Ana Lima"), ("XPComment", "Beach"), ("XPTitle", "BEACH")),
        description="beach",
    )
    meta = read_metadata(write_file(spec, "jpeg"))
    assert [(o.label, o.value) for o in meta.owners] == [("XPAuthor", "Ana Lima")]
    assert meta.texts == (TextField("ImageDescription", "beach"),)


@pytest.mark.parametrize("fmt", ["jpeg", "tiff"])
def test_iptc_place_caption_and_byline(write_file: WriteFile, fmt: str) -> None:
    spec = PhotoSpec(place=PLACE, iptc=True, description="Studio day", artist="Peter Bemmann")
    meta = read_metadata(write_file(spec, fmt))
    assert meta.places == (
        PlaceName("IPTC", "Fotostudio HS", "Mainz", "Rheinland-Pfalz", "Deutschland", "DE"),
    )
    assert TextField("ImageDescription", "Studio day") in meta.texts
    assert ("IPTC By-line", "Peter Bemmann") not in [(o.label, o.value) for o in meta.owners]
    assert "Peter Bemmann" in {o.value for o in meta.owners}  # (same name as Artist: once)


@pytest.mark.parametrize("fmt", ["jpeg", "jpeg-xmp", "tiff", "png", "webp", "heic", "xmp", "cr3"])
def test_xmp_places_and_their_positions(write_file: WriteFile, fmt: str) -> None:
    spec = PhotoSpec(
        xmp=True, place=PLACE, locations_created=(CREATED,), locations_shown=(SHOWN, PLACE)
    )
    meta = read_metadata(write_file(spec, fmt))
    xmp = [p for p in meta.places if p.origin.startswith("XMP")]
    assert xmp == [
        PlaceName("XMP", "Fotostudio HS", "Mainz", "Rheinland-Pfalz", "Deutschland", "DE"),
        PlaceName("XMP LocationCreated", None, "Paris", None, "France"),
        PlaceName("XMP LocationShown", None, "Paris", None, None, "FR", "Tour Eiffel"),
        PlaceName("XMP LocationShown", "Fotostudio HS", "Mainz", "Rheinland-Pfalz", "Deutschland", "DE"),
    ]  # fmt: skip
    positions = [(g.origin, g.lat, g.lon) for g in meta.real_positions]
    assert positions == [
        ("xmp-location-created", pytest.approx(48.8583736), pytest.approx(2.291901)),
        ("xmp-location-shown", pytest.approx(48.85837), pytest.approx(2.29448)),
    ]


def test_place_fields_and_text() -> None:
    place = PlaceName("IPTC", "Fotostudio HS", "Mainz", None, "Deutschland", "DE")
    assert place.fields() == (
        ("IPTC Sub-location", "Fotostudio HS"),
        ("IPTC City", "Mainz"),
        ("IPTC Country-PrimaryLocationName", "Deutschland"),
        ("IPTC Country-PrimaryLocationCode", "DE"),
    )
    assert place.as_text() == "Fotostudio HS, Mainz, Deutschland"
    assert place.specific
    shown = PlaceName("XMP LocationShown", name="Tour Eiffel", country_code="FR")
    assert shown.fields() == (
        ("XMP LocationShown LocationName", "Tour Eiffel"),
        ("XMP LocationShown CountryCode", "FR"),
    )
    assert shown.as_text() == "Tour Eiffel, FR"
    assert not PlaceName("XMP", state="Bayern", country="Deutschland").specific


def test_scanned_texts_add_free_form_places() -> None:
    data = make_photo(
        PhotoSpec(
            place=PlaceSpec(sublocation="12 Rue de la Paix", city="Paris"),
            iptc=True,
            windows=(("XPComment", "Hello"),),
            xmp=True,
            locations_created=(PlaceSpec(city="Lyon"),),
        ),
        "jpeg",
    )
    meta = read_metadata_bytes(data, "a.jpg")
    assert [t.label for t in meta.scanned_texts()] == [
        "XPComment",
        "XMP location",
        "IPTC location",
    ]  # a city alone is not scanned as text (it holds no address)
    assert meta.scanned_texts()[1].value == "12 Rue de la Paix, Paris"


def test_blank_place_fields_are_no_place(write_file: WriteFile) -> None:
    spec = PhotoSpec(place=PlaceSpec(city=" ", state="\x00", country=""), iptc=True, xmp=True)
    assert read_metadata(write_file(spec, "jpeg")).places == ()


# -- IPTC details ------------------------------------------------------------------------
def _iptc(*datasets: bytes) -> Collector:
    out = Collector()
    decode_iptc(b"".join(datasets), out)
    return out


def test_iptc_latin1_without_a_charset_and_repeated_keywords() -> None:
    out = _iptc(
        dataset(2, 90, "Zürich".encode("latin-1")),
        dataset(2, 25, b"lake"),
        dataset(2, 25, b"home"),
        dataset(2, 105, b"A headline"),
    )
    assert out.places == [PlaceName("IPTC", city="Zürich")]
    assert [(t.label, t.value) for t in out.texts] == [
        ("IPTC Headline", "A headline"),
        ("IPTC Keywords", "lake; home"),
    ]


def test_iptc_extended_length_dataset() -> None:
    caption = "x" * 40000
    out = _iptc(dataset(2, 120, caption.encode()), dataset(2, 90, b"Oslo"))
    assert out.places == [PlaceName("IPTC", city="Oslo")]
    assert out.texts[0].value == "x" * 4096  # cut like every text


def test_iptc_split_over_two_app13_segments(tmp_path: pytest.TempPathFactory) -> None:
    block = resource(0x0404, dataset(2, 90, b"Kingston") + dataset(2, 101, b"Canada"))
    first, second = block[:20], block[20:]
    jpeg = b"\xff\xd8" + segment(0xED, b"Photoshop 3.0\x00" + first)
    jpeg += segment(0xED, b"Photoshop 3.0\x00" + second) + JPEG_BODY
    meta = read_metadata_bytes(jpeg, "a.jpg")
    assert meta.places == (PlaceName("IPTC", city="Kingston", country="Canada"),)


@pytest.mark.parametrize(
    "damaged",
    [
        b"8BIM\x04\x04\x00\x00\x00\x00\x01\x00" + dataset(2, 90, b"Kingston"),  # cut resource
        b"8BIM\x04\x04\x00\x00\x00\x00\x00\x09\x1c\x02\x5a\xff\xff",  # extended length 0x7FFF
        b"8BIM\x04\x04\x00\x00\xff\xff\xff\xff" + dataset(2, 90, b"Kingston"),
        b"8BIM\x04\x04\xff" + bytes(300),  # a name longer than the block
        b"8BIM" * 5000,
        b"\x1c\x02\x5a" + struct.pack(">H", 0x8005) + b"\xff" * 10,
    ],
)
def test_damaged_photoshop_blocks_never_raise(damaged: bytes) -> None:
    out = Collector()
    decode_photoshop(damaged, out)
    decode_iptc(damaged, out)
    assert len(out.notes) <= 8


def test_cut_iptc_resource_keeps_what_came_before() -> None:
    out = Collector()
    body = dataset(2, 90, b"Kingston") + dataset(2, 101, b"Canada")
    decode_photoshop(b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(body) + 50) + body, out)
    assert out.places == [PlaceName("IPTC", city="Kingston", country="Canada")]
    assert out.notes == ["its IPTC block is cut short; read what came before the break"]


# -- XMP structures written by other tools ----------------------------------------------
def _xmp(body: str) -> Collector:
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">'
        f"{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    from exposure.metadata.xmp import decode_xmp

    out = Collector()
    decode_xmp(packet.encode(), out)
    return out


def test_xmp_structure_as_a_description_with_attributes() -> None:
    out = _xmp(
        "<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li><rdf:Description "
        'Iptc4xmpExt:City="London" Iptc4xmpExt:CountryCode="GB" exif:GPSLatitude="51,30.1N" '
        'exif:GPSLongitude="0,7.5W"/></rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>'
    )
    assert out.places == [PlaceName("XMP LocationShown", city="London", country_code="GB")]
    (gps,) = out.gps
    assert (gps.origin, gps.lat, gps.lon) == (
        "xmp-location-shown",
        pytest.approx(51.50167, abs=1e-5),
        pytest.approx(-0.125),
    )


def test_xmp_single_structure_without_a_bag() -> None:
    out = _xmp(
        '<Iptc4xmpExt:LocationCreated rdf:parseType="Resource">'
        "<Iptc4xmpExt:Sublocation>Hauptstraße 5</Iptc4xmpExt:Sublocation>"
        "<Iptc4xmpExt:LocationName><rdf:Alt><rdf:li xml:lang='x-default'>Home</rdf:li>"
        "</rdf:Alt></Iptc4xmpExt:LocationName></Iptc4xmpExt:LocationCreated>"
    )
    assert out.places == [PlaceName("XMP LocationCreated", "Hauptstraße 5", name="Home")]


def test_xmp_structures_in_a_broken_packet_are_still_read() -> None:
    out = _xmp(
        "<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType='Resource'>"
        "<Iptc4xmpExt:City>Berlin</Iptc4xmpExt:City><exif:GPSLatitude>52.52</exif:GPSLatitude>"
        "<exif:GPSLongitude>13.405</exif:GPSLongitude></rdf:li></rdf:Bag>"
        "</Iptc4xmpExt:LocationShown><unclosed>"
    )
    assert out.places == [PlaceName("XMP LocationShown", city="Berlin")]
    assert [(g.lat, g.lon) for g in out.gps] == [(52.52, 13.405)]
    assert "its XMP packet is not well-formed; read the recognisable parts" in out.notes


def test_utf16_xmp_packet() -> None:
    packet = (
        "<?xpacket begin='\ufeff'?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
        "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
        "xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/' photoshop:City='Kingston'/>"
        "</rdf:RDF></x:xmpmeta>"
    )
    from exposure.metadata.xmp import decode_xmp

    for encoding in ("utf-16-be", "utf-16-le", "utf-16"):
        out = Collector()
        decode_xmp(packet.encode(encoding), out)
        assert out.places == [PlaceName("XMP", city="Kingston")], encoding


# -- CR3 and maker notes ----------------------------------------------------------------
def test_cr3_reads_every_block(write_file: WriteFile) -> None:
    spec = PhotoSpec(
        make="Canon",
        model="Canon EOS R5",
        gps=GpsSpec(lat=-33.8567844, lon=151.2152967, altitude_m=12.0),
        body_serial="613040000565",
        internal_serial="CG0156580",
        artist="Jane Doe",
        windows=(("XPComment", "Sydney"),),
    )
    meta = read_metadata(write_file(spec, "cr3"))
    assert (meta.format, meta.make, meta.model) == ("raw", "Canon", "Canon EOS R5")
    assert [(g.lat, g.lon, g.altitude_m) for g in meta.real_positions] == [
        (pytest.approx(-33.8567844), pytest.approx(151.2152967), pytest.approx(12.0))
    ]
    assert [(s.label, s.value) for s in meta.serials] == [
        ("BodySerialNumber", "613040000565"),
        ("MakerNote InternalSerialNumber", "CG0156580"),
    ]
    assert [o.value for o in meta.owners] == ["Jane Doe"]
    assert meta.texts == (TextField("XPComment", "Sydney"),)
    assert meta.notes == ()


def test_cr3_without_gps_block_and_with_a_broken_one(write_file: WriteFile) -> None:
    data = make_photo(PhotoSpec(make="Canon", body_serial="77"), "cr3")
    assert read_metadata_bytes(data, "a.cr3").gps == ()
    broken = data.replace(b"CMT2", b"CMT2", 1)
    at = broken.index(b"CMT2") + 4
    broken = broken[:at] + b"XX" + broken[at + 2 :]  # CMT2's TIFF header
    meta = read_metadata_bytes(broken, "a.cr3")
    assert meta.make == "Canon" and meta.serials == ()
    assert meta.notes == ("its EXIF block is damaged (no valid TIFF header)",)


def test_cr3_without_the_canon_box_is_a_reason() -> None:
    data = make_photo(PhotoSpec(make="Canon"), "cr3")
    at = data.index(bytes.fromhex("85c0b687"))
    from exposure.metadata import MetadataError

    with pytest.raises(MetadataError, match="no Canon metadata box"):
        read_metadata_bytes(data[:at] + b"\x00" * 16 + data[at + 16 :], "a.cr3")


@pytest.mark.parametrize("make", ["Motorola", "motorola"])
@pytest.mark.parametrize("big_endian", [False, True])
def test_motorola_serial(make: str, big_endian: bool) -> None:
    spec = PhotoSpec(
        make=make,
        model="XT1575",
        maker_note=motorola_maker_note("ZY2238TJ4V"),
        big_endian=big_endian,
    )
    meta = read_metadata_bytes(make_photo(spec, "jpeg"), "a.jpg")
    assert [(s.label, s.value) for s in meta.serials] == [("MakerNote SerialNumber", "ZY2238TJ4V")]


@pytest.mark.parametrize("make", ["SIGMA", "FOVEON"])
def test_sigma_serial(make: str) -> None:
    meta = read_metadata_bytes(sigma_jpeg(PhotoSpec(make=make), "02000019"), "a.jpg")
    assert [(s.label, s.value) for s in meta.serials] == [("MakerNote SerialNumber", "02000019")]


def test_sigma_note_of_another_make_is_not_read() -> None:
    meta = read_metadata_bytes(sigma_jpeg(PhotoSpec(make="Nikon"), "02000019"), "a.jpg")
    assert meta.serials == ()


def test_png_raw_iptc_profile() -> None:
    from exposure.testing.stillwriters import png_iptc_profile

    spec = PhotoSpec(place=PLACE, description="Studio day", artist="Peter Bemmann")
    meta = read_metadata_bytes(png_iptc_profile(spec), "a.png")
    assert meta.places == (
        PlaceName("IPTC", "Fotostudio HS", "Mainz", "Rheinland-Pfalz", "Deutschland", "DE"),
    )
    assert meta.texts == (TextField("IPTC Caption-Abstract", "Studio day"),)
    assert [(o.label, o.value) for o in meta.owners] == [("IPTC By-line", "Peter Bemmann")]


@pytest.mark.parametrize(
    "contact",
    [
        '<Iptc4xmpCore:CreatorContactInfo rdf:parseType="Resource">'
        "<Iptc4xmpCore:CiAdrExtadr>Hauptstraße 5</Iptc4xmpCore:CiAdrExtadr>"
        "<Iptc4xmpCore:CiAdrPcode>55116</Iptc4xmpCore:CiAdrPcode>"
        "<Iptc4xmpCore:CiAdrCity>Mainz</Iptc4xmpCore:CiAdrCity>"
        "<Iptc4xmpCore:CiEmailWork>a@b.example</Iptc4xmpCore:CiEmailWork>"
        "</Iptc4xmpCore:CreatorContactInfo>",
        '<Iptc4xmpCore:CreatorContactInfo Iptc4xmpCore:CiAdrExtadr="Hauptstraße 5" '
        'Iptc4xmpCore:CiAdrCity="Mainz" Iptc4xmpCore:CiAdrPcode="55116"/>',
        "<Iptc4xmpCore:CreatorContactInfo><rdf:Description Iptc4xmpCore:CiAdrExtadr="
        '"Hauptstraße 5" Iptc4xmpCore:CiAdrCity="Mainz" Iptc4xmpCore:CiAdrPcode="55116"/>'
        "</Iptc4xmpCore:CreatorContactInfo>",
    ],
)
def test_creator_contact_address_is_a_text(contact: str) -> None:
    out = _xmp(contact)
    assert [(t.label, t.value) for t in out.texts] == [
        ("XMP Iptc4xmpCore:CreatorContactInfo", "Hauptstraße 5, 55116 Mainz")
    ]
    assert out.places == []
