"""Bad input never kills an audit: cut, mutated and hostile files.

Every call must return a :class:`PhotoMetadata` or raise :class:`MetadataError`; any
other exception, a hang or a huge allocation is a bug.
"""

from __future__ import annotations

import logging
import random
import time
from pathlib import Path

import pytest

from exposure.metadata import MetadataError, PhotoMetadata, read_metadata
from exposure.testing.hostile import HOSTILE
from exposure.testing.photofactory import (
    FORMATS,
    SUFFIXES,
    GpsSpec,
    PhotoSpec,
    PlaceSpec,
    make_photo,
    nikon_maker_note,
)

SPEC = PhotoSpec(
    datetime_original=None,
    gps=GpsSpec(lat=52.52, lon=13.405, altitude_m=34.0),
    body_serial="SN-1",
    artist="Jane Doe",
    maker_note=nikon_maker_note("3105364", size=256),
    make="NIKON CORPORATION",
    xmp=True,
)
EXTRAS = PhotoSpec(
    make="Canon",
    windows=(("XPComment", "42 Elm Street"), ("XPKeywords", "home;garden")),
    iptc=True,
    xmp=True,
    place=PlaceSpec(sublocation="Studio", city="Mainz"),
    locations_shown=(PlaceSpec(city="Paris", lat=48.8584, lon=2.2945),),
    internal_serial="CG0156580",
)
"""The parts other formats' specs leave out: Windows' XP fields, IPTC IIM, XMP location
structures, Canon's CR3 maker note."""
EXTRAS_FORMATS = ["jpeg", "tiff", "cr3", "xmp", "heic"]
PER_FILE_SECONDS = 2.0


def _outcome(path: Path) -> PhotoMetadata | MetadataError:
    """The result or the MetadataError; anything else propagates and fails the test."""
    started = time.monotonic()
    try:
        result: PhotoMetadata | MetadataError = read_metadata(path)
    except MetadataError as exc:
        result = exc
    elapsed = time.monotonic() - started
    assert elapsed < PER_FILE_SECONDS, f"{path.name} took {elapsed:.1f}s"
    return result


@pytest.mark.parametrize(
    ("spec", "fmt"),
    [(SPEC, f) for f in FORMATS] + [(EXTRAS, f) for f in EXTRAS_FORMATS],
    ids=[*FORMATS, *(f"extras-{f}" for f in EXTRAS_FORMATS)],
)
def test_truncated_at_every_offset(tmp_path: Path, spec: PhotoSpec, fmt: str) -> None:
    data = make_photo(spec, fmt)
    path = tmp_path / f"cut{SUFFIXES[fmt]}"
    outcomes = {"meta": 0, "error": 0}
    for cut in range(len(data)):
        path.write_bytes(data[:cut])
        result = _outcome(path)
        outcomes["meta" if isinstance(result, PhotoMetadata) else "error"] += 1
        if isinstance(result, MetadataError):
            assert result.reason and "\n" not in result.reason
    assert outcomes["meta"] + outcomes["error"] == len(data)


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "heic", "avif", "raf"])
def test_cut_after_the_metadata_still_reports_gps(tmp_path: Path, fmt: str) -> None:
    # (factory TIFFs and MP4s keep their metadata at the end, so they are not cut here)
    data = make_photo(PhotoSpec(gps=GpsSpec(lat=1.5, lon=2.5), padding=5000), fmt)
    path = tmp_path / f"tail{SUFFIXES[fmt]}"
    path.write_bytes(data[: len(data) - 2000])
    meta = read_metadata(path)
    assert [(g.lat, g.lon) for g in meta.real_positions] == [(1.5, 2.5)]


def test_truncated_exif_keeps_what_came_before(tmp_path: Path) -> None:
    # A thumbnail-like blob after the GPS IFD inside APP1; the file is cut inside it.
    data = make_photo(PhotoSpec(gps=GpsSpec(lat=1.5, lon=2.5)), "jpeg")
    length = int.from_bytes(data[4:6], "big")
    app1_end = 4 + length
    grown = data[:4] + (length + 3000).to_bytes(2, "big") + data[6:app1_end] + bytes(3000)
    path = tmp_path / "cut.jpg"
    path.write_bytes(grown[: app1_end + 1000])
    meta = read_metadata(path)
    assert [(g.lat, g.lon) for g in meta.real_positions] == [(1.5, 2.5)]
    assert any("truncated" in note for note in meta.notes)


def test_truncated_maker_note_keeps_the_camera(tmp_path: Path) -> None:
    spec = PhotoSpec(make="NIKON CORPORATION", maker_note=nikon_maker_note("1", size=4000))
    data = make_photo(spec, "jpeg")
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: data.index(b"Nikon\x00") + 500])
    meta = read_metadata(path)
    assert meta.make == "NIKON CORPORATION"
    assert any("truncated" in note for note in meta.notes)


def test_exif_cut_inside_an_ifd_says_so(tmp_path: Path) -> None:
    data = make_photo(PhotoSpec(gps=GpsSpec(lat=1.5, lon=2.5)), "jpeg")
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: data.index(b"Exposure\x00") + 12])  # inside the Model text
    meta = read_metadata(path)
    assert meta.make == "Exposure"
    assert "EXIF block is truncated; read what came before the break" in meta.notes


@pytest.mark.parametrize(
    ("spec", "fmt"),
    [(SPEC, f) for f in FORMATS] + [(EXTRAS, f) for f in EXTRAS_FORMATS],
    ids=[*FORMATS, *(f"extras-{f}" for f in EXTRAS_FORMATS)],
)
def test_random_mutations(tmp_path: Path, spec: PhotoSpec, fmt: str) -> None:
    rng = random.Random(f"exposure-{fmt}-{spec is EXTRAS}")
    data = make_photo(spec, fmt)
    path = tmp_path / f"mut{SUFFIXES[fmt]}"
    for _ in range(150):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(mutated))
            mutated[at] = rng.choice((0x00, 0xFF, 0x7F, 0x80, rng.randrange(256)))
        path.write_bytes(bytes(mutated))
        _outcome(path)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files(tmp_path: Path, name: str) -> None:
    suffix, build = HOSTILE[name]
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(build())
    _outcome(path)


def test_ifd_cycle_terminates_with_what_it_holds(tmp_path: Path) -> None:
    suffix, build = HOSTILE["ifd-cycle"]
    path = tmp_path / f"cycle{suffix}"
    path.write_bytes(build())
    meta = read_metadata(path)
    assert meta.make == "Loop"
    assert meta.real_positions == ()


def test_huge_counts_do_not_allocate(tmp_path: Path) -> None:
    suffix, build = HOSTILE["huge-counts"]
    path = tmp_path / f"huge{suffix}"
    path.write_bytes(build())
    result = _outcome(path)
    if isinstance(result, PhotoMetadata):
        assert result.real_positions == ()


def test_entities_are_never_expanded(tmp_path: Path) -> None:
    suffix, build = HOSTILE["billion-laughs"]
    path = tmp_path / f"laughs{suffix}"
    path.write_bytes(build())
    meta = read_metadata(path)
    assert meta.description is None or len(meta.description) < 100


def test_reading_is_silent(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    for name, (suffix, build) in HOSTILE.items():
        path = tmp_path / f"{name}{suffix}"
        path.write_bytes(build())
        _outcome(path)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert caplog.records == []
