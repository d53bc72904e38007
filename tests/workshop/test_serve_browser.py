"""``exposure serve`` in headless Chromium: choose a folder, see progress, open the report,
finish with a wipe; the demo button; phone width.  Screenshots: /tmp/exposure-serve-*.png.
"""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exposure.demo import PERSONA_DIR
from exposure.written import read_list
from tests.report.test_browser import CHROMIUM, LAUNCH_ARGS, WATCH_CSP

from .serving import Served, serve_process

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="playwright is not installed"
    ),
    pytest.mark.skipif(sys.platform != "linux", reason="uses /proc and signals"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Watched:
    """A browser context that lets requests reach only the serve session."""

    def __init__(self, browser: Any, served: Served, **options: Any) -> None:
        self.origin = served.url.split("/?")[0]
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(**options)
        self.context.add_init_script(WATCH_CSP)
        self.context.route("**/*", self._route)
        self.context.on("weberror", lambda e: self.errors.append(f"{e.error}"))
        self.page = self.context.new_page()
        self.page.on("dialog", lambda dialog: dialog.accept())

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def violations(self, page: Any) -> list[str]:
        return list(page.evaluate("window.__csp || []"))


def test_choose_a_folder_check_open_and_wipe(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    with serve_process(tmp_path) as served:
        w = Watched(browser, served, viewport={"width": 1200, "height": 900})
        page = w.page
        page.goto(served.url)
        assert page.url == w.origin + "/"  # the secret left the address bar
        expect(page.locator("h1")).to_contain_text("location leaks")
        page.locator("#folder").set_input_files(str(PERSONA_DIR / "Phone camera roll"))
        expect(page.locator("#chosen")).to_contain_text("12 files chosen")
        page.locator("#start").click()
        expect(page.locator("#done")).to_be_visible(timeout=120_000)
        expect(page.locator("#summary")).to_contain_text("Checked")
        page.screenshot(path="/tmp/exposure-serve-done.png", full_page=True)
        with page.expect_popup() as opened:
            page.locator("#open-report").click()
        report = opened.value
        report.wait_for_load_state()
        assert report.locator("input.done-box").count() > 5
        assert "Phone camera roll/IMG_0101.jpg" in report.content()
        assert w.violations(report) == [] and w.violations(page) == []
        report.close()

        page.locator("#clean").click()
        expect(page.locator("#save-clean")).to_be_visible(timeout=60_000)
        expect(page.locator("#clean-status")).to_contain_text("Wrote")
        with page.expect_download() as download:
            page.locator("#save-clean").click()
        saved = tmp_path / "clean.zip"
        download.value.save_as(saved)
        with zipfile.ZipFile(saved) as archive:
            assert "Phone camera roll/IMG_0101.jpg" in archive.namelist()
        saved.unlink()

        page.locator("#verify").click()  # check again, compared with the first check
        expect(page.locator("#verify-note")).to_be_visible()
        page.locator("#folder").set_input_files(str(PERSONA_DIR / "Phone camera roll"))
        page.locator("#start").click()
        expect(page.locator("#done")).to_be_visible(timeout=120_000)
        expect(page.locator("#summary")).to_contain_text("Compared with the earlier check: 0 fixed")

        page.locator("#wipe").click()
        expect(page.locator("#finished")).to_be_visible()
        expect(page.locator("#finished-lines")).to_contain_text("exposure-report.html")
        served.process.wait(30)
        assert served.process.returncode == 0
        assert read_list() == []
        assert not list(Path(tmp_path).glob("**/exposure-report.html"))
        assert w.blocked == [] and w.errors == []
        assert set(served.connections()) <= {"127.0.0.1"}  # a folder check: no connection at all
        w.context.close()


def test_demo_button_at_phone_width(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    with serve_process(tmp_path) as served:
        w = Watched(browser, served, viewport={"width": 390, "height": 844}, is_mobile=True)
        page = w.page
        page.goto(served.url)
        page.screenshot(path="/tmp/exposure-serve-phone.png", full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the phone
        page.locator("#start").click()  # nothing chosen: says what to do
        expect(page.locator("#error")).to_contain_text("Choose files or a folder")
        page.locator("#demo").click()
        expect(page.locator("#done")).to_be_visible(timeout=120_000)
        expect(page.locator("#summary")).to_contain_text("leaks")
        page.screenshot(path="/tmp/exposure-serve-phone-done.png", full_page=True)
        page.locator("#stop").click()
        expect(page.locator("#finished-text")).to_contain_text("exposure wipe", timeout=30_000)
        served.process.wait(30)
        assert served.process.returncode == 0
        assert read_list()  # kept, as asked
        assert w.blocked == [] and w.violations(page) == []
        assert set(served.connections()) == {"127.0.0.1"}
        w.context.close()


def test_page_follows_the_browser_language_and_the_choice_on_it(
    browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    with serve_process(tmp_path) as served:
        w = Watched(browser, served, viewport={"width": 390, "height": 844}, locale="es-ES")
        page = w.page
        page.goto(served.url)
        expect(page.locator("h1")).to_have_text(
            "Revisa tus fotos y cuentas en busca de fugas de ubicación"
        )
        assert page.locator("html").get_attribute("lang") == "es"
        page.screenshot(path="/tmp/exposure-serve-phone-es.png", full_page=True)
        page.locator("#start").click()
        expect(page.locator("#error")).to_contain_text("Elige archivos o una carpeta")
        page.locator("a[hreflang=fr]").click()
        expect(page.locator("h1")).to_contain_text("Vérifiez vos photos")
        page.reload()  # the choice is kept for this session
        expect(page.locator("h1")).to_contain_text("Vérifiez vos photos")
        page.locator("#demo").click()
        expect(page.locator("#done")).to_be_visible(timeout=120_000)
        expect(page.locator("#summary")).to_contain_text("éléments vérifiés")
        expect(page.locator("#report-language")).to_have_count(0)  # the report is French too
        page.screenshot(path="/tmp/exposure-serve-phone-fr-done.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.locator("#stop").click()
        expect(page.locator("#finished-text")).to_contain_text("exposure wipe", timeout=30_000)
        served.process.wait(30)
        assert w.blocked == [] and w.violations(page) == []
        w.context.close()
