"""How copies reach their names: staged privately, checked as read back, one durability
barrier for the whole run, then renamed; nothing half-written ever holds a copy's name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exposure.clean import clean
from exposure.metadata import read_metadata
from exposure.report import files
from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo

LOCATED = PhotoSpec(gps=GpsSpec(lat=48.1372, lon=11.5756), body_serial="CAM42", xmp=True)
REPO = Path(__file__).resolve().parents[2]


def _folder(tmp_path: Path, count: int = 6) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    for index in range(count):
        fmt = ("jpeg", "png", "mp4")[index % 3]
        suffix = {"jpeg": "jpg", "png": "png", "mp4": "mp4"}[fmt]
        write_photo(folder / f"IMG_{index}.{suffix}", LOCATED, fmt)
    return folder


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_no_copy_has_its_name_before_the_barrier_and_all_have_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "out"
    seen: list[list[str]] = []
    barrier = files._barrier

    def watched(folders: list[Path], staged: list[str]) -> None:
        names = [p.name for p in (out / "photos").iterdir()]
        seen.append(names)
        assert all(Path(p).exists() for p in staged)
        barrier(folders, staged)

    monkeypatch.setattr(files, "_barrier", watched)
    result = clean([folder], out)
    assert len(result.copied) == 6 and not result.refused
    (names,) = seen  # one barrier for the whole run
    assert len(names) == 6 and all(n.startswith(".") and n.endswith(".part") for n in names)
    assert _everything(out / "photos") == sorted(p.name for p in folder.iterdir())
    for copy in result.copied:
        assert files.is_private(copy.target)
        assert not read_metadata(copy.target).gps


_CRASH = """
import os, sys
from exposure.report import files
def crash(folders, staged):
    os._exit(9)  # the power goes: nothing after the copies were written runs
files._barrier = crash
from exposure.clean import clean
clean([sys.argv[1]], sys.argv[2])
"""


def test_a_crash_before_the_barrier_leaves_no_copy_under_its_name(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPOSURE_STATE_DIR": str(tmp_path / "st")}
    done = subprocess.run(
        [sys.executable, "-c", _CRASH, str(folder), str(out)], env=env, timeout=300
    )
    assert done.returncode == 9
    left = _everything(out / "photos")
    assert left and all(n.startswith(".") and n.endswith(".part") for n in left)


def test_a_copy_that_fails_its_read_back_check_is_removed_with_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check runs on what the file holds: a copy whose written bytes differ from the
    cleaned buffer (here: the original's bytes put back) is refused and leaves nothing."""
    from exposure.clean import run

    folder = _folder(tmp_path, 3)
    original = (folder / "IMG_0.jpg").read_bytes()
    writer = run._head_writer

    def faulty(source_fd: int, size: int, head: bytearray) -> run.Writer:
        return writer(source_fd, size, bytearray(original[: len(head)]))

    monkeypatch.setattr(run, "_head_writer", faulty)
    result = clean([folder], tmp_path / "out")
    (refused,) = result.refused
    assert refused.source.endswith("IMG_0.jpg")
    assert "when read back; it was removed" in refused.reason and "GPS" in refused.reason
    assert _everything(tmp_path / "out" / "photos") == ["IMG_1.png", "IMG_2.mp4"]


def test_ctrl_c_keeps_the_copies_checked_so_far_and_no_temporary_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 6)
    out = tmp_path / "out"

    def stop(done: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        clean([folder], out, progress=stop)
    assert _everything(out / "photos") == ["IMG_0.jpg", "IMG_1.png"]
    for name in ("IMG_0.jpg", "IMG_1.png"):
        assert not read_metadata(out / "photos" / name).gps


def test_ctrl_c_with_workers_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(100):
        write_photo(folder / f"IMG_{index:03d}.jpg", LOCATED, "jpeg")
    out = tmp_path / "out"

    def stop(done: int) -> None:
        if done == 40:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        clean([folder], out, workers=2, progress=stop)
    left = _everything(out / "many")
    assert not [n for n in left if n.endswith(".part")]
    assert 40 <= len(left) < 100


def test_a_link_planted_at_a_copy_name_while_cleaning_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, 3)
    out = tmp_path / "out"
    decoy = tmp_path / "decoy.txt"
    decoy.write_text("someone else's file")
    barrier = files._barrier

    def plant(folders: list[Path], staged: list[str]) -> None:
        (out / "photos" / "IMG_0.jpg").symlink_to(decoy)
        barrier(folders, staged)

    monkeypatch.setattr(files, "_barrier", plant)
    result = clean([folder], out)
    (refused,) = result.refused
    assert refused.source.endswith("IMG_0.jpg") and "symbolic link" in refused.reason
    assert decoy.read_text() == "someone else's file"
    assert (out / "photos" / "IMG_0.jpg").is_symlink()
    assert _everything(out / "photos") == ["IMG_0.jpg", "IMG_1.png", "IMG_2.mp4"]
