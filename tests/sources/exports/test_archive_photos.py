"""Photos inside an export are read in place, only as far as their metadata goes."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

from exposure.testing.exportwriters import write_folder, write_tgz, write_zip
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from tests.sources.exports.conftest import audit_path, by_kind, reasons

ALBUM = "Takeout/Google Photos/Photos from 2024"
HOME = GpsSpec(lat=51.5007, lon=-0.1246)


def _photo(fmt: str = "jpeg", tail: int = 0, seed: int = 1) -> bytes:
    # Random bytes after the metadata, as a camera's compressed image data is.
    return make_photo(PhotoSpec(gps=HOME, body_serial="SN-0042"), fmt) + random.Random(
        seed
    ).randbytes(tail)


def test_the_same_photo_in_a_zip_a_tgz_and_a_folder_is_one_finding(tmp_path: Path) -> None:
    members = {f"{ALBUM}/IMG_0001.jpg": _photo(tail=300_000)}
    zipped = write_zip(tmp_path / "takeout.zip", members)
    tgz = write_tgz(tmp_path / "takeout.tgz", members)
    folder = write_folder(tmp_path / "unpacked", members)
    report = audit_path(zipped, tgz, folder)
    (gps,) = by_kind(report)["photo-gps"]
    shown = {e.locator for e in gps.evidence}
    assert shown == {
        f"{zipped}!{ALBUM}/IMG_0001.jpg",
        f"{tgz}!{ALBUM}/IMG_0001.jpg",
        str(folder / ALBUM / "IMG_0001.jpg"),
    }
    assert abs(gps.position.lat - HOME.lat) < 1e-6  # type: ignore[union-attr]
    assert any("serial" in kind for kind in by_kind(report))


def test_only_the_head_of_a_photo_is_inflated(tmp_path: Path) -> None:
    # The image data of this member is a long run of zeros: inflating it whole would cross
    # the archive's compression-ratio cap (a zip-bomb guard).  Its metadata sits in the
    # first kilobytes, so reading only that far checks the photo and trips nothing.
    bomb_tail = make_photo(PhotoSpec(gps=HOME), "jpeg") + bytes(40_000_000)
    zipped = write_zip(tmp_path / "takeout.zip", {f"{ALBUM}/IMG_0002.jpg": bomb_tail}, level=9)
    report = audit_path(zipped)
    assert [f.kind for f in report.findings if f.kind == "photo-gps"] == ["photo-gps"]
    assert not [r for r in reasons(report).values() if "ratio" in r], reasons(report)


def test_a_cap_reached_while_reading_metadata_is_the_reason_given(tmp_path: Path) -> None:
    # An Android video keeps its location at the end: reaching it crosses the member cap.
    video = make_photo(PhotoSpec(gps=HOME, padding=2_000_000), "mp4")
    zipped = tmp_path / "takeout.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_STORED) as out:  # as phones' videos often are
        out.writestr(f"{ALBUM}/VID_0001.mp4", video)
    report = audit_path(zipped, member_limit=1_000_000, media_limit=4_000_000)
    (reason,) = [r for loc, r in reasons(report).items() if loc.endswith("VID_0001.mp4")]
    assert "limit" in reason or "larger" in reason, reason
    assert "photo-gps" not in by_kind(report) and "video-gps" not in by_kind(report)
    # With room enough, the same video is read to its end and its location found.
    report = audit_path(zipped, media_limit=4_000_000)
    assert "video-gps" in by_kind(report)


def test_a_damaged_photo_member_is_one_line_and_the_rest_is_read(tmp_path: Path) -> None:
    members = {
        f"{ALBUM}/IMG_0003.jpg": b"\xff\xd8\xff\xe1\x00\x40Exif\x00\x00MM\x00*",  # cut EXIF
        f"{ALBUM}/IMG_0004.jpg": _photo(seed=4),
    }
    report = audit_path(write_zip(tmp_path / "takeout.zip", members))
    assert any(loc.endswith("IMG_0003.jpg") for loc in reasons(report))
    (gps,) = by_kind(report)["photo-gps"]
    assert gps.locator.endswith("IMG_0004.jpg")
