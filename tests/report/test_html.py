"""The HTML page, parsed (never string-matched): structure, escaping, CSP, no remote loads."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from exposure.catalogue import info as catalogue_info
from exposure.model import Confidence, Severity
from exposure.report import redact, render_html, wording
from exposure.report.context import CHUNK

from .factories import (
    ATTRIBUTE_BREAK,
    HOSTILE_LOCATOR,
    PHOTOS,
    PROFILE,
    RTL_EMOJI,
    SCRIPT,
    TEMPLATE_CODE,
    generated_report,
    make_evidence,
    make_finding,
    make_remediation,
    make_report,
    many_photos_report,
    photo_gps_finding,
)

URL_ATTRIBUTES = {"src", "href", "action", "formaction", "poster", "data", "srcset", "background", "xlink:href", "ping", "manifest", "cite"}  # fmt: skip


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


@pytest.fixture(scope="module")
def page() -> LexborHTMLParser:
    return parse(render_html(generated_report()))


def text_of(node: LexborNode | None) -> str:
    assert node is not None
    return " ".join(node.text(deep=True).split())


def all_nodes(doc: LexborHTMLParser) -> list[LexborNode]:
    return list(doc.css("*"))


# -- structure -----------------------------------------------------------------------


def row_of(doc: LexborHTMLParser, finding_id: str) -> LexborNode:
    """The checklist line (``li``) of one finding."""
    box = doc.css_first(f"input[data-finding-id='{finding_id}']")
    assert box is not None and box.parent is not None and box.parent.tag == "li"
    return box.parent


def section_of(node: LexborNode) -> LexborNode:
    """The kind section (``section.kind``) around a node."""
    parent = node.parent
    while parent is not None and "kind" not in (parent.attributes.get("class") or "").split():
        parent = parent.parent
    assert parent is not None
    return parent


def test_one_checkbox_per_finding_with_its_id_and_a_label(page: LexborHTMLParser) -> None:
    boxes = page.css("input[type=checkbox]")
    ids = [b.attributes["data-finding-id"] for b in boxes]
    assert sorted(ids) == sorted(f.id for f in generated_report().findings)
    dom_ids = [b.attributes["id"] for b in boxes]
    assert len(set(dom_ids)) == len(dom_ids)
    for box in boxes:
        label = page.css_first(f"label[for='{box.attributes['id']}']")
        assert label is not None and text_of(label)
        assert box.attributes.get("autocomplete") == "off"
        assert "data-storage-key" not in box.attributes  # one key per report, not per box
    main = page.css_first("#report")
    report_id = main.attributes["data-report-id"]
    assert main.attributes["data-storage-key"] == f"exposure:v1:{report_id}"


def test_groups_in_order_then_kinds_by_severity(page: LexborHTMLParser) -> None:
    titles = [text_of(h) for h in page.css("section.group > h3")]
    assert titles == [PHOTOS, PROFILE]
    levels = ["High risk", "Medium risk", "Low risk"]
    for group in page.css("section.group"):
        kinds = group.css("section.kind")
        ranks = [levels.index(text_of(k.css_first("h4 .badge"))) for k in kinds]
        assert ranks == sorted(ranks)
        for kind in kinds:  # every line sits in the section of its own kind
            (heading_badge,) = kind.css("h4 .badge")
            assert all(
                levels.index(text_of(b)) >= levels.index(text_of(heading_badge))
                for b in kind.css("li > .badge")
            )
    first = page.css("section.group")[0].css("input.done-box")
    assert [b.attributes["data-finding-id"] for b in first][:2] == [
        "f-home-gps",
        "f-takeout-history",
    ]


def test_same_kind_findings_share_one_section_with_the_advice_once() -> None:
    findings = tuple(photo_gps_finding(n) for n in range(41))
    doc = parse(render_html(make_report(findings=findings, skipped=())))
    (kind,) = doc.css("section.kind")
    assert text_of(kind.css_first("h4")) == "High risk 41 photos show where they were taken"
    entry = catalogue_info("photo-gps")
    page_text = text_of(doc.body)
    reason, more = wording.split_why(" ".join(entry.why.split()))
    assert page_text.count(reason) == 1  # said once, not 41 times
    assert more is not None and page_text.count(more) == 1
    assert text_of(kind.css_first("details.more-why p")) == more
    assert page_text.count(wording.plain(entry.remediation.steps[1].text)) == 1
    assert [text_of(h) for h in kind.css("h5")] == ["Why this matters", "How to fix it"]
    (steps,) = kind.css("ol.steps")
    assert len(steps.css("li")) == len(entry.remediation.steps)
    # where each step comes from: folded under the steps, not in them
    assert steps.css(".step-source") == []
    notes = [text_of(n) for n in kind.css("details.sources .step-source")]
    assert len(notes) == len(entry.remediation.steps)
    assert all(n.startswith("Step ") and ", checked 29 November 2026" in n for n in notes)
    assert "How sure we are" not in text_of(kind.css_first(".about"))  # sure: not said
    rows = kind.css("ul.items > li")
    assert len(rows) == 41
    for row, finding in zip(rows, findings, strict=True):
        (box,) = row.css("input.done-box")
        assert box.attributes["data-finding-id"] == finding.id
        assert text_of(row.css_first(".badge")) == "High risk"
        assert box.attributes["data-finding-ids"] == finding.id
        label = text_of(row.css_first(f"label[for='{box.attributes['id']}']"))
        assert label == finding.locator.rsplit("/", 1)[1]  # the file, short
        assert finding.title in text_of(row.css_first("details"))  # the detector's words
        assert finding.locator in text_of(row.css_first("details"))  # the full path
        assert finding.evidence[0].detail in text_of(row.css_first("details"))
        assert text_of(row.css_first("details > summary")) == "Details"
        assert row.css("h5, h4, .about, ol.steps") == []  # no advice repeated per line
    # the section's contents link and its progress count (shown by the page script)
    link = doc.css_first(f"nav.contents a[href='#{kind.attributes['id']}']")
    assert text_of(link) == "41 photos show where they were taken"
    tools = kind.css_first(".kind-tools")
    assert "hidden" in tools.attributes
    assert text_of(tools.css_first(".kind-count")) == "0 of 41 done"


def test_compact_line_shows_file_place_and_date(page: LexborHTMLParser) -> None:
    home = row_of(page, "f-home-gps")
    facts = text_of(home.css_first("p.facts"))
    assert "Found in: /home/sam.doe/Pictures/2023/IMG_0042.jpg" in facts
    assert "Place: 52.520008, 13.404954" in facts
    assert "When: 14 June 2023, 07:42 (UTC+02:00)" in facts
    details = text_of(home.css_first("details"))
    assert "Place name: Example Street 12, Berlin" in details
    assert "Stored as: GPSLatitude" in details
    assert "52.520008, 13.404954" in details  # in the detector's own words
    assert "Place: 52.520008" not in details  # the line already says it


def test_tick_all_tools_only_for_sections_of_two_or_more() -> None:
    findings = (*(photo_gps_finding(n) for n in range(3)), make_finding())
    doc = parse(render_html(make_report(findings=findings, skipped=())))
    big, single = doc.css("section.kind")
    (tools,) = big.css(".kind-tools")
    assert "hidden" in tools.attributes  # needs the page script: hidden without it
    tick_all = tools.css_first("button[data-action='tick-all']")
    undo = tools.css_first("button[data-action='undo']")
    assert tick_all.attributes["type"] == "button" and text_of(tick_all) == "Tick all 3 as done"
    assert undo.attributes["type"] == "button" and "hidden" in undo.attributes
    assert tools.css_first(".bulk-note").attributes["role"] == "status"
    assert single.css(".kind-tools, button") == []


def test_an_entry_whose_advice_differs_shows_its_own() -> None:
    odd = replace(
        photo_gps_finding(7),
        why="A different reason.",
        confidence=Confidence.LOW,
        remediation=make_remediation(summary="A different fix."),
    )
    findings = (*(photo_gps_finding(n) for n in range(3)), odd)
    doc = parse(render_html(make_report(findings=findings, skipped=())))
    (kind,) = doc.css("section.kind")
    assert "How sure we are" not in text_of(kind.css_first(".about"))
    own = row_of(doc, odd.id)
    text = text_of(own)
    assert "Why this one matters: A different reason." in text
    assert "How to fix this one:" in text and "A different fix." in text
    assert "How sure we are: This is possible. Please check it yourself." in text
    assert own.css("ol.steps")  # its own steps, with their sources
    for n in range(3):
        assert row_of(doc, photo_gps_finding(n).id).css(".own") == []


def test_long_lists_come_in_chunks_with_a_skip_link() -> None:
    count = 2 * CHUNK + 50
    doc = parse(render_html(many_photos_report(count)))
    big = doc.css("section.kind")[0]
    lists = big.css("ul.items")
    assert [len(u.css("li")) for u in lists] == [CHUNK, CHUNK, 50]
    assert ["chunk" in (u.attributes.get("class") or "") for u in lists] == [True, True, False]
    ids = [b.attributes["data-finding-id"] for b in big.css("input.done-box")]
    assert ids == [photo_gps_finding(n).id for n in range(count)]  # order kept across chunks
    skip = big.css_first("a.skip-list")
    target = skip.attributes["href"] or ""
    assert target.startswith("#") and big.css_first(target) is not None
    assert big.css("a.skip-list") == [skip]
    small = doc.css("section.kind")[1]  # the one-line camera-details section
    assert small.css("a.skip-list") == [] and len(small.css("ul.items")) == 1


def test_twenty_thousand_findings_stay_small() -> None:
    """No boilerplate per line: the page grows by well under 1.1 kB per finding."""
    count = 20_000
    html = render_html(many_photos_report(count))
    per_finding = len(html.encode("utf-8")) / (count + 1)
    assert per_finding < 1100, per_finding
    assert html.count("<input ") == count + 1
    assert html.count(wording.plain(catalogue_info("photo-gps").remediation.steps[1].text)) == 1
    assert html.count("Why this matters") == 2  # one per section


def test_contents_links_point_inside_the_page(page: LexborHTMLParser) -> None:
    for link in page.css("nav.contents a"):
        target = link.attributes["href"] or ""
        assert target.startswith("#") and page.css_first(target) is not None


def test_summary_numbers(page: LexborHTMLParser) -> None:
    summary = page.css_first("section.summary")
    tiles = {
        text_of(t.css_first("dt")): text_of(t.css_first(".tile-count"))
        for t in summary.css(".tile")
    }
    assert tiles == {
        "Items checked": "45",
        "High risk": "2",
        "Medium risk": "2",
        "Low risk": "3",
        "Could not check": "3",
    }
    assert "We checked 45 items and found 7 things" in text_of(summary.css_first(".summary-text"))
    progress = page.css_first("#progress")
    assert progress is not None and "hidden" in progress.attributes  # shown by the script
    assert text_of(page.css_first("#progress-text")) == "0 of 7 done"


def test_warning_and_safety_come_first(page: LexborHTMLParser) -> None:
    sections = [s.attributes.get("aria-labelledby") for s in page.css("main > section")]
    assert sections[:3] == ["private-title", "safety-title", "summary-title"]
    private = text_of(page.css_first("section.notice-private"))
    assert "Keep this report private" in private
    assert "shared" in private or "someone else uses" in private
    assert "delete the file" in private
    safety = text_of(page.css_first("section.notice-safety"))
    for words in (
        "Save evidence first",
        "screenshots",
        "dates",
        "links",
        "alert",
        "advocate",
        "You decide",
    ):
        assert words in safety
    assert page.css_first("#redacted-title") is None


def test_section_advice_content(page: LexborHTMLParser) -> None:
    section = section_of(row_of(page, "f-home-gps"))
    text = text_of(section.css_first(".about"))
    assert "Why this matters" in text and "Anyone with this photo" in text
    assert "Step 1: Source: Apple support, checked 2 November 2024" in text
    assert "Step 2: Advice checked 2 November 2024" in text
    assert "Time needed: a few minutes." in text
    assert "More help (copy into your browser" in text
    assert [text_of(li) for li in section.css("ol.steps > li")][0].startswith("Open the photo")
    assert text_of(section.css_first("h4")) == "High risk 1 finding of the type “exif-gps”"


def test_could_not_check_section(page: LexborHTMLParser) -> None:
    section = page.css_first("#could-not-check")
    assert text_of(section.css_first("h2")) == "What we could not check"
    reasons = [text_of(r) for r in section.css(".skipped-reason")]
    assert sorted(reasons) == sorted(" ".join(s.reason.split()) for s in generated_report().skipped)


def test_headings_do_not_skip_levels(page: LexborHTMLParser) -> None:
    levels = [int(h.tag[1]) for h in page.css("h1, h2, h3, h4, h5, h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert page.css_first("html").attributes.get("lang") == "en"


def test_empty_report_is_calm() -> None:
    doc = parse(render_html(make_report(findings=(), skipped=())))
    assert doc.css("input[type=checkbox]") == []
    assert doc.css_first("#progress") is None
    assert "Nothing to fix" in text_of(doc.css_first("#checklist"))
    assert "nothing that shows where you are" in text_of(doc.css_first(".summary-text"))
    assert "could be read" in text_of(doc.css_first("#could-not-check"))


# -- security: CSP, escaping, no remote loads ----------------------------------------


def csp_sources(doc: LexborHTMLParser) -> dict[str, str]:
    meta = doc.css("meta[http-equiv='Content-Security-Policy']")
    assert len(meta) == 1
    content = meta[0].attributes["content"] or ""
    return dict(d.strip().split(" ", 1) for d in content.split(";"))


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_csp_is_strict_and_hashes_match_the_inline_code(page: LexborHTMLParser) -> None:
    policy = csp_sources(page)
    assert policy == {
        "default-src": "'none'",
        "img-src": "data:",
        "style-src": policy["style-src"],
        "script-src": policy["script-src"],
        "base-uri": "'none'",
        "form-action": "'none'",
    }
    (style,) = page.css("style")
    (script,) = page.css("script")
    assert policy["style-src"] == sha(style.text(deep=True))
    assert policy["script-src"] == sha(script.text(deep=True))
    assert "unsafe" not in str(policy)
    head = [n.tag for n in page.css("head > *")]
    assert head.index("meta") < head.index("style")  # the policy comes before the code
    assert page.css_first("meta[http-equiv='Content-Security-Policy']").parent.tag == "head"


def test_referrer_policy(page: LexborHTMLParser) -> None:
    assert page.css_first("meta[name=referrer]").attributes["content"] == "no-referrer"


def test_no_external_urls_anywhere(page: LexborHTMLParser) -> None:
    for node in all_nodes(page):
        for name, value in node.attributes.items():
            if name.lower() in URL_ATTRIBUTES:
                assert (value or "").startswith("#"), (node.tag, name, value)
    for tag in (
        "img",
        "link",
        "iframe",
        "object",
        "embed",
        "form",
        "video",
        "audio",
        "base",
        "svg",
    ):
        assert page.css(tag) == [], tag
    css = page.css_first("style").text(deep=True)
    assert "@import" not in css
    assert re.findall(r"url\(", css) == []
    script = page.css_first("script").text(deep=True)
    for api in (
        "fetch(",
        "XMLHttpRequest",
        "import(",
        "sendBeacon",
        "WebSocket",
        "http:",
        "https:",
    ):
        assert api not in script


def test_no_inline_styles_or_handlers(page: LexborHTMLParser) -> None:
    for node in all_nodes(page):
        for name in node.attributes:
            assert name.lower() != "style" and not name.lower().startswith("on"), (node.tag, name)


def test_paths_and_urls_are_text_not_links(page: LexborHTMLParser) -> None:
    links = page.css("a")
    assert all((a.attributes.get("href") or "").startswith("#") for a in links)
    texts = [text_of(n) for n in page.css(".locator")]
    assert HOSTILE_LOCATOR in texts and "https://social.example/@samdoe" in texts


def test_hostile_text_stays_text(page: LexborHTMLParser) -> None:
    assert len(page.css("script")) == 1 and page.css("img") == []
    row = row_of(page, "f-hostile")
    title = text_of(row.css_first(".item-title"))
    assert title == f"{SCRIPT} in a caption {RTL_EMOJI}"
    hostile = section_of(row)
    body = text_of(hostile)
    for needle in (ATTRIBUTE_BREAK, TEMPLATE_CODE, HOSTILE_LOCATOR, "javascript:alert(1)"):
        assert needle in body
    assert "49" not in body  # {{ 7*7 }} was not evaluated
    assert hostile.css("a") == []


def test_hostile_ids_and_group_names_cannot_add_attributes() -> None:
    evil = 'x" onmouseover="alert(1)'
    report = make_report(
        findings=(
            make_finding(id=evil, group=f"{ATTRIBUTE_BREAK}{SCRIPT}", severity=Severity.HIGH),
        )
    )
    doc = parse(render_html(report))
    (box,) = doc.css("input.done-box")
    assert box.attributes["data-finding-id"] == evil
    assert text_of(doc.css_first("section.group > h3")) == f"{ATTRIBUTE_BREAK}{SCRIPT}"
    assert len(doc.css("script")) == 1 and doc.css("img") == []
    for node in all_nodes(doc):
        assert not any(name.startswith("on") for name in node.attributes)


# -- redacted copy -------------------------------------------------------------------


def test_redacted_copy_says_so_at_the_top() -> None:
    doc = parse(render_html(redact(generated_report())))
    first = doc.css("main > section")[0]
    assert first.attributes.get("aria-labelledby") == "redacted-title"
    assert "shareable copy" in text_of(first)
    assert "(shareable copy)" in text_of(doc.css_first("title"))
    assert "places are rounded to about 1 km" in text_of(doc.css_first("#checklist"))
    home = text_of(row_of(doc, "f-home-gps").css_first("p.facts"))
    assert "Place: 52.52, 13.40" in home and "When: 14 June 2023" in home
    assert "07:42" not in text_of(doc.css_first("#checklist"))
    ids = sorted(b.attributes["data-finding-id"] or "" for b in doc.css("input.done-box"))
    assert ids == sorted(f.id for f in generated_report().findings)


def test_redacted_copy_keeps_the_report_id() -> None:
    """Ticks made in the full report show up in the shared copy on the same computer."""
    full = parse(render_html(generated_report())).css_first("#report").attributes["data-report-id"]
    shared = (
        parse(render_html(redact(generated_report())))
        .css_first("#report")
        .attributes["data-report-id"]
    )
    assert full == shared


def test_report_without_generation_time() -> None:
    doc = parse(render_html(replace(generated_report(), generated_at=None)))
    assert text_of(doc.css_first(".made")) == "Made by exposure 0.1.0."


def test_matched_words_are_marked_and_hidden_when_redacted() -> None:
    detail = "“Post goes to Musterstraße 12, 12049 Berlin <b>”"
    start = detail.index("Musterstraße")
    evidence = make_evidence(detail=detail)
    evidence = replace(evidence, match=(start, start + len("Musterstraße 12, 12049 Berlin")))
    report = make_report(findings=(make_finding(evidence=(evidence,)),))
    tree = LexborHTMLParser(render_html(report))
    marks = [m.text() for m in tree.css(".evidence-detail mark")]
    assert marks == ["Musterstraße 12, 12049 Berlin"]
    assert not tree.css(".evidence-detail b")  # the rest is escaped text, not markup
    shared = render_html(redact(report))
    assert "Musterstraße" not in shared
    assert [m.text() for m in LexborHTMLParser(shared).css(".evidence-detail mark")] == [
        "[hidden in this copy]"
    ]
