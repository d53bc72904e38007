"""A long export read tells the progress display which file it is in and how far it got."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from exposure.audit import run
from exposure.options import Options
from exposure.testing.exportwriters import write_records, write_zip

MEMBER = "Takeout/Location History (Timeline)/Records.json"


class Recorder:
    def __init__(self) -> None:
        self.reads: list[tuple[str, int, int | None]] = []

    def start(self, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def reading(self, label: str, done: int, total: int | None) -> None:
        self.reads.append((label, done, total))


def _records(points: int) -> bytes:
    out = io.BytesIO()
    write_records(out, points)
    return out.getvalue()


def test_every_member_read_is_reported_up_to_its_size(tmp_path: Path) -> None:
    data = _records(20_000)  # about 3.6 MB: read in many pieces
    archive = write_zip(tmp_path / "takeout.zip", {MEMBER: data})
    seen = Recorder()
    report = run(Options(inputs=(str(archive),), workers=1), seen)
    assert any(f.kind == "google-location-history" for f in report.findings)
    ours = [(done, total) for label, done, total in seen.reads if label.endswith(MEMBER)]
    assert ours and all(total == len(data) for _, total in ours)
    counts = [done for done, _ in ours]
    assert counts == sorted(counts) and len(counts) > 5
    assert counts[-1] == len(data)
    assert seen.reads[0][0] == f"{archive}!{MEMBER}"


def test_a_nested_archive_reports_its_members_with_their_path(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MEMBER, _records(2_000))
    archive = write_zip(tmp_path / "outer.zip", {"Takeout/more/inner.zip": inner.getvalue()})
    seen = Recorder()
    run(Options(inputs=(str(archive),), workers=1), seen)
    labels = {label for label, _, _ in seen.reads}
    assert f"{archive}!Takeout/more/inner.zip!{MEMBER}" in labels


def test_a_progress_object_without_reading_still_works(tmp_path: Path) -> None:
    class Plain:
        def start(self, total: int) -> None:
            pass

        def advance(self, count: int = 1) -> None:
            pass

    archive = write_zip(tmp_path / "takeout.zip", {MEMBER: _records(100)})
    report = run(Options(inputs=(str(archive),), workers=1), Plain())  # type: ignore[arg-type]
    assert report.findings
