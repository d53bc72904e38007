"""``exposure serve`` in headless Chromium: choose a folder, see progress, open the report,
finish with a wipe; the demo button; phone width; a 2 GiB export chosen with the file picker,
then Ctrl-C in the middle of an upload.  Screenshots: /tmp/exposure-serve-*.png.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import signal
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exposure.demo import PERSONA_DIR
from exposure.testing.largeexport import DEMO_TAKEOUT, GIB, VIDEO, write_padded_takeout
from exposure.testing.processes import descendants, peak_memory
from exposure.written import read_list
from tests.report.test_browser import CHROMIUM, LAUNCH_ARGS, WATCH_CSP

from .serving import Served, alive, serve_process

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


SEEN_STATUS = """
window.__seen = [];
new MutationObserver(function () {
  window.__seen.push(document.getElementById("status").textContent);
}).observe(document.getElementById("status"), {childList: true, characterData: true, subtree: true});
"""
"""Keeps every text the page's progress line shows (the page replaces it as work goes on)."""


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


SLOW_ANSWERS = """
(function () {
  var realFetch = window.fetch;
  var held = 0;
  function count(step) {
    held += step;
    document.documentElement.setAttribute("data-held", String(held));
  }
  window.fetch = function (url, options) {
    var answer = realFetch.apply(this, arguments);
    if (String(url).indexOf("/api/jobs/") !== 0 || (options && options.method !== "GET")) {
      return answer;
    }
    return answer.then(function (response) {
      return response.clone().json().then(function (s) {
        if (s.state !== "running" && !(s.clean && s.clean.state === "running")) { return response; }
        count(1);
        return new Promise(function (deliver) {
          setTimeout(function () { count(-1); deliver(response); }, 1500);
        });
      });
    });
  };
})();
"""
"""A loaded computer, made certain: every answer saying a check or clean copies are still
running reaches the page's script 1.5 s late, after answers the server gave later."""


def test_late_answers_never_undo_what_the_page_shows(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    with serve_process(tmp_path) as served:
        w = Watched(browser, served, viewport={"width": 1200, "height": 900})
        w.context.add_init_script(SLOW_ANSWERS)
        page = w.page
        page.goto(served.url)
        page.locator("#folder").set_input_files(str(PERSONA_DIR / "Phone camera roll"))
        page.locator("#start").click()
        expect(page.locator("#done")).to_be_visible(timeout=120_000)
        page.locator("#clean").click()
        expect(page.locator("#clean-status")).to_contain_text("Wrote", timeout=60_000)
        # all held answers are in (each is held 1.5 s; a loaded machine adds its own delay)
        expect(page.locator("html")).to_have_attribute("data-held", "0", timeout=30_000)
        expect(page.locator("#clean-status")).to_contain_text("Wrote")
        expect(page.locator("#save-clean")).to_be_visible()
        expect(page.locator("#done")).to_be_visible()
        assert w.blocked == [] and w.errors == [] and w.violations(page) == []
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


# -- a 2 GiB export chosen on the page, then Ctrl-C ---------------------------------------

SERVER_PEAK_BOUND = 256 * 1024 * 1024
"""Most memory (VmHWM) the server may reach while it receives a 2 GiB export: an eighth of
the export, several times what it needs (it streams uploads to disk a megabyte at a time)."""
UPLOAD_STATUS = re.compile(r"Reading your files into exposure: (\S+ [kMG]B) of 2\.1 GB")


class Sampler:
    """Follows the server's child processes while a test runs: who they were, their peaks."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.children: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            for child in descendants(self.pid):
                self.children[child] = max(self.children.get(child, 0), peak_memory(child))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


@pytest.fixture
def large_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder for a 2 GiB export and the server's working files, removed afterwards
    whatever happened (pytest keeps the folders of recent tests: not these gigabytes)."""
    folder = tmp_path_factory.mktemp("large-serve")
    needed = 5 * GIB  # the export (sparse where possible) and up to two copies of it
    if shutil.disk_usage(folder).free < needed:
        shutil.rmtree(folder)
        pytest.skip(f"less than {needed // GIB} GiB free for a 2 GiB export")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_a_2_gib_export_chosen_on_the_page_then_ctrl_c(browser: Any, large_run: Path) -> None:
    """A person chooses a 2 GiB Takeout with the file picker: it streams to the server with
    live progress, the checklist has the export's findings (read from behind the 2 GiB
    video, so the copy is whole), the server's memory stays far below the export's size;
    then Ctrl-C during a second upload stops everything and leaves no copy behind."""
    from playwright.sync_api import expect

    from exposure.audit import run
    from exposure.options import Options
    from exposure.wipe import wipe

    export = write_padded_takeout(large_run / "takeout-20240318T120000Z-002.zip")
    size = export.stat().st_size
    assert size >= 2 * GIB
    expected = run(Options(inputs=(str(DEMO_TAKEOUT),), workers=1))
    with serve_process(large_run) as served:
        sampler = Sampler(served.process.pid)
        w = Watched(browser, served, viewport={"width": 1200, "height": 900})
        page = w.page
        page.goto(served.url)
        page.evaluate(SEEN_STATUS)
        page.locator("#files").set_input_files(str(export))
        expect(page.locator("#chosen")).to_have_text("1 file chosen (2.1 GB).")
        page.locator("#start").click()
        expect(page.locator("#done")).to_be_visible(timeout=180_000)
        expect(page.locator("#summary")).to_contain_text("Checked")

        seen = page.evaluate("window.__seen")
        sent = [m.group(1) for m in map(UPLOAD_STATUS.search, seen) if m]
        partial = {done for done in sent if done != "2.1 GB"}
        assert len(partial) >= 2, seen  # the upload's progress moved while the page waited
        job = page.locator("#open-report").get_attribute("href").rsplit("/", 1)[1]
        copy = next(large_run.glob(f"exposure-serve-*/{job}/uploads/{export.name}"))
        assert copy.stat().st_size == size  # the server holds the whole export, not a part

        report = page.evaluate("u => fetch(u).then(r => r.json())", f"/report/{job}/json")
        found = sorted((f["kind"], f["title"]) for f in report["findings"])
        assert found == sorted((f.kind, f.title) for f in expected.findings)
        assert "home" in {p["role"] for p in report["places"]}
        (skipped,) = report["skipped"]
        assert skipped["locator"] == f"{export.name}!{VIDEO}"
        assert "2.0 GB" in skipped["reason"] and "too large" in skipped["reason"]
        server_peak = peak_memory(served.process.pid)
        assert 0 < server_peak < SERVER_PEAK_BOUND, server_peak
        assert 0 < max(sampler.children.values()) < SERVER_PEAK_BOUND, sampler.children

        # Check the export again, and press Ctrl-C in the terminal while it is being sent.
        page.locator("#again").click()
        page.locator("#files").set_input_files(str(export))
        page.locator("#start").click()
        expect(page.locator("#status")).to_contain_text(
            "Reading your files into exposure", timeout=60_000
        )
        partial_copy = None
        deadline = time.monotonic() + 60
        while partial_copy is None and time.monotonic() < deadline:
            for candidate in large_run.glob(f"exposure-serve-*/*/uploads/{export.name}"):
                if candidate.parent.parent.name != job and candidate.stat().st_size > 0:
                    partial_copy = candidate
            time.sleep(0.02)
        assert partial_copy is not None, "the second upload reaches the server"
        served.process.send_signal(signal.SIGINT)  # mid-way: the page then says the upload broke
        out, _ = served.process.communicate(timeout=60)
        sampler.stop()
        assert served.process.returncode == 0, out
        assert "exposure has stopped" in out and "Traceback" not in out
        expect(page.locator("#error")).to_contain_text("exposure stopped answering", timeout=30_000)
        helpers = set(sampler.children)
        assert helpers, "the check ran in a child process"
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in helpers if alive(pid)], "no process is left behind"
        assert not copy.exists() and not partial_copy.exists()
        assert not list(large_run.glob("exposure-serve-*/*/uploads"))
        left = [p for p in large_run.rglob("*") if p.is_file() and p.stat().st_size > 1 << 20]
        assert left == [export]  # no copy of the export, whole or partial, anywhere
        assert w.blocked == [] and w.violations(page) == []
        w.context.close()

    workdir = next(large_run.glob("exposure-serve-*"))
    assert (workdir / job / "exposure-report.html").exists()  # kept: Ctrl-C asks, never wipes
    uploads = [w.path for w in read_list() if "uploads" in Path(w.path).parts]
    assert uploads and not [p for p in uploads if Path(p).exists()]  # noted, and gone
    wipe()  # what the person is offered on the way out
    assert read_list() == [] and not workdir.exists()
    assert set(served.connections()) <= {"127.0.0.1"}
    print(f"server peak {server_peak / 2**20:.0f} MiB; children {sampler.children}")
