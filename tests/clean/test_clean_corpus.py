"""Every file of the shared corpus through ``clean``: real photos from phones and cameras.

One run over the whole corpus (module fixture), then ExifTool on originals and copies.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from exposure.clean import CleanResult, clean
from exposure.metadata import MetadataError, read_metadata
from tests.clean.conftest import (
    EXIFTOOL,
    exiftool_json,
    fingerprint,
    location_tags,
    pixel_hashes,
)
from tests.conftest import CORPUS

pytestmark = pytest.mark.corpus
IMAGES = CORPUS / "images"
KEPT = ("Orientation", "DateTimeOriginal", "CreateDate", "ProfileDescription", "Make", "Model")
"""Tags a clean copy must keep exactly (ExifTool's reading of original and copy)."""


@dataclass
class Run:
    result: CleanResult
    out: Path
    copies: dict[Path, Path]
    """original -> copy"""
    before: dict[Path, tuple[str, int, int]]
    after: dict[Path, tuple[str, int, int]]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    if not (CORPUS / "MANIFEST.md").is_file():
        pytest.skip("../shared/corpus is not present")
    out = tmp_path_factory.mktemp("clean") / "out"
    files = sorted(p for p in IMAGES.rglob("*") if p.is_file())
    before = {p: fingerprint(p) for p in files}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXPOSURE_STATE_DIR", str(tmp_path_factory.mktemp("state")))
        result = clean([IMAGES], out)
    after = {p: fingerprint(p) for p in files}
    copies = {Path(c.source): Path(c.target) for c in result.copied}
    return Run(result, out, copies, before, after)


@pytest.fixture(scope="module")
def exif(run: Run) -> tuple[dict[str, dict[str, object]], dict[str, dict[str, object]]]:
    """ExifTool's readings of (originals, copies), by path."""
    if EXIFTOOL is None:
        pytest.skip("ExifTool is not installed")
    return exiftool_json(run.copies), exiftool_json(run.copies.values())


def test_originals_are_untouched(run: Run) -> None:
    assert run.before == run.after


def test_every_photo_format_of_the_corpus_is_cleaned(run: Run) -> None:
    formats = Counter(read_metadata(copy).format for copy in run.copies.values())
    assert {"jpeg", "png", "webp", "heic", "avif", "tiff", "xmp"} <= set(formats)
    assert len(run.result.copied) >= 180


def test_every_located_photo_gets_a_clean_copy(run: Run) -> None:
    truth = json.loads((IMAGES / "exiftool-truth.json").read_text())
    located = {
        IMAGES / r["SourceFile"]
        for r in truth
        if isinstance(r.get("GPSLatitude"), float) and isinstance(r.get("GPSLongitude"), float)
    }
    refused = {Path(r.source): r.reason for r in run.result.refused}
    missing = {str(p): refused.get(p) for p in located if p not in run.copies}
    # Issue 308.jpg: its XMP segment's length is wrong, so its later segments cannot be
    # found with certainty; refusing it is the promised behaviour (its GPS is (0, 0)).
    assert set(missing) <= {str(IMAGES / "metadata-extractor-images/jpg/Issue 308.jpg")}
    assert all(reason for reason in missing.values())


def test_our_reader_finds_no_gps_in_any_copy(run: Run) -> None:
    for copy in run.copies.values():
        try:
            assert read_metadata(copy).gps == (), copy
        except MetadataError:
            pass  # (a copy of a photo whose metadata nobody can read: nothing to find)


def test_refused_files_have_a_reason_and_no_copy(run: Run) -> None:
    written = {p for p in run.out.rglob("*") if p.is_file()}
    assert written == set(run.copies.values())
    for refusal in run.result.refused:
        assert refusal.reason and not refusal.reason.endswith(".")


def test_exiftool_finds_no_location_in_any_copy(exif: tuple[dict, dict]) -> None:
    originals, copies = exif
    assert sum(1 for r in originals.values() if location_tags(r)) >= 40
    left = {name: location_tags(r) for name, r in copies.items() if location_tags(r)}
    assert left == {}


def test_orientation_colour_profile_and_capture_time_are_kept(
    run: Run, exif: tuple[dict, dict]
) -> None:
    originals, copies = exif
    compared = 0
    for source, copy in run.copies.items():
        before, after = originals.get(str(source)), copies.get(str(copy))
        if before is None or after is None:
            continue
        for key, value in before.items():
            name = key.rsplit(":", 1)[-1]
            if name in KEPT and not key.startswith(("XMP", "Composite")):
                assert after.get(key) == value, (source, key)
                compared += 1
    assert compared > 300


def test_decoded_pixels_are_identical(run: Run) -> None:
    """Decoded by Pillow (and pillow-heif) from original and copy, wherever a byte changed."""
    changed = {
        source: copy
        for source, copy in run.copies.items()
        if run.after[source][0] != fingerprint(copy)[0]  # (identical bytes: nothing to see)
    }
    hashes = pixel_hashes([*changed, *changed.values()])
    decoded = 0
    for source, copy in changed.items():
        expected = hashes[str(source)]
        if expected is None:
            continue
        assert hashes[str(copy)] == expected, source
        decoded += 1
    assert decoded >= 50
