"""Every registered detector and source is named, documented and has remediation."""

from __future__ import annotations

from pathlib import Path

from exposure.catalogue import CATALOGUE
from exposure.detectors import PHOTO_DETECTORS, all_kinds
from exposure.sources import SOURCES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_detectors_are_named_and_documented() -> None:
    names = [d.name for d in PHOTO_DETECTORS]
    assert len(names) == len(set(names))
    for detector in PHOTO_DETECTORS:
        assert detector.__doc__ and detector.kinds


def test_every_kind_has_remediation_and_docs() -> None:
    documented = (DOCS / "finding-kinds.md").read_text(encoding="utf-8")
    for kind in all_kinds():
        assert kind in CATALOGUE, kind
        assert f"`{kind}`" in documented, kind
    assert set(CATALOGUE) == set(all_kinds()), "catalogue entries without a detector"


def test_remediation_steps_cite_sources_and_dates() -> None:
    for info in CATALOGUE.values():
        assert info.why and info.remediation.summary and info.remediation.steps
        for step in info.remediation.steps:
            assert step.source and step.checked is not None


def test_serial_kinds_say_serial() -> None:
    for kind in all_kinds():
        if "serial" in CATALOGUE[kind].summary.lower():
            assert "serial" in kind


def test_sources_are_described() -> None:
    for source in SOURCES:
        assert source.name and source.description and source.__doc__
