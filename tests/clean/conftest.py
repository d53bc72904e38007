"""Helpers for the clean tests: decoded-pixel hashes, ExifTool readings, file fingerprints."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import warnings
from collections.abc import Iterable
from pathlib import Path

import pytest

EXIFTOOL = shutil.which("exiftool")


def pixel_hash(path: Path) -> str | None:
    """SHA-256 of the decoded pixels (mode, size, bytes), or None if Pillow cannot decode."""
    from PIL import Image

    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC pixels are then compared by their coded bytes only
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's remarks on odd metadata, not on pixels
        try:
            with Image.open(path) as image:
                image.load()
                digest = hashlib.sha256(f"{image.mode}{image.size}".encode())
                digest.update(image.tobytes())
                return digest.hexdigest()
        except Exception:
            return None


_HASH_CHILD = """
import json, sys
from pathlib import Path
from tests.clean.conftest import pixel_hash
print(json.dumps({p: pixel_hash(Path(p)) for p in sys.argv[1:]}))
"""


def pixel_hashes(paths: Iterable[Path]) -> dict[str, str | None]:
    """:func:`pixel_hash` of many files, decoded in a child process: decoding large HEIC
    photos grows a process by hundreds of MB, which would stay with the test worker and
    show in the peak memory that later tests measure of their own child processes."""
    import sys

    repo = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-c", _HASH_CHILD, *map(str, paths)],
        capture_output=True,
        check=True,
        timeout=900,
        env={**os.environ, "PYTHONPATH": repo},
        cwd=repo,
    )
    hashes: dict[str, str | None] = json.loads(done.stdout)
    return hashes


def exiftool_json(paths: Iterable[Path]) -> dict[str, dict[str, object]]:
    """``exiftool -j -a -G1:2`` of ``paths`` (files or folders), by SourceFile."""
    if EXIFTOOL is None:
        pytest.skip("ExifTool is not installed")
    args = [
        EXIFTOOL,
        "-j",
        "-a",
        "-G1:2",
        "-r",
        "-q",
        "-q",
        "-ext",
        "*",
        "-charset",
        "filename=utf8",
    ]
    done = subprocess.run([*args, *map(str, paths)], capture_output=True, check=False, timeout=600)
    records = json.loads(done.stdout or b"[]")
    return {str(r["SourceFile"]): r for r in records}


def location_tags(record: dict[str, object]) -> dict[str, object]:
    """The tags ExifTool files under its family-2 group ``Location`` (GPS, city, country...)."""
    return {k: v for k, v in record.items() if k.split(":")[1:2] == ["Location"]}


IDENTITY_NAMES = frozenset(
    {"Artist", "Creator", "Copyright", "Rights", "OwnerName", "CameraOwnerName", "By-line",
     "XPAuthor", "Owner", "Author"}
)  # fmt: skip


def identity_tags(record: dict[str, object]) -> dict[str, object]:
    """Serial numbers and names, by tag name, with a non-empty value."""
    return {
        k: v
        for k, v in record.items()
        if (k.endswith("SerialNumber") or k.rsplit(":", 1)[-1] in IDENTITY_NAMES) and str(v).strip()
    }


def fingerprint(path: Path) -> tuple[str, int, int]:
    """(SHA-256, size, mtime_ns): how a test proves an original was not touched."""
    info = os.stat(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_size, info.st_mtime_ns
