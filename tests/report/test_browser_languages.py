"""The report in Spanish and French in a real browser, at phone width: no CSP violation, no
script error, nothing wider than the screen (translated words are longer), the page script
speaking the page's language.  Screenshots: /tmp/exposure-report-{es,fr}-phone.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exposure.model import Report
from exposure.report import redact, render_html

from .factories import mapped_report
from .test_browser import SHOTS, browser, open_session  # noqa: F401 (the browser fixture)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

TICKED = {"es": "Marcados 39 elementos más", "fr": "39 éléments de plus cochés"}
DONE = {"es": "40 de 40 hechos", "fr": "40 sur 40 faits"}


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_translated_report_at_phone_width(browser: Any, tmp_path: Path, lang: str) -> None:  # noqa: F811
    report = mapped_report()
    for name, shown in (("full", report), ("shareable", redact(report))):
        path = tmp_path / f"report-{lang}-{name}.html"
        path.write_text(render_html(shown, lang), encoding="utf-8")
        url = path.as_uri()
        s = open_session(browser, viewport=PHONE, device_scale_factor=1, is_mobile=True)
        try:
            s.page.goto(url)
            assert s.page.evaluate("document.documentElement.lang") == lang
            overflow = s.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (lang, name, overflow)
            wide = s.page.evaluate(
                """Array.from(document.querySelectorAll('main *, header *, footer *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                        && e.getClientRects().length && !e.closest('details:not([open]), svg')
                        && getComputedStyle(e).position !== 'absolute')
                .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))"""
            )
            assert wide == [], (lang, name, wide)
            if name == "full":
                s.page.screenshot(
                    path=str(SHOTS / f"exposure-report-{lang}-phone.png"), full_page=True
                )
                section = s.page.locator("section.kind").first
                section.locator("input.done-box").first.check()
                section.locator("button[data-action='tick-all']").click()
                assert TICKED[lang] in section.locator(".bulk-note").inner_text()
                assert (
                    s.page.locator("#progress-text")
                    .inner_text()
                    .startswith(DONE[lang].split(" ")[0])
                )
                assert section.locator(".kind-count").inner_text() == DONE[lang]
            s.assert_clean(url)
        finally:
            s.context.close()


@pytest.fixture(scope="module")
def demo_report() -> Report:
    """The demo's full audit (every kind of finding, places, map), run once."""
    from exposure.audit import run
    from exposure.demo import demo_session
    from exposure.options import Options

    with demo_session() as served:
        return run(Options(inputs=served.inputs, workers=1, web=served.web, reproducible=True))


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_translated_demo_report_at_phone_width(
    browser: Any,  # noqa: F811
    tmp_path: Path,
    lang: str,
    demo_report: Report,
) -> None:
    """The demo's checklist (every kind of finding, the catalogue's steps, the map) in
    Spanish and French, full and shareable: nothing wider than a phone, no violation."""
    for name, shown in (("full", demo_report), ("shareable", redact(demo_report))):
        path = tmp_path / f"demo-{lang}-{name}.html"
        path.write_text(render_html(shown, lang), encoding="utf-8")
        url = path.as_uri()
        s = open_session(browser, viewport=PHONE, device_scale_factor=1, is_mobile=True)
        try:
            s.page.goto(url)
            s.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            overflow = s.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (lang, name, overflow)
            s.page.screenshot(
                path=str(SHOTS / f"exposure-demo-{lang}-{name}-phone.png"), full_page=True
            )
            s.assert_clean(url)
        finally:
            s.context.close()
