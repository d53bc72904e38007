"""The photo folder walker: what it yields, how it names things, what it survives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exposure.errors import InputError
from exposure.model import Skipped, SourceItem
from exposure.options import Options
from exposure.sources import resolve
from exposure.sources.photos import PhotoSource
from exposure.testing.photofactory import PhotoSpec, make_photo


def _walk(given: str, **options: object) -> tuple[list[SourceItem], list[Skipped]]:
    source = resolve(given, Options(inputs=(given,), **options))  # type: ignore[arg-type]
    entries = list(source.iter_items())
    return [e for e in entries if isinstance(e, SourceItem)], [
        e for e in entries if isinstance(e, Skipped)
    ]


def test_walk_finds_media_and_keeps_locators_readable(tmp_path: Path) -> None:
    root = tmp_path / "pics"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    jpeg = make_photo(PhotoSpec(), "jpeg")
    for rel in ("b/deep/z.JPG", "a/y.heic", "x.mov", "a/side.xmp", "IMG_0001"):
        (root / rel).write_bytes(jpeg)
    (root / "readme.txt").write_text("hi")
    (root / "a" / "blob").write_bytes(b"not an image at all")
    items, skipped = _walk(str(root))
    assert skipped == []
    assert [i.locator for i in items] == [
        os.path.join(str(root), p)
        for p in ("IMG_0001", "x.mov", "a/side.xmp", "a/y.heic", "b/deep/z.JPG")
    ]
    kinds = {os.path.basename(i.locator): i.kind for i in items}
    assert kinds == {
        "IMG_0001": "photo",
        "x.mov": "video",
        "side.xmp": "xmp-sidecar",
        "y.heic": "photo",
        "z.JPG": "photo",
    }
    assert {i.group for i in items} == {f"Photos and videos in {root}"}


def test_symlink_loops_are_not_followed_by_default(tmp_path: Path) -> None:
    root = tmp_path / "pics"
    root.mkdir()
    (root / "a.jpg").write_bytes(make_photo(PhotoSpec(), "jpeg"))
    (root / "loop").symlink_to(root, target_is_directory=True)
    items, skipped = _walk(str(root))
    assert len(items) == 1 and skipped == []
    items, skipped = _walk(str(root), follow_symlinks=True)
    assert len(items) == 1
    assert any("loop" in s.reason for s in skipped)


def test_unreadable_folder_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "pics"
    (root / "locked").mkdir(parents=True)
    (root / "open").mkdir()
    (root / "open" / "a.jpg").write_bytes(make_photo(PhotoSpec(), "jpeg"))
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # tests run as root, so deny access by hand
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    items, skipped = _walk(str(root))
    assert [i.locator for i in items] == [os.path.join(str(root), "open", "a.jpg")]
    assert [(s.locator, s.reason) for s in skipped] == [
        (os.path.join(str(root), "locked"), "could not open this folder (Permission denied)")
    ]


def test_unreadable_file_becomes_a_skipped_line(cli, tmp_path: Path) -> None:
    # A link to a photo that is gone: a could-not-check line, and the audit goes on.
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "gone.jpg").symlink_to(tmp_path / "nowhere.jpg")
    (tmp_path / "pics" / "ok.jpg").write_bytes(make_photo(PhotoSpec(), "jpeg"))
    import json

    report = json.loads(cli("audit", "pics", "--json", "-").out)
    assert report["counts"][0]["checked"] == 1
    assert [s["locator"] for s in report["skipped"]] == [os.path.join("pics", "gone.jpg")]


def test_inputs_that_cannot_be_read_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        resolve(str(tmp_path / "missing"), Options(inputs=("x",)))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="not something exposure can check"):
        resolve(str(tmp_path / "doc.pdf"), Options(inputs=("x",)))


def test_single_file_is_recognised_by_suffix_or_content(tmp_path: Path) -> None:
    (tmp_path / "IMG_0002").write_bytes(make_photo(PhotoSpec(), "heic"))
    assert PhotoSource.recognise(str(tmp_path / "IMG_0002"))
    (tmp_path / "data").write_bytes(b"plain text")
    assert not PhotoSource.recognise(str(tmp_path / "data"))
