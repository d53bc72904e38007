"""Issue 13 in Chromium: "Start here" links, joined lines, plain words, ticks of a leak.

Screenshots go to /tmp/exposure-checklist*.png for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from exposure.report import redact, render_html
from exposure.report.wording import JARGON_WORDS

from .factories import camera_roll_report, mapped_report
from .test_browser import SHOTS, browser, open_session, pytestmark

__all__ = ["browser", "pytestmark"]

VISIBLE_TEXT = """(() => {
  const b = document.body.cloneNode(true);
  b.querySelectorAll('details, .code, script, style').forEach(e => e.remove());
  document.body.appendChild(b);  /* innerText needs a rendered node */
  b.hidden = false;
  const text = b.innerText;
  b.remove();
  return text;
})()"""


def write(tmp_path: Path, report: Any, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(render_html(report), encoding="utf-8")
    return path


def test_start_here_links_go_to_their_items(browser: Any, tmp_path: Path) -> None:
    path = write(tmp_path, camera_roll_report(20))
    s = open_session(browser, viewport={"width": 1280, "height": 900})
    try:
        s.page.goto(path.as_uri())
        actions = s.page.locator("#start-here li.action")
        assert 3 <= actions.count() <= 5
        for n in range(actions.count()):
            link = actions.nth(n).locator("a.action-link")
            target = link.get_attribute("href") or ""
            link.click()
            assert s.page.evaluate("location.hash") == target
            section = s.page.locator(f"section{target}")
            box = section.bounding_box()
            assert box is not None and -2 <= box["y"] <= 900 - 50  # scrolled into view
            assert section.locator("input.done-box").count() >= 1
        # each action counts the ticks of its items, and shows when it is done
        first = actions.nth(0)
        progress = first.locator(".action-progress")
        assert progress.inner_text() == "0 of 20 done"
        target = first.locator("a.action-link").get_attribute("href") or ""
        s.page.locator(f"section{target} button[data-action='tick-all']").click()
        assert progress.inner_text() == "20 of 20 done"
        assert "is-complete" in (first.get_attribute("class") or "")
        s.page.reload()  # remembered like every tick
        assert first.locator(".action-progress").inner_text() == "20 of 20 done"
        s.page.evaluate("window.scrollTo(0, 0)")
        s.page.locator("#start-here").scroll_into_view_if_needed()
        s.page.screenshot(path=str(SHOTS / "exposure-checklist-start-here.png"))
        s.assert_clean(path.as_uri())
    finally:
        s.context.close()


def test_one_line_per_leak_ticks_all_its_findings(browser: Any, tmp_path: Path) -> None:
    report = camera_roll_report(20)
    path = write(tmp_path, report)
    serial_ids = sorted(f.id for f in report.findings if f.kind == "photo-device-serial")
    s = open_session(browser, viewport={"width": 1280, "height": 900})
    try:
        s.page.goto(path.as_uri())
        assert s.page.locator("input.done-box").count() == 23
        assert s.progress() == "0 of 23 done"
        row = s.page.locator("li.item", has_text="20 files carry your camera's serial number")
        assert row.count() == 1
        row.locator("details > summary").click()  # the files, one click away
        assert row.locator("ul.members > li").count() == 20
        row.locator("input.done-box").check()
        assert s.progress() == "1 of 23 done"
        s.page.reload()
        (saved,) = s.saved().values()
        assert sorted(saved) == serial_ids  # the tick is the 20 findings' ids
        assert row.locator("input.done-box").is_checked()
        s.page.screenshot(path=str(SHOTS / "exposure-checklist-joined.png"), full_page=True)

        # a later report finds one more photo of the same camera: that line is not done
        again = write(tmp_path, camera_roll_report(21), "again.html")
        key = s.page.locator("#report").get_attribute("data-storage-key")
        s.page.goto(again.as_uri())
        other_key = s.page.locator("#report").get_attribute("data-storage-key")
        s.page.evaluate(
            "([k, v]) => localStorage.setItem(k, v)",
            [other_key, s.page.evaluate(f"localStorage.getItem({key!r})")],
        )
        s.page.reload()
        line = s.page.locator("li.item", has_text="21 files carry your camera's serial number")
        assert not line.locator("input.done-box").is_checked()
        assert all(u.startswith("file:") for u in s.requests) and s.blocked == []
        assert s.errors == [] and s.csp_violations() == []
    finally:
        s.context.close()


def test_visible_words_are_plain_on_phone_and_desktop(browser: Any, tmp_path: Path) -> None:
    for label, report in (("", camera_roll_report(5)), ("-shared", redact(camera_roll_report(5)))):
        path = write(tmp_path, report, f"plain{label}.html")
        for width in (375, 1280):
            s = open_session(browser, viewport={"width": width, "height": 800})
            try:
                s.page.goto(path.as_uri())
                visible = s.page.evaluate(VISIBLE_TEXT)
                assert "serial number" in visible
                assert JARGON_WORDS.findall(visible) == []
                html = path.read_text(encoding="utf-8")
                assert re.search(r"\bGPS\b", html)  # still there, folded
            finally:
                s.context.close()


def test_verify_page_shows_fixed_items_done(browser: Any, tmp_path: Path) -> None:
    from exposure.baseline import Previous, compare
    from exposure.model import BaselineItem

    old = camera_roll_report(6)
    now = camera_roll_report(4)  # two photos deleted since
    previous = Previous(
        "2024-11-05T09:30:00Z",
        tuple(BaselineItem(f.id, f.kind, f.title, f.severity, f.group) for f in old.findings),
    )
    report = compare(now, previous)
    assert len(report.baseline.fixed) == 6  # type: ignore[union-attr]
    for width, name in ((1280, "desktop"), (375, "phone")):
        path = write(tmp_path, report, f"verify-{name}.html")
        s = open_session(browser, viewport={"width": width, "height": 900})
        try:
            s.page.goto(path.as_uri())
            section = s.page.locator("#since-last-check")
            assert section.is_visible()
            assert "Since your check of 5 November 2024: 6 fixed, 13 still there, 0 new." in (
                section.inner_text()
            )
            fixed = section.locator("li.is-fixed")
            assert fixed.count() == 6 and all(f.is_visible() for f in fixed.all())
            assert "IMG_00005.jpg" in section.inner_text()
            assert s.page.locator("li.item .status-tag", has_text="Still there").count() >= 1
            overflow = s.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0
            section.scroll_into_view_if_needed()
            s.page.screenshot(path=str(SHOTS / f"exposure-checklist-verify-{name}.png"))
            s.assert_clean(path.as_uri())
        finally:
            s.context.close()


def colours(png: bytes) -> set[tuple[int, ...]]:
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(png)).convert("RGB").resize((120, 60))
    return {
        tuple(c // 16 for c in image.getpixel((x, y)))  # type: ignore[union-attr]
        for x in range(120)
        for y in range(60)
    }


def test_map_renders_offline_at_desktop_and_phone_width(browser: Any, tmp_path: Path) -> None:
    for label, report in (("", mapped_report()), ("-shared", redact(mapped_report()))):
        path = write(tmp_path, report, f"map{label}.html")
        for name, options in (
            ("desktop", {"viewport": {"width": 1280, "height": 900}}),
            (
                "phone",
                {"viewport": {"width": 375, "height": 800}, "is_mobile": True, "has_touch": True},
            ),
        ):
            s = open_session(browser, **options)
            try:
                s.page.goto(path.as_uri())
                section = s.page.locator("#map")
                section.scroll_into_view_if_needed()
                overview = section.locator("svg.map-overview")
                box = overview.bounding_box()
                assert box is not None and box["width"] > 300 and box["height"] > 120
                # the outlines are drawn: sea, land and dots in different colours
                shot = overview.screenshot()
                assert len(colours(shot)) >= 3
                assert (
                    s.page.evaluate("document.getElementById('map-land').getTotalLength()") > 1000
                )
                close_ups = section.locator("figure.map-local")
                assert close_ups.count() == 3
                first = close_ups.nth(1).locator("svg").bounding_box()
                assert first is not None and first["width"] > 120
                assert abs(first["width"] - first["height"]) < 2  # square, to scale
                overflow = s.page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0
                section.screenshot(path=str(SHOTS / f"exposure-checklist-map{label}-{name}.png"))
                # a numbered ring leads to its close-up
                section.locator("svg.map-overview a").first.click()
                assert s.page.evaluate("location.hash") == "#map-area"
                s.assert_clean(path.as_uri())
            finally:
                s.context.close()


def test_print_layout_keeps_map_and_start_here(browser: Any, tmp_path: Path) -> None:
    path = write(tmp_path, mapped_report())
    s = open_session(browser, viewport={"width": 1000, "height": 900})
    try:
        s.page.goto(path.as_uri())
        s.page.emulate_media(media="print")
        assert s.page.locator("#start-here").is_visible()
        assert s.page.locator("svg.map-overview").is_visible()
        for hidden in ("details.sources", "details.glossary", "button", ".kind-tools"):
            assert s.page.locator(f"{hidden}:visible").count() == 0, hidden
        pdf = s.page.pdf(format="A4")
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        assert 1 <= pages <= 40
        s.page.screenshot(path=str(SHOTS / "exposure-checklist-print.png"), full_page=True)
        s.assert_clean(path.as_uri())
    finally:
        s.context.close()
