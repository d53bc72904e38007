"""Photos inside an export: a Google Photos Takeout zip against the same photos unpacked,
measured in one run.

    python bench/archive_photos.py                   # 300 photos of 3 MB (about 0.9 GB)
    python bench/archive_photos.py --photos 100 --keep /tmp/bench-archive-photos

It writes phone JPEGs (realistic EXIF, half with GPS) whose image data is 3 MB of random
bytes, as a camera's compressed data is, into ``Takeout/Google Photos/Album/`` of an
unpacked folder and of a zip (deflate level 1, as Takeout compresses its members), warms
the page cache, then measures, best of ``--runs``:

- ``exposure audit ZIP --json FILE -q`` and ``exposure audit FOLDER --json FILE -q``
  (the whole command, as a user runs it, with compiled bytecode as an installed wheel has);
- a bare read of the zip file (every byte, in 1 MiB blocks) and a bare inflate of every
  member with ``zipfile``: what reading each photo whole would cost at the least.

exposure reads a photo inside an archive only as far as its metadata goes (usually its
first 64 KiB), so the zip should cost about what the folder costs, far below a full
inflate.  It prints the times and the ratios.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import replace
from pathlib import Path

from exposure.testing.photofactory import make_photo, phone_spec

ALBUM = "Takeout/Google Photos/Album"
INFLATE = """
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        with z.open(info) as fh:
            while fh.read(1 << 20):
                pass
"""


def generate(base: Path, count: int, size: int) -> tuple[Path, Path]:
    """The unpacked folder and the zip of ``count`` photos of about ``size`` bytes."""
    folder, archive = base / "unpacked", base / "takeout.zip"
    if archive.exists():
        return folder, archive
    rng = random.Random(7)
    album = folder / ALBUM
    album.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for index in range(count):
            spec = phone_spec(index, maker_note=True)
            if index % 2:
                spec = replace(spec, gps=None)
            data = make_photo(spec, "jpeg") + rng.randbytes(size)  # image data: incompressible
            name = f"IMG_{index:05d}.jpg"
            (album / name).write_bytes(data)
            out.writestr(f"{ALBUM}/{name}", data)
    return folder, archive


def timed(cmd: list[str]) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"command failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr.decode()}")
    return elapsed


def bare_read(path: Path) -> float:
    start = time.perf_counter()
    with path.open("rb") as fh:
        while fh.read(1 << 20):
            pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--photos", type=int, default=300)
    parser.add_argument("--size", type=int, default=3_000_000, help="bytes of image data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="exposure-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        folder, archive = generate(base, args.photos, args.size)
        out = base / "report.json"
        audit = [sys.executable, "-m", "exposure", "audit", "--json", str(out), "-q"]
        bare_read(archive)  # warm the page cache
        timed([*audit, str(archive)])  # and the bytecode
        rounds = [
            (
                timed([*audit, str(archive)]),
                timed([*audit, str(folder)]),
                bare_read(archive),
                timed([sys.executable, "-c", INFLATE, str(archive)]),
            )
            for _ in range(args.runs)
        ]
        zipped, unpacked, read, inflate = (min(r[i] for r in rounds) for i in range(4))
        mb = archive.stat().st_size / 1e6
        print(f"{args.photos} photos, zip of {mb:.0f} MB, cache warm, best of {args.runs}")
        print(f"  exposure on the zip     {zipped:7.2f} s")
        print(f"  exposure on the folder  {unpacked:7.2f} s")
        print(f"  bare read of the zip    {read:7.2f} s")
        print(f"  bare inflate, all members {inflate:5.2f} s")
        print(
            f"  zip / folder = {zipped / unpacked:.2f}x; zip / full inflate = {zipped / inflate:.2f}x"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
