"""Cross-check: ExifTool reads the factory's files the way we do (guards against a
writer and reader that share the same misunderstanding)."""

from __future__ import annotations

import json
import logging
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from exposure.metadata import read_metadata
from exposure.testing.photofactory import (
    FORMATS,
    SUFFIXES,
    GpsSpec,
    PhotoSpec,
    PlaceSpec,
    make_photo,
    motorola_maker_note,
    nikon_maker_note,
    sigma_jpeg,
    write_photo,
)
from exposure.testing.stillwriters import png_iptc_profile

from . import exiftool_view

# ExifTool 12.57 does not read Exif items stored with construction method 1 (idat).
CHECKED = [f for f in FORMATS if f != "heic-idat"]
POSITIONS = [(52.5200081, 13.4049542), (-33.8567844, -70.6482), (0.5, -179.9999999)]


@pytest.mark.slow
def test_exiftool_reads_the_same_values(tmp_path: Path, exiftool: str) -> None:
    expected = {}
    for i, (lat, lon) in enumerate(POSITIONS):
        spec = PhotoSpec(
            make="NIKON CORPORATION",
            gps=GpsSpec(lat=lat, lon=lon, altitude_m=12.5),
            body_serial=f"SN{i}",
            maker_note=nikon_maker_note(f"70{i}"),
            big_endian=i == 1,
            xmp=i == 2,
        )
        for fmt in CHECKED:
            path = tmp_path / f"{fmt}-{i}{SUFFIXES[fmt]}"
            write_photo(path, spec, fmt)
            expected[path.name] = (lat, lon, fmt)
    run = subprocess.run(
        [
            exiftool,
            "-n",
            "-j",
            "-q",
            "-GPSLatitude",
            "-GPSLongitude",
            "-SerialNumber",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    records = {Path(r["SourceFile"]).name: r for r in json.loads(run.stdout)}
    assert set(records) == set(expected)
    for name, (lat, lon, fmt) in expected.items():
        record = records[name]
        assert record["GPSLatitude"] == pytest.approx(lat, abs=1e-7), name
        assert record["GPSLongitude"] == pytest.approx(lon, abs=1e-7), name
        meta = read_metadata(tmp_path / name)
        ours = [(g.lat, g.lon) for g in meta.real_positions]
        assert ours[0] == pytest.approx((record["GPSLatitude"], record["GPSLongitude"]), abs=1e-7)
        if fmt not in ("mp4", "mov"):
            assert str(record["SerialNumber"]) in {s.value for s in meta.serials}, name


# (exifread 3.5 expects an "Exif\0\0" prefix inside WebP EXIF chunks, which the WebP
# container spec does not have, so WebP is left out here; ExifTool covers it above.)
@pytest.mark.parametrize("fmt", ["jpeg", "tiff", "png", "heic"])
def test_exifread_reads_the_same_gps(tmp_path: Path, fmt: str) -> None:
    """A second, independent reader (the project's exifread dependency) as an oracle."""
    exifread = pytest.importorskip("exifread")
    from exifread.utils import get_gps_coords

    logging.getLogger("exifread").setLevel(logging.CRITICAL)
    path = tmp_path / f"x{SUFFIXES[fmt]}"
    write_photo(path, PhotoSpec(gps=GpsSpec(lat=-33.8567844, lon=151.2152967)), fmt)
    with path.open("rb") as fh:
        tags = exifread.process_file(fh, details=False, extract_thumbnail=False)
    theirs = get_gps_coords(tags)
    assert theirs is not None
    ours = read_metadata(path).real_positions[0]
    assert (ours.lat, ours.lon) == pytest.approx(theirs, abs=1e-7)


RICH = PhotoSpec(
    make="Canon",
    model="Canon EOS R5",
    description="Picnic",
    artist="Ana Lima",
    gps=GpsSpec(lat=52.5200081, lon=13.4049542),
    body_serial="613040000565",
    internal_serial="CG0156580",
    windows=(
        ("XPTitle", "Summer"),
        ("XPSubject", "Garden"),
        ("XPComment", "Straße 5, 10115 Berlin"),
        ("XPKeywords", "home;family"),
    ),
    iptc=True,
    xmp=True,
    place=PlaceSpec(
        sublocation="Fotostudio HS",
        city="Mainz",
        state="Rheinland-Pfalz",
        country="Deutschland",
        country_code="DE",
    ),
    locations_created=(PlaceSpec(city="Paris", country="France", lat=48.8583736, lon=2.291901),),
    locations_shown=(
        PlaceSpec(name="Tour Eiffel", city="Paris", country_code="FR", lat=48.85837, lon=2.29448),
        PlaceSpec(sublocation="Jardin", state="Île-de-France", lat=-33.5, lon=151.25),
    ),
)
RICH_FORMATS = ["jpeg", "jpeg-xmp", "tiff", "png", "webp", "heic", "cr3", "xmp"]


@pytest.mark.slow
def test_exiftool_reads_the_same_texts_places_and_serials(tmp_path: Path, exiftool: str) -> None:
    """Windows' XP fields, IPTC and XMP places (with the LocationCreated/Shown positions),
    CR3 blocks and the Motorola and Sigma maker-note serials, as ExifTool reads them."""
    files = {f"{fmt}{SUFFIXES[fmt]}": make_photo(RICH, fmt) for fmt in RICH_FORMATS}
    files["big-endian.jpg"] = make_photo(replace(RICH, big_endian=True), "jpeg")
    files["big-endian.cr3"] = make_photo(replace(RICH, big_endian=True), "cr3")
    files["motorola.jpg"] = make_photo(
        PhotoSpec(make="motorola", maker_note=motorola_maker_note("ZY2238TJ4V")), "jpeg"
    )
    files["sigma.jpg"] = sigma_jpeg(PhotoSpec(make="SIGMA", model="SIGMA SD10"), "02000019")
    files["iptc-profile.png"] = png_iptc_profile(RICH)
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    run = subprocess.run(
        [exiftool, "-j", "-a", "-G1", "-n", "-q", *exiftool_view.TAGS, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    records = {Path(r["SourceFile"]).name: r for r in json.loads(run.stdout)}
    assert set(records) == set(files)
    for name, record in records.items():
        meta = read_metadata(tmp_path / name)
        assert exiftool_view.mismatches(meta, record) == [], name
        serials = {str(v) for k, v in record.items() if k.endswith("SerialNumber")}
        assert serials <= {s.value for s in meta.serials}, name
        if name.startswith(("motorola", "sigma")):
            assert serials, name
            continue
        if name.startswith("iptc-profile"):
            assert exiftool_view.theirs(record)["IPTC:City"] == {"Mainz"}
            continue
        # the comparison is not empty: ExifTool saw what we wrote
        seen = exiftool_view.theirs(record)
        assert "XMP-iptcExt:LocationShownGPSLatitude" in seen, name
        assert seen["XMP-iptcExt:LocationShownCity"] == {"Paris"}, name
        if not name.startswith(("xmp", "jpeg-xmp")):
            assert seen["IFD0:XPComment"] == {"Straße 5, 10115 Berlin"}, name
        if name.startswith(("jpeg.", "big-endian.jpg", "tiff")):
            assert seen["IPTC:Sub-location"] == {"Fotostudio HS"}, name
