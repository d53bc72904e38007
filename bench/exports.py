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

It prints throughput against the bare iteration (target >= 70%) and the peak resident
memory of each exposure run (target < 150 MB whatever the file size).  The ijson backend
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
from pathlib import Path

from exposure.testing.exportwriters import write_records

MEMBER = "Takeout/Location History (Timeline)/Records.json"
BARE = """
import sys, time, zipfile, ijson
path, member = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if member:
    fh = zipfile.ZipFile(path).open(member)
else:
    fh = open(path, "rb")
count = sum(1 for _ in ijson.items(fh, "locations.item", use_float=True, buf_size=262144))
print(count, time.perf_counter() - start, ijson.backend_name)
"""


def run_measured(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of a one-process command.

    The kernel reports the child's peak (``wait4``), so nothing samples while it runs: on a
    two-core machine a sampler would steal time from what is measured.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    err = proc.stderr.read() if proc.stderr else b""
    if code not in (0, 1):
        sys.exit(f"command failed ({code}): {' '.join(cmd)}\n{err.decode()[-2000:]}")
    return elapsed, usage.ru_maxrss


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


def bare(path: Path, member: str) -> tuple[float, int, str]:
    """Seconds and count of a bare ijson iteration in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", BARE, str(path), member], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[1]), int(out[0]), out[2]


def audit(given: Path, out: Path) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of the whole ``exposure audit`` command."""
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
        best: dict[str, float] = {}
        peaks: dict[str, int] = {}
        backend = ""
        for _ in range(args.runs):
            for name, run in (
                ("bare-file", lambda: bare(records, "")),
                ("folder", lambda: audit(folder, base / "folder.json")),
                ("bare-zip", lambda: bare(archive, MEMBER)),
                ("zip", lambda: audit(archive, base / "zip.json")),
            ):
                seconds, extra, *rest = run()
                best[name] = min(best.get(name, float("inf")), seconds)
                if name in {"folder", "zip"}:
                    peaks[name] = max(peaks.get(name, 0), int(extra))
                else:
                    backend = str(rest[0])
                    if extra != args.points:
                        sys.exit(f"bare ijson counted {extra:,} points, expected {args.points:,}")
        mb = size / 1e6
        print(f"ijson backend: {backend} (the C backend is yajl2_c)")
        for form, reference in (("folder", "bare-file"), ("zip", "bare-zip")):
            ratio = best[reference] / best[form]
            print(
                f"  {form:6}  exposure {best[form]:6.1f} s ({mb / best[form]:5.0f} MB/s), "
                f"bare ijson {best[reference]:6.1f} s ({mb / best[reference]:5.0f} MB/s): "
                f"throughput {ratio:.0%} of bare (target >= 70%), peak {peaks[form] / 1024:.0f} MiB "
                "(target < 150 MB)"
            )
        ratio = best["bare-file"] / best["zip"]
        print(f"  zip against bare ijson over the unpacked file: {ratio:.0%}")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
