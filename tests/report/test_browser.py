"""The page in a real browser: offline, no CSP violations, ticks persist, layout holds.

Skipped cleanly when Chromium or Playwright is missing.  Screenshots are written to
/tmp/exposure-report*.png for a person to look at.  Nothing here measures time: the large
report is only checked to work (its speed is measured by hand, see the report's notes).
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from exposure.report import redact, render_html

from .factories import generated_report, many_photos_report, photo_gps_finding

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path("/tmp")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="playwright is not installed"
    ),
]

# Runs before the page's own script: records CSP violations, and can make storage refuse.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""
BREAK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get: function () { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""


@dataclass
class Session:
    """One browser context with everything it tried to do recorded."""

    context: Any
    page: Any
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return list(self.page.evaluate("window.__csp || []"))

    def progress(self) -> str:
        return str(self.page.locator("#progress-text").inner_text())

    def saved(self) -> dict[str, list[str]]:
        """Everything the page keeps in localStorage, lists decoded."""
        raw = self.page.evaluate("Object.assign({}, localStorage)")
        return {k: json.loads(v) if v.startswith("[") else v for k, v in raw.items()}

    def wait_saved(self, count: int) -> None:
        """Wait until the page has saved ``count`` ticked ids (its short save delay).

        Tests wait for this before they reload or leave the page.  A reload may move the
        page to a new renderer process (seen in about 1 reload in 10 on a loaded machine),
        and Chromium does not promise that what the old page writes while it goes away
        ("pagehide") is there when the new page reads, nor that it is written at all."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if [len(ids) for ids in self.saved().values()] == [count]:
                return
            time.sleep(0.02)
        raise AssertionError(f"the page did not save {count} ticks: {self.saved()}")

    def assert_clean(self, page_url: str) -> None:
        assert self.blocked == []
        assert [u for u in self.requests if u != page_url] == []
        assert self.errors == []
        assert self.csp_violations() == []


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "exposure-report.html"
    path.write_text(render_html(generated_report()), encoding="utf-8")
    return path


def open_session(browser: Any, *, init: str = WATCH_CSP, **options: Any) -> Session:
    context = browser.new_context(**options)
    page = context.new_page()
    session = Session(context, page)

    def route(r: Any) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            session.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda req: session.requests.append(req.url))
    page.on("pageerror", lambda exc: session.errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda msg: (
            session.errors.append(f"console: {msg.text}")
            if msg.type in {"error", "warning"}
            else None
        ),
    )
    context.add_init_script(init)
    return session


def test_ticks_persist_offline_and_without_violations(browser: Any, page_file: Path) -> None:
    from datetime import datetime

    from playwright.sync_api import expect

    url = page_file.as_uri()
    s = open_session(browser, viewport={"width": 1280, "height": 900})
    try:
        s.context.clock.install(time=datetime(2026, 1, 5, 9, 0))
        s.page.goto(url)
        s.page.clock.pause_at(datetime(2026, 1, 5, 9, 1))  # the save delay cannot run out
        boxes = s.page.locator("input.done-box")
        total = boxes.count()
        assert total == len(generated_report().findings)
        assert s.page.locator("#progress").is_visible()
        assert s.progress() == f"0 of {total} done"
        assert s.page.locator("#ticks-remembered").is_visible()
        assert not s.page.locator("#ticks-forgotten").is_visible()

        first_id = boxes.nth(0).get_attribute("id")
        s.page.locator(f"label[for='{first_id}']").click()  # the title is a clickable label
        # a tick after a quiet spell is saved at once: a reload right after it keeps it
        assert [len(ids) for ids in s.saved().values()] == [1]
        boxes.nth(2).focus()
        s.page.keyboard.press("Space")  # keyboard works
        assert s.progress() == f"2 of {total} done"

        ticked = [boxes.nth(i).get_attribute("data-finding-id") for i in (0, 2)]
        # not yet: a tick soon after a save is saved a short moment later, with any others
        assert [len(ids) for ids in s.saved().values()] == [1]
        s.page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
        assert [len(ids) for ids in s.saved().values()] == [2]  # saved as the page goes away
        s.page.reload()
        expect(boxes.nth(0)).to_be_checked()  # restored by the page's script
        assert [boxes.nth(i).is_checked() for i in range(total)][:3] == [True, False, True]
        assert s.progress() == f"2 of {total} done"
        report_id = s.page.locator("#report").get_attribute("data-report-id")
        saved = s.saved()  # one key for the report, holding the ticked finding ids
        assert list(saved) == [f"exposure:v1:{report_id}"]
        assert sorted(saved[f"exposure:v1:{report_id}"]) == sorted(ticked)

        s.page.screenshot(path=str(SHOTS / "exposure-report.png"), full_page=True)
        s.page.emulate_media(media="print")
        s.page.screenshot(path=str(SHOTS / "exposure-report-print.png"), full_page=True)
        assert not s.page.locator("#forget-button").is_visible()
        s.page.emulate_media(media="screen")

        s.page.locator("#forget-button").click()
        assert s.progress() == f"0 of {total} done"
        assert s.page.evaluate("Object.keys(localStorage)") == []
        s.assert_clean(url)
    finally:
        s.context.close()


def test_other_report_does_not_share_ticks(browser: Any, tmp_path: Path, page_file: Path) -> None:
    from playwright.sync_api import expect

    other = tmp_path / "other.html"
    report = generated_report()
    other.write_text(render_html(replace(report, findings=report.findings[:3])), encoding="utf-8")
    s = open_session(browser)
    try:
        s.page.goto(page_file.as_uri())
        s.page.locator("input.done-box").first.check()
        s.wait_saved(1)
        s.page.goto(other.as_uri())
        assert s.page.locator("input.done-box:checked").count() == 0
        s.page.goto(page_file.as_uri())
        # Ticks are restored by the page's script: wait for it (a loaded machine is slow).
        expect(s.page.locator("input.done-box:checked")).to_have_count(1)
    finally:
        s.context.close()


def test_storage_refused_is_not_an_error(browser: Any, page_file: Path) -> None:
    url = page_file.as_uri()
    s = open_session(browser, init=WATCH_CSP + BREAK_STORAGE)
    try:
        s.page.goto(url)
        total = s.page.locator("input.done-box").count()
        s.page.locator("input.done-box").first.check()
        assert s.progress() == f"1 of {total} done"
        assert s.page.locator("#storage-note").is_visible()
        assert not s.page.locator("#forget").is_visible()
        s.assert_clean(url)
    finally:
        s.context.close()


@pytest.mark.parametrize(
    ("name", "options"),
    [
        (
            "mobile",
            {
                "viewport": {"width": 375, "height": 800},
                "device_scale_factor": 2,
                "is_mobile": True,
                "has_touch": True,
            },
        ),
        # 200 % zoom on a 1280 px wide screen leaves 640 CSS pixels
        ("zoom200", {"viewport": {"width": 640, "height": 900}, "device_scale_factor": 2}),
        ("narrow", {"viewport": {"width": 320, "height": 640}}),
    ],
)
def test_small_screens_do_not_scroll_sideways(
    browser: Any, tmp_path: Path, name: str, options: dict[str, Any]
) -> None:
    for label, report in (("", generated_report()), ("-large", many_photos_report(250))):
        path = tmp_path / f"report{label}.html"
        path.write_text(render_html(report), encoding="utf-8")
        s = open_session(browser, **options)
        try:
            s.page.goto(path.as_uri())
            s.page.locator("details > summary").first.click()
            overflow = s.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0
            if name == "mobile":
                shot = SHOTS / f"exposure-report{label}-mobile.png"
                s.page.screenshot(path=str(shot), full_page=not label)
            s.assert_clean(path.as_uri())
        finally:
            s.context.close()


def test_without_javascript_everything_is_visible(browser: Any, page_file: Path) -> None:
    s = open_session(browser, java_script_enabled=False)
    try:
        s.page.goto(page_file.as_uri())
        rows = s.page.locator("ul.items > li")
        assert rows.count() == len(generated_report().findings)
        assert all(r.is_visible() for r in rows.all())
        assert all(a.is_visible() for a in s.page.locator(".about").all())
        assert not s.page.locator("#progress").is_visible()
        assert s.page.locator(".kind-tools:visible, button:visible").count() == 0
        s.page.locator("input.done-box").first.check()  # still tickable
        s.page.locator("li.item details > summary").first.click()  # details still open
        assert s.page.locator("li.item details .evidence-detail").first.is_visible()
        # nothing claims the ticks are remembered: without the script they are not
        assert s.page.locator("#ticks-forgotten").is_visible()
        assert s.page.locator(".action-progress:visible").count() == 0  # no counts to claim
        assert not s.page.locator("#ticks-remembered").is_visible()
        assert "remember" not in s.page.locator("body").inner_text().replace("not remember", "")
    finally:
        s.context.close()


def test_print_expands_details_and_hides_controls(browser: Any, page_file: Path) -> None:
    s = open_session(browser)
    try:
        s.page.goto(page_file.as_uri())
        assert not s.page.locator(".evidence-detail").first.is_visible()  # folded on screen
        s.page.emulate_media(media="print")
        details = s.page.locator(".evidence-detail")
        assert details.count() >= len(generated_report().findings)
        assert all(d.is_visible() for d in details.all())
        for hidden in ("summary", ".kind-tools", "#progress", "nav.contents", "button"):
            assert s.page.locator(f"{hidden}:visible").count() == 0, hidden
        assert all(a.is_visible() for a in s.page.locator(".about").all())
    finally:
        s.context.close()


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.html"
    path.write_text(render_html(many_photos_report(600)), encoding="utf-8")
    return path


def test_tick_all_in_a_section_is_explicit_and_undoable(browser: Any, big_file: Path) -> None:
    url = big_file.as_uri()
    s = open_session(browser, viewport={"width": 1280, "height": 900})
    try:
        s.page.goto(url)
        section = s.page.locator("section.kind").first
        count = section.locator(".kind-count")
        tick_all = section.locator("button[data-action='tick-all']")
        undo = section.locator("button[data-action='undo']")
        boxes = section.locator("input.done-box")
        assert count.inner_text() == "0 of 600 done" and s.progress() == "0 of 601 done"
        assert tick_all.inner_text() == "Tick all 600 as done" and not undo.is_visible()

        boxes.nth(0).check()  # one ticked by hand before
        assert count.inner_text() == "1 of 600 done" and s.progress() == "1 of 601 done"
        tick_all.focus()
        s.page.keyboard.press("Enter")  # the button works from the keyboard
        assert count.inner_text() == "600 of 600 done" and s.progress() == "600 of 601 done"
        assert boxes.last.is_checked()
        assert undo.is_visible() and undo.evaluate("b => b === document.activeElement")
        assert tick_all.is_disabled()
        assert section.locator(".bulk-note").inner_text() == (
            "Ticked 599 more items. Undo takes this back."
        )

        undo.click()  # takes back exactly what the button ticked
        assert count.inner_text() == "1 of 600 done" and s.progress() == "1 of 601 done"
        assert boxes.nth(0).is_checked() and not boxes.nth(1).is_checked()
        assert not undo.is_visible() and tick_all.is_enabled()
        assert tick_all.evaluate("b => b === document.activeElement")
        assert "Undone: 599 ticks removed." in section.locator(".bulk-note").inner_text()

        tick_all.click()
        s.wait_saved(600)
        s.page.reload()
        assert count.inner_text() == "600 of 600 done" and s.progress() == "600 of 601 done"
        assert s.page.locator("input.done-box:checked").count() == 600
        (ids,) = s.saved().values()
        assert len(ids) == 600 and photo_gps_finding(599).id in ids
        other = s.page.locator("section.kind").nth(1)
        assert other.locator(".kind-tools").count() == 0  # one line: no tick-all
        s.page.locator("section.kind .kind-tools").first.scroll_into_view_if_needed()
        s.page.screenshot(path=str(SHOTS / "exposure-report-section-done.png"))
        s.assert_clean(url)
    finally:
        s.context.close()


def test_large_report_works_to_the_last_line(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "large.html"
    path.write_text(render_html(many_photos_report(3000)), encoding="utf-8")
    url = path.as_uri()
    s = open_session(browser, viewport={"width": 1280, "height": 900})
    try:
        s.page.goto(url)
        assert s.progress() == "0 of 3001 done"
        s.page.screenshot(path=str(SHOTS / "exposure-report-large.png"))
        last = s.page.locator("section.kind").first.locator("input.done-box").last
        last.scroll_into_view_if_needed()  # far down, in a list the browser skipped so far
        assert last.is_visible()
        s.page.locator(f"label[for='{last.get_attribute('id')}']").click()
        assert last.is_checked() and s.progress() == "1 of 3001 done"
        assert s.page.locator("section.kind").first.locator(".kind-count").inner_text() == (
            "1 of 3000 done"
        )
        s.page.locator("a.skip-list").first.focus()
        assert s.page.locator("a.skip-list").first.is_visible()  # shown when focused
        s.wait_saved(1)
        s.page.reload()
        expect(s.page.locator("#progress-text")).to_have_text("1 of 3001 done")
        s.assert_clean(url)
    finally:
        s.context.close()


def test_old_per_finding_keys_are_read_then_tidied(browser: Any, page_file: Path) -> None:
    """Ticks saved by earlier pages (one key per finding) still show, then move to one key."""
    from playwright.sync_api import expect

    url = page_file.as_uri()
    s = open_session(browser)
    try:
        s.page.goto(url)
        report_id = s.page.locator("#report").get_attribute("data-report-id")
        old = f"exposure:v1:{report_id}:f-profile-bio"
        s.page.evaluate(f"localStorage.setItem({json.dumps(old)}, 'done')")
        s.page.reload()
        expect(s.page.locator("input[data-finding-id='f-profile-bio']")).to_be_checked()
        s.page.locator("input[data-finding-id='f-home-gps']").check()
        s.wait_saved(2)
        s.page.reload()
        saved = s.saved()
        assert old not in saved
        assert sorted(saved[f"exposure:v1:{report_id}"]) == ["f-home-gps", "f-profile-bio"]
    finally:
        s.context.close()


def test_two_tabs_of_one_report_share_ticks(browser: Any, page_file: Path) -> None:
    from playwright.sync_api import expect

    s = open_session(browser)
    try:
        other = s.context.new_page()
        s.page.goto(page_file.as_uri())
        other.goto(page_file.as_uri())
        s.page.locator("input[data-finding-id='f-home-gps']").check()
        # the other tab hears of it through a storage event: on a loaded machine (load
        # average above 20) that has taken more than Playwright's default 5 s once
        wait = 20_000
        expect(other.locator("input[data-finding-id='f-home-gps']")).to_be_checked(timeout=wait)
        total = len(generated_report().findings)
        expect(other.locator("#progress-text")).to_have_text(f"1 of {total} done", timeout=wait)
    finally:
        s.context.close()


def test_redacted_copy_in_dark_mode(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "shared.html"
    path.write_text(render_html(redact(generated_report())), encoding="utf-8")
    s = open_session(browser, color_scheme="dark", viewport={"width": 1000, "height": 900})
    try:
        s.page.goto(path.as_uri())
        assert s.page.locator("#redacted-title").is_visible()
        s.page.screenshot(path=str(SHOTS / "exposure-report-redacted-dark.png"), full_page=True)
        s.assert_clean(path.as_uri())
    finally:
        s.context.close()
