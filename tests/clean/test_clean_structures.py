"""The structures the cleaners edit, one at a time: XMP, IPTC, Extended XMP, MPF, videos,
trailers, and the refusals."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest

from exposure.clean import Pass, Unsafe, clean, still_leftovers
from exposure.clean.stills import XMP_EXTENSION_ID, clean_jpeg
from exposure.clean.tiffblock import clean_tiff
from exposure.clean.trailers import clean_samsung_trailer
from exposure.clean.xmpblank import blank_xmp, leftovers
from exposure.metadata import read_metadata, read_metadata_bytes
from exposure.testing.isobmffwriter import box, full_box
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from exposure.testing.stillwriters import JPEG_BODY, XMP_JPEG_ID, segment
from exposure.testing.tiffwriter import TiffWriter, exif_block
from tests.clean.conftest import EXIFTOOL, exiftool_json, location_tags

LOCATED = PhotoSpec(gps=GpsSpec(lat=-33.85, lon=151.21, altitude_m=5.0))

PACKET = (
    b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:ps="http://ns.adobe.com/photoshop/1.0/"
  xmlns:e="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
  xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
  ps:City="Springfield" ps:Headline="Our trip" e:GPSLatitude="52,31.2N">
 <e:GPSLongitude>13,24.3E</e:GPSLongitude>
 <ps:Country>Utopia</ps:Country>
 <Iptc4xmpCore:Location>Main Street 1</Iptc4xmpCore:Location>
 <Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType="Resource">
  <Iptc4xmpExt:City>Springfield</Iptc4xmpExt:City>
  <Iptc4xmpExt:LocationShown>nested same name</Iptc4xmpExt:LocationShown>
 </rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>
 <dc:creator><rdf:Seq><rdf:li>Jane Example</rdf:li></rdf:Seq></dc:creator>
 <dc:subject><rdf:Bag><rdf:li>holiday</rdf:li></rdf:Bag></dc:subject>
</rdf:Description></rdf:RDF></x:xmpmeta>
"""
    + b" " * 200
    + b'<?xpacket end="w"?>'
)


def test_xmp_location_blanked_by_namespace_length_kept_rest_kept() -> None:
    buf = bytearray(b"head" + PACKET + b"tail")
    state = Pass()
    blank_xmp(buf, 4, 4 + len(PACKET), state)
    assert len(buf) == len(PACKET) + 8 and buf[:4] == b"head" and buf[-4:] == b"tail"
    text = bytes(buf)
    for gone in (b"Springfield", b"52,31.2N", b"13,24.3E", b"Utopia", b"Main Street", b"nested"):
        assert gone not in text
    for kept in (b"Our trip", b"Jane Example", b"holiday"):
        assert kept in text
    assert leftovers(text[4:-4]) == []
    assert sorted(state.removed) == [
        "XMP GPS",
        "XMP Iptc4xmpCore:Location",
        "XMP Iptc4xmpExt:LocationShown",
        "XMP photoshop:City",
        "XMP photoshop:Country",
    ]
    identity = Pass(identity=True)
    blank_xmp(buf, 4, 4 + len(PACKET), identity)
    assert b"Jane Example" not in buf and identity.identity_removed == ["XMP dc:creator"]


def test_xmp_that_cannot_be_cleaned_is_refused() -> None:
    broken = bytearray(b'<x:xmpmeta xmlns:e="http://ns.adobe.com/exif/1.0/"><e:GPSLatitude>1,2N')
    with pytest.raises(Unsafe, match="damaged"):
        blank_xmp(broken, 0, len(broken), Pass())


def _iim(*datasets: tuple[int, int, bytes]) -> bytes:
    return b"".join(struct.pack(">BBBH", 0x1C, r, n, len(v)) + v for r, n, v in datasets)


def _app13(iim: bytes) -> bytes:
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    resource += iim + b"\x00" * (len(iim) & 1)
    return segment(0xED, b"Photoshop 3.0\x00" + resource)


def _jpeg(*segments: bytes) -> bytes:
    return b"\xff\xd8" + b"".join(segments) + JPEG_BODY


def test_iptc_location_datasets_are_taken_out_in_place(tmp_path: Path) -> None:
    iim = _iim(
        (2, 0, b"\x00\x04"),
        (2, 90, b"Springfield"),
        (2, 25, b"holiday"),
        (2, 101, b"Utopia"),
        (2, 80, b"Jane Example"),
    )
    data = _jpeg(_app13(iim))
    buf = bytearray(data)
    state = Pass()
    clean_jpeg(buf, state)
    assert len(buf) == len(data)
    assert b"Springfield" not in buf and b"Utopia" not in buf
    assert b"holiday" in buf and b"Jane Example" in buf
    assert state.removed == ["IPTC City", "IPTC Country"]
    if EXIFTOOL is not None:
        (tmp_path / "x.jpg").write_bytes(bytes(buf))
        (record,) = exiftool_json([tmp_path / "x.jpg"]).values()
        assert location_tags(record) == {}
        assert record.get("IPTC:Other:Keywords") == "holiday"
        assert not any("Warning" in k for k in record), record


def _extended_jpeg(packet: bytes, chunk: int) -> bytes:
    guid = hashlib.md5(packet, usedforsecurity=False).hexdigest().upper().encode()
    main = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        b'02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:xmpNote="http://ns.adobe'
        b'.com/xmp/note/" xmpNote:HasExtendedXMP="' + guid + b'"/></rdf:RDF></x:xmpmeta>'
    )
    segments = [segment(0xE1, XMP_JPEG_ID + main)]
    for offset in range(0, len(packet), chunk):
        header = XMP_EXTENSION_ID + guid + struct.pack(">II", len(packet), offset)
        segments.append(segment(0xE1, header + packet[offset : offset + chunk]))
    return _jpeg(*segments)


def test_extended_xmp_is_cleaned_across_chunks_and_gets_its_new_guid(tmp_path: Path) -> None:
    data = _extended_jpeg(PACKET, 300)
    buf = bytearray(data)
    clean_jpeg(buf, Pass())
    assert len(buf) == len(data) and b"Springfield" not in buf
    chunks = [
        buf[i + 4 + len(XMP_EXTENSION_ID) :]
        for i in range(len(buf))
        if buf.startswith(XMP_EXTENSION_ID, i + 4)
    ]
    assert chunks
    new_guid = bytes(chunks[0][:32])
    packet = bytearray()
    at = 0
    while (at := buf.find(XMP_EXTENSION_ID, at)) >= 0:
        length = int.from_bytes(buf[at - 2 : at], "big") - 2
        packet += buf[at + len(XMP_EXTENSION_ID) + 40 : at + length]
        at += length
    assert hashlib.md5(packet, usedforsecurity=False).hexdigest().upper().encode() == new_guid
    assert buf.count(new_guid) == 1 + len(range(0, len(PACKET), 300))
    if EXIFTOOL is not None:
        (tmp_path / "x.jpg").write_bytes(bytes(buf))
        (record,) = exiftool_json([tmp_path / "x.jpg"]).values()
        assert location_tags(record) == {}
        assert record.get("XMP-photoshop:Image:Headline") == "Our trip"  # read from the extension


def _mpf_jpeg() -> bytes:
    """A primary JPEG whose MPF index lists a second JPEG that has its own GPS."""
    second = make_photo(LOCATED, "jpeg")
    first_exif = segment(0xE1, b"Exif\x00\x00" + exif_block(LOCATED))
    w = TiffWriter(big_endian=False)

    def mpf(offset: int) -> bytes:
        entries = bytes(16) + struct.pack("<IIIHH", 0, len(second), offset, 0, 0)
        index = w.build(
            [w.undefined(0xB000, b"0100"), w.long(0xB001, 2), w.undefined(0xB002, entries)]
        )
        return segment(0xE2, b"MPF\x00" + index)

    probe = _jpeg(first_exif, mpf(0))
    base = probe.find(b"MPF\x00") + 4
    return _jpeg(first_exif, mpf(len(probe) - base)) + second


def test_images_listed_by_mpf_are_cleaned_too() -> None:
    data = _mpf_jpeg()
    second = data.rfind(b"\xff\xd8\xff")
    assert read_metadata_bytes(data[second:], "second.jpg").real_positions
    buf = bytearray(data)
    clean_jpeg(buf, Pass())
    assert len(buf) == len(data)
    assert not read_metadata_bytes(bytes(buf), "first.jpg").gps
    assert not read_metadata_bytes(bytes(buf[second:]), "second.jpg").gps


def test_location_values_sharing_bytes_with_kept_data_are_refused() -> None:
    """GPS values that another entry also points at cannot be zeroed: the copy is refused."""
    from exposure.clean.tiffblock import TiffBlock

    block = bytearray(exif_block(LOCATED))
    view = TiffBlock(block, 0, len(block))
    ifd0 = view.ifds[0]
    gps_pointer, make = ifd0.get(0x8825), ifd0.get(0x010F)
    assert gps_pointer is not None and make is not None
    gps = view._read_ifd("GPSIFD", view._pointers(gps_pointer)[0])
    assert gps is not None
    latitude = gps.get(0x0002)
    assert latitude is not None
    start, end = view.value_range(latitude)
    # Make's value now points at the latitude's bytes (24 of them, as ASCII).
    struct.pack_into("<HI", block, make[4] + 2, 2, end - start)
    struct.pack_into("<I", block, make[4] + 8, start)
    with pytest.raises(Unsafe, match="shares bytes"):
        clean_tiff(block, 0, len(block), Pass())
    clean_tiff(bytearray(exif_block(LOCATED)), 0, len(block), Pass())  # the untouched one is fine


def _track(sample_format: bytes) -> bytes:
    """A track whose sample description names ``sample_format``."""
    stsd = full_box(b"stsd", 0, 0, struct.pack(">I", 1), box(sample_format, bytes(16)))
    return box(b"trak", box(b"mdia", box(b"minf", box(b"stbl", stsd))))


def _insert_trak(trak: bytes) -> bytes:
    data = make_photo(LOCATED, "mp4")
    at = data.find(b"moov") - 4
    size = int.from_bytes(data[at : at + 4], "big")
    moov = data[at : at + size]
    return data[:at] + struct.pack(">I", size + len(trak)) + moov[4:] + trak + data[at + size :]


@pytest.mark.parametrize("fmt", [b"gpmd", b"camm", b"rtmd"])
def test_videos_with_a_gps_track_are_refused(tmp_path: Path, fmt: bytes) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(_insert_trak(_track(fmt)))
    result = clean([path], tmp_path / "out")
    (refusal,) = result.refused
    assert "GPS track" in refusal.reason and not result.copied


def test_a_video_track_without_gps_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(_insert_trak(_track(b"avc1")))
    result = clean([path], tmp_path / "out")
    assert not result.refused and not read_metadata(result.copied[0].target).gps


def test_samsung_trailer_country_code_is_removed() -> None:
    name = b"MCC_Data"
    record = b"\x00\x00" + struct.pack("<HI", 0x0AA1, len(name)) + name + b"262"
    sefh = (
        b"SEFH"
        + struct.pack("<II", 106, 1)
        + struct.pack("<HHII", 0, 0x0AA1, len(record), len(record))
    )
    data = make_photo(LOCATED, "jpeg") + record + sefh + struct.pack("<I", len(sefh)) + b"SEFT"
    buf = bytearray(data)
    state = Pass()
    clean_samsung_trailer(buf, state)
    assert b"262" not in buf and len(buf) == len(data)
    assert state.removed == ["Samsung country code (MCC)"]


def test_leftovers_reports_what_a_photo_still_carries() -> None:
    data = make_photo(PhotoSpec(gps=LOCATED.gps, xmp=True, body_serial="SER1"), "jpeg")
    left = still_leftovers("jpeg", data, "x.jpg", identity=True)
    assert "EXIF GPS block" in left and "XMP GPS" in left and "EXIF BodySerialNumber" in left
    assert any(item.startswith("a GPS position") for item in left)


@pytest.mark.slow
@pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")
def test_clean_removes_what_exiftool_gps_all_leaves(tmp_path: Path) -> None:
    """The claim in docs/clean.md: ``exiftool -gps:all=`` leaves XMP GPS and place names."""
    import subprocess

    data = _jpeg(
        segment(0xE1, b"Exif\x00\x00" + exif_block(LOCATED)),
        segment(0xE1, XMP_JPEG_ID + PACKET),
        _app13(_iim((2, 90, b"Springfield"))),
    )
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(data)
    result = clean([photo], tmp_path / "out")
    assert EXIFTOOL is not None
    subprocess.run([EXIFTOOL, "-q", "-q", "-gps:all=", str(photo)], check=True)
    left = location_tags(next(iter(exiftool_json([photo]).values())))
    assert {"XMP-exif:Location:GPSLatitude", "XMP-photoshop:Location:City"} <= set(left)
    assert "IPTC:Location:City" in left
    (copy,) = exiftool_json([Path(result.copied[0].target)]).values()
    assert location_tags(copy) == {}
    assert copy.get("XMP-photoshop:Image:Headline") == "Our trip"


def test_a_motion_photos_embedded_video_is_cleaned() -> None:
    """Google Motion Photo: an MP4 appended after the JPEG, announced in its XMP."""
    announce = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        b'02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:GCamera="http://ns.'
        b'google.com/photos/1.0/camera/" GCamera:MotionPhoto="1"/></rdf:RDF></x:xmpmeta>'
    )
    still = _jpeg(segment(0xE1, XMP_JPEG_ID + announce))
    clip = make_photo(LOCATED, "mp4")
    buf = bytearray(still + clip)
    state = Pass()
    clean_jpeg(buf, state)
    assert len(buf) == len(still) + len(clip)
    assert state.removed == ["QuickTime \u00a9xyz"]
    assert read_metadata_bytes(clip, "clip.mp4").real_positions
    assert not read_metadata_bytes(bytes(buf[len(still) :]), "clip.mp4").gps
    assert buf[: len(still)] == still
