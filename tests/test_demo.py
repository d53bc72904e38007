"""The built-in demo: shipped files match the generator, and the demo finds every kind of leak."""

from __future__ import annotations

import json
from pathlib import Path

from exposure.demo import PERSONA_DIR
from exposure.demo.build import build
from exposure.detectors import all_kinds


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_shipped_files_are_what_the_generator_makes(tmp_path: Path) -> None:
    build(tmp_path / "persona")
    assert _tree(tmp_path / "persona") == _tree(PERSONA_DIR)


def test_demo_is_small_and_made_up() -> None:
    total = sum(len(b) for b in _tree(PERSONA_DIR).values())
    assert 0 < total < 2 * 1024 * 1024


def test_demo_run_shows_every_kind_of_leak(cli, tmp_path: Path) -> None:
    result = cli("demo", "--json", "demo.json", "--html", "demo.html")
    assert result.code == 0, result.err
    assert str(tmp_path / "demo.html") in result.err
    report = json.loads((tmp_path / "demo.json").read_text())
    assert {f["kind"] for f in report["findings"]} == set(all_kinds())
    assert len(report["skipped"]) == 1  # the file cut short
    assert "IMG_0161.jpg" in report["skipped"][0]["locator"]
    html = (tmp_path / "demo.html").read_text()
    assert "Alex Example" in html


def test_demo_default_output_name(cli, tmp_path: Path) -> None:
    result = cli("demo", "-q")
    assert result.code == 0
    assert (tmp_path / "exposure-demo-report.html").is_file()
