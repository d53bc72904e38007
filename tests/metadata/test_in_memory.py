"""read_metadata_bytes gives the same answer as reading the same bytes from a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.metadata import (
    MetadataError,
    read_metadata,
    read_metadata_bytes,
    read_metadata_stream,
)
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


class CountingStream:
    """A forward-only stream (like a member of a zip read in place) that counts what is read."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.pos = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self.pos + size
        chunk = self._data[self.pos : end]
        self.pos += len(chunk)
        return chunk


@pytest.mark.parametrize("fmt", FORMATS)
def test_stream_and_file_agree(fmt: str, tmp_path: Path) -> None:
    spec = PhotoSpec(gps=GpsSpec(lat=-33.86882, lon=151.209296), body_serial="B77", padding=300_000)
    data = make_photo(spec, fmt)
    path = tmp_path / f"x{SUFFIXES[fmt]}"
    path.write_bytes(data)
    stream = CountingStream(data)
    assert read_metadata_stream(stream, len(data), path.name) == read_metadata(path)


def test_a_stream_is_read_only_as_far_as_the_metadata_goes() -> None:
    spec = PhotoSpec(gps=GpsSpec(lat=48.8566, lon=2.3522), padding=5_000_000)
    jpeg = CountingStream(make_photo(spec, "jpeg"))
    assert read_metadata_stream(jpeg, len(jpeg._data), "a.jpg").real_positions
    assert jpeg.pos <= 65536  # the head only, not the 5 MB of image data
    # An Android video keeps its location at the end: the stream is read that far.
    video = CountingStream(make_photo(spec, "mp4"))
    assert read_metadata_stream(video, len(video._data), "v.mp4").real_positions
    assert video.pos > 5_000_000


def test_a_cut_stream_keeps_what_was_read() -> None:
    # The archive member ends early (a cut download): as for a cut file on disk.
    spec = PhotoSpec(gps=GpsSpec(lat=48.8566, lon=2.3522), padding=200_000)
    data = make_photo(spec, "heic-eof")  # the Exif item sits after the padding
    partly = read_metadata_stream(CountingStream(data[:-50]), len(data), "a.heic")
    assert partly.make == "Exposure" and any("truncated" in n for n in partly.notes)
    assert not partly.real_positions
    with pytest.raises(MetadataError, match="truncated"):
        read_metadata_stream(CountingStream(data[:-2000]), len(data), "a.heic")


def test_an_empty_stream() -> None:
    with pytest.raises(MetadataError, match="empty"):
        read_metadata_stream(CountingStream(b""), 0, "a.jpg")
