"""The labelled set (labelled.jsonl) and per-detector precision and recall over it.

Each line: ``text``, the ``kinds`` a careful reader finds in it (empty for a negative), an
optional ``at`` ([lat, lon]) the position must decode to, and the ``group`` it was written
for.  A detector's hit counts as a true positive when its kind is expected in that string
and, where ``at`` is given, its position lies within :data:`TOLERANCE_M`; a hit at the
wrong place counts as a false positive and the expected kind as missed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from exposure.detectors.text import PatternDetector
from exposure.geo import Position, distance_m

LABELLED = Path(__file__).with_name("labelled.jsonl")
TOLERANCE_M = 150.0


@dataclass(frozen=True)
class Case:
    text: str
    kinds: frozenset[str]
    at: Position | None
    group: str


@dataclass
class Score:
    """Counts for one detector, with the strings behind each mistake."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load() -> list[Case]:
    cases = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        at = Position(*row["at"]) if "at" in row else None
        cases.append(Case(row["text"], frozenset(row["kinds"]), at, row["group"]))
    return cases


def score(detector: PatternDetector, cases: Iterable[Case]) -> Score:
    """Precision and recall of ``detector`` over ``cases``, per (string, kind)."""
    result = Score()
    mine = set(detector.kinds)
    for case in cases:
        expected = case.kinds & mine
        found: dict[str, bool] = {}
        for hit in detector.find(case.text):
            placed = case.at is None or (
                hit.position is not None and distance_m(hit.position, case.at) <= TOLERANCE_M
            )
            found[hit.kind] = found.get(hit.kind, False) or placed
        for kind, placed in found.items():
            if kind in expected and placed:
                result.tp += 1
            else:
                result.fp += 1
                result.false_alarms.append(f"{kind}: {case.text!r}")
        for kind in expected:
            if not found.get(kind, False):
                result.fn += 1
                result.missed.append(f"{kind}: {case.text!r}")
    return result
