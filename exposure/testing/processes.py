"""Process look-ups for tests and benchmarks (Linux /proc): which processes a run left."""

from __future__ import annotations

import re
from pathlib import Path


def descendants(pid: int) -> set[int]:
    """Every descendant process of ``pid`` (empty where /proc is not there)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                listed = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, listed):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def peak_memory(pid: int) -> int:
    """Peak resident memory (VmHWM) of process ``pid`` in bytes; 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) * 1024 if found else 0
