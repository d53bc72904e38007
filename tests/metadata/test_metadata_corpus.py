"""The shared corpus of real-world files, against ExifTool 12.57's reading of it.

Targets: every real numeric position ExifTool reads is reported (within 1e-5 degrees);
no real position where ExifTool has none; serial numbers for at least 90% of the files
where ExifTool reads a SerialNumber; every file gives a result or a MetadataError.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from exposure.metadata import MetadataError, PhotoMetadata, read_metadata

from . import exiftool_view

pytestmark = pytest.mark.corpus

# Files whose GPS tags exist but hold nothing usable (MANIFEST section 0).
BROKEN_GPS = (
    "metadata-extractor-images/heic/Issue 487.heic",
    "metadata-extractor-images/jpg/Nikon D5000.jpg",
    "pillow-tests/exif_gps.jpg",
)
PER_FILE_SECONDS = 5.0


def _truth(root: Path, name: str) -> dict[str, dict[str, Any]]:
    with (root / name).open(encoding="utf-8") as fh:
        return {r["SourceFile"]: r for r in json.load(fh)}


def _numeric(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(float(value))


def _real(lat: object, lon: object) -> tuple[float, float] | None:
    if _numeric(lat) and _numeric(lon) and (lat, lon) != (0, 0):
        return float(lat), float(lon)  # type: ignore[arg-type]
    return None


def _normal_serial(value: object) -> str:
    text = str(value).strip().upper()
    if text.startswith("NO="):
        text = text[3:].strip()
    return text.lstrip("0").replace(" ", "")


@pytest.fixture(scope="module")
def results(corpus_images: Path) -> dict[str, PhotoMetadata | MetadataError]:
    """read_metadata on every file under images/, each within a time bound."""
    found: dict[str, PhotoMetadata | MetadataError] = {}
    for path in sorted(p for p in corpus_images.rglob("*") if p.is_file()):
        started = time.monotonic()
        try:
            found[path.relative_to(corpus_images).as_posix()] = read_metadata(path)
        except MetadataError as exc:
            found[path.relative_to(corpus_images).as_posix()] = exc
        elapsed = time.monotonic() - started
        assert elapsed < PER_FILE_SECONDS, f"{path} took {elapsed:.1f}s"
    return found


def test_every_file_gives_a_result_or_a_reason(
    corpus_images: Path, results: dict[str, PhotoMetadata | MetadataError]
) -> None:
    truth = _truth(corpus_images, "exiftool-truth.json")
    assert set(truth) <= set(results)
    for name, result in results.items():
        assert isinstance(result, PhotoMetadata | MetadataError), name
        if isinstance(result, MetadataError):
            assert result.reason, name


def test_real_positions_match_exiftool(
    corpus_images: Path,
    results: dict[str, PhotoMetadata | MetadataError],
    capsys: pytest.CaptureFixture[str],
) -> None:
    truth = _truth(corpus_images, "exiftool-truth.json")
    expected = {
        name: pos
        for name, record in truth.items()
        if (pos := _real(record.get("GPSLatitude"), record.get("GPSLongitude")))
    }
    assert len(expected) == 37
    misses = []
    for name, (lat, lon) in expected.items():
        result = results[name]
        ours = result.real_positions if isinstance(result, PhotoMetadata) else ()
        if not any(
            g.lat is not None and g.lon is not None
            and abs(g.lat - lat) <= 1e-5 and abs(g.lon - lon) <= 1e-5
            for g in ours
        ):  # fmt: skip
            misses.append(f"{name}: expected ({lat}, {lon}), got {[(g.lat, g.lon) for g in ours]}")
    with capsys.disabled():
        print(f"\n[corpus] real positions found {len(expected) - len(misses)}/{len(expected)}")
    assert not misses, "\n".join(misses)


def test_no_position_where_exiftool_has_none(
    corpus_images: Path, results: dict[str, PhotoMetadata | MetadataError]
) -> None:
    grouped = _truth(corpus_images, "exiftool-truth-grouped.json")
    wrong = []
    for name, result in results.items():
        if not isinstance(result, PhotoMetadata) or not result.real_positions:
            continue
        record = grouped.get(name, {})
        theirs = [
            _real(record.get(f"{group}:GPSLatitude"), record.get(f"{group}:GPSLongitude"))
            for group in ("Composite", "XMP-exif")
        ]
        for reading in result.real_positions:
            assert reading.lat is not None and reading.lon is not None
            if not any(
                t and abs(t[0] - reading.lat) <= 1e-5 and abs(t[1] - reading.lon) <= 1e-5
                for t in theirs
            ):
                wrong.append(f"{name}: {reading}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", BROKEN_GPS)
def test_broken_gps_blocks_are_not_positions(
    results: dict[str, PhotoMetadata | MetadataError], name: str
) -> None:
    result = results[name]
    assert isinstance(result, PhotoMetadata)
    exif = [g for g in result.gps if g.origin == "exif"]
    assert exif and all(g.problem is not None for g in exif)


def test_nikon_d5000_xmp_copy_is_a_real_position(
    corpus_images: Path, results: dict[str, PhotoMetadata | MetadataError]
) -> None:
    # The EXIF GPS block stores seconds as 0/0 (unreadable, as ExifTool says), but Adobe
    # Bridge wrote a valid copy into XMP, which ExifTool reads as XMP-exif:GPSLatitude.
    name = "metadata-extractor-images/jpg/Nikon D5000.jpg"
    record = _truth(corpus_images, "exiftool-truth-grouped.json")[name]
    result = results[name]
    assert isinstance(result, PhotoMetadata)
    xmp = [(g.lat, g.lon) for g in result.real_positions if g.origin == "xmp"]
    assert xmp == [
        pytest.approx((record["XMP-exif:GPSLatitude"], record["XMP-exif:GPSLongitude"]), abs=1e-7)
    ]


def test_zero_positions_are_flagged(
    corpus_images: Path, results: dict[str, PhotoMetadata | MetadataError]
) -> None:
    truth = _truth(corpus_images, "exiftool-truth.json")
    zeros = [
        n for n, r in truth.items() if r.get("GPSLatitude") == 0 and r.get("GPSLongitude") == 0
    ]
    assert len(zeros) == 4
    for name in zeros:
        result = results[name]
        assert isinstance(result, PhotoMetadata)
        assert result.real_positions == ()
        assert any(g.problem is not None and g.problem.value == "zero" for g in result.gps)


def test_serial_numbers(
    corpus_images: Path,
    results: dict[str, PhotoMetadata | MetadataError],
    capsys: pytest.CaptureFixture[str],
) -> None:
    truth = _truth(corpus_images, "exiftool-truth.json")
    expected = {n: r["SerialNumber"] for n, r in truth.items() if "SerialNumber" in r}
    lines, found = [], 0
    for name, serial in sorted(expected.items()):
        result = results[name]
        ours = [s.value for s in result.serials] if isinstance(result, PhotoMetadata) else []
        hit = _normal_serial(serial) in {_normal_serial(v) for v in ours}
        found += hit
        lines.append(f"  {'ok  ' if hit else 'MISS'} {name}: exiftool={serial!r} ours={ours}")
    with capsys.disabled():
        print(f"\n[corpus] serial numbers found {found}/{len(expected)}")
        print("\n".join(lines))
    assert found >= 0.9 * len(expected)


def test_xmp_places_and_titles_match_exiftool(
    corpus_images: Path,
    results: dict[str, PhotoMetadata | MetadataError],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """XMP ``photoshop:City``/``State``/``Country``, ``Iptc4xmpCore:Location``, the
    LocationCreated/LocationShown structures and ``dc:title``, against the truth file."""
    grouped = _truth(corpus_images, "exiftool-truth-grouped.json")
    problems, compared = [], 0
    for name, record in grouped.items():
        result = results[name]
        if not isinstance(result, PhotoMetadata):
            continue
        compared += any(k.startswith("XMP-") for k in exiftool_view.theirs(record))
        problems += [f"{name}: {p}" for p in exiftool_view.mismatches(result, record, ("XMP-",))]
    with capsys.disabled():
        print(f"\n[corpus] XMP places and titles compared in {compared} files")
    assert compared >= 5
    assert not problems, "\n".join(problems)


def _exiftool_json(exiftool: str, folder: Path) -> dict[str, dict[str, Any]]:
    run = subprocess.run(
        [
            exiftool,
            "-j",
            "-r",
            "-a",
            "-G1",
            "-n",
            "-q",
            "-q",
            "-ext",
            "*",
            *exiftool_view.TAGS,
            ".",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=folder,
    )
    return {r["SourceFile"].removeprefix("./"): r for r in json.loads(run.stdout or "[]")}


@pytest.mark.slow
def test_iptc_and_windows_fields_match_a_live_exiftool(
    corpus_images: Path,
    exiftool: str,
    results: dict[str, PhotoMetadata | MetadataError],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """IPTC places and captions and Windows' XP fields (which the truth files leave out),
    against ExifTool run on the corpus now."""
    records = _exiftool_json(exiftool, corpus_images)
    problems, compared = [], set()
    for name, record in records.items():
        result = results.get(name)
        if not isinstance(result, PhotoMetadata):
            continue
        seen = exiftool_view.theirs(record)
        compared |= {k.partition(":")[0] for k in seen}
        if seen:
            problems += [f"{name}: {p}" for p in exiftool_view.mismatches(result, record)]
    with capsys.disabled():
        print(f"\n[corpus] ExifTool groups compared: {sorted(compared)}")
    assert {"IPTC", "IFD0", "XMP-photoshop"} <= compared
    assert not problems, "\n".join(problems)


def test_exiftool_test_images(
    corpus_images: Path, exiftool: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """ExifTool's own test images (``images/exiftool-t-images``, a copy of exiftool's
    ``t/images``): CR3, Motorola and Sigma serials, IPTC/XMP places.  Skipped where the
    corpus does not hold them; ``EXPOSURE_EXIFTOOL_IMAGES`` names another copy."""
    folder = Path(os.environ.get("EXPOSURE_EXIFTOOL_IMAGES") or corpus_images / "exiftool-t-images")
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    records = _exiftool_json(exiftool, folder)
    serials = {
        "CanonRaw.cr3": {"613040000565", "CG0156580"},
        "Motorola.jpg": {"NX0A3S0075"},
        "Sigma.jpg": {"02000019"},
    }
    for name, expected in serials.items():
        record = records[name]
        theirs = {str(v).strip() for k, v in record.items() if k.endswith("SerialNumber")}
        assert theirs == expected, name
        assert expected <= {s.value for s in read_metadata(folder / name).serials}, name
    problems, compared = [], 0
    for name, record in records.items():
        try:
            result = read_metadata(folder / name)
        except MetadataError:
            continue
        compared += bool(exiftool_view.theirs(record))
        problems += [f"{name}: {p}" for p in exiftool_view.mismatches(result, record)]
    with capsys.disabled():
        print(f"\n[exiftool t/images] text and place fields compared in {compared} files")
    assert not problems, "\n".join(problems)
