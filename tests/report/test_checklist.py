"""Issue 13, the report part: one line per leak, "Start here", plain words first."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from exposure.demo import demo_inputs
from exposure.geo import Position
from exposure.model import Evidence, Finding, Place, PlaceRole, Severity
from exposure.options import Options
from exposure.report import build_context, redact, render_html
from exposure.report.leaks import join_leaks
from exposure.report.priority import effort_minutes, place_roles, rank_actions
from exposure.report.wording import JARGON_WORDS, plain

from .factories import (
    PICTURES,
    camera_roll_report,
    generated_report,
    identity_findings,
    make_evidence,
    make_finding,
    make_remediation,
    make_report,
    many_photos_report,
    photo_gps_finding,
)


def lines(report: Any) -> list[Any]:
    ctx = build_context(report)
    return [f for g in ctx.groups for k in g.kinds for f in k.findings]


# -- one line per leak ---------------------------------------------------------------


def test_a_serial_and_a_name_in_twenty_photos_are_two_lines_not_forty() -> None:
    report = camera_roll_report(20)
    assert len(report.findings) == 61  # 20 places, 20 serials, 20 names, 1 camera line
    ctx = build_context(report)
    assert ctx.total_lines == 23 and ctx.total_findings == 61
    html = render_html(report)
    assert html.count('class="done-box"') == 23
    by_kind = {k.kind: k for g in ctx.groups for k in g.kinds}
    (serial,) = by_kind["photo-device-serial"].findings
    assert serial.title == "20 files carry your camera's serial number (3015874)"
    assert serial.count == 20 and len(serial.members) == 20
    assert serial.members[0].locator == "IMG_00000.jpg"  # relative to the section's folder
    serial_ids = {f.id for f in report.findings if f.kind == "photo-device-serial"}
    assert set(serial.ids.split()) == serial_ids
    (owner,) = by_kind["photo-owner-name"].findings
    assert owner.title == "20 files carry a person's name (Sam Doe)"
    assert (
        by_kind["photo-device-serial"].heading
        == "20 files hold the serial number of a camera or phone"
    )
    assert (
        by_kind["photo-device-serial"].count == 1 and not by_kind["photo-device-serial"].has_tools
    )


def test_joined_line_id_is_stable_and_its_ticks_are_its_findings() -> None:
    first = lines(camera_roll_report(5))
    again = lines(camera_roll_report(5))
    more = lines(camera_roll_report(6))  # one more photo of the same camera
    serial = [f for f in first if f.count > 1][0]
    assert serial.id == [f for f in again if f.count > 1][0].id
    assert serial.id == [f for f in more if f.count > 1][0].id  # same leak, same line
    assert serial.id.startswith("l-") and len(serial.ids.split()) == 5
    # the shareable copy masks the values, so it joins nothing (two different serials
    # could look alike there); its lines are the same findings, so the same ticks apply
    shared = lines(redact(camera_roll_report(5)))
    assert all(f.count == 1 for f in shared)
    assert set(serial.ids.split()) <= {f.ids for f in shared}


def test_different_values_stay_different_lines() -> None:
    a, _ = identity_findings(1)
    b, _ = identity_findings(2)
    other = replace(
        b,
        id="f-other-serial",
        evidence=(Evidence(locator=b.locator, detail="BodySerialNumber: 999", field="x"),),
    )
    leaks = join_leaks([a, b, other])
    assert [len(leak.findings) for leak in leaks] == [2, 1]
    assert leaks[1].id == "f-other-serial"  # a line of one finding keeps the finding's id


def test_identical_text_findings_are_one_line() -> None:
    def text_finding(n: int, words: str) -> Finding:
        detail = f"Caption {n}: we live at {words} now"
        start = detail.index(words)
        return make_finding(
            id=f"f-text-{n}",
            kind="text-street-address",
            title="A street address in a photo's description",
            severity=Severity.HIGH,
            evidence=(
                make_evidence(
                    locator=f"{PICTURES}/IMG_{n}.jpg",
                    detail=detail,
                    match=(start, start + len(words)),
                ),
            ),
        )

    findings = (
        text_finding(1, "Musterstraße 12"),
        text_finding(2, "musterstraße  12"),  # the same words, other case and spacing
        text_finding(3, "Musterstraße 12"),
        text_finding(4, "Hauptstraße 1"),
    )
    leaks = join_leaks(findings)
    assert [leak.ids for leak in leaks] == [("f-text-1", "f-text-2", "f-text-3"), ("f-text-4",)]
    (line, single) = lines(make_report(findings=findings))
    assert line.title == "A street address in a photo's description (the same words in 3 places)"
    assert single.count == 1 and single.members == ()


def test_shareable_copy_does_not_join_what_it_masks() -> None:
    def text_finding(n: int, words: str) -> Finding:
        detail = f"Caption {n}: we live at {words} now"
        start = detail.index(words)
        return make_finding(
            id=f"f-text-{n}",
            kind="text-street-address",
            severity=Severity.HIGH,
            evidence=(make_evidence(detail=detail, match=(start, start + len(words))),),
        )

    report = make_report(
        findings=(text_finding(1, "Musterstraße 12"), text_finding(2, "Hauptstraße 1"))
    )
    assert [f.count for f in lines(report)] == [1, 1]
    assert [f.count for f in lines(redact(report))] == [1, 1]  # both read "[hidden]" there


def test_the_same_value_in_two_places_to_act_is_two_lines() -> None:
    here = identity_findings(1)[0]
    there = replace(identity_findings(2)[0], group="Your Instagram export")
    assert len(join_leaks([here, there])) == 2


# -- start here ----------------------------------------------------------------------


def test_effort_words() -> None:
    assert effort_minutes("a few minutes", 40) == 3
    assert effort_minutes("10 minutes", 1) == 10
    assert effort_minutes("a minute", 9) == 1
    assert effort_minutes("a minute per photo", 12) == 12
    assert effort_minutes("an hour", 1) == 60
    assert effort_minutes("", 1) == 5


def test_start_here_weighs_severity_places_and_effort() -> None:
    photos = [photo_gps_finding(n) for n in range(3)]
    slow = make_finding(
        id="f-slow",
        kind="slow-high",
        severity=Severity.HIGH,
        group="Elsewhere",
        remediation=make_remediation(summary="A long job.", effort="2 hours"),
    )
    quick = make_finding(
        id="f-quick",
        kind="quick-high",
        severity=Severity.HIGH,
        group="Elsewhere",
        remediation=make_remediation(summary="A quick job.", effort="a minute"),
    )
    low = make_finding(id="f-low", remediation=make_remediation(summary="Low job."))
    findings = [*photos, slow, quick, low]
    ranked = rank_actions(findings, {})
    assert [a.summary for a in ranked][:2] == [photos[0].remediation.summary, "A quick job."]
    assert ranked[-1].summary in {"A long job.", "Low job."}
    # the quick job feeds an inferred home: now it comes first
    ranked = rank_actions(findings, {"f-quick": "home"})
    assert ranked[0].summary == "A quick job." and ranked[0].roles == ("home",)


def test_start_here_gives_three_to_five_actions() -> None:
    findings = [
        make_finding(id=f"f-{n}", kind=f"k{n}", remediation=make_remediation(summary=f"Do {n}."))
        for n in range(8)
    ]
    assert len(rank_actions(findings, {})) == 5
    assert len(rank_actions(findings[:2], {})) == 2
    # far smaller actions past the third are left out
    big = [photo_gps_finding(n) for n in range(40)]
    ranked = rank_actions(big + findings[:4], {})
    assert len(ranked) == 3


def inferred(role: PlaceRole, *finding_ids: str) -> Place:
    return Place(
        id=f"p-{role}-{len(finding_ids)}",
        label="",
        centre=Position(52.5, 13.4),
        radius_m=50.0,
        points=len(finding_ids),
        finding_ids=finding_ids,
        role=role,
    )


def test_place_roles_from_inferred_places() -> None:
    places = [
        inferred(PlaceRole.REGULAR, "a", "b"),
        inferred(PlaceRole.HOME, "b", "c"),
        inferred(PlaceRole.VISITED, "d"),
        inferred(PlaceRole.UNKNOWN, "e"),
    ]
    assert place_roles(places) == {"a": "regular", "b": "home", "c": "home"}


def test_start_here_links_to_sections_on_the_page() -> None:
    doc = LexborHTMLParser(render_html(camera_roll_report(20)))
    actions = doc.css("#start-here li.action")
    assert 3 <= len(actions) <= 5
    for action in actions:
        href = action.css_first("a.action-link").attributes["href"] or ""
        assert href.startswith("#kind-") and doc.css_first(href) is not None
        assert doc.css_first(href).attributes["class"].startswith("kind ")  # type: ignore[union-attr]
    first = actions[0]
    assert "Remove the location from copies you share" in first.text()
    assert "Fixes 20 items" in first.text()
    # the serial number in 20 photos is one line: one item to tick, found in 20 places
    serial = [a for a in actions if "Remove all hidden details" in a.text()][0]
    assert "Fixes 1 item, found in 20 places" in serial.text()


def test_start_here_says_which_place_an_action_feeds() -> None:
    report = many_photos_report(3)
    place = inferred(PlaceRole.HOME, report.findings[0].id)
    ctx = build_context(replace(report, places=(place,)))
    assert ctx.start_here[0].reason == ("This feeds what a stranger can work out about your home.")
    assert ctx.item_anchors[report.findings[0].id] == "#finding-1"


def test_no_findings_no_start_here() -> None:
    ctx = build_context(make_report(findings=()))
    assert ctx.start_here == ()
    assert 'id="start-here"' not in render_html(make_report(findings=()))


# -- plain words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GPS tags without a real position", "location tags without a real position"),
        (
            "Remove all metadata (not only location).",
            "Remove all hidden details (not only location).",
        ),
        ("strip GPS before posting", "strip location before posting"),
        ("EXIF and XMP data", "hidden photo details"),
        ("kind exif-gps, file DSC_1.xmp", "kind exif-gps, file DSC_1.xmp"),
    ],
)
def test_plain_words(text: str, expected: str) -> None:
    assert plain(text) == expected


def visible_text(html: str) -> str:
    """The page's words outside folded details, file names and the page's code."""
    doc = LexborHTMLParser(html)
    for node in doc.css("details, .code, script, style, head"):
        node.decompose()
    return doc.body.text(separator=" ") if doc.body else ""


def demo_report() -> Any:
    from exposure.audit import run

    return run(Options(inputs=demo_inputs(), workers=1, reproducible=True))


@pytest.mark.parametrize("shared", [False, True])
def test_no_jargon_outside_details(shared: bool) -> None:
    for report in (demo_report(), generated_report(), camera_roll_report(4)):
        html = render_html(redact(report) if shared else report)
        found = sorted({m.group(0) for m in JARGON_WORDS.finditer(visible_text(html))})
        assert found == [], found
        # the exact words are still there for whoever opens the details
        assert re.search(r"\bGPS\b", html)


def test_medium_and_low_sections_fold_their_steps_high_ones_show_them() -> None:
    doc = LexborHTMLParser(render_html(camera_roll_report(3)))
    for section in doc.css("section.kind"):
        high = "kind-high" in (section.attributes.get("class") or "")
        steps = section.css_first(".about ol.steps")
        assert steps is not None
        folded = steps.parent is not None and steps.parent.tag == "details"
        assert folded is not high
        if folded:
            assert (
                section.css_first(".about details.steps-fold > summary")
                .text()
                .startswith("The steps (")
            )
        # the fix in one sentence is always on show
        assert "Time needed:" in section.css_first(".about").text()


def test_why_is_one_sentence_with_the_rest_folded() -> None:
    ctx = build_context(camera_roll_report(2))
    for kind in (k for g in ctx.groups for k in g.kinds):
        assert kind.why.count(". ") <= 1
        assert "Researchers" not in kind.why


def test_the_full_demo_speaks_plainly(cli: Any, tmp_path: Any) -> None:
    """Every source of the demo (photos, exports, a crawled site), full and shareable copy."""
    for name, extra in (("demo.html", ()), ("shared.html", ("--redact",))):
        result = cli("demo", "--html", name, "--reproducible", "-q", *extra)
        assert result.code == 0, result.err
        html = (tmp_path / name).read_text(encoding="utf-8")
        found = sorted({m.group(0) for m in JARGON_WORDS.finditer(visible_text(html))})
        assert found == [], (name, found)
        doc = LexborHTMLParser(html)
        assert 3 <= len(doc.css("#start-here li.action")) <= 5
        assert doc.css_first("#map svg.map-overview") is not None


def test_archive_members_are_named_by_the_archive_file() -> None:
    from .factories import ARCHIVE_MEMBER

    (line,) = [f for f in lines(make_report()) if f.id == "f-takeout-history"]
    assert line.locator == "takeout-2024.zip!Takeout/Location History/Records.json"
    assert line.full_locator == ARCHIVE_MEMBER  # the whole path under "Details"
