"""Unit tables for the small parsers: XMP, ISO 6709, format sniffing, text helpers."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest

from exposure.geo import PositionProblem
from exposure.metadata import PHOTO_SUFFIXES, sniff_format
from exposure.metadata.collect import Collector
from exposure.metadata.iso6709 import parse_iso6709
from exposure.metadata.text import (
    is_placeholder_serial,
    is_placeholder_text,
    looks_like_name,
    parse_datetime,
)
from exposure.metadata.xmp import decode_xmp, parse_coordinate
from exposure.testing.photofactory import DETECTED, FORMATS, PhotoSpec, make_photo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("52,1.2N", 52.02),
        ("52,01.2000N", 52.02),
        ("52,01,12N", 52.02),
        ("12,1.2W", -12.02),
        ("33,51.407064S", -33.8567844),
        ("-52.02", -52.02),
        ("52.02", 52.02),
        (" 48,9.003180N ", 48.150053),
    ],
)
def test_xmp_coordinates(text: str, expected: float) -> None:
    assert parse_coordinate(text) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("text", ["north", "52;1N", "52,1.2X", "1e5"])
def test_xmp_coordinates_that_are_not(text: str) -> None:
    value = parse_coordinate(text)
    assert value is not None and math.isnan(value)


def _packet(body: str, description_attrs: str = "") -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" '
        f"{description_attrs}>{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def test_xmp_attributes_elements_and_lists() -> None:
    out = Collector()
    decode_xmp(
        _packet(
            "<exif:GPSLongitude>13,24.3N</exif:GPSLongitude>"
            "<dc:creator><rdf:Seq><rdf:li>Ann</rdf:li><rdf:li>Bob</rdf:li></rdf:Seq></dc:creator>",
            'exif:GPSLatitude="52,31.2N" aux:SerialNumber="12345" exif:GPSAltitude="1234/10" '
            'exif:GPSAltitudeRef="1" exif:DateTimeOriginal="2020-01-02T03:04:05+01:00"',
        ),
        out,
    )
    reading = out.gps[0]
    assert (reading.lat, reading.lon) == pytest.approx((52.52, 13.405))
    assert reading.altitude_m == pytest.approx(-123.4)
    assert reading.origin == "xmp"
    assert [o.value for o in out.owners] == ["Ann", "Bob"]
    assert [(s.label, s.value) for s in out.serials] == [("XMP aux:SerialNumber", "12345")]
    meta = out.build("xmp", "", 0)
    assert meta.captured_at == datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=1)))


def test_xmp_other_prefixes_are_resolved_by_namespace() -> None:
    packet = _packet(
        "", 'xmlns:e="http://ns.adobe.com/exif/1.0/" e:GPSLatitude="1,30S" e:GPSLongitude="2,30E"'
    )
    out = Collector()
    decode_xmp(packet, out)
    assert (out.gps[0].lat, out.gps[0].lon) == pytest.approx((-1.5, 2.5))


def test_malformed_xmp_falls_back_to_a_scan() -> None:
    out = Collector()
    decode_xmp(_packet("", 'exif:GPSLatitude="10,30N" exif:GPSLongitude="20,30E"')[:-40], out)
    assert (out.gps[0].lat, out.gps[0].lon) == pytest.approx((10.5, 20.5))
    assert out.notes


def test_xmp_with_a_dtd_is_not_parsed_as_xml() -> None:
    packet = b'<!DOCTYPE x [<!ENTITY a "&b;&b;">]>' + _packet(
        "<dc:description>&a;</dc:description>"
    )
    out = Collector()
    decode_xmp(packet, out)
    assert all("&" in t.value or len(t.value) < 50 for t in out.texts)


def test_xmp_empty_gps_is_reported_empty() -> None:
    out = Collector()
    decode_xmp(_packet("", 'exif:GPSLatitude="" exif:GPSLongitude=""'), out)
    assert [g.problem for g in out.gps] == []  # no values at all: nothing to report
    decode_xmp(_packet("", 'exif:GPSLatitude="0,0N" exif:GPSLongitude="0,0E"'), out)
    assert [g.problem for g in out.gps] == [PositionProblem.ZERO]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+52.5200+013.4050+034.000/", (52.52, 13.405, 34.0)),
        ("+40.6630-003.7637/", (40.663, -3.7637, None)),
        ("-33.8568+151.2153/", (-33.8568, 151.2153, None)),
        ("+5231.2+01324.5/", (52.52, 13.408333, None)),
        ("+523112.0-0132430.0/", (52.52, -13.408333, None)),
        ("+35.6895+139.6917CRSWGS_84/", (35.6895, 139.6917, None)),
        ("+52.52+13.40-12.5/", (52.52, 13.40, -12.5)),
        ("+52.52+13.40", (52.52, 13.40, None)),
    ],
)
def test_iso6709(text: str, expected: tuple[float, float, float | None]) -> None:
    got = parse_iso6709(text)
    assert got is not None
    assert got[:2] == pytest.approx(expected[:2], abs=1e-6)
    assert got[2] == (None if expected[2] is None else pytest.approx(expected[2]))


@pytest.mark.parametrize("text", ["", "hello", "52.52,13.40", "+5261.0+01324.5/", "+123+45/"])
def test_iso6709_rejects(text: str) -> None:
    assert parse_iso6709(text) is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_sniff_factory_formats(fmt: str) -> None:
    data = make_photo(PhotoSpec(), fmt)
    assert sniff_format(data[:65536], "whatever") == DETECTED.get(fmt, fmt)


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"II*\x00\x08\x00\x00\x00\x00\x00", "a.NEF", "raw"),
        (b"II*\x00\x08\x00\x00\x00\x00\x00", "a.tif", "tiff"),
        (b"II*\x00\x08\x00\x00\x00\x00\x00", "a.dng", "dng"),
        (b"IIRO\x08\x00\x00\x00", "a.orf", "raw"),
        (b"IIU\x00\x08\x00\x00\x00", "a.rw2", "raw"),
        (b"II*\x00\x10\x00\x00\x00CR\x02\x00", "a.cr2", "raw"),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif", "a", "avif"),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic", "a", "heic"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "a", "mov"),
        (b"\x00\x00\x00\x14ftyp3gp5\x00\x00\x00\x00", "a", "mp4"),
        (b"\x00\x00\x00\x08wide\x00\x00\x00\x10mdat", "a", "mov"),
        (b"\x00\x00\x00\x14ftypcrx \x00\x00\x00\x00", "a.cr3", "raw"),
        (b"<?xml version='1.0'?><x:xmpmeta>", "side.xmp", "xmp"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "a.avi", None),
        (b"", "a.jpg", None),
    ],
)
def test_sniff_table(head: bytes, name: str, expected: str | None) -> None:
    assert sniff_format(head, name) == expected


def test_suffixes_are_lower_case_and_dotted() -> None:
    assert all(s.startswith(".") and s == s.lower() for s in PHOTO_SUFFIXES)
    assert {".jpg", ".heic", ".dng", ".mov", ".xmp"} <= PHOTO_SUFFIXES


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("2021:06:01 12:00:00", None, datetime(2021, 6, 1, 12)),
        ("2021:06:01 12:00:00", "+02:00", datetime(2021, 6, 1, 12, tzinfo=timezone(timedelta(hours=2)))),
        ("2021-06-01T12:00:00Z", None, datetime(2021, 6, 1, 12, tzinfo=UTC)),
        ("2021-06-01T12:00:00.25-0530", None,
         datetime(2021, 6, 1, 12, 0, 0, 250000, tzinfo=timezone(-timedelta(hours=5, minutes=30)))),
        ("0000:00:00 00:00:00", None, None),
        ("1999:99:99 10:10:10", None, None),
        ("    :  :     :  :  ", None, None),
    ],
)  # fmt: skip
def test_parse_datetime(text: str, offset: str | None, expected: datetime | None) -> None:
    assert parse_datetime(text, offset) == expected


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [("", True), ("0000000", True), ("   ", True), ("0", True), ("N/A", True),
     ("#00000001", False), ("-1000f46", False), ("B9U505495", False)],
)  # fmt: skip
def test_placeholder_serials(value: str, placeholder: bool) -> None:
    assert is_placeholder_serial(value) is placeholder


def test_text_filters() -> None:
    assert is_placeholder_text("OLYMPUS DIGITAL CAMERA")
    assert is_placeholder_text("SONY DSC  ")
    assert is_placeholder_text(
        "KODAK DC240 ZOOM DIGITAL CAMERA", "EASTMAN KODAK", "KODAK DC240 ZOOM DIGITAL CAMERA"
    )
    assert not is_placeholder_text("Holiday in Rome")
    assert looks_like_name("© Peter Bemmann")
    assert not looks_like_name("Copyright (c) 2019")
    assert not looks_like_name("unknown")
