"""The page in a real browser: offline, no CSP violations, ticks persist, layout holds.

Skipped cleanly when Chromium or Playwright is missing.  Screenshots are written to
/tmp/exposure-report*.png for a person to look at.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from exposure.report import redact, render_html

from .factories import generated_report

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
    url = page_file.as_uri()
    s = open_session(browser, viewport={"width": 1280, "height": 900})
    try:
        s.page.goto(url)
        boxes = s.page.locator("input.done-box")
        total = boxes.count()
        assert total == len(generated_report().findings)
        assert s.page.locator("#progress").is_visible()
        assert s.progress() == f"0 of {total} done"

        first_id = boxes.nth(0).get_attribute("id")
        s.page.locator(f"label[for='{first_id}']").click()  # the title is a clickable label
        boxes.nth(2).focus()
        s.page.keyboard.press("Space")  # keyboard works
        assert s.progress() == f"2 of {total} done"

        s.page.reload()
        assert [boxes.nth(i).is_checked() for i in range(total)][:3] == [True, False, True]
        assert s.progress() == f"2 of {total} done"
        keys = s.page.evaluate("Object.keys(localStorage)")
        report_id = s.page.locator("#report").get_attribute("data-report-id")
        assert len(keys) == 2 and all(k.startswith(f"exposure:v1:{report_id}:") for k in keys)

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
    other = tmp_path / "other.html"
    report = generated_report()
    other.write_text(render_html(replace(report, findings=report.findings[:3])), encoding="utf-8")
    s = open_session(browser)
    try:
        s.page.goto(page_file.as_uri())
        s.page.locator("input.done-box").first.check()
        s.page.goto(other.as_uri())
        assert s.page.locator("input.done-box:checked").count() == 0
        s.page.goto(page_file.as_uri())
        assert s.page.locator("input.done-box:checked").count() == 1
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
    path = tmp_path / "report.html"
    path.write_text(render_html(generated_report()), encoding="utf-8")
    s = open_session(browser, **options)
    try:
        s.page.goto(path.as_uri())
        overflow = s.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        if name == "mobile":
            s.page.screenshot(path=str(SHOTS / "exposure-report-mobile.png"), full_page=True)
        s.assert_clean(path.as_uri())
    finally:
        s.context.close()


def test_without_javascript_everything_is_visible(browser: Any, page_file: Path) -> None:
    s = open_session(browser, java_script_enabled=False)
    try:
        s.page.goto(page_file.as_uri())
        assert s.page.locator("article.finding").count() == len(generated_report().findings)
        assert all(a.is_visible() for a in s.page.locator("article.finding").all())
        assert not s.page.locator("#progress").is_visible()
        s.page.locator("input.done-box").first.check()  # still tickable
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
