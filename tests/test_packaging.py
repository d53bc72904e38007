"""Build the wheel, install it in a fresh virtual environment, run ``exposure demo`` from it.

This is what catches a template or demo file that did not make it into the wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]


def test_wheel_installs_and_runs_demo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("exposure-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "exposure/templates/report.html" in names
    assert "exposure/report/world-110m.txt" in names  # the map's outlines
    assert any(n.startswith("exposure/demo/persona/") for n in names)
    assert any(n.startswith("exposure/demo/downloads/") for n in names)
    assert not any(n.startswith("tests/") for n in names)

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "run"
    work.mkdir()
    done = subprocess.run(
        [str(bindir / "exposure"), "demo", "--html", "demo.html", "--json", "demo.json"],
        cwd=work,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert done.returncode == 0, done.stderr
    html = (work / "demo.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html
    assert "demo.html" in done.stderr
    assert (work / "demo.json").stat().st_mode & 0o077 == 0  # private to the user
