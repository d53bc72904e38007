"""Every container format, built by the photo factory, read back field by field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import xxhash

from exposure.geo import PositionProblem
from exposure.metadata import MetadataError, PhotoMetadata, read_metadata
from exposure.metadata.reader import KEY_BYTES
from exposure.metadata.source import HEAD_SIZE
from exposure.testing.photofactory import (
    DETECTED,
    FORMATS,
    VIDEO_FORMATS,
    GpsSpec,
    PhotoSpec,
    fujifilm_maker_note,
    make_photo,
    nikon_maker_note,
    olympus_maker_note,
)

WriteFile = Callable[..., Path]

WHEN = datetime(2021, 6, 1, 12, 20, 30)
FIX = datetime(2021, 6, 1, 10, 20, 29, 500000, tzinfo=UTC)
FULL = PhotoSpec(
    make="NIKON CORPORATION",
    model="NIKON D750",
    software="Ver.1.10",
    datetime_original=WHEN,
    offset_time="+02:00",
    gps=GpsSpec(lat=52.5200081, lon=13.4049542, altitude_m=34.25, time=FIX),
    body_serial="6012345",
    lens_serial="LS-88",
    artist="Jane Doe",
    copyright="Jane Doe 2021",
    owner_name="Jane",
    description="Our new house",
    maker_note=nikon_maker_note("3105364"),
    xmp=True,
)
EXIF_FORMATS = [f for f in FORMATS if f not in VIDEO_FORMATS and f not in ("xmp", "jpeg-xmp")]


def _origin(fmt: str) -> str:
    if fmt in VIDEO_FORMATS:
        return "quicktime"
    if fmt in ("xmp", "jpeg-xmp"):
        return "xmp"
    return "png-text" if fmt == "png-text" else "exif"


def _primary(meta: PhotoMetadata, fmt: str) -> tuple[float, float]:
    readings = [g for g in meta.gps if g.origin == _origin(fmt)]
    assert len(readings) == 1, meta.gps
    assert readings[0].problem is None
    assert readings[0].lat is not None and readings[0].lon is not None
    return readings[0].lat, readings[0].lon


@pytest.mark.parametrize("fmt", FORMATS)
def test_full_spec_round_trip(write_file: WriteFile, fmt: str) -> None:
    meta = read_metadata(write_file(FULL, fmt))
    assert meta.format == DETECTED.get(fmt, fmt)
    lat, lon = _primary(meta, fmt)
    assert lat == pytest.approx(52.5200081, abs=1e-7)
    assert lon == pytest.approx(13.4049542, abs=1e-7)
    assert all(g.altitude_m == pytest.approx(34.25) for g in meta.gps)
    assert meta.make == "NIKON CORPORATION"
    assert meta.model == "NIKON D750"
    assert meta.notes == ()
    tz = timezone(timedelta(hours=2))
    assert meta.captured_at == WHEN.replace(tzinfo=tz)
    if fmt in VIDEO_FORMATS:
        assert meta.serials == () and meta.owners == ()
        return
    assert all(g.gps_time == FIX for g in meta.gps)
    serials = {s.value for s in meta.serials}
    assert {"6012345", "LS-88"} <= serials
    # (a CR3 holds Canon's own maker note, not the Nikon one of the spec)
    assert ("3105364" in serials) == (fmt not in ("xmp", "jpeg-xmp", "cr3"))
    owners = {o.value for o in meta.owners}
    assert {"Jane Doe", "Jane Doe 2021"} <= owners
    assert meta.description == "Our new house"
    assert meta.real_positions == meta.gps


@pytest.mark.parametrize("fmt", ["jpeg", "tiff", "png", "webp", "heic", "xmp", "mp4", "mov"])
@pytest.mark.parametrize(
    ("lat", "lon"),
    [(48.8583736, 2.2919010), (-33.8567844, 151.2152967), (40.6892494, -74.0445004),
     (-22.9519173, -43.2104950), (0.0000001, -0.0000001)],
)  # fmt: skip
def test_hemispheres(write_file: WriteFile, fmt: str, lat: float, lon: float) -> None:
    spec = PhotoSpec(gps=GpsSpec(lat=lat, lon=lon, altitude_m=-3.5))
    meta = read_metadata(write_file(spec, fmt))
    got_lat, got_lon = _primary(meta, fmt)
    assert got_lat == pytest.approx(lat, abs=1e-7)
    assert got_lon == pytest.approx(lon, abs=1e-7)
    assert meta.gps[0].altitude_m == pytest.approx(-3.5)


@pytest.mark.parametrize("fmt", ["jpeg", "tiff", "heic", "webp"])
def test_big_endian_blocks(write_file: WriteFile, fmt: str) -> None:
    spec = PhotoSpec(gps=GpsSpec(lat=-1.25, lon=-2.5), body_serial="BE-1", big_endian=True)
    meta = read_metadata(write_file(spec, fmt))
    assert _primary(meta, fmt) == pytest.approx((-1.25, -2.5), abs=1e-7)
    assert [s.value for s in meta.serials] == ["BE-1"]


@pytest.mark.parametrize("fmt", ["jpeg", "png", "heic", "tiff"])
@pytest.mark.parametrize(
    ("gps", "problem"),
    [
        (GpsSpec(lat=0.0, lon=0.0), PositionProblem.ZERO),
        (GpsSpec(), PositionProblem.EMPTY),
        (GpsSpec(lat=91.0, lon=10.0), PositionProblem.OUT_OF_RANGE),
        (GpsSpec(lat=10.0, lon=-181.5), PositionProblem.OUT_OF_RANGE),
        (GpsSpec(lat_rationals=((4294967295, 1),)), PositionProblem.OUT_OF_RANGE),
        (GpsSpec(lat_rationals=((0, 0),) * 3, lon_rationals=((0, 0),) * 3), PositionProblem.EMPTY),
        (GpsSpec(lat_rationals=((48, 1), (5332358, 100000), (0, 0)), lon=21.0),
         PositionProblem.NOT_A_NUMBER),
        (GpsSpec(lat=12.0), PositionProblem.EMPTY),
    ],
)  # fmt: skip
def test_unusable_positions(
    write_file: WriteFile, fmt: str, gps: GpsSpec, problem: PositionProblem
) -> None:
    meta = read_metadata(write_file(PhotoSpec(gps=gps), fmt))
    assert [g.problem for g in meta.gps] == [problem]
    assert meta.real_positions == ()
    assert meta.gps[0].raw


def test_huge_latitude_is_kept_as_stored(write_file: WriteFile) -> None:
    spec = PhotoSpec(gps=GpsSpec(lat_rationals=((4294967295, 1),)))
    reading = read_metadata(write_file(spec)).gps[0]
    assert reading.lat == 4294967295.0
    assert reading.lon is None
    assert "4294967295" in reading.raw


def test_gps_time_and_altitude_below_sea_level(write_file: WriteFile) -> None:
    spec = PhotoSpec(gps=GpsSpec(lat=31.5, lon=35.5, altitude_m=-430.5, time=FIX))
    reading = read_metadata(write_file(spec)).gps[0]
    assert reading.altitude_m == pytest.approx(-430.5)
    assert reading.gps_time == FIX
    assert reading.gps_time.tzinfo is UTC


def test_capture_time_without_offset_is_naive(write_file: WriteFile) -> None:
    meta = read_metadata(write_file(PhotoSpec(datetime_original=WHEN)))
    assert meta.captured_at == WHEN
    assert meta.captured_at.tzinfo is None


@pytest.mark.parametrize(
    ("note", "label", "value"),
    [
        (nikon_maker_note("3105364"), "MakerNote SerialNumber", "3105364"),
        (olympus_maker_note("BHP123456", "ABE0123"), "MakerNote SerialNumber", "BHP123456"),
        (olympus_maker_note("BHP123456", "ABE0123"), "MakerNote LensSerialNumber", "ABE0123"),
        (fujifilm_maker_note("FF02B4565423"), "MakerNote InternalSerialNumber", "FF02B4565423"),
    ],
)
def test_maker_note_serials(write_file: WriteFile, note: bytes, label: str, value: str) -> None:
    make = {b"Nikon": "NIKON CORPORATION", b"OLYMP": "OLYMPUS IMAGING CORP."}.get(
        note[:5], "FUJIFILM"
    )
    meta = read_metadata(write_file(PhotoSpec(make=make, maker_note=note)))
    assert (label, value) in {(s.label, s.value) for s in meta.serials}


def test_placeholders_are_dropped(write_file: WriteFile) -> None:
    spec = PhotoSpec(
        make="OLYMPUS IMAGING CORP.",
        body_serial="0000000",
        lens_serial="        ",
        description="OLYMPUS DIGITAL CAMERA",
        copyright="Copyright",
        artist="  ",
    )
    meta = read_metadata(write_file(spec))
    assert meta.serials == ()
    assert meta.owners == ()
    assert meta.description is None


def test_identical_readings_are_deduplicated(write_file: WriteFile) -> None:
    block = make_photo(PhotoSpec(gps=GpsSpec(lat=1.5, lon=2.5)), "jpeg")
    app1_end = 4 + int.from_bytes(block[4:6], "big")
    doubled = block[:app1_end] + block[2:app1_end] + block[app1_end:]
    meta = read_metadata(write_file(data=doubled, name="twice.jpg"))
    assert len(meta.gps) == 1


def test_content_key_is_hash_of_size_and_head(write_file: WriteFile) -> None:
    data = make_photo(PhotoSpec(padding=100_000))
    meta = read_metadata(write_file(data=data, name="k.jpg"))
    expected = xxhash.xxh3_128(len(data).to_bytes(8, "big") + data[:16384]).hexdigest()
    assert meta.content_key == expected
    assert meta.size == len(data)
    other = read_metadata(write_file(data=data + b"\x00", name="k2.jpg"))
    assert other.content_key != meta.content_key
    # Bytes past the keyed head do not count (a moved or re-saved-in-place copy matches)...
    tail_changed = data[:-1] + bytes([data[-1] ^ 1])
    assert read_metadata(write_file(data=tail_changed, name="k3.jpg")).content_key == expected
    # ...and the head read up front always holds every keyed byte.
    assert HEAD_SIZE >= KEY_BYTES


def test_content_type_beats_file_name(write_file: WriteFile) -> None:
    png = make_photo(PhotoSpec(gps=GpsSpec(lat=1.0, lon=2.0)), "png")
    meta = read_metadata(write_file(data=png, name="really-a-png.jpg"))
    assert meta.format == "png"
    assert meta.real_positions
    assert any("PNG" in note for note in meta.notes)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.jpg", b"", "empty file (0 bytes)"),
        ("text.jpg", b"hello world", "not a JPEG although named .jpg"),
        ("text.heic", b"hello world", "not a HEIC/HEIF image although named .heic"),
        ("blob.bin", b"\x00" * 100, "not a photo or video format this tool reads"),
        ("cut.jpg", b"\xff\xd8\xff\xe1\x10", "the file ends before its metadata does (truncated?)"),
    ],
)
def test_unreadable_files(write_file: WriteFile, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(MetadataError) as info:
        read_metadata(write_file(data=data, name=name))
    assert info.value.reason == reason


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(MetadataError, match="file not found"):
        read_metadata(tmp_path / "nope.jpg")
    with pytest.raises(MetadataError) as info:
        read_metadata(tmp_path)
    assert info.value.reason in ("not a regular file", "a folder, not a file")


def test_large_padding_is_not_read(write_file: WriteFile) -> None:
    spec = PhotoSpec(gps=GpsSpec(lat=3.0, lon=4.0), padding=20_000_000)
    for fmt in ("jpeg", "heic-eof", "mp4", "png", "tiff"):
        meta = read_metadata(write_file(spec, fmt))
        assert meta.real_positions, fmt
        assert meta.size > 20_000_000
