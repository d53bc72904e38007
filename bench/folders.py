"""Folder-walk benchmark: a mixed "Downloads"-like folder, walked and routed in flat memory.

    python bench/folders.py                      # 10,000 files, then 100,000
    python bench/folders.py --files 2000 --scale 5 --keep /tmp/bench-folders

It generates a folder of mixed files (per 100: 40 small documents, 20 empty files, 10 files
of unknown kinds, 10 JSON files of no known export, 10 small photos (one in five with
GPS), 5 GPX tracks, 3 saved web pages, 2 CSV files), in sub-folders of 1,000 plus one flat
folder holding a tenth of them, then runs ``exposure audit DIR --json FILE --workers 2 -q``
(best of two after a warm-up run) and reports files per second and the peak resident
memory of exposure's whole process tree (sampled from /proc, see ``bench/photos.py``), at
N and at N x scale files.  Target (issue 10): the peak at N x 10 less than 1.5x the peak at
N, so the walk does not hold the folder in memory.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from photos import exposure_cmd, run_measured  # bench/photos.py, beside this file

from exposure.testing.exportwriters import as_json, gpx
from exposure.testing.photofactory import GpsSpec, make_photo, phone_spec

PAGE = (
    b"<!DOCTYPE html><html><head><title>Saved page</title></head><body><p>Opening hours and "
    b"news from the club.</p></body></html>"
)


def _kinds(rng: random.Random, photo: bytes, gps_photo: bytes) -> list[tuple[str, bytes]]:
    """One block of 100 (name suffix, bytes) pairs, in a shuffled order."""
    block: list[tuple[str, bytes]] = []
    for n in range(40):
        suffix = (".pdf", ".docx", ".txt", ".odt")[n % 4]
        block.append((suffix, rng.randbytes(rng.randint(200, 4000))))
    block += [(".log", b"")] * 20
    block += [(".xyz", rng.randbytes(300)) for _ in range(10)]
    block += [(".json", as_json({"settings": {"n": rng.randint(0, 99)}})) for _ in range(10)]
    block += [(".jpg", gps_photo if n % 5 == 0 else photo) for n in range(10)]
    track = gpx([(52.52, 13.40, "2024-01-01T08:00:00Z"), (52.53, 13.41, "2024-01-01T08:30:00Z")])
    block += [(".gpx", track)] * 5
    block += [(".html", PAGE)] * 3
    block += [(".csv", b"a,b\n1,2\n")] * 2
    rng.shuffle(block)
    return block


def generate(folder: Path, count: int) -> None:
    """``count`` mixed files: sub-folders of 1,000, and a flat folder holding a tenth."""
    rng = random.Random(count)
    photo = make_photo(replace(phone_spec(1, maker_note=False), gps=None), "jpeg")
    gps_photo = make_photo(phone_spec(2, maker_note=False), "jpeg")
    flat = count // 10
    written = 0
    while written < count:
        for suffix, data in _kinds(rng, photo, gps_photo):
            if written >= count:
                break
            sub = "flat" if written < flat else f"{(written - flat) // 1000:03d}"
            target = folder / sub
            target.mkdir(parents=True, exist_ok=True)
            if suffix == ".jpg" and data is gps_photo:
                data = make_photo(
                    replace(phone_spec(written, maker_note=False), gps=GpsSpec(52.52, 13.40)),
                    "jpeg",
                )
            (target / f"file_{written:06d}{suffix}").write_bytes(data)
            written += 1


def measure(folder: Path, out: Path, workers: int) -> tuple[float, float]:
    """Best wall time of two runs after a warm-up, and the peak tree memory (MiB)."""
    cmd = exposure_cmd(folder, out, workers)
    run_measured(cmd)
    runs = [run_measured(cmd) for _ in range(2)]
    best = min(t for t, _ in runs)
    peak = max(p for _, p in runs) / 1024
    return best, peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="exposure-bench-folders-"))
    try:
        results = []
        for count in (args.files, args.files * args.scale):
            folder = base / f"n{count}"
            if not folder.exists():
                generate(folder, count)
            seconds, peak = measure(folder, base / f"n{count}.json", args.workers)
            results.append(peak)
            print(
                f"{count:,} mixed files: {seconds:.2f} s ({count / seconds:,.0f} files/s), "
                f"peak {peak:.0f} MiB"
            )
        print(f"peak memory x{args.scale} files = {results[1] / results[0]:.2f}x (target < 1.5x)")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
