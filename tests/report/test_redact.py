"""Redaction: nothing precise survives, the same file keeps the same label, ids stay."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime

import pytest

from exposure.geo import Position
from exposure.model import LocatedPoint, Place, Report, Skipped
from exposure.report import redact, render_html, render_json, to_dict
from exposure.report.scrub import Pseudonyms, coarsen_coordinates

from .factories import (
    ARCHIVE,
    ARCHIVE_MEMBER,
    BEACH_PHOTO,
    HOME_PHOTO,
    HOSTILE_LOCATOR,
    PHOTO_INPUT,
    SCRIPT,
    WEB_INPUT,
    generated_report,
    make_evidence,
    make_finding,
    make_report,
)

# Strings from the original report that must not appear anywhere in a redacted rendering.
SECRETS = (
    "52.520008", "13.404954", "52.5200", "13.4049", "525200080", "134049540",
    "34.56", "4.75",  # altitude, accuracy
    "sam.doe", "Pictures", "IMG_0042", "DSC_7781", "beach trip", "takeout-2024", "Records",
    "Downloads", "Example Street",  # place name (may be a street address)
    "07:42", "22:15", "09:30",  # times of day
)  # fmt: skip
LABEL = re.compile(r"^(photo|video|archive|data|sidecar|file|folder)-[0-9a-f]{4,}(\.[a-z0-9.]+)?$")


def with_extras() -> Report:
    """The standard report plus a place, located points and paths inside free text."""
    report = generated_report()
    extra = make_finding(
        id="f-text-paths",
        title=f"Found in {HOME_PHOTO} and in IMG_0042.jpg",
        why="Plus code 9F4MGCH7+22 and 52°31'12.03\"N 13°24'17.83\"E",
        group=f"Folder {PHOTO_INPUT}",
        evidence=(make_evidence(locator=HOME_PHOTO, detail="see /home/sam.doe/other/x.jpg"),),
    )
    return replace(
        report,
        findings=(*report.findings, extra),
        places=(
            Place(
                "p1",
                "Place 1",
                Position(52.520008, 13.404954, 34.56, 4.75),
                120.0,
                7,
                first_seen=datetime(2023, 6, 14, 7, 42),
                last_seen=datetime(2024, 1, 3, 22, 15),
                finding_ids=("f-home-gps",),
            ),
        ),
        points=(
            LocatedPoint(
                Position(52.520008, 13.404954),
                datetime(2023, 6, 14, 7, 42),
                HOME_PHOTO,
                "f-home-gps",
            ),
        ),
    )


@pytest.mark.parametrize("render", [render_json, render_html], ids=["json", "html"])
def test_no_precise_position_path_or_time_survives(render: object) -> None:
    assert callable(render)
    out = render(redact(with_extras()))
    leaked = [s for s in SECRETS if s in out]
    assert leaked == []


def test_the_unredacted_report_does_hold_the_secrets() -> None:
    """Guards the test above against passing because the factory changed."""
    out = render_json(with_extras()) + render_html(with_extras())
    assert [s for s in SECRETS if s not in out] == []


def test_report_level_changes() -> None:
    original = with_extras()
    shared = redact(original)
    assert shared.redacted and not original.redacted
    assert shared.inputs == ("2 folders or files", "1 web address")
    assert shared.generated_at == datetime(2024, 11, 5)
    assert [f.id for f in shared.findings] == [f.id for f in original.findings]
    assert [f.kind for f in shared.findings] == [f.kind for f in original.findings]
    assert [f.severity for f in shared.findings] == [f.severity for f in original.findings]
    assert shared.counts == original.counts
    assert original == with_extras()  # pure: the input is untouched
    assert to_dict(shared)["generated_at"] == "2024-11-05"


def test_positions_are_rounded_and_precision_dropped() -> None:
    shared = redact(with_extras())
    home = next(f for f in shared.findings if f.id == "f-home-gps")
    assert home.position == Position(52.52, 13.4, None, None)
    assert home.evidence[0].place_name is None
    assert home.evidence[0].observed_at == datetime(2023, 6, 14)
    assert shared.places[0].centre == Position(52.52, 13.4)
    assert shared.places[0].first_seen == datetime(2023, 6, 14)
    assert shared.points[0].position == Position(52.52, 13.4)
    assert shared.points[0].observed_at == datetime(2023, 6, 14)
    assert to_dict(shared)["findings"][0]["location"] == {"lat": 52.52, "lon": 13.4}


def test_same_file_same_label_everywhere() -> None:
    shared = redact(with_extras())
    hostile = next(f for f in shared.findings if f.id == "f-hostile")
    label = hostile.locator
    assert LABEL.match(label) and label.endswith(".jpg")
    assert {e.locator for e in hostile.evidence} == {label}
    skipped = next(s for s in shared.skipped if s.reason.endswith(SCRIPT))
    assert skipped.locator == label
    assert skipped.reason == f"Could not read {label}: {SCRIPT}"
    home_labels = {
        e.locator
        for f in shared.findings
        for e in f.evidence
        if e.detail.startswith(("GPS 52", "see"))
    }
    assert len(home_labels) == 1
    assert shared.points[0].locator in home_labels
    extra = next(f for f in shared.findings if f.id == "f-text-paths")
    assert extra.title == f"Found in {extra.locator} and in {extra.locator}"


def test_different_files_get_different_labels() -> None:
    shared = redact(make_report())
    labels = {e.locator for f in shared.findings for e in f.evidence} | {
        s.locator for s in shared.skipped
    }
    files = {e.locator for f in make_report().findings for e in f.evidence}
    files |= {s.locator for s in make_report().skipped}
    assert len(labels) == len(files)


def test_labels_are_stable_between_runs() -> None:
    assert render_json(redact(make_report())) == render_json(redact(make_report()))


def test_archive_member_keeps_its_shape_and_urls_stay() -> None:
    shared = redact(make_report())
    locators = {e.locator for f in shared.findings for e in f.evidence}
    (member,) = [loc for loc in locators if "!" in loc]
    archive, inner = member.split("!")
    assert LABEL.match(archive) and archive.endswith(".zip") and archive.startswith("archive-")
    assert LABEL.match(inner) and inner.startswith("data-") and inner.endswith(".json")
    assert WEB_INPUT in locators
    assert ARCHIVE not in render_json(shared) and ARCHIVE_MEMBER not in render_json(shared)


def test_redacting_twice_changes_nothing() -> None:
    once = redact(make_report())
    assert redact(once) is once


def test_labels_grow_when_short_hashes_collide() -> None:
    paths = [f"/p/{n}.jpg" for n in range(3000)]
    names = Pseudonyms(paths)
    labels = {names.label(p) for p in paths}
    assert len(labels) == len(paths)
    assert all(LABEL.match(label) for label in labels)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GPS 52.520008, 13.404954 (EXIF)", "GPS 52.52, 13.40 (EXIF)"),
        ("-33.868820,151.209296", "-33.87,151.21"),
        ("https://maps.example/@52.520008,13.404954,17z", "https://maps.example/@52.52,13.40,17z"),
        ("!3d52.520008!4d13.404954", "!3d52.52!4d13.40"),
        ("52°31'12.03\"N 13°24'17.83\"E", "52.52° N 13.40° E"),
        ("52 deg 31' 12.03\" N", "52.52° N"),
        ('"latitudeE7": 525200080', '"latitudeE7": 525200000'),
        ("lngE7=-1234567890", "lngE7=-1234600000"),
        ("at 9F4MGCH7+22 today", "at [location code removed] today"),
        ("52.52, 13.40 stays", "52.52, 13.40 stays"),
        ("version 1.2.345 and 1234.5678 stay", "version 1.2.345 and 1234.5678 stay"),
        ("nothing here", "nothing here"),
    ],
)
def test_coarsen_coordinates(text: str, expected: str) -> None:
    assert coarsen_coordinates(text) == expected


@pytest.mark.parametrize(
    ("path", "prefix", "suffix"),
    [
        (HOME_PHOTO, "photo-", ".jpg"),
        (BEACH_PHOTO, "photo-", ".jpg"),
        ("/v/clip.MOV", "video-", ".mov"),
        ("/d/export.tar.gz", "archive-", ".tar.gz"),
        ("/d/sidecar.xmp", "sidecar-", ".xmp"),
        ("/d/notes.weird-extension", "folder-", ""),
        (PHOTO_INPUT, "folder-", ""),
    ],
)
def test_label_form(path: str, prefix: str, suffix: str) -> None:
    label = Pseudonyms([path]).label(path)
    assert label.startswith(prefix) and label.endswith(suffix)
    assert re.fullmatch(re.escape(prefix) + r"[0-9a-f]{4}" + re.escape(suffix), label)


def test_free_text_paths_are_replaced() -> None:
    names = Pseudonyms([HOSTILE_LOCATOR])
    text = names.scrub(
        r"copy at C:\Users\sam\Pictures\x.jpg or ~/secret/y.png, see https://a.example/b/c"
    )
    assert "sam" not in text and "secret" not in text
    assert "https://a.example/b/c" in text


def test_json_of_redacted_report_says_so() -> None:
    data = json.loads(render_json(redact(make_report())))
    assert data["redacted"] is True
    assert data["inputs"] == ["2 folders or files", "1 web address"]
    assert all(isinstance(s, Skipped) for s in redact(make_report()).skipped)


def test_punctuation_after_a_path_in_text_stays() -> None:
    text = Pseudonyms([]).scrub("Saved to /home/a/b.png, then /home/a/c.jpg.")
    assert re.fullmatch(r"Saved to photo-[0-9a-f]{4}\.png, then photo-[0-9a-f]{4}\.jpg\.", text)
