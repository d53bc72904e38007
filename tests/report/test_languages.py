"""The HTML report in other languages (issue 14): the names every template gets, the page's
language, and English left as it was."""

from __future__ import annotations

from pathlib import Path

from exposure.report import render_html
from exposure.report.html import template_names

from .factories import generated_report


def test_text_and_ntext_never_format() -> None:
    names = template_names("fr")
    text, ntext = names["text"], names["ntext"]
    assert callable(text) and callable(ntext)
    assert text("95% of phones {keep} it") == "95% of phones {keep} it"
    assert ntext("one %s {x}", "many %d {y}", 1) == "one %s {x}"
    assert ntext("one %s {x}", "many %d {y}", 2) == "many %d {y}"


def test_own_sentences_take_values() -> None:
    names = template_names("en")
    translate, plural = names["_"], names["ngettext"]
    assert callable(translate) and callable(plural)
    assert translate("Found in {count} places", count=3) == "Found in 3 places"
    assert translate("50% {sure}") == "50% {sure}"  # no values: as it is
    assert plural("{count} item", "{count} items", 1) == "1 item"
    assert plural("{count} item in {where}", "{count} items in {where}", 2, where="x") == (
        "2 items in x"
    )


def test_the_page_says_its_language() -> None:
    report = generated_report()
    assert '<html lang="en">' in render_html(report)
    assert render_html(report) == render_html(report, "en")
    assert '<html lang="fr">' in render_html(report, "fr")
    assert '<html lang="es">' in render_html(report, "es-MX")
    assert '<html lang="en">' in render_html(report, "de")  # not shipped: English


def test_audit_lang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from exposure.demo import demo_inputs

    photo = demo_inputs()[0]  # the demo's photo folder
    result = cli("audit", photo, "--lang", "fr", "--html", "r.html", "-q")
    assert result.code in (0, 1), result.err
    assert '<html lang="fr">' in (tmp_path / "r.html").read_text(encoding="utf-8")
    bad = cli("audit", photo, "--lang", "xx")
    assert bad.code == 2 and len(bad.err.strip().splitlines()) == 1
