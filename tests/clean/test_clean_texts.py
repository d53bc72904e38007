"""Free-text fields that name a place (a Windows comment, a caption, a description) are
removed from the copy by default; those that do not are kept exactly."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from exposure.clean import clean, still_leftovers
from exposure.metadata import read_metadata
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo, write_photo
from tests.clean.conftest import EXIFTOOL, exiftool_json, pixel_hashes

GPS = GpsSpec(lat=48.1372, lon=11.5756)
ADDRESS = "Our flat, Lindenstraße 12, 10969 Berlin"
COORDINATES = "Home: 48.13720, 11.57560"
PLAIN = "Birthday party"


def _texts(path: Path) -> dict[str, str]:
    return {field.label: field.value for field in read_metadata(path).texts}


@pytest.mark.parametrize("fmt", ["jpeg", "tiff", "webp", "heic"])
def test_fields_naming_a_place_are_removed_and_the_rest_kept(tmp_path: Path, fmt: str) -> None:
    spec = PhotoSpec(
        gps=GPS,
        description=ADDRESS,
        windows=(("XPComment", COORDINATES), ("XPTitle", PLAIN), ("XPSubject", "9F4MGCH7+22")),
        xmp=True,
        iptc=fmt in ("jpeg", "tiff"),
    )
    original = tmp_path / "in" / f"photo.{fmt}"
    original.parent.mkdir()
    write_photo(original, spec, fmt)
    before = _texts(original)
    assert {"ImageDescription", "XPComment", "XPSubject", "XPTitle"} <= set(before)
    result = clean([original], tmp_path / "out")
    (copy,) = result.copied
    assert not result.refused
    after = _texts(Path(copy.target))
    assert after == {"XPTitle": PLAIN}
    for label in ("EXIF XPComment", "EXIF XPSubject", "EXIF ImageDescription"):
        assert f"{label} (it names a place)" in copy.removed
    assert "XMP dc:description (it names a place)" in copy.removed
    if spec.iptc:
        assert "IPTC Caption-Abstract (it names a place)" in copy.removed
    assert still_leftovers(fmt, Path(copy.target).read_bytes(), original.name, False) == []
    hashes = pixel_hashes([original, Path(copy.target)])
    assert hashes[str(original)] == hashes[copy.target]
    if EXIFTOOL is not None:
        record = exiftool_json([Path(copy.target)])[copy.target]
        names = {key.rsplit(":", 1)[-1] for key in record}
        assert not names & {"XPComment", "XPSubject", "ImageDescription", "Description"}
        assert not names & {"Caption-Abstract", "UserComment"}
        assert record.get("IFD0:Image:XPTitle") == PLAIN


def test_a_caption_without_a_place_is_kept_byte_for_byte(tmp_path: Path) -> None:
    spec = PhotoSpec(gps=GPS, description=PLAIN, windows=(("XPComment", "Great day"),), xmp=True)
    original = tmp_path / "photo.jpg"
    original.write_bytes(make_photo(spec, "jpeg"))
    result = clean([original], tmp_path / "out")
    (copy,) = result.copied
    assert not any("names a place" in label for label in copy.removed)
    assert _texts(Path(copy.target)) == _texts(original)


def _png_with_comment(spec: PhotoSpec, keyword: bytes, text: bytes) -> bytes:
    data = make_photo(spec, "png")
    body = keyword + b"\x00" + text
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body))
    return data[:33] + chunk + data[33:]  # after the signature and IHDR


def test_a_png_text_chunk_naming_a_place_is_dropped(tmp_path: Path) -> None:
    original = tmp_path / "shot.png"
    original.write_bytes(_png_with_comment(PhotoSpec(gps=GPS), b"Comment", COORDINATES.encode()))
    assert _texts(original) == {"PNG Comment": COORDINATES}
    result = clean([original], tmp_path / "out")
    (copy,) = result.copied
    assert "PNG text Comment (it names a place)" in copy.removed
    assert _texts(Path(copy.target)) == {}
    hashes = pixel_hashes([original, Path(copy.target)])
    assert hashes[str(original)] == hashes[copy.target]


def test_the_same_words_in_two_fields_are_removed_from_both(tmp_path: Path) -> None:
    """The reader lists a text once under its first field; the second copy of the words is
    found when the copy is read back, and removed too."""
    spec = PhotoSpec(gps=GPS, description=ADDRESS, windows=(("XPComment", ADDRESS),))
    original = tmp_path / "twice.jpg"
    original.write_bytes(make_photo(spec, "jpeg"))
    (copy,) = clean([original], tmp_path / "out").copied
    assert _texts(Path(copy.target)) == {}
    assert "EXIF XPComment (it names a place)" in copy.removed
    assert "EXIF ImageDescription (it names a place)" in copy.removed


def _mp4_with_description(text: str) -> bytes:
    from exposure.testing import isobmffwriter as w

    spec = PhotoSpec(gps=GPS)
    udta = w.box(
        b"udta",
        w._udta_text(b"\xa9xyz", w.iso6709(spec) or ""),
        w._udta_text(b"\xa9des", text),
        w._udta_text(b"\xa9mak", "Pixel"),
    )
    moov = w.box(b"moov", w._mvhd(spec), udta)
    ftyp = w.box(b"ftyp", b"isom", struct.pack(">I", 512), b"isom", b"iso2", b"mp41")
    return ftyp + w.box(b"mdat", b"\x00" * 64) + moov


def test_a_video_description_naming_a_place_is_removed_and_one_without_kept(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "home.mp4").write_bytes(_mp4_with_description(ADDRESS))
    (folder / "party.mp4").write_bytes(_mp4_with_description(PLAIN))
    result = clean([folder], tmp_path / "out")
    assert not result.refused
    copies = {Path(c.target).name: c for c in result.copied}
    assert "QuickTime \u00a9des (it names a place)" in copies["home.mp4"].removed
    assert _texts(Path(copies["home.mp4"].target)) == {}
    assert not any("names a place" in r for r in copies["party.mp4"].removed)
    assert _texts(Path(copies["party.mp4"].target)) == {"QuickTime description": PLAIN}
    for copy in result.copied:
        meta = read_metadata(copy.target)
        assert not meta.gps and meta.make == "Pixel"
