"""Export benchmark: a huge Takeout Records.json audited from a zip and from a folder,
against a bare ijson iteration over the same file, measured in one run.

    python bench/exports.py                       # 7 million points (about 1.26 GB)
    python bench/exports.py --points 1000000 --keep /tmp/bench-exports

It writes ``Takeout/Location History (Timeline)/Records.json`` (a random walk, pretty-printed
like Google's, about 180 bytes a point) into an unpacked folder and into a zip (deflate
level 1, to keep generation short; reading speed hardly depends on the level), warms the
page cache, then measures, interleaved and best of ``--runs``:

- ``exposure audit FOLDER|ZIP --json FILE --workers 1 -q`` (the whole command);
- bare ijson: ``ijson.items(file, "locations.item")`` counting the points, in its own
  process, over the unpacked file and over the zip member (the reference for each form).

It prints throughput against the bare iteration by wall time and by CPU time (target >=
70%; on a shared two-core machine CPU time is the steadier of the two) and the peak
resident memory of each exposure run (target < 150 MB whatever the file size).  The ijson backend
must be ``yajl2_c`` (the C one); the script says which one is used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from exposure.testing.exportwriters import write_records

MEMBER = "Takeout/Location History (Timeline)/Records.json"
BARE = """
import sys, zipfile, ijson
path, member = sys.argv[1], sys.argv[2]
if member:
    fh = zipfile.ZipFile(path).open(member)
else:
    fh = open(path, "rb")
count = sum(1 for _ in ijson.items(fh, "locations.item", use_float=True, buf_size=262144))
print(count, "points", ijson.backend_name)
"""


@dataclass
class Measure:
    """One run of a command: wall and CPU seconds, peak memory, what it printed."""

    wall: float
    cpu: float
    peak_kib: int
    out: str


def run_measured(cmd: list[str]) -> Measure:
    """Run a one-process command; the kernel reports its CPU time and peak memory
    (``wait4``), so nothing samples while it runs (on two cores a sampler steals time)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    if code not in (0, 1):
        sys.exit(f"command failed ({code}): {' '.join(cmd)}\n{err[-2000:]}")
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out)


def generate(base: Path, points: int) -> tuple[Path, Path]:
    folder = base / "unpacked"
    records = folder / MEMBER
    if not records.exists():
        records.parent.mkdir(parents=True, exist_ok=True)
        (folder / "Takeout" / "archive_browser.html").write_text("<html></html>")
        with open(records, "w", encoding="utf-8", buffering=1 << 20) as fh:
            write_records(fh, points)
    archive = base / "takeout.zip"
    if not archive.exists():
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.write(folder / "Takeout" / "archive_browser.html", "Takeout/archive_browser.html")
            zf.write(records, MEMBER)
    return folder, archive


def bare(path: Path, member: str) -> Measure:
    """A bare ijson iteration over the same data, in a fresh process."""
    return run_measured([sys.executable, "-c", BARE, str(path), member])


def audit(given: Path, out: Path) -> Measure:
    """The whole ``exposure audit`` command."""
    cmd = [sys.executable, "-m", "exposure", "audit", str(given), "--json", str(out)]
    return run_measured([*cmd, "--workers", "1", "-q", "--reproducible"])


def warm(path: Path) -> None:
    with open(path, "rb") as fh:
        while fh.read(1 << 24):
            pass


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--points", type=int, default=7_000_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="exposure-bench-exports-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        folder, archive = generate(base, args.points)
        records = folder / MEMBER
        size = records.stat().st_size
        print(
            f"Records.json: {args.points:,} points, {size / 1e9:.2f} GB; zip {archive.stat().st_size / 1e9:.2f} GB "
            f"(ready in {time.perf_counter() - start:.0f} s)"
        )
        warm(records)
        warm(archive)
        best: dict[str, Measure] = {}
        backend = ""
        for _ in range(args.runs):
            for name, run in (
                ("bare-file", lambda: bare(records, "")),
                ("folder", lambda: audit(folder, base / "folder.json")),
                ("bare-zip", lambda: bare(archive, MEMBER)),
                ("zip", lambda: audit(archive, base / "zip.json")),
            ):
                m = run()
                if name.startswith("bare"):
                    count, _, backend = m.out.split()
                    if int(count) != args.points:
                        sys.exit(f"bare ijson counted {count} points, expected {args.points:,}")
                known = best.get(name)
                best[name] = Measure(
                    min(m.wall, known.wall) if known else m.wall,
                    min(m.cpu, known.cpu) if known else m.cpu,
                    max(m.peak_kib, known.peak_kib) if known else m.peak_kib,
                    m.out,
                )
        mb = size / 1e6
        print(f"ijson backend: {backend} (the C backend is yajl2_c)")
        for form, ref in (("folder", "bare-file"), ("zip", "bare-zip")):
            ours, base_run = best[form], best[ref]
            print(
                f"  {form:6}  exposure {ours.wall:5.1f} s wall ({mb / ours.wall:3.0f} MB/s), "
                f"{ours.cpu:5.1f} s CPU; bare ijson {base_run.wall:5.1f} s wall ({mb / base_run.wall:3.0f} MB/s), "
                f"{base_run.cpu:5.1f} s CPU"
            )
            print(
                f"          throughput {base_run.wall / ours.wall:.0%} of bare by wall time, "
                f"{base_run.cpu / ours.cpu:.0%} by CPU time (target >= 70%); "
                f"peak {ours.peak_kib / 1024:.0f} MiB (target < 150 MB)"
            )
        print(
            f"  zip against bare ijson over the unpacked file: {best['bare-file'].wall / best['zip'].wall:.0%} (wall)"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
