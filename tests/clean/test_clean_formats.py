"""Round trips of the factory's formats: location gone, picture and the rest kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from exposure.clean import clean
from exposure.metadata import read_metadata
from exposure.testing.isobmffwriter import _FAKE_IMAGE
from exposure.testing.photofactory import (
    DETECTED,
    FORMATS,
    SUFFIXES,
    GpsSpec,
    PhotoSpec,
    PlaceSpec,
    nikon_maker_note,
    olympus_maker_note,
    write_photo,
)
from tests.clean.conftest import (
    EXIFTOOL,
    exiftool_json,
    fingerprint,
    identity_tags,
    location_tags,
    pixel_hash,
)

CLEANED = [f for f in FORMATS if f not in ("raf", "cr3")]  # camera raw files are refused
IN_PLACE = [f for f in CLEANED if not f.startswith("png")]
SPEC = PhotoSpec(
    make="NIKON CORPORATION",
    model="Z 6",
    software="Ver.1.00",
    datetime_original=datetime(2024, 5, 6, 7, 8, 9),
    offset_time="+02:00",
    gps=GpsSpec(lat=52.5200081, lon=13.4049542, altitude_m=34.5, time=None),
    body_serial="BODY7788",
    lens_serial="LENS5566",
    artist="Jane Example",
    owner_name="Jane Example",
    copyright="Jane Example 2024",
    maker_note=nikon_maker_note("6012345"),
    xmp=True,
    padding=3000,
)


def _one(tmp_path: Path, fmt: str, spec: PhotoSpec = SPEC, **kwargs: bool) -> tuple[Path, Path]:
    source = tmp_path / "in" / f"photo{SUFFIXES[fmt]}"
    source.parent.mkdir(exist_ok=True)
    write_photo(source, spec, fmt)
    result = clean([source], tmp_path / "out", **kwargs)
    assert not result.refused, result.refused
    (copy,) = result.copied
    return source, Path(copy.target)


@pytest.mark.parametrize("fmt", CLEANED)
def test_location_is_gone_and_the_rest_kept(tmp_path: Path, fmt: str) -> None:
    source, target = _one(tmp_path, fmt)
    before, after = read_metadata(source), read_metadata(target)
    assert before.real_positions and not after.gps
    assert after.format == DETECTED.get(fmt, fmt)
    assert after.captured_at == before.captured_at
    assert (after.make, after.model, after.software) == (before.make, before.model, before.software)
    assert after.serials == before.serials  # identity stays unless asked
    assert after.owners == before.owners
    if fmt in IN_PLACE:
        assert target.stat().st_size == source.stat().st_size


@pytest.mark.parametrize("fmt", CLEANED)
def test_also_identity_removes_serials_and_names(tmp_path: Path, fmt: str) -> None:
    source, target = _one(tmp_path, fmt, also_identity=True)
    before, after = read_metadata(source), read_metadata(target)
    if fmt not in ("mp4", "mov"):
        assert before.serials or before.owners
    assert not after.gps and not after.serials and not after.owners
    assert after.captured_at == before.captured_at and after.model == before.model


@pytest.mark.parametrize("fmt", ["jpeg", "png", "png-text", "webp", "tiff", "dng"])
def test_decoded_pixels_are_identical(tmp_path: Path, fmt: str) -> None:
    source, target = _one(tmp_path, fmt, also_identity=True)
    expected = pixel_hash(source)
    assert expected is not None
    assert pixel_hash(target) == expected


@pytest.mark.parametrize("fmt", ["heic", "heic-eof", "heic-idat", "avif", "mp4", "mov"])
def test_coded_image_and_media_bytes_are_untouched(tmp_path: Path, fmt: str) -> None:
    source, target = _one(tmp_path, fmt)
    original, copy = source.read_bytes(), target.read_bytes()
    at = original.find(_FAKE_IMAGE)
    assert at > 0 and copy[at : at + len(_FAKE_IMAGE)] == _FAKE_IMAGE
    differing = [i for i, (a, b) in enumerate(zip(original, copy, strict=True)) if a != b]
    assert differing and all(not at <= i < at + len(_FAKE_IMAGE) for i in differing)


@pytest.mark.parametrize("fmt", CLEANED)
def test_the_original_is_not_touched(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / f"photo{SUFFIXES[fmt]}"
    write_photo(source, SPEC, fmt)
    before = fingerprint(source)
    clean([source], tmp_path / "out", also_identity=True)
    assert fingerprint(source) == before


def test_copies_are_private(tmp_path: Path) -> None:
    _, target = _one(tmp_path, "jpeg")
    assert target.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "out").stat().st_mode & 0o077 == 0


def test_big_endian_and_olympus_maker_note(tmp_path: Path) -> None:
    spec = replace(
        SPEC, make="OLYMPUS IMAGING CORP.", maker_note=olympus_maker_note(), big_endian=True
    )
    source, target = _one(tmp_path, "jpeg", spec, also_identity=True)
    assert any(s.label.startswith("MakerNote") for s in read_metadata(source).serials)
    after = read_metadata(target)
    assert not after.gps and not after.serials


PLACES = replace(
    SPEC,
    iptc=True,
    place=PlaceSpec(sublocation="Main Street 1", city="Springfield", state="Oregon",
                    country="Utopia", country_code="UT"),
    locations_created=(PlaceSpec(city="Shelbyville", name="Home", lat=45.1, lon=-122.2),),
    locations_shown=(PlaceSpec(sublocation="Evergreen Terrace", country="Utopia"),),
)  # fmt: skip


@pytest.mark.parametrize("fmt", ["jpeg", "tiff", "png", "webp", "heic", "xmp"])
def test_place_names_and_their_positions_are_gone(tmp_path: Path, fmt: str) -> None:
    source, target = _one(tmp_path, fmt, PLACES)
    before, after = read_metadata(source), read_metadata(target)
    assert before.places and not after.places
    assert not after.gps
    if fmt in IN_PLACE:
        assert target.stat().st_size == source.stat().st_size
    data = target.read_bytes()
    for text in (b"Springfield", b"Shelbyville", b"Evergreen", b"Main Street", b"Oregon"):
        assert text not in data, text


def test_a_photo_without_location_is_copied_as_it_was(tmp_path: Path) -> None:
    source, target = _one(tmp_path, "jpeg", replace(SPEC, gps=None, xmp=False))
    assert target.read_bytes() == source.read_bytes()


def test_raw_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    source = tmp_path / "photo.raf"
    write_photo(source, SPEC, "raf")
    result = clean([source], tmp_path / "out")
    assert not result.copied
    (refusal,) = result.refused
    assert "raw" in refusal.reason and not list((tmp_path / "out").iterdir())


@pytest.mark.slow
@pytest.mark.skipif(EXIFTOOL is None, reason="ExifTool is not installed")
def test_exiftool_finds_no_location_in_any_copy(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    for fmt in CLEANED:
        write_photo(sources / f"x-{fmt}{SUFFIXES[fmt]}", SPEC, fmt)
    places = ["jpeg", "tiff", "png", "webp", "heic", "xmp"]
    for fmt in places:
        write_photo(sources / f"p-{fmt}{SUFFIXES[fmt]}", PLACES, fmt)
    plain = clean([sources], tmp_path / "plain")
    identity = clean([sources], tmp_path / "identity", also_identity=True)
    assert len(plain.copied) == len(identity.copied) == len(CLEANED) + len(places)
    originals = exiftool_json([sources])
    # (ExifTool 12.57 does not read items stored in the meta box: heic-idat)
    assert all(location_tags(r) for name, r in originals.items() if "idat" not in name)
    for record in exiftool_json([tmp_path / "plain"]).values():
        assert location_tags(record) == {}, record["SourceFile"]
    for record in exiftool_json([tmp_path / "identity"]).values():
        assert location_tags(record) == {}, record["SourceFile"]
        assert identity_tags(record) == {}, record["SourceFile"]
        assert (
            "EXIF:Time:DateTimeOriginal" in record
            or "QuickTime" in str(record)
            or ("XMP-exif:Time:DateTimeOriginal" in record)
        ), record["SourceFile"]
