"""Read photo metadata in parallel worker processes, with bounded work in flight.

Paths go out in batches and small :class:`PhotoMetadata` records come back; findings are
built in the parent.  At most ``workers * IN_FLIGHT_PER_WORKER`` batches are queued at any
time, so memory stays flat however large the folder is.

Workers are forked where that is safe (Linux, and this process runs no other thread): they
start in about a millisecond and library callers need no ``if __name__ == "__main__"``
guard.  Elsewhere (macOS, Windows, a caller running threads) a forkserver or spawned
interpreter starts them, which costs about a tenth of a second.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from exposure.metadata import MetadataError, PhotoMetadata, read_metadata, read_metadata_bytes

if TYPE_CHECKING:  # the pool's modules cost ~20 ms to import: only scans that use it pay
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

BATCH = 48
IN_FLIGHT_PER_WORKER = 4
# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 96

Outcome = PhotoMetadata | str
"""What reading one file gives: its metadata, or the reason it could not be checked."""


def read_one(path: str) -> Outcome:
    """Read one file; a failure is its reason (``read_metadata`` raises nothing else)."""
    try:
        return read_metadata(path)
    except MetadataError as exc:
        return exc.reason


def read_bytes(data: bytes, name: str) -> Outcome:
    """Read in-memory bytes (a fetched image); a failure is its reason."""
    try:
        return read_metadata_bytes(data, name)
    except MetadataError as exc:
        return exc.reason


def read_batch(paths: Sequence[str]) -> list[Outcome]:
    """Worker entry point: read a batch of files in order."""
    return [read_one(p) for p in paths]


def scan(paths: Iterable[str], workers: int) -> Iterator[tuple[int, Outcome]]:
    """Yield ``(index, outcome)`` for every path, in input order.

    ``paths`` may be a generator (a folder walk still under way): the pool starts as soon as
    enough paths have come to be worth it, and reads while the walk goes on.
    """
    rest = iter(paths)
    first = list(itertools.islice(rest, PARALLEL_THRESHOLD)) if workers > 1 else []
    if len(first) < PARALLEL_THRESHOLD:
        for index, path in enumerate(itertools.chain(first, rest)):
            yield index, read_one(path)
        return
    yield from _scan_pool(itertools.chain(first, rest), workers)


_Window = deque[tuple[int, list[str], "Future[list[Outcome]]"]]
"""Batches in flight: index of the first path, the paths, the pending result."""


def _scan_pool(paths: Iterator[str], workers: int) -> Iterator[tuple[int, Outcome]]:
    """Batches go to the pool in order and are taken back oldest first, so results come in
    input order (reports do not depend on which worker finished first).  Only the paths in
    flight are held; if a worker dies (out of memory, killed) they and the rest are read
    in this process rather than failing."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    window: _Window = deque()
    limit = workers * IN_FLIGHT_PER_WORKER
    start = 0
    unsent: list[str] = []
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=start_context(),
            initializer=_worker_start,
            initargs=(os.getpid(),),
        ) as pool:
            while batch := list(itertools.islice(paths, BATCH)):
                unsent = batch
                window.append((start, batch, pool.submit(read_batch, batch)))
                start, unsent = start + len(batch), []
                if len(window) >= limit:
                    yield from _take_oldest(window)
            while window:
                yield from _take_oldest(window)
    except BrokenProcessPool:
        for first, batch, _ in window:
            for index, path in enumerate(batch, start=first):
                yield index, read_one(path)
        for index, path in enumerate(itertools.chain(unsent, paths), start=start):
            yield index, read_one(path)


def _worker_start(parent: int) -> None:
    """Workers leave Ctrl-C to the parent: it stops the scan and the pool's bounded work
    ends.  (A worker interrupted while it holds the pool's queue would leave the others
    waiting for ever, and each would print a traceback.)  And they die with the parent:
    killed outright (kill -9, out of memory), it cannot shut the pool down, and the workers
    would wait on its queue for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal this process gets when its parent dies (Linux)."""
WATCH_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """End this (worker) process when process ``parent`` ends, however it ends.

    On Linux the kernel sends SIGKILL at the parent's death (``prctl(PR_SET_PDEATHSIG)``
    through ctypes); elsewhere a daemon thread checks every second whether the process has
    been handed to a new parent.  A parent already gone by the time this runs ends it now.
    """
    if sys.platform == "linux" and _set_parent_death_signal(signal.SIGKILL):
        if os.getppid() != parent:  # died before the signal was asked for
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exposure-parent-watch", daemon=True).start()


def _set_parent_death_signal(signum: int) -> bool:
    """True when the kernel will send ``signum`` to this process at its parent's death."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)  # this process's own symbols include libc's
        return bool(libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def start_context() -> BaseContext:
    """How worker processes start: ``fork`` when safe, else ``forkserver`` or ``spawn``."""
    import multiprocessing

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["exposure.metadata"])
        return context
    return multiprocessing.get_context("spawn")


def _take_oldest(window: _Window) -> Iterator[tuple[int, Outcome]]:
    """The oldest batch's results; it leaves the window only once they have come."""
    start, _, future = window[0]
    outcomes = future.result()
    window.popleft()
    for offset, outcome in enumerate(outcomes):
        yield start + offset, outcome
