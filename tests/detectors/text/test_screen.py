"""The shared RE2 screen never hides a hit: every string gives the same hits with and without it."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from exposure.detectors.text import LOCATION_TEXT_DETECTORS, scan_text
from exposure.detectors.text.screen import LONG_TEXT, candidates
from tests.detectors.text.labelled import load

HERE = Path(__file__).parent


def _table_strings() -> list[str]:
    """Every string literal in this folder's table tests (positives and look-alikes)."""
    import ast

    found: list[str] = []
    for path in sorted(HERE.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        ]
    return found


STRINGS = [case.text for case in load()] + _table_strings()


@pytest.mark.parametrize("detector", LOCATION_TEXT_DETECTORS, ids=lambda d: d.name)
def test_screen_changes_nothing(detector) -> None:  # type: ignore[no-untyped-def]
    instance = detector()
    for text in STRINGS:
        assert instance.find(text) == instance.find_unscreened(text), (detector.name, text)


def test_every_detector_declares_a_screen() -> None:
    for detector in LOCATION_TEXT_DETECTORS:
        assert isinstance(inspect.getattr_static(detector, "screen"), str)


def test_plain_text_passes_no_screen() -> None:
    assert candidates("Had a lovely day with friends, see you on Thursday!") == frozenset()


def test_text_that_is_not_valid_unicode_is_screened() -> None:
    text = "broken \ud800 export, meet at 52.520008, 13.404954"
    assert [hit.kind for hit in scan_text(text)] == ["text-coordinates"]


def test_huge_text_skips_the_screen() -> None:
    text = "x" * (LONG_TEXT + 1) + " 52.520008, 13.404954"
    assert candidates(text) == frozenset(d.name for d in LOCATION_TEXT_DETECTORS)
    assert [hit.kind for hit in scan_text(text)] == ["text-coordinates"]
