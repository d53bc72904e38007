"""The parallel photo scan: same results as a serial read, in input order, however started."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from exposure.photoscan import PARALLEL_THRESHOLD, scan, start_context
from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo


def _folder(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        path = tmp_path / f"p{index:04d}.jpg"
        if index % 17 == 5:
            path.write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00broken")  # cut EXIF
        else:
            gps = GpsSpec(lat=10 + index / 1000, lon=20) if index % 2 else None
            write_photo(path, PhotoSpec(gps=gps), "jpeg")
        paths.append(str(path))
    return paths


def test_parallel_results_match_serial_and_keep_input_order(tmp_path: Path) -> None:
    paths = _folder(tmp_path, PARALLEL_THRESHOLD * 2 + 7)
    serial = list(scan(paths, workers=1))
    parallel = list(scan(paths, workers=2))
    assert [i for i, _ in parallel] == list(range(len(paths)))
    assert parallel == serial
    assert any(isinstance(o, str) for _, o in parallel)  # the broken files are reasons


_PROBE = """
import sys, threading
from exposure.photoscan import start_context
if sys.argv[1] == "thread":
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
print(start_context().get_start_method())
"""


@pytest.mark.skipif(sys.platform != "linux", reason="fork is only used on Linux")
def test_fork_only_while_the_process_runs_one_thread() -> None:
    def method(mode: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, mode], capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert method("alone") == "fork"
    assert method("thread") in {"forkserver", "spawn"}


def test_this_process_with_threads_does_not_fork() -> None:
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert start_context().get_start_method() != "fork"
    finally:
        stop.set()
        helper.join()


def test_a_library_script_without_a_main_guard_scans_in_parallel(tmp_path: Path) -> None:
    paths = _folder(tmp_path, PARALLEL_THRESHOLD + 3)
    script = tmp_path / "caller.py"
    script.write_text(
        "import sys\n"
        "from exposure.photoscan import scan\n"
        f"paths = {paths!r}\n"
        "print(sum(1 for _ in scan(paths, workers=2)))\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    if sys.platform != "linux":
        pytest.skip("without fork, a caller needs the usual __main__ guard")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(len(paths))


def test_reading_starts_while_the_paths_are_still_coming(tmp_path: Path) -> None:
    paths = _folder(tmp_path, 12) * 50  # 600 paths (copies read again are fine)
    given = 0

    def walk() -> Iterator[str]:
        nonlocal given
        for path in paths:
            given += 1
            yield path

    results = scan(walk(), workers=2)
    first_index, _ = next(results)
    assert first_index == 0
    assert given < len(paths)  # the first result came before the walk was over
    rest = list(results)
    assert [i for i, _ in rest] == list(range(1, len(paths)))
    assert [o for _, o in rest] == [o for _, o in scan(paths, 1)][1:]


_DYING_WORKER = """
import os, sys
from exposure import photoscan
parent = os.getpid()
real = photoscan.read_one
in_parent = 0
def read_one(path):
    global in_parent
    if os.getpid() != parent and path.endswith("p0150.jpg"):
        os._exit(1)  # the worker dies as if killed (out of memory)
    in_parent += os.getpid() == parent
    return real(path)
photoscan.read_one = read_one
paths = sys.argv[1:]
got = [(i, o if isinstance(o, str) else o.content_key) for i, o in photoscan.scan(iter(paths), 2)]
fallback = in_parent
want = [(i, o if isinstance(o, str) else o.content_key) for i, o in photoscan.scan(paths, 1)]
print(got == want, len(got), fallback > 0)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the probe relies on forked workers")
def test_a_dead_worker_does_not_lose_or_reorder_results(tmp_path: Path) -> None:
    paths = _folder(tmp_path, 400)
    done = subprocess.run(
        [sys.executable, "-c", _DYING_WORKER, *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.split() == ["True", str(len(paths)), "True"]  # the parent took over


_CTRL_C = """
import os, signal, sys
from exposure import photoscan
from exposure.cli import main
parent = os.getpid()
real = photoscan.read_one
def read_one(path):
    if os.getpid() != parent and path.endswith("p0150.jpg"):
        os.killpg(os.getpgrp(), signal.SIGINT)  # the user presses Ctrl-C mid-scan
    return real(path)
photoscan.read_one = read_one
sys.exit(main(["audit", sys.argv[1], "--json", sys.argv[2], "--workers", "2"]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the probe relies on forked workers")
def test_ctrl_c_during_the_scan_stops_cleanly(tmp_path: Path) -> None:
    import signal

    (tmp_path / "photos").mkdir()
    _folder(tmp_path / "photos", 400)
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C, str(tmp_path / "photos"), str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert done.returncode == 130, done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1] == "exposure: stopped; no report was written"
    assert "Traceback" not in done.stderr
    assert not report.exists()


_ENDLESS_SCAN = """
import itertools, sys
from exposure.photoscan import scan
path = sys.argv[1]
for index, _ in scan(itertools.repeat(path), workers=3):
    if index == 500:
        print("scanning", flush=True)
"""


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.update(int(c) for c in text.split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("how", ["kill", "ctrl-c"])
def test_no_worker_outlives_its_parent(tmp_path: Path, how: str) -> None:
    """kill -9 (or Ctrl-C) of a process in the middle of a parallel scan leaves no worker."""
    import os
    import signal
    import time

    photo = tmp_path / "a.jpg"
    write_photo(photo, PhotoSpec(gps=GpsSpec(lat=1.5, lon=2.5)), "jpeg")
    parent = subprocess.Popen(
        [sys.executable, "-c", _ENDLESS_SCAN, str(photo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    workers: set[int] = set()
    try:
        assert parent.stdout is not None
        assert parent.stdout.readline().strip() == "scanning"
        workers = _children(parent.pid)
        assert len(workers) >= 3, workers
        os.kill(parent.pid, signal.SIGKILL if how == "kill" else signal.SIGINT)
        parent.wait(timeout=60)
        deadline = time.monotonic() + 30  # a bound for a loaded machine, not a timing check
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)]
    finally:
        for pid in [parent.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        parent.wait(timeout=10)
        if parent.stdout is not None:
            parent.stdout.close()
