"""The documentation says what the code does: the kind tables come from the catalogue, every
command and flag is in the README, every path the docs name exists."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from exposure.catalogue import AREAS, CATALOGUE
from exposure.catalogue import docs as kind_docs
from exposure.cli import build_parser
from exposure.detectors import make_finding
from exposure.model import Evidence, Severity
from exposure.report import wording
from exposure.sources.exports.platforms import PLATFORMS


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


# --- the README and the docs name only what exists, and everything that does -------------

ROOT = Path(__file__).resolve().parents[1]
DOCS = ["README.md", "CONTRIBUTING.md", *sorted(p.name for p in (ROOT / "docs").glob("*.md"))]
_REPO_PATH = re.compile(
    r"(?<![\w./-])((?:exposure|tests|docs|bench|templates|tools|\.ci)/[\w./<>*{}-]*[\w/>*}])"
)
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _doc(name: str) -> Path:
    return ROOT / name if (ROOT / name).is_file() else ROOT / "docs" / name


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_and_flag_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, parser in _subcommands().items():
        assert f"exposure {name}" in readme, f"README.md never shows 'exposure {name}'"
        for action in parser._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert re.search(re.escape(flag) + r"(?![\w-])", readme), (
                        f"README.md does not mention {flag} of 'exposure {name}'"
                    )


def test_every_path_named_in_the_docs_exists() -> None:
    for name in DOCS:
        doc = _doc(name)
        text = doc.read_text(encoding="utf-8")
        for match in _REPO_PATH.finditer(text):
            path = match.group(1).rstrip(".,:;")
            if not any(c in path for c in "<>*{}"):
                assert (ROOT / path).exists(), f"{name} names {path}, which does not exist"
        for match in _LINK.finditer(text):
            target = match.group(1)
            if not target.startswith(("http://", "https://", "mailto:")):
                assert (doc.parent / target).exists(), f"{name} links to {target}: missing"


def test_the_exports_read_are_listed_from_the_declarations(cli) -> None:
    """The README sends readers to `exposure platforms`, which names every declared platform
    (so a new platform needs no README edit)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`exposure platforms` lists" in readme
    result = cli("platforms")
    assert result.code == 0
    listed = [line for line in result.out.splitlines() if line and not line.startswith(" ")]
    for platform in PLATFORMS:
        assert f"{platform.group}: {platform.description}" in listed, platform.name
        for kind in platform.kinds:
            assert " ".join(CATALOGUE[kind].summary.split()[:4]) in result.out, kind
    positions = [listed.index(f"{p.group}: {p.description}") for p in PLATFORMS]
    assert positions == sorted(positions)
