"""Translations: complete catalogues (no missing, fuzzy or stale entry), the same
placeholders as the English, and every translated surface really in its language."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from exposure.i18n import DOMAINS, LANGUAGES, choose, negotiate, supported, translations

needs_babel = pytest.mark.skipif(
    importlib.util.find_spec("babel") is None, reason="Babel (a test dependency) is missing"
)
OTHERS = [lang for lang in LANGUAGES if lang != "en"]


@needs_babel
def test_catalogues_are_complete_and_compiled() -> None:
    from exposure.i18n.tools import problems

    assert problems() == []


@needs_babel
@pytest.mark.parametrize("domain", [d.name for d in DOMAINS])
@pytest.mark.parametrize("lang", OTHERS)
def test_placeholders_match_the_english(lang: str, domain: str) -> None:
    from exposure.i18n.tools import read

    for message in read(lang, domain):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{\w+\}", ids[-1]))
        for text in strings:
            found = set(re.findall(r"\{\w+\}", text))
            # a plural form may leave out the number ("this thing" for one)
            plural_without_count = len(ids) > 1 and found == wanted - {"{count}"}
            assert found == wanted or plural_without_count, (lang, ids[0], text)


@needs_babel
@pytest.mark.parametrize("lang", OTHERS)
def test_every_message_of_the_pages_is_translated(lang: str) -> None:
    """Rendered in another language, no English message of these pages is left."""
    from exposure.handout import render_handout
    from exposure.i18n.tools import template
    from exposure.serve.page import render_page

    pages = render_page(lang) + render_handout(lang)
    t = translations(lang)
    same = {m.id for m in template() if isinstance(m.id, str) and t.gettext(m.id) == m.id}
    for message in template():
        if isinstance(message.id, str) and message.id not in same and len(message.id) > 12:
            where = {path for path, _ in message.locations}
            if where & {"templates/serve.html", "templates/handout.html"}:
                assert message.id not in pages, (lang, message.id)
    assert f'<html lang="{lang}">' in pages


def test_language_choice() -> None:
    assert choose("fr") == "fr" and choose("es-MX") == "es" and choose("de") == "en"
    assert supported("fr_CA.UTF-8") == "fr" and supported("pt") is None
    assert negotiate("de-DE,de;q=0.9,es;q=0.8,fr;q=0.5") == "es"
    assert negotiate("fr;q=0, es;q=0.1") == "es"
    assert negotiate("") == "en" and negotiate("zz") == "en"


def test_choose_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert choose() == "en"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert choose() == "fr"
    monkeypatch.setenv("LANGUAGE", "de:es")
    assert choose() == "es"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.delenv("LANGUAGE")
    assert choose() == "en"  # a language we do not ship: English, not LANG's French


def test_summary_line_in_each_language() -> None:
    from exposure.model import Report, SourceCount
    from exposure.summary import summary_line

    report = Report(
        tool_version="0", inputs=(), findings=(), skipped=(), counts=(SourceCount("photos", 2),)
    )
    assert summary_line(report) == "Checked 2 items: no leaks found."
    assert (
        summary_line(report, translations("es"))
        == "Revisados 2 elementos: no se encontraron fugas."
    )
    assert summary_line(report, translations("fr")).startswith("2 éléments vérifiés")
    nothing = Report(tool_version="0", inputs=(), findings=(), skipped=())  # never "no leaks"
    assert summary_line(nothing, translations("es")).startswith("No se pudo revisar nada")
    assert summary_line(nothing, translations("fr")).startswith("Rien n'a pu être vérifié")


def test_cli_messages_follow_lang(cli, tmp_path: Path) -> None:
    import json

    assert "Nada que borrar" in cli("wipe", "--lang", "es").err
    assert "Rien à supprimer" in cli("wipe", "--lang", "fr").err
    (tmp_path / "r.json").write_text(
        json.dumps({"schema_version": 1, "tool": {"name": "exposure"}, "findings": []})
    )
    out = cli("summarize", "r.json", "--lang", "fr", "--html", "s.html").out
    assert out.startswith("Bilan de la salle : le rapport de 1 personne")
    html = (tmp_path / "s.html").read_text()
    assert '<html lang="fr">' in html and "Ce que les photos" in html
    assert cli("wipe", "--lang", "xx").code == 2


@pytest.mark.parametrize("lang", OTHERS)
def test_room_summary_labels_are_translated(lang: str) -> None:
    from exposure.summarize import render_text, summarize

    finding = {"kind": "photo-gps", "severity": "high", "group": "Instagram", "locator": "x"}
    report = {"schema_version": 1, "tool": {"name": "exposure"}, "findings": [finding]}
    text = render_text(summarize([report]), translations(lang))
    assert "Photos show where they were taken" not in text and "High risk" not in text
