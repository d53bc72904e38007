"""A damaged JPEG must not make up a place: a position next to (0, 0) read from a file whose
structure is broken is a placeholder (ExifTool reads no position there at all)."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from exposure.geo import NEAR_ZERO_DEGREES, PositionProblem
from exposure.metadata import read_metadata_bytes
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from tests.capped import HOSTILE, run_capped


def _app1_end(data: bytes) -> int:
    assert data[2:4] == b"\xff\xe1"
    return 4 + struct.unpack(">H", data[4:6])[0]


def _break_after_app1(data: bytes) -> bytes:
    """The segment after EXIF no longer starts with a marker: the structure is broken."""
    end = _app1_end(data)
    return data[:end] + b"\x00\x13" + data[end + 2 :]


def _near_zero(lat: float | None, lon: float | None) -> bool:
    return (
        lat is not None
        and lon is not None
        and abs(lat) < NEAR_ZERO_DEGREES
        and abs(lon) < NEAR_ZERO_DEGREES
    )


def test_near_zero_in_a_whole_file_is_a_place() -> None:
    data = make_photo(PhotoSpec(gps=GpsSpec(lat=0.03376, lon=0.04574)), "jpeg")
    (gps,) = read_metadata_bytes(data, "a.jpg").gps
    assert gps.problem is None  # the Gulf of Guinea is a real place when nothing is broken


def test_near_zero_in_a_damaged_file_is_a_placeholder() -> None:
    data = _break_after_app1(make_photo(PhotoSpec(gps=GpsSpec(lat=0.03376, lon=0.04574)), "jpeg"))
    meta = read_metadata_bytes(data, "a.jpg")
    assert any("broken" in n for n in meta.notes)
    (gps,) = meta.gps
    assert gps.problem is PositionProblem.DAMAGED_NEAR_ZERO


def test_a_real_place_in_a_damaged_file_stays() -> None:
    data = _break_after_app1(make_photo(PhotoSpec(gps=GpsSpec(lat=52.52, lon=13.405)), "jpeg"))
    (gps,) = read_metadata_bytes(data, "a.jpg").gps
    assert gps.problem is None and gps.lat == pytest.approx(52.52)


def test_mutated_placeholders_never_become_places() -> None:
    """Mutate the GPS values of a (0, 0) placeholder in files with a broken structure:
    whatever comes out next to (0, 0) is never a place."""
    base = make_photo(PhotoSpec(gps=GpsSpec(lat=0.0, lon=0.0)), "jpeg")
    end = _app1_end(base)
    rng = random.Random(2964)
    near_zero = 0
    for _ in range(400):
        data = bytearray(_break_after_app1(base))
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(12, end)] = rng.randrange(256)
        try:
            meta = read_metadata_bytes(bytes(data), "m.jpg")
        except Exception:  # noqa: BLE001 - a refused file is fine; a made-up place is not
            continue
        for gps in meta.gps:
            if _near_zero(gps.lat, gps.lon) and (gps.lat, gps.lon) != (0.0, 0.0):
                near_zero += 1
                assert gps.problem is not None, (gps, meta.notes)
    assert near_zero > 0  # the mutations did produce phantom positions to judge


def test_shared_phantom_reproducer(tmp_path: Path) -> None:
    photo = HOSTILE / "phantom_position_002964.jpg"
    if not photo.is_file():
        pytest.skip("../shared/hostile is not present")
    result = run_capped(str(photo), cwd=tmp_path, timeout=60)
    assert result.report is not None, result.err
    kinds = [f["kind"] for f in result.report["findings"]]
    assert "photo-gps" not in kinds and "photo-gps-placeholder" in kinds
    assert not result.report.get("points")
