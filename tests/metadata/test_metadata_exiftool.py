"""Cross-check: ExifTool reads the factory's files the way we do (guards against a
writer and reader that share the same misunderstanding)."""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

import pytest

from exposure.metadata import read_metadata
from exposure.testing.photofactory import (
    FORMATS,
    SUFFIXES,
    GpsSpec,
    PhotoSpec,
    nikon_maker_note,
    write_photo,
)

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
