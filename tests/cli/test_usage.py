"""Command-line input errors: one line that says what to do, exit code 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest


def _one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def test_missing_input(cli, tmp_path: Path) -> None:
    result = cli("audit", "no-such-folder")
    assert result.code == 2
    line = _one_line(result.err)
    assert "no-such-folder" in line and "no such file or folder" in line
    assert not (tmp_path / "exposure-report.html").exists()


def test_unrecognised_input(cli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    result = cli("audit", "notes.txt")
    assert result.code == 2
    line = _one_line(result.err)
    assert line.startswith("exposure: notes.txt:") and "photo" in line


def test_one_bad_input_among_good_ones_audits_nothing(cli, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    result = cli("audit", "photos", "missing.jpg")
    assert result.code == 2
    assert "missing.jpg" in _one_line(result.err)
    assert not (tmp_path / "exposure-report.html").exists()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["audit"], "INPUT"),
        (["audit", ".", "--workers", "many"], "--workers"),
        (["audit", ".", "--fail-on", "critical"], "--fail-on"),
        (["frobnicate"], "frobnicate"),
        (["audit", ".", "--workers", "0"], "--workers"),
    ],
)
def test_bad_options(cli, args: list[str], needle: str) -> None:
    result = cli(*args)
    assert result.code == 2
    line = _one_line(result.err)
    assert needle in line
    assert "--help" in line or "must" in line


def test_report_into_missing_folder(cli) -> None:
    result = cli("audit", ".", "--html", "nowhere/report.html")
    assert result.code == 2
    assert "does not exist" in _one_line(result.err)


def test_report_path_is_a_folder(cli, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    result = cli("audit", ".", "--json", "out")
    assert result.code == 2
    assert "is a folder" in _one_line(result.err)


def test_no_command_shows_help(cli) -> None:
    result = cli()
    assert result.code == 2
    assert "audit" in result.err


def test_version(cli) -> None:
    from exposure import __version__

    result = cli("--version")
    assert result.code == 0
    assert __version__ in result.out
