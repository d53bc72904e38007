"""Fixtures for the metadata tests: synthetic files on disk, ExifTool and the corpus."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from exposure.testing.photofactory import SUFFIXES, PhotoSpec, make_photo

# The repository lives at <root>/main and the corpus at <root>/shared/corpus; CI clones
# the repository elsewhere with shared/ beside it, so always go through the repo root.
REPO_ROOT = Path(__file__).resolve().parents[2]


CORPUS_IMAGES = REPO_ROOT.parent / "shared" / "corpus" / "images"

WriteFile = Callable[..., Path]


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """``write_file(spec, fmt, name=None, data=None)`` → path of a new file in ``tmp_path``."""
    counter = iter(range(1_000_000))

    def write(
        spec: PhotoSpec | None = None,
        fmt: str = "jpeg",
        name: str | None = None,
        data: bytes | None = None,
    ) -> Path:
        path = tmp_path / (name or f"f{next(counter)}{SUFFIXES.get(fmt, '.bin')}")
        path.write_bytes(data if data is not None else make_photo(spec or PhotoSpec(), fmt))
        return path

    return write


@pytest.fixture(scope="session")
def exiftool() -> str:
    """Path of the exiftool program; the test is skipped where it is missing."""
    found = shutil.which("exiftool") or (
        "/usr/bin/exiftool" if Path("/usr/bin/exiftool").is_file() else None
    )
    if found is None:
        pytest.skip("exiftool is not installed")
    return found


@pytest.fixture(scope="session")
def corpus_images() -> Path:
    """``../shared/corpus/images`` beside the repository; skipped when it is absent."""
    if not (CORPUS_IMAGES / "exiftool-truth.json").is_file():
        pytest.skip(f"corpus not found at {CORPUS_IMAGES}")
    return CORPUS_IMAGES
