"""``exposure wipe`` and the list of written files behind it (exposure.written)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exposure import written
from exposure.wipe import wipe
from exposure.written import list_path, read_list, record_folder, record_written, state_dir


def _write(path: Path, text: str = "report") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_state_dir_is_the_env_folder_and_holds_only_the_list(
    tmp_path: Path, _private_state_dir: Path
) -> None:
    assert state_dir() == _private_state_dir
    assert record_written(_write(tmp_path / "a.html"))
    assert [p.name for p in state_dir().iterdir()] == [written.LIST_NAME]
    if os.name == "posix":
        assert state_dir().stat().st_mode & 0o077 == 0
        assert list_path().stat().st_mode & 0o077 == 0


def test_default_state_dir_follows_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(written.STATE_ENV)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", "/xdg/state")
    assert state_dir() == Path("/xdg/state/exposure")
    monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")
    assert state_dir() == Path.home() / ".local" / "state" / "exposure"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert state_dir() == Path.home() / "Library" / "Application Support" / "exposure"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", "/local")
    assert state_dir() == Path("/local/exposure")


def test_wipe_removes_what_was_written_and_empties_the_list(tmp_path: Path) -> None:
    out = tmp_path / "clean"
    out.mkdir()
    record_folder(out, "clean copies folder")
    copies = [_write(out / f"IMG_{n}.jpg", "x" * n) for n in range(5)]
    report = _write(tmp_path / "report.html")
    record_written(*copies, what="clean copy")
    record_written(report)
    mine = _write(tmp_path / "mine.txt")  # never noted: never touched

    result = wipe()

    assert sorted(w.path for w in result.removed) == sorted(str(p) for p in [*copies, report, out])
    assert not out.exists() and not report.exists()
    assert mine.read_text() == "report"
    assert result.kept == [] and result.gone == []
    assert not list_path().exists() and not state_dir().exists()
    assert wipe().removed == []


def test_wipe_leaves_changed_replaced_and_linked_files_alone(tmp_path: Path) -> None:
    changed = _write(tmp_path / "changed.html")
    replaced = _write(tmp_path / "replaced.html")
    linked = _write(tmp_path / "linked.html")
    gone = _write(tmp_path / "gone.html")
    record_written(changed, replaced, linked, gone)
    changed.write_text("edited by the person after exposure wrote it")
    os.replace(_write(tmp_path / "new.html"), replaced)  # same name and size, another file
    target = _write(tmp_path / "precious.txt", "do not delete")
    linked.unlink()
    linked.symlink_to(target)
    gone.unlink()

    result = wipe()

    assert result.removed == []
    reasons = {Path(w.path).name: why for w, why in result.kept}
    assert reasons == {
        "changed.html": "it was changed after exposure wrote it",
        "replaced.html": "another file has taken its place since exposure wrote it",
        "linked.html": "it is a link now, not what exposure wrote",
    }
    assert [Path(w.path).name for w in result.gone] == ["gone.html"]
    assert changed.exists() and replaced.exists() and linked.is_symlink()
    assert target.read_text() == "do not delete"
    assert read_list() == []  # the list is emptied all the same


def test_a_folder_holding_other_files_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    record_folder(out)
    copy = _write(out / "copy.jpg")
    record_written(copy, what="clean copy")
    _write(out / "notes.txt")  # the person's own file
    result = wipe()
    assert [Path(w.path).name for w in result.removed] == ["copy.jpg"]
    assert [(Path(w.path).name, why) for w, why in result.kept] == [
        ("out", "it holds files exposure did not write")
    ]
    assert (out / "notes.txt").exists()


def test_rewritten_report_is_removed_once(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    for text in ("first", "second run, longer"):
        report.unlink(missing_ok=True)
        record_written(_write(report, text))
    result = wipe()
    assert [w.path for w in result.removed] == [str(report)]
    assert result.kept == [] and not report.exists()


def test_dry_run_lists_without_removing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    record_folder(out)
    record_written(_write(out / "a.jpg"))
    result = wipe(dry_run=True)
    assert len(result.removed) == 2
    assert (out / "a.jpg").exists() and len(read_list()) == 2


def test_bad_lines_in_the_list_are_ignored(tmp_path: Path) -> None:
    record_written(_write(tmp_path / "a.html"))
    with list_path().open("a") as fh:
        fh.write("not json\n" + json.dumps({"path": 3}) + "\n")
    assert [Path(w.path).name for w in wipe().removed] == ["a.html"]


def test_recording_never_fails_the_job(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = _write(tmp_path / "a-file")
    monkeypatch.setenv(written.STATE_ENV, str(blocker / "state"))
    assert record_written(_write(tmp_path / "r.html")) is False
    assert record_written(tmp_path / "missing.html") is False


def test_audit_reports_are_recorded_and_wiped_by_the_cli(cli, tmp_path: Path) -> None:
    result = cli("demo", "-q", "--json", "d.json", "--html", "d.html")
    assert result.code == 0, result.err
    assert sorted(Path(w.path).name for w in read_list()) == ["d.html", "d.json"]
    result = cli("wipe", "--dry-run")
    assert result.code == 0 and "Would remove 2 files" in result.err
    assert (tmp_path / "d.html").exists()
    result = cli("wipe")
    assert result.code == 0, result.err
    assert str(tmp_path / "d.html") in result.err and str(tmp_path / "d.json") in result.err
    assert "now empty" in result.err
    assert not (tmp_path / "d.html").exists() and not (tmp_path / "d.json").exists()
    assert "Nothing to wipe" in cli("wipe").err


def test_stdout_report_is_not_recorded(cli) -> None:
    assert cli("demo", "-q", "--json", "-").code == 0
    assert read_list() == []


def test_wipe_cli_exit_code_when_something_is_left(cli, tmp_path: Path) -> None:
    report = _write(tmp_path / "r.html")
    record_written(report)
    report.write_text("changed")
    result = cli("wipe")
    assert result.code == 3
    assert f"{report}: it was changed after exposure wrote it" in result.err


def test_many_files_in_one_folder_are_summed_up(tmp_path: Path) -> None:
    from exposure.wipe import describe

    record_written(*[_write(tmp_path / "c" / f"{n}.jpg") for n in range(50)], what="clean copy")
    lines = describe(wipe())
    assert f"  50 files in {tmp_path / 'c'} (clean copy)" in lines
    assert len(lines) < 5


def test_concurrent_writers_lose_no_note(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from exposure.written import record_written\n"
        "for n in range(40):\n"
        "    p = Path(sys.argv[1]) / f'{sys.argv[2]}-{n}'; p.write_text('x'); record_written(p)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), str(k)], env=env)
        for k in range(3)
    ]
    assert [p.wait(60) for p in procs] == [0, 0, 0]
    assert len(read_list()) == 120
