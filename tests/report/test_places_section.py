"""The HTML's first section, "What a stranger can work out": one card per home, work and
regular place, its reason and convergence, and links to the checklist lines that hide it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from selectolax.lexbor import LexborHTMLParser

from exposure.geo import Position
from exposure.inference import infer
from exposure.inference.collect import evidence_points
from exposure.model import Evidence, Finding, Report, Severity
from exposure.report import redact, render_html
from exposure.testing.personas import offset_m
from tests.report.factories import make_finding, make_report

HOME = Position(45.748, 4.847)
WORK = offset_m(HOME, 3000, 1500)
PARIS = timezone(timedelta(hours=1))
MONDAY = datetime(2024, 1, 8, tzinfo=PARIS)


def photo(n: int, where: Position, when: datetime) -> Finding:
    pos = offset_m(where, (n % 5 - 2) * 6, (n % 3 - 1) * 6)
    return make_finding(
        id=f"f-photo-{n}",
        kind="photo-gps",
        severity=Severity.HIGH,
        title=f"IMG_{n}.jpg shows where it was taken",
        evidence=(Evidence(f"Pictures/IMG_{n}.jpg", "GPS", position=pos, observed_at=when),),
    )


def run(n: int, when: datetime) -> Finding:
    return make_finding(
        id=f"f-run-{n}",
        kind="route-endpoint",
        group="Strava",
        severity=Severity.HIGH,
        title="Activity routes start or end here",
        remediation=replace(make_finding().remediation, summary="Hide the start and end."),
        evidence=(Evidence(f"strava/{n}.gpx", "starts here", position=HOME, observed_at=when),),
    )


def audited() -> Report:
    findings = []
    for day in range(28):
        date = MONDAY + timedelta(days=day)
        findings.append(photo(day, HOME, date.replace(hour=22)))
        if date.weekday() < 5:
            findings.append(photo(100 + day, WORK, date.replace(hour=11)))
        if day % 7 == 5:
            findings.append(run(day, date.replace(hour=7)))
    result = infer(evidence_points(findings))
    return make_report(findings=(*findings, *result.findings), places=result.places)


def test_the_section_comes_first_with_a_card_per_place() -> None:
    page = LexborHTMLParser(render_html(audited()))
    section = page.css_first("#places")
    assert section is not None and "What a stranger can work out" in section.css_first("h2").text()
    main = page.css_first("main")
    ids = [node.attributes.get("id") for node in main.iter() if node.tag == "section"]
    assert ids.index("places") < ids.index("checklist")
    cards = section.css("article.place-card")
    assert [c.attributes["class"] for c in cards] == [
        "place-card place-home",
        "place-card place-work",
    ]
    home = cards[0]
    assert "near Lyon (France)" in home.css_first("h3").text()
    assert "Seen on 28 nights" in home.css_first(".place-reason").text()
    convergence = home.css_first(".place-convergence").text()
    assert "Different sources agree" in convergence
    assert (
        "28 photos and 4 routes point to the same" in convergence and "45.748, 4.847" in convergence
    )


def test_the_steps_link_to_the_checklist_lines_most_effective_first() -> None:
    page = LexborHTMLParser(render_html(audited()))
    home = page.css_first("article.place-home")
    assert home.css_first("h4").text() == "To hide this place, do these 2 things"
    links = home.css("ol.place-steps a")
    assert [a.text() for a in links][1] == "Hide the start and end."  # 28 photos first
    for link in links:
        target = page.css_first(link.attributes["href"] or "#none")
        assert target is not None, link.attributes["href"]


def test_the_shareable_copy_rounds_the_place() -> None:
    text = LexborHTMLParser(render_html(redact(audited()))).css_first("#places").text()
    assert "45.75, 4.85" in text and "45.748" not in text


def test_no_section_without_a_place() -> None:
    assert LexborHTMLParser(render_html(make_report())).css_first("#places") is None


def test_the_shareable_json_rounds_places_and_keeps_dates_only() -> None:
    from exposure.report.json import to_dict

    report = redact(audited())
    for place in to_dict(report)["places"]:
        location = place["location"]
        assert location == {"lat": round(location["lat"], 2), "lon": round(location["lon"], 2)}
        assert place["first_seen"] is None or len(place["first_seen"]) == 10
        assert "45.748" not in place["reason"]
