"""Start-up cost, for one or more checkouts side by side.

    python bench/startup.py [CHECKOUT ...] [--runs N]

For each checkout (default: this one), run in fresh interpreters:

* ``help``: ``python -m exposure --help`` (every module the CLI loads: the audit's start-up);
* ``export-read``: ``import exposure.sources.exports.reader`` (what reading an export adds:
  every platform's readers);
* ``platforms`` and ``exports``: the ``exposure.sources.exports.platforms`` and
  ``exposure.sources.exports`` lines of ``-X importtime`` in ``--help`` (cumulative: listing
  and importing the platform declarations; everything the export sources load at start).

The first two are the child's CPU time (user + system), which other work on the machine
disturbs less than wall time; the last two are ``-X importtime``'s wall time.  Runs alternate
between checkouts so load hits them alike; min, first quartile and median are printed.
Bytecode caching is on whatever ``PYTHONDONTWRITEBYTECODE`` says (an installed copy has its
``.pyc`` files).
To compare before and after a change: ``git archive REV | tar -x -C /tmp/before``, then
``python bench/startup.py /tmp/before .``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

CASES = {
    "help": ["-m", "exposure", "--help"],
    "export-read": ["-c", "import exposure.sources.exports.reader"],
}
PACKAGES = {
    "platforms": " exposure.sources.exports.platforms",
    "exports": " exposure.sources.exports",
}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(tree: Path, args: list[str]) -> tuple[float, str]:
    # With bytecode caching on, as in an installed copy (a first run writes the .pyc files):
    # otherwise every run compiles every module and a longer source looks slower to import.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    before = _cpu()
    done = subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True)
    return _cpu() - before, done.stderr.decode()


def _package_us(stderr: str, package: str) -> float:
    for line in stderr.splitlines():
        if line.endswith(package):
            return float(line.split("|")[1])
    raise ValueError(f"no import time line for{package}")


def _line(name: str, values: list[float], unit: str) -> str:
    ordered = sorted(values)
    quartile = ordered[len(ordered) // 4]
    median = statistics.median(ordered)
    return f"  {name:12s} min {ordered[0]:8.2f} {unit}  p25 {quartile:8.2f}  median {median:8.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[Path.cwd()])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    trees = [t.resolve() for t in args.trees]
    found: dict[tuple[Path, str], list[float]] = {}
    for tree in trees:  # a first run writes the .pyc files
        _run(tree, CASES["help"])
    for index in range(args.runs):
        for tree in trees if index % 2 == 0 else trees[::-1]:
            for name, case in CASES.items():
                seconds, _ = _run(tree, case)
                found.setdefault((tree, name), []).append(seconds * 1000)
            _, stderr = _run(tree, ["-X", "importtime", *CASES["help"]])
            for name, package in PACKAGES.items():
                found.setdefault((tree, name), []).append(_package_us(stderr, package) / 1000)
    for tree in trees:
        print(tree)
        for name in (*CASES, *PACKAGES):
            unit = "ms CPU" if name in CASES else "ms"
            print(_line(name, found[(tree, name)], unit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
