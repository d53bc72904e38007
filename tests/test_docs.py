"""The documentation says what the code does: the kind tables come from the catalogue."""

from __future__ import annotations

import pytest

from exposure.catalogue import AREAS, CATALOGUE
from exposure.catalogue import docs as kind_docs
from exposure.detectors import make_finding
from exposure.model import Evidence, Severity
from exposure.report import wording


def test_kind_tables_are_written_from_the_catalogue() -> None:
    current = kind_docs.DOC.read_text(encoding="utf-8")
    assert kind_docs.render(current) == current, (
        "docs/finding-kinds.md is out of date: run python -m exposure.catalogue.docs"
    )


def test_every_kind_has_one_row() -> None:
    text = kind_docs.DOC.read_text(encoding="utf-8")
    for kind, entry in CATALOGUE.items():
        assert text.count(f"| `{kind}` |") == 1, kind
        assert f"| {' / '.join(s.value for s in entry.severities)} |" in text


def test_a_missing_table_is_named() -> None:
    with pytest.raises(ValueError, match="begin kinds: photos"):
        kind_docs.render("# Finding kinds\n")


def test_every_kind_is_in_one_area() -> None:
    kinds = [entry.kind for entries in AREAS.values() for entry in entries]
    assert len(kinds) == len(set(kinds)) == len(CATALOGUE)


def test_headings_come_from_the_catalogue() -> None:
    for kind, entry in CATALOGUE.items():
        assert wording.kind_heading(kind, 2) == f"2 {entry.heading[1]}"


def test_severity_comes_from_the_kind() -> None:
    def finding(kind: str, severity: Severity | None = None) -> Severity:
        return make_finding(
            kind,
            content="c",
            value="v",
            title="t",
            group="g",
            evidence=(Evidence("here", "seen"),),
            severity=severity,
        ).severity

    assert finding("photo-gps") is Severity.HIGH
    assert finding("photo-camera-details") is Severity.LOW
    assert finding("x-post-location", Severity.MEDIUM) is Severity.MEDIUM
    with pytest.raises(ValueError, match="photo-gps findings cannot be low"):
        finding("photo-gps", Severity.LOW)
