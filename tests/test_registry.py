"""Every registered detector and source is named, documented and has remediation."""

from __future__ import annotations

from pathlib import Path

from exposure.catalogue import CATALOGUE
from exposure.detectors import PHOTO_DETECTORS, TEXT_DETECTORS, all_kinds
from exposure.inference import inference_kinds
from exposure.sources import SOURCES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_detectors_are_named_and_documented() -> None:
    names = [d.name for d in PHOTO_DETECTORS]
    assert len(names) == len(set(names))
    for detector in PHOTO_DETECTORS:
        assert detector.__doc__ and detector.kinds


def test_text_detectors_are_named_documented_and_tested() -> None:
    names = [d.name for d in (*PHOTO_DETECTORS, *TEXT_DETECTORS)]
    assert len(names) == len(set(names))
    documented = (DOCS / "finding-kinds.md").read_text(encoding="utf-8")
    tests = Path(__file__).parent / "detectors" / "text"
    for detector in TEXT_DETECTORS:
        assert detector.__doc__ and detector.kinds
        assert f"`{detector.name}`" in documented, detector.name
        package, _, module = detector.__module__.rpartition(".")
        if package == "exposure.detectors.text":
            assert (tests / f"test_{module}.py").is_file(), f"no table test for {detector.name}"


def produced_kinds() -> set[str]:
    """Kinds the detectors produce, and kinds sources produce themselves (their ``kinds``)."""
    from_sources = {kind for source in SOURCES for kind in getattr(source, "kinds", ())}
    return set(all_kinds()) | from_sources | set(inference_kinds())


def test_every_kind_has_remediation_and_docs() -> None:
    documented = (DOCS / "finding-kinds.md").read_text(encoding="utf-8")
    for kind in sorted(produced_kinds()):
        assert kind in CATALOGUE, kind
        assert f"`{kind}`" in documented, kind
    assert set(CATALOGUE) == produced_kinds(), "catalogue entries without a detector or source"


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
