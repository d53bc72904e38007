"""The HTML page, parsed (never string-matched): structure, escaping, CSP, no remote loads."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from exposure.model import Severity
from exposure.report import redact, render_html

from .factories import (
    ATTRIBUTE_BREAK,
    HOSTILE_LOCATOR,
    PHOTOS,
    PROFILE,
    RTL_EMOJI,
    SCRIPT,
    TEMPLATE_CODE,
    generated_report,
    make_finding,
    make_report,
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
        assert "exposure:v1:" in (box.attributes.get("data-storage-key") or "")


def test_groups_in_order_and_findings_by_severity(page: LexborHTMLParser) -> None:
    titles = [text_of(h) for h in page.css("section.group > h3")]
    assert titles == [PHOTOS, PROFILE]
    for group in page.css("section.group"):
        badges = [text_of(b) for b in group.css(".badge")]
        ranks = [["High risk", "Medium risk", "Low risk"].index(b) for b in badges]
        assert ranks == sorted(ranks)
    first = page.css("section.group")[0].css("input.done-box")
    assert [b.attributes["data-finding-id"] for b in first][:2] == [
        "f-home-gps",
        "f-takeout-history",
    ]


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


def test_finding_content(page: LexborHTMLParser) -> None:
    home = page.css_first("input[data-finding-id='f-home-gps']").parent.parent
    text = text_of(home)
    assert "High risk" in text
    assert "/home/sam.doe/Pictures/2023/IMG_0042.jpg" in text
    assert "52.520008, 13.404954" in text
    assert "Why this matters" in text and "Anyone with this photo" in text
    assert "Source: Apple support, checked 2 November 2024" in text
    assert "Advice checked 2 November 2024" in text
    assert "14 June 2023, 07:42 (UTC+02:00)" in text
    assert [text_of(li) for li in home.css("ol.steps > li")][0].startswith("Open the photo")


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
    hostile = page.css_first("input[data-finding-id='f-hostile']").parent.parent
    title = text_of(hostile.css_first(".finding-title"))
    assert title == f"{SCRIPT} in a caption {RTL_EMOJI}"
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
    assert "rounded to about 1 km in this copy" in text_of(doc.css_first("#checklist"))
    assert "52.52, 13.40" in text_of(doc.css_first("#checklist"))
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
