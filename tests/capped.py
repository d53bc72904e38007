"""Run ``exposure`` in a child process under a memory cap, for hostile inputs.

Hostile reproducers can take all the memory of the machine when a defect comes back, so
they only ever run here: ``RLIMIT_AS`` (2 GB by default) is set in the child before
exposure is imported, a timeout ends a run that hangs, and the child reports its own peak
resident memory (``ru_maxrss`` of itself and of its workers).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
HOSTILE = REPO.parent / "shared" / "hostile"
MEMORY_CAP = 2 * 1024**3

_CHILD = """
import json, resource, sys
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from exposure.cli import main
try:
    code = main(sys.argv[2:])
finally:
    # ru_maxrss of a process started by subprocess counts the parent's memory too (the
    # spawn shares the parent's pages until exec): a large pytest worker would look like a
    # large exposure.  Linux's VmHWM is this program's own peak since exec.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/status") as status:
            own = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        pass
    peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    sys.stderr.write(f"\\nPEAK_KB={peak}\\n")
sys.exit(code)
"""


@dataclass
class CappedRun:
    code: int
    report: dict[str, Any] | None
    err: str
    peak_mb: float

    def skipped(self) -> dict[str, str]:
        """locator -> reason of every "could not check" line."""
        assert self.report is not None, self.err
        return {s["locator"]: s["reason"] for s in self.report["skipped"]}


def run_capped(*args: str, cwd: Path, timeout: float = 120, cap: int = MEMORY_CAP) -> CappedRun:
    """``exposure audit ARGS --json -`` in a capped child; its exit code, report, stderr."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(cap), "audit", *args, "--json", "-", "-q"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    peak = 0.0
    err_lines = []
    for line in result.stderr.splitlines():
        if line.startswith("PEAK_KB="):
            peak = int(line.removeprefix("PEAK_KB=")) / 1024
        else:
            err_lines.append(line)
    try:
        report = json.loads(result.stdout) if result.stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    return CappedRun(result.returncode, report, "\n".join(err_lines), peak)
