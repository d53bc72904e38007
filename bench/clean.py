"""Clean benchmark: ``exposure clean`` against ExifTool writing copies, measured in one run.

    python bench/clean.py                       # 1,000 phone JPEGs
    python bench/clean.py --files 300 --pad 2000000 --keep /tmp/bench-clean

It generates a folder of phone JPEGs (make/model, capture time and offset, an Apple maker
note, EXIF GPS and an XMP packet with GPS in every one; the image data padded to ``--pad``
bytes), warms the page cache, then measures, alternating the two so both best runs come
from the same stretch of a noisy machine:

- ``exposure clean DIR --out OUT -q`` as a user runs it (a fresh process each time: start-up,
  cleaning, the check before writing, the atomic private write with fsync, the read back);
- ``exiftool -q -gps:all= -xmp:all= -o OUT/ DIR`` (the usual advice, writing copies to
  another folder as clean does; note it also deletes all other XMP, which clean keeps);
- a plain copy of every file in one Python process (the floor: read and write the bytes).

It prints files per second and the ratio (target, issue 13: >= 10x ExifTool), and checks
that every copy exposure wrote has no GPS left.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from exposure.testing.photofactory import make_photo, phone_spec

PAD = 200_000


def generate(folder: Path, count: int, pad: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        spec = replace(phone_spec(index, maker_note=True, padding=pad), xmp=True)
        (folder / f"IMG_{index:06d}.jpg").write_bytes(make_photo(spec, "jpeg"))


def warm(folder: Path) -> None:
    for path in folder.iterdir():
        path.read_bytes()


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children: user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def plain_copy(source: Path, target: Path) -> float:
    target.mkdir()
    start = time.perf_counter()
    for path in source.iterdir():
        (target / path.name).write_bytes(path.read_bytes())
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--pad", type=int, default=PAD, help="image bytes per photo")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="exposure's --workers")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    exiftool = shutil.which("exiftool")
    if exiftool is None:
        print("ExifTool is not installed; nothing to compare with", file=sys.stderr)
        return 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-clean-"))
    source = work / "photos"
    if not source.is_dir():
        generate(source, args.files, args.pad)
    count = len(list(source.iterdir()))
    env = dict(os.environ, EXPOSURE_STATE_DIR=str(work / "state"), PYTHONDONTWRITEBYTECODE="")
    load = os.getloadavg()[0]
    ours_cmd = [sys.executable, "-m", "exposure", "clean", str(source), "-q"]
    ours_cmd += ["--workers", str(args.workers), "--out"]
    theirs_cmd = [exiftool, "-q", "-q", "-gps:all=", "-xmp:all=", "-o"]
    for old in work.iterdir():  # outputs of an earlier run kept with --keep
        if old.name != "photos":
            shutil.rmtree(old)
    warm(source)
    timed([*ours_cmd, str(work / "warmup")], env)  # bytecode compiled, caches warm
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    floor: list[float] = []
    for run in range(args.runs):
        out = work / f"ours-{run}"
        ours.append(timed([*ours_cmd, str(out)], env))
        exif_out = work / f"exiftool-{run}"
        exif_out.mkdir()
        theirs.append(timed([*theirs_cmd, f"{exif_out}/", str(source)], env))
        floor.append(plain_copy(source, work / f"copy-{run}"))
    from exposure.metadata import read_metadata

    left = [p for p in (work / "ours-0" / "photos").iterdir() if read_metadata(p).gps]
    best_ours, best_theirs, best_floor = min(ours), min(theirs), min(floor)
    cpu_ours, cpu_theirs = min(c for _, c in ours), min(c for _, c in theirs)
    size = sum(p.stat().st_size for p in source.iterdir()) / count
    print(f"{count} JPEGs of {size / 1000:.0f} kB each (EXIF GPS + XMP GPS + maker note)")
    print(f"load average at the start: {load:.1f} on {os.cpu_count()} cores")
    print(
        f"exposure clean: {count / best_ours[0]:8.0f} files/s  ({best_ours[0]:.2f} s wall, "
        f"{cpu_ours:.2f} s CPU, --workers {args.workers}, best of {args.runs})"
    )
    print(
        f"exiftool      : {count / best_theirs[0]:8.0f} files/s  ({best_theirs[0]:.2f} s wall, "
        f"{cpu_theirs:.2f} s CPU)"
    )
    print(f"plain copy    : {count / best_floor:8.0f} files/s  ({best_floor:.2f} s, the floor)")
    print(
        f"ratio         : {best_theirs[0] / best_ours[0]:.1f}x ExifTool by time, "
        f"{cpu_theirs / cpu_ours:.1f}x by CPU used (target >= 10x)"
    )
    print(f"copies with GPS left: {len(left)}")
    if args.keep is None:
        shutil.rmtree(work)
    return 0 if not left else 1


if __name__ == "__main__":
    raise SystemExit(main())
