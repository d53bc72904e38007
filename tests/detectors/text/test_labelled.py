"""Precision and recall of each text detector on the labelled set (labelled.jsonl).

Run ``pytest tests/detectors/text/test_labelled.py -q -s -p no:xdist`` to see the table;
the figures are also in each failure message.  Thresholds (issue 5): precision >= 0.95
and recall >= 0.90 for every detector.
"""

from __future__ import annotations

import pytest

from exposure.detectors.text import LOCATION_TEXT_DETECTORS, PatternDetector
from tests.detectors.text.labelled import load, score

MIN_PRECISION = 0.95
MIN_RECALL = 0.90
CASES = load()


def test_the_set_is_large_and_covers_every_kind() -> None:
    assert len(CASES) >= 300
    kinds = {kind for case in CASES for kind in case.kinds}
    assert kinds == {kind for cls in LOCATION_TEXT_DETECTORS for kind in cls.kinds}
    negatives = [case for case in CASES if not case.kinds]
    assert len(negatives) >= 150


@pytest.mark.parametrize("detector", LOCATION_TEXT_DETECTORS, ids=lambda d: d.name)
def test_precision_and_recall(
    detector: type[PatternDetector], capsys: pytest.CaptureFixture[str]
) -> None:
    result = score(detector(), CASES)
    line = (
        f"{detector.name:<12} precision {result.precision:.3f}  recall {result.recall:.3f}  "
        f"(tp {result.tp}, fp {result.fp}, fn {result.fn})"
    )
    with capsys.disabled():
        print("\n" + line)
    detail = "\n".join([line, *result.false_alarms, *result.missed])
    assert result.precision >= MIN_PRECISION, detail
    assert result.recall >= MIN_RECALL, detail
