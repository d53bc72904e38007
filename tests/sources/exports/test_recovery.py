"""A zip whose table of contents is missing or damaged (a download that stopped): the members
found from their local headers are read under the same rules, and one line says where the
archive is cut and that it should be downloaded again."""

from __future__ import annotations

import functools
import io
import random
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from exposure.model import Report
from exposure.testing.exportwriters import write_zip
from tests.sources.exports import fixtures
from tests.sources.exports.conftest import audit_path, by_kind, reasons
from tests.sources.exports.test_hostile import records, takeout_with

CUT = "the zip archive is cut after"
HISTORY = "Takeout/Location History (Timeline)/Records.json"


class _Unseekable(io.RawIOBase):
    """A write-only stream without seek/tell: zipfile then writes data descriptors."""

    def __init__(self) -> None:
        super().__init__()
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        return len(b)


def descriptor_zip(
    members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, stored: tuple[str, ...] = ()
) -> bytes:
    """A zip written as a stream: every member has a data descriptor (flag bit 3); the
    members named in ``stored`` are not compressed."""
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w", method) as zf:  # type: ignore[arg-type]
        for name, data in members.items():
            zf.writestr(name, data, zipfile.ZIP_STORED if name in stored else method)
    return bytes(sink.data)


def directory_start(data: bytes) -> int:
    """Offset of the central directory of a whole zip."""
    return zipfile.ZipFile(io.BytesIO(data)).start_dir


def cut_lines(report: Report, path: Path) -> list[str]:
    return [
        s.reason for s in report.skipped if s.locator == str(path) and "zip archive" in s.reason
    ]


def titles(report: Report) -> Counter[tuple[str, str]]:
    return Counter((f.kind, f.title) for f in report.findings)


def whole_members(data: bytes, cut: int) -> list[zipfile.ZipInfo]:
    """Members of the whole archive ``data`` whose local header and data end before ``cut``."""
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    out = []
    for info in infos:
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        if start + info.compress_size <= cut:
            out.append(info)
    return out


def cut_points(data: bytes) -> list[tuple[str, int]]:
    """Offsets inside local headers, inside member data, and just before the directory."""
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    points = [("before the directory", directory_start(data))]
    for info in infos[1:]:
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        points.append((f"header of {info.filename}", info.header_offset + 12))
        points.append((f"name of {info.filename}", info.header_offset + 33))
        if info.compress_size > 4:
            points.append((f"data of {info.filename}", start + info.compress_size // 2))
    return points


@pytest.fixture(scope="module")
def takeout_zip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    root = tmp_path_factory.mktemp("whole")
    return write_zip(root / "takeout.zip", fixtures.takeout()).read_bytes()


def test_a_takeout_cut_anywhere_keeps_the_members_before_the_cut(
    tmp_path: Path, takeout_zip: bytes
) -> None:
    points = cut_points(takeout_zip)
    assert len(points) > 30
    for where, offset in points:
        cut = tmp_path / "takeout-cut.zip"
        cut.write_bytes(takeout_zip[:offset])
        complete = whole_members(takeout_zip, offset)
        alone = write_zip(
            tmp_path / "alone.zip", {i.filename: fixtures.takeout()[i.filename] for i in complete}
        )
        report = audit_path(cut)
        expected = audit_path(alone)
        lines = cut_lines(report, cut)
        assert len(lines) == 1, where
        assert f"{CUT} {len(complete)} member" in lines[0], where
        assert "download it again" in lines[0]
        got = titles(report)
        if where.startswith(("header", "name", "before")):  # no member was cut part-way
            assert got == titles(expected), where
        else:
            assert {k for k, _ in titles(expected)} <= {k for k, _ in got}, where


def test_a_member_cut_part_way_is_read_up_to_the_cut(tmp_path: Path) -> None:
    members = takeout_with(HISTORY, records(20_000))
    whole = write_zip(tmp_path / "whole.zip", members, level=1).read_bytes()
    (info,) = [i for i in zipfile.ZipFile(io.BytesIO(whole)).infolist() if i.filename == HISTORY]
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[: info.header_offset + 80 + info.compress_size // 2])
    report = audit_path(cut)
    (history,) = by_kind(report)["google-location-history"]
    points = int(history.title.split(" holds ")[1].split(" ")[0].replace(",", ""))
    assert 1000 < points < 20_000
    note = reasons(report)[f"{cut}!{HISTORY}"]
    assert note.startswith("partly read:") and "cut inside this file" in note
    (line,) = cut_lines(report, cut)
    assert f"{CUT} 1 member" in line and f"'{HISTORY}' up to the cut" in line


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2])
def test_data_descriptor_members_are_found_by_inflating_them(tmp_path: Path, method: int) -> None:
    members = takeout_with(HISTORY, records(3), **{"Takeout/Drive/notes.txt": b"x" * 5000})
    data = descriptor_zip(members, method)
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[1].flag_bits & 0x8
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: directory_start(data)])
    report = audit_path(cut)
    (history,) = by_kind(report)["google-location-history"]
    assert "holds 3 points" in history.title
    (line,) = cut_lines(report, cut)
    assert f"{CUT} 3 members" in line


def test_a_stored_member_with_a_data_descriptor_is_said_to_end_the_walk(tmp_path: Path) -> None:
    members = takeout_with(HISTORY, records(2), **{"Takeout/Drive/notes.txt": b"notes"})
    members["Takeout/Location History/Timeline Edits.json"] = records(1)
    data = descriptor_zip(members, stored=("Takeout/Drive/notes.txt",))
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: directory_start(data)])
    report = audit_path(cut)
    assert "holds 2 points" in by_kind(report)["google-location-history"][0].title
    assert "where it ends cannot be known" in reasons(report)[f"{cut}!Takeout/Drive/notes.txt"]
    (line,) = cut_lines(report, cut)
    assert "damaged after 2 members" in line
    assert "stored without its size" in line and "could not be located" in line
    assert "Timeline Edits" not in str(report.findings)


def test_zip64_local_sizes_are_honoured(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in takeout_with(HISTORY, records(4)).items():
            with zf.open(name, "w", force_zip64=True) as fh:
                fh.write(data)
    data = buf.getvalue()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: directory_start(data)])
    report = audit_path(cut)
    assert "holds 4 points" in by_kind(report)["google-location-history"][0].title
    assert f"{CUT} 2 members" in cut_lines(report, cut)[0]


def test_traversal_and_encrypted_members_are_refused_in_a_recovered_zip(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Takeout/archive_browser.html", "<html/>")
        zf.writestr("../../etc/passwd.json", records(1))
        zf.writestr("Takeout/Location History/Timeline Edits.json", records(1))
        zf.writestr(HISTORY, records(2))
    data = bytearray(buf.getvalue())
    secret = next(
        i for i in zipfile.ZipFile(io.BytesIO(data)).infolist() if "Timeline Edits" in i.filename
    )
    data[secret.header_offset + 6] |= 0x1  # mark the local header encrypted
    cut = tmp_path / "cut.zip"
    cut.write_bytes(bytes(data[: directory_start(bytes(data))]))
    report = audit_path(cut)
    why = reasons(report)
    assert "path traversal" in why[f"{cut}!../../etc/passwd.json"]
    assert "encrypted" in why[f"{cut}!Takeout/Location History/Timeline Edits.json"]
    assert "holds 2 points" in by_kind(report)["google-location-history"][0].title
    assert len(cut_lines(report, cut)) == 1


def test_a_zip_bomb_with_a_data_descriptor_stops_the_walk(tmp_path: Path) -> None:
    bomb = b'{"locations": [' + b" " * (32 * 1024 * 1024) + b"]}"
    members = takeout_with("Takeout/Location History/Records.json", bomb)
    members["Takeout/Location History/Timeline Edits.json"] = records(1)
    data = descriptor_zip(members)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: directory_start(data)])
    report = audit_path(cut)
    assert "zip bomb" in reasons(report)[f"{cut}!Takeout/Location History/Records.json"]
    (line,) = cut_lines(report, cut)
    assert "expands beyond the limits" in line


def test_a_cut_zip_of_no_known_export_is_one_could_not_check_line(tmp_path: Path) -> None:
    data = write_zip(tmp_path / "whole.zip", {"a.txt": b"a" * 3000, "b.txt": b"b"}).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[:100])
    why = reasons(audit_path(cut))[str(cut)]
    assert "incomplete" in why and "download it again" in why


def test_a_damaged_directory_with_every_member_present_is_read_silently(tmp_path: Path) -> None:
    data = bytearray(write_zip(tmp_path / "w.zip", takeout_with(HISTORY, records(2))).read_bytes())
    data[-22:] = b"\x00" * 22  # wipe the end-of-directory record
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    report = audit_path(bad)
    assert "holds 2 points" in by_kind(report)["google-location-history"][0].title
    assert not cut_lines(report, bad)


def test_an_lzma_member_of_a_cut_zip_is_reported_not_read(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in takeout_with(HISTORY, records(2)).items():
            zf.writestr(name, data)
        zf.writestr("Takeout/Location History/Timeline Edits.json", records(1), zipfile.ZIP_LZMA)
    data = buf.getvalue()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: directory_start(data)])
    report = audit_path(cut)
    why = reasons(report)[f"{cut}!Takeout/Location History/Timeline Edits.json"]
    assert "method 14" in why and "download the archive again" in why
    assert "holds 2 points" in by_kind(report)["google-location-history"][0].title


@functools.cache
def _damaged_base() -> bytes:
    """A Takeout zip with a history, a photo and a descriptor member, cut before its end."""
    from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo

    photo = make_photo(PhotoSpec(gps=GpsSpec(lat=48.85, lon=2.35)), "jpeg")
    members = {
        HISTORY: records(300),
        "Takeout/Google Photos/Album/IMG_1.jpg": photo,
        "Takeout/Google Photos/Album/IMG_1.jpg.json": b'{"geoData": {"latitude": 1}}',
    }
    whole = descriptor_zip(members, stored=("Takeout/Google Photos/Album/IMG_1.jpg",))
    return whole[: len(whole) - 40]


@pytest.mark.parametrize("seed", range(40))
def test_random_damage_never_stops_the_audit(tmp_path: Path, seed: int) -> None:
    # Bytes flipped anywhere in a cut archive (headers, sizes, names, data): the audit
    # finishes, and every problem is a line with a reason, never an exception.
    rng = random.Random(seed)
    data = bytearray(_damaged_base())
    for _ in range(rng.randint(1, 12)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    path = tmp_path / "takeout.zip"
    path.write_bytes(bytes(data))
    report = audit_path(path)
    assert all(s.reason for s in report.skipped)
    assert report.findings or report.skipped
