"""``exposure clean`` on the command line: output, exit codes, refusals, safety of paths."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from exposure.metadata import read_metadata
from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo
from exposure.written import read_list
from tests.clean.conftest import fingerprint
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
LOCATED = PhotoSpec(gps=GpsSpec(lat=48.1372, lon=11.5756), body_serial="CAM42", xmp=True)


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    (folder / "trip").mkdir(parents=True)
    write_photo(folder / "a.jpg", LOCATED, "jpeg")
    write_photo(folder / "trip" / "b.heic", LOCATED, "heic")
    write_photo(folder / "trip" / "clip.mp4", LOCATED, "mp4")
    write_photo(folder / "plain.png", PhotoSpec(), "png")
    (folder / "notes.txt").write_text("not a photo")
    return folder


def test_a_folder_is_mirrored_and_each_copy_listed(cli: Cli, photos: Path, tmp_path: Path) -> None:
    before = {p: fingerprint(p) for p in photos.rglob("*") if p.is_file()}
    result = cli("clean", str(photos), "--out", str(tmp_path / "clean"))
    assert result.code == 0, result.err + result.out
    out = tmp_path / "clean" / "photos"
    for name in ("a.jpg", "trip/b.heic", "trip/clip.mp4", "plain.png"):
        assert (out / name).is_file(), name
        assert not read_metadata(out / name).gps
    assert not (out / "notes.txt").exists()
    assert "a.jpg: removed EXIF GPS block, XMP GPS" in result.out
    assert "clip.mp4: removed QuickTime \u00a9xyz" in result.out
    assert "plain.png: no location found" in result.out
    assert result.out.strip().endswith("(location removed from 3); 1 other file left alone."), (
        result.out
    )
    assert {p: fingerprint(p) for p in before} == before
    noted = {Path(w.path) for w in read_list() if not w.folder}
    assert {out / "a.jpg", out / "trip" / "clip.mp4"} <= noted  # exposure wipe knows them


def test_also_identity(cli: Cli, photos: Path, tmp_path: Path) -> None:
    result = cli("clean", str(photos / "a.jpg"), "--out", str(tmp_path / "c"), "--also-identity")
    assert result.code == 0
    assert "also removed EXIF BodySerialNumber, XMP aux:SerialNumber" in result.out
    assert not read_metadata(tmp_path / "c" / "a.jpg").serials


def test_refused_copy_gives_exit_1_and_its_reason(cli: Cli, photos: Path, tmp_path: Path) -> None:
    write_photo(photos / "raw.raf", LOCATED, "raf")
    result = cli("clean", str(photos), "--out", str(tmp_path / "c"))
    assert result.code == 1
    assert "NOT COPIED" in result.out and "raw.raf: camera raw files" in result.out
    assert "1 not copied" in result.out


def test_nothing_cleaned_gives_exit_3(cli: Cli, tmp_path: Path) -> None:
    raw = tmp_path / "only.raf"
    write_photo(raw, LOCATED, "raf")
    result = cli("clean", str(raw), "--out", str(tmp_path / "c"))
    assert result.code == 3
    assert "Wrote 0 clean copies" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jpg", "--out", "c"], "missing.jpg: does not exist"),
        (["photos"], "the following arguments are required: --out"),
        (["photos", "--out", "photos/clean"], "is inside photos, which is being cleaned"),
        (["photos", "--out", "photos"], "is inside photos"),
        (["photos/a.jpg", "--out", "photos"], "a copy would take the original's place"),
        (["photos", "--out", "photos/a.jpg"], "is a file; give a folder"),
        (["photos", "--out", "nowhere/deeper"], "the folder nowhere does not exist"),
    ],
)
def test_bad_command_lines_are_one_line_and_exit_2(
    cli: Cli, photos: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = cli("clean", *args)
    assert result.code == 2, result
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not (tmp_path / "c").exists() and not (photos / "clean").exists()


def test_out_given_as_a_link_is_refused(cli: Cli, photos: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    result = cli("clean", str(photos), "--out", str(tmp_path / "link"))
    assert result.code == 2 and "symbolic link" in result.err


def test_a_link_at_a_copy_path_is_never_written_through(
    cli: Cli, photos: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.jpg"
    victim.write_bytes(b"keep me")
    out = tmp_path / "c"
    out.mkdir()
    (out / "a.jpg").symlink_to(victim)
    result = cli("clean", str(photos / "a.jpg"), "--out", str(out))
    assert result.code == 3
    assert "symbolic link" in result.out
    assert victim.read_bytes() == b"keep me" and (out / "a.jpg").is_symlink()


def test_a_linked_folder_inside_out_is_not_followed(cli: Cli, photos: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "c"
    out.mkdir()
    (out / "photos").symlink_to(elsewhere)
    result = cli("clean", str(photos), "--out", str(out))
    assert result.code == 3, result.out
    assert list(elsewhere.iterdir()) == []


def test_a_hard_link_to_an_input_is_not_replaced(cli: Cli, photos: Path, tmp_path: Path) -> None:
    out = tmp_path / "c"
    out.mkdir()
    os.link(photos / "a.jpg", out / "a.jpg")
    before = fingerprint(photos / "a.jpg")
    result = cli("clean", str(photos / "a.jpg"), "--out", str(out))
    assert result.code == 3 and "is one of the files being cleaned" in result.out
    assert fingerprint(photos / "a.jpg") == before


def test_same_names_from_two_inputs_do_not_collide(cli: Cli, tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        write_photo(tmp_path / folder / "IMG.jpg", LOCATED, "jpeg")
    result = cli("clean", str(tmp_path / "x/IMG.jpg"), str(tmp_path / "y/IMG.jpg"), "--out", "c")
    assert result.code == 0
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["IMG (2).jpg", "IMG.jpg"]


def test_a_named_file_that_is_not_a_photo_is_refused(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    result = cli("clean", str(tmp_path / "notes.txt"), "--out", "c")
    assert result.code == 3 and "not a photo or video" in result.out


def test_a_damaged_photo_is_refused_and_the_rest_cleaned(
    cli: Cli, photos: Path, tmp_path: Path
) -> None:
    data = (photos / "a.jpg").read_bytes()
    (photos / "cut.jpg").write_bytes(data[:60])
    result = cli("clean", str(photos), "--out", str(tmp_path / "c"))
    assert result.code == 1
    assert "cut.jpg: the file ends inside its metadata (truncated?)" in result.out
    assert not (tmp_path / "c" / "photos" / "cut.jpg").exists()
    assert (tmp_path / "c" / "photos" / "a.jpg").exists()


def test_many_files_cleaned_by_workers_like_in_one_process(tmp_path: Path) -> None:
    from dataclasses import replace

    from exposure.clean import clean

    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(80):
        spec = replace(LOCATED, body_serial=f"CAM{index}", xmp=index % 2 == 0)
        write_photo(folder / f"IMG_{index:03d}.jpg", spec, "jpeg" if index % 5 else "png")
    (folder / "IMG_050.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x40Exif")  # damaged
    alone = clean([folder], tmp_path / "one", workers=1)
    pooled = clean([folder], tmp_path / "two", workers=2)
    assert len(pooled.copied) == 79 and len(pooled.refused) == 1

    def shape(result: object) -> list[tuple[str, tuple[str, ...]]]:
        return [(Path(c.target).name, c.removed) for c in result.copied]  # type: ignore[attr-defined]

    assert shape(pooled) == shape(alone)
    assert [r.reason for r in pooled.refused] == [r.reason for r in alone.refused]
    for copy in pooled.copied:
        assert not read_metadata(copy.target).gps
    noted = {Path(w.path) for w in read_list() if not w.folder}
    assert {Path(c.target) for c in pooled.copied} <= noted


def test_bidi_controls_in_a_file_name_are_not_printed(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_photo(folder / "gpj.\u202ecod.jpg", LOCATED, "jpeg")  # shows as "gpj.doc.jpg" reversed
    result = cli("clean", str(folder), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err + result.out
    assert "cod.jpg: removed" in result.out
    assert "\u202e" not in result.out + result.err
