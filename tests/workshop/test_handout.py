"""The participants' handout: shipped copies match the template, one printed page, no script."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from exposure.handout import DOCS, LANGUAGES, build, render_handout

CHROMIUM = Path("/usr/bin/chromium")


def test_shipped_handouts_are_fresh(tmp_path: Path) -> None:
    for path in build(tmp_path):
        assert path.read_text(encoding="utf-8") == (DOCS / path.name).read_text(encoding="utf-8")


def test_handout_is_static_and_says_the_safety_points() -> None:
    html = render_handout()
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "default-src &#39;none&#39;;" in html and "style-src &#39;sha256-" in html
    for words in ("Save evidence first", "alert an abuser", "exposure wipe", "Local support"):
        assert words in html


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")
@pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="no playwright")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_prints_on_one_page(lang: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        page.goto((DOCS / f"handout.{lang}.html").as_uri())
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper, print_background=True)
            assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, (lang, paper)
        browser.close()
