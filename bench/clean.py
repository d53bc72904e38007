"""Clean benchmark: ``exposure clean`` against ExifTool writing copies, measured in one run.

    python bench/clean.py                       # 1,000 phone JPEGs, 5 rounds
    python bench/clean.py --files 300 --pad 2000000 --keep /tmp/bench-clean

It generates a folder of phone JPEGs (make/model, capture time and offset, an Apple maker
note, EXIF GPS and an XMP packet with GPS in every one; the image data padded to ``--pad``
bytes), warms the page cache, then measures in rounds, each round running every tool once
one after the other, so that the figures of a round come from the same stretch of a
noisy machine:

- ``exposure clean DIR --out OUT -q`` as a user runs it (a fresh process each time:
  start-up, cleaning, the read-back checks, the private writes, the one durability barrier
  and the renames), with its default ``--workers`` (one per core) and with ``--workers 1``;
- ``exiftool -q -q -gps:all= -xmp:all= -o OUT/ DIR``: ONE ExifTool process over the whole
  folder, writing copies to another folder as clean does (the usual advice; it also deletes
  all other XMP, which clean keeps).  ExifTool is single-process, and it does not flush its
  copies to disk;
- a plain copy of every file in one Python process (read and write the bytes), and a copy
  by the kernel (``copy_file_range``, nothing through Python): the floor of any tool that
  writes these copies, cleaning nothing.

Before each timed command everything written earlier is flushed (``sync``, not timed), so
no tool pays for writing back another's files.  It prints, per tool, the best and the
median time and CPU time, and the ratio to ExifTool (target, issue 13: >= 10x) as the
median of the rounds' own ratios and best against best; then checks that every copy
exposure wrote has no GPS left and that ExifTool wrote every file.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


def kernel_copy(source: Path, target: Path) -> float:
    """Every file copied by the kernel (``copy_file_range``), no byte through Python: what
    writing 1,000 copies costs at least, whatever the tool."""
    target.mkdir()
    start = time.perf_counter()
    for path in source.iterdir():
        src = os.open(path, os.O_RDONLY)
        dst = os.open(target / path.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        size = os.fstat(src).st_size
        pos = 0
        while pos < size:
            pos += os.copy_file_range(src, dst, size - pos)
        os.close(src)
        os.close(dst)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--pad", type=int, default=PAD, help="image bytes per photo")
    parser.add_argument("--runs", type=int, default=5, help="rounds")
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
    load = os.getloadavg()
    ours_cmd = [sys.executable, "-m", "exposure", "clean", str(source), "-q", "--out"]
    tools: dict[str, Callable[[Path], list[str]]] = {
        "exposure clean": lambda out: [*ours_cmd, str(out)],
        "exposure clean --workers 1": lambda out: [*ours_cmd, str(out), "--workers", "1"],
        "exiftool": lambda out: [exiftool, "-q", "-q", "-gps:all=", "-xmp:all=", "-o", f"{out}/"],
    }
    for old in work.iterdir():  # outputs of an earlier run kept with --keep
        if old.name != "photos":
            shutil.rmtree(old)
    warm(source)
    timed([*ours_cmd, str(work / "warmup")], env)  # bytecode compiled, caches warm
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in tools}
    floor: list[float] = []
    kernel: list[float] = []
    for run in range(args.runs):
        for index, (name, command) in enumerate(tools.items()):
            out = work / f"out-{run}-{index}"
            if name == "exiftool":
                out.mkdir()
                args_ = [*command(out), str(source)]
            else:
                args_ = command(out)
            os.sync()
            times[name].append(timed(args_, env))
        os.sync()
        floor.append(plain_copy(source, work / f"copy-{run}"))
        os.sync()
        kernel.append(kernel_copy(source, work / f"kernel-{run}"))
    from exposure.metadata import read_metadata

    ours_out = work / "out-0-0" / "photos"
    left = [p for p in ours_out.iterdir() if read_metadata(p).gps]
    exif_written = len(list((work / f"out-0-{len(tools) - 1}").iterdir()))
    size = sum(p.stat().st_size for p in source.iterdir()) / count
    print(f"{count} JPEGs of {size / 1000:.0f} kB each (EXIF GPS + XMP GPS + maker note)")
    end = os.getloadavg()
    print(
        f"load average: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start, "
        f"{end[0]:.1f} {end[1]:.1f} {end[2]:.1f} at the end, on {os.cpu_count()} cores; "
        f"{args.runs} rounds"
    )
    theirs = times["exiftool"]
    for name, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        line = (
            f"{name:27}: best {min(walls):6.2f} s ({count / min(walls):5.0f} files/s), "
            f"median {statistics.median(walls):6.2f} s; CPU best {min(cpus):.2f} s, "
            f"median {statistics.median(cpus):.2f} s"
        )
        if name != "exiftool":
            ratios = [t[0] / o[0] for o, t in zip(runs, theirs, strict=True)]
            cpu_ratios = [t[1] / o[1] for o, t in zip(runs, theirs, strict=True)]
            line += (
                f"\n{'':27}  ratio to ExifTool by time: median {statistics.median(ratios):.1f}x"
                f" (rounds {', '.join(f'{r:.1f}' for r in ratios)}), best/best "
                f"{min(t for t, _ in theirs) / min(walls):.1f}x; by CPU: median "
                f"{statistics.median(cpu_ratios):.1f}x (target >= 10x)"
            )
        print(line)
    print(f"{'plain copy':27}: best {min(floor):6.2f} s (read and write, one Python process)")
    theirs_best = min(t for t, _ in theirs)
    print(
        f"{'kernel copy':27}: best {min(kernel):6.2f} s (copy_file_range, the floor of any "
        f"tool writing these copies: {theirs_best / min(kernel):.1f}x ExifTool's best)"
    )
    print(f"copies with GPS left: {len(left)}; ExifTool wrote {exif_written} of {count} files")
    if args.keep is None:
        shutil.rmtree(work)
    return 0 if not left and exif_written == count else 1


if __name__ == "__main__":
    raise SystemExit(main())
