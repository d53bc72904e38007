"""read_metadata_bytes gives the same answer as reading the same bytes from a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.metadata import MetadataError, read_metadata, read_metadata_bytes
from exposure.testing.photofactory import FORMATS, SUFFIXES, GpsSpec, PhotoSpec, make_photo


@pytest.mark.parametrize("fmt", FORMATS)
def test_bytes_and_file_agree(fmt: str, tmp_path: Path) -> None:
    spec = PhotoSpec(gps=GpsSpec(lat=-33.86882, lon=151.209296), body_serial="B77")
    data = make_photo(spec, fmt)
    path = tmp_path / f"x{SUFFIXES[fmt]}"
    path.write_bytes(data)
    assert read_metadata_bytes(data, path.name) == read_metadata(path)


def test_empty_and_unknown_bytes() -> None:
    with pytest.raises(MetadataError, match="empty"):
        read_metadata_bytes(b"", "a.jpg")
    with pytest.raises(MetadataError):
        read_metadata_bytes(b"hello world, not a photo", "a.jpg")
