"""exifread takes over when our EXIF reader cannot walk a block."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.metadata import MetadataError, exif, read_metadata
from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo

SPEC = PhotoSpec(
    make="Canon",
    model="EOS R6",
    gps=GpsSpec(lat=-33.5, lon=151.25, altitude_m=-5.0),
    body_serial="B1234",
    artist="Al Example",
)


def _broken(*args: object, **kwargs: object) -> None:
    raise IndexError("a structure our reader did not expect")


@pytest.mark.parametrize("fmt", ["jpeg", "webp", "heic", "png"])
def test_exifread_reads_what_ours_could_not(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"a.{fmt}"
    write_photo(path, SPEC, fmt)
    expected = read_metadata(path)
    monkeypatch.setattr(exif, "decode_exif", _broken)
    meta = read_metadata(path)
    (got,), (want,) = meta.real_positions, expected.real_positions
    assert (got.lat, got.lon, got.altitude_m) == pytest.approx(
        (want.lat, want.lon, want.altitude_m)
    )
    assert (meta.make, meta.model) == ("Canon", "EOS R6")
    assert [s.value for s in meta.serials] == ["B1234"]
    assert [o.value for o in meta.owners] == ["Al Example"]
    assert any("exifread" in note for note in meta.notes)


def test_when_both_fail_the_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe1\x00\x12Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xd9")
    monkeypatch.setattr(exif, "decode_exif", _broken)
    with pytest.raises(MetadataError):
        read_metadata(path)
