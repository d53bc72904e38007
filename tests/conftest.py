"""Shared fixtures: the shared corpus (skipped cleanly when absent) and a CLI runner."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _private_state_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """Every test gets its own list of written files (``exposure wipe``), outside its
    tmp_path, never the real user's: ``EXPOSURE_STATE_DIR``, inherited by subprocesses."""
    state = tmp_path_factory.mktemp("state") / "exposure"
    monkeypatch.setenv("EXPOSURE_STATE_DIR", str(state))
    return state


@pytest.fixture(autouse=True)
def _english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak the system's language by default (``exposure.i18n.choose``): every
    test starts from an English one, whatever the machine's, and asks for others."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def corpus() -> Path:
    """../shared/corpus next to the checkout; the test is skipped where it is absent."""
    if not (CORPUS / "MANIFEST.md").is_file():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., CliResult]:
    """Run ``exposure ARGS`` in-process from a temporary working directory."""
    from exposure.cli import main

    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse --help / usage errors
                code = int(exc.code or 0)
        return CliResult(code, out.getvalue(), err.getvalue())

    return invoke


def has_exiftool() -> bool:
    return shutil.which("exiftool") is not None
