"""Private atomic writes (exposure.report.files) and the CLI's use of them."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import TextIO

import pytest

from exposure.errors import ReportError, UsageError
from exposure.report.files import (
    check_target,
    write_private,
    write_private_bytes,
    write_private_text,
)
from tests.helpers import photo_folder

REPO = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_new_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        written = write_private_text(tmp_path / "r.html", "<p>hi</p>")
    finally:
        os.umask(old)
    assert written == (tmp_path / "r.html").resolve()
    assert (tmp_path / "r.html").read_text() == "<p>hi</p>"
    assert _mode(tmp_path / "r.html") == 0o600
    assert _leftovers(tmp_path) == []


def test_existing_report_gets_mode_0600(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    target.chmod(0o644)
    write_private(target, lambda out: out.write("new") and None)
    assert target.read_text() == "new"
    assert _mode(target) == 0o600


def test_bytes_and_streamed_text(tmp_path: Path) -> None:
    write_private_bytes(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"

    def stream(out: TextIO) -> None:
        for i in range(3):
            out.write(f"line {i} é\n")

    write_private(tmp_path / "t.txt", stream)
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == "line 0 é\nline 1 é\nline 2 é\n"


def test_symlink_at_report_path_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "r.html"
    link.symlink_to(victim)
    with pytest.raises(UsageError, match="symbolic link"):
        check_target(link)
    with pytest.raises(ReportError, match="symbolic link"):
        write_private_text(link, "report")
    assert victim.read_text() == "precious"
    assert link.is_symlink()
    assert _leftovers(tmp_path) == []


def test_full_disk_keeps_the_previous_report_whole(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    target.write_text("previous report")

    def fills_the_disk(out: TextIO) -> None:
        out.write("half a rep")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ReportError) as caught:
        write_private(target, fills_the_disk)
    message = str(caught.value)
    assert "disk is full" in message and "previous" in message and "unchanged" in message
    assert target.read_text() == "previous report"
    assert _leftovers(tmp_path) == []


def test_interrupted_write_leaves_nothing_behind(tmp_path: Path) -> None:
    def interrupted(out: TextIO) -> None:
        out.write("partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_private(tmp_path / "r.json", interrupted)
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_symlinked_report_path(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("precious")
    (tmp_path / "r.html").symlink_to(victim)
    result = cli("audit", "photos", "--html", "r.html", "-q")
    assert result.code == 2
    assert "symbolic link" in result.err
    assert victim.read_text() == "precious"


def test_cli_full_disk_exits_three_and_keeps_previous_report(tmp_path: Path) -> None:
    """A real write failure from the kernel (a file-size limit stands in for a full disk)."""
    photo_folder(tmp_path)
    previous = "previous report " * 10
    (tmp_path / "r.html").write_text(previous)
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from exposure.cli import main\n"
        "sys.exit(main(['audit', 'photos', '--html', 'r.html', '--workers', '1']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3, result.stderr
    assert "could not write r.html" in result.stderr
    assert "previous r.html is unchanged" in result.stderr
    assert (tmp_path / "r.html").read_text() == previous
    assert _leftovers(tmp_path) == []
