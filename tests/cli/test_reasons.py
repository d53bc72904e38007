"""The terminal names why items could not be checked, and an unreadable INPUT is a usage
error (exit code 2, as the README says)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exposure.model import Report, Skipped
from exposure.summary import reason_key
from exposure.terminal import reasons_line

REPO = Path(__file__).resolve().parents[2]


def _report(*reasons: str) -> Report:
    return Report(
        "0", ("x",), (), tuple(Skipped(f"f{i}", r, "photos") for i, r in enumerate(reasons))
    )


def test_top_three_reasons_with_counts() -> None:
    line = reasons_line(
        _report(
            *["the JPEG structure is broken at byte 1474; stopped reading there"] * 2,
            "the JPEG structure is broken at byte 99; stopped reading there",
            *["the server answered 404 Not Found"] * 2,
            "could not connect ([Errno 111] Connection refused)",
            "permission denied",
        )
    )
    assert line == (
        "Could not check: 3 × the JPEG structure is broken at byte #, "
        "2 × the server answered 404 Not Found, 1 × could not connect, and 1 other reason "
        "(each is listed in the report)."
    )
    assert reasons_line(_report()) is None


@pytest.mark.parametrize(
    ("reason", "key"),
    [
        ("partly read: the file stops being valid JSON part-way (x); the rest", "partly read: the file stops being valid JSON part-way"),
        ("the site could not be reached: could not connect (refused)", "the site could not be reached: could not connect"),
        ("the server answered 500 Internal Server Error", "the server answered 500 Internal Server Error"),
    ],
)  # fmt: skip
def test_reason_keys(reason: str, key: str) -> None:
    assert reason_key(reason) == key


def test_cli_prints_the_reasons_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "p"
    folder.mkdir()
    for i in range(3):
        (folder / f"cut{i}.jpg").write_bytes(b"\xff\xd8\xff")
    result = cli("audit", "p", "--json", "r.json")
    lines = result.err.splitlines()
    assert lines[1].startswith("Could not check: 3 × "), result.err


def _unprivileged() -> list[str] | None:
    """A command prefix under which permission bits apply (root skips them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.parametrize("what", ["file", "folder"])
def test_an_unreadable_input_exits_two(tmp_path: Path, what: str) -> None:
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: permission bits do not apply")
    locked = tmp_path / ("locked.jpg" if what == "file" else "locked")
    if what == "file":
        locked.write_bytes(b"\xff\xd8\xff\xe0")
    else:
        locked.mkdir()
        (locked / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    locked.chmod(0)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "exposure", "audit", str(locked), "--json", "-"],
            env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2, result.stderr
    assert "cannot be read (permission denied)" in result.stderr
    assert result.stdout == ""


def test_numbers_shared_by_every_reason_of_a_kind_are_shown() -> None:
    line = reasons_line(_report(*["partly read: it nests deeper than 512 levels, which"] * 2))
    assert line is not None and line.startswith(
        "Could not check: 2 × partly read: it nests deeper than 512 levels"
    )
