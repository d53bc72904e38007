"""Templates are found in an installed wheel (exposure/templates) before the checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from exposure.report.html import template_dirs

REPO = Path(__file__).resolve().parents[2]


def test_checkout_templates_are_found() -> None:
    assert REPO / "templates" in template_dirs()


def test_installed_layout_is_preferred(tmp_path: Path) -> None:
    """Mimic the wheel: the package with templates/ inside it, and no checkout around."""
    site = tmp_path / "site"
    shutil.copytree(
        REPO / "exposure", site / "exposure", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(REPO / "templates", site / "exposure" / "templates")
    code = (
        "from exposure.report.html import template_dirs, render_html\n"
        "from exposure.model import Report\n"
        "print(template_dirs())\n"
        "assert render_html(Report('1', (), (), ())).startswith('<!DOCTYPE html>')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"[{(site / 'exposure' / 'templates')!r}]"
