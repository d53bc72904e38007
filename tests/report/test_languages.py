"""The HTML report in other languages (issue 14): the names every template gets, the page's
language, and English left as it was."""

from __future__ import annotations

import html as html_module
import importlib.util
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from exposure.i18n import translations
from exposure.model import Report
from exposure.report import redact, render_html
from exposure.report.html import template_names

from .factories import generated_report

needs_babel = pytest.mark.skipif(
    importlib.util.find_spec("babel") is None, reason="Babel (a test dependency) is missing"
)


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


# -- the report in Spanish and French: no English left of the report's own words ------------


@pytest.fixture(scope="module")
def demo_report() -> Report:
    """The demo's full audit (every kind of finding, places, map), run once."""
    from exposure.audit import run
    from exposure.demo import demo_session
    from exposure.options import Options

    with demo_session() as served:
        return run(Options(inputs=served.inputs, workers=1, web=served.web, reproducible=True))


def page_text(html: str) -> str:
    """What a person reads: the text and the attributes a screen reader says, unescaped."""
    doc = LexborHTMLParser(html)
    for node in doc.css("script, style"):
        node.decompose()
    assert doc.body is not None
    words = [doc.body.text(separator="\n")]
    words += [n.attributes.get("aria-label") or "" for n in doc.css("[aria-label]")]
    words += [n.text() for n in doc.css("title")]
    words.append(html_module.unescape(doc.css_first("main").attributes.get("data-texts") or ""))
    text = " ".join(" ".join(words).split())
    # Advice in English (the catalogue's words, translated by their own domain) may name
    # a heading of the page in quotes: 'What a stranger can work out'.
    return QUOTED.sub("", text)


QUOTED = re.compile(r"'[^']{1,80}'|“[^”]{1,80}”")


def english_pieces(message: str) -> list[str]:
    """The parts of a message id long enough to be recognised in a page: the whole text,
    or for a message with placeholders its fixed parts of 15 characters or more."""
    parts = [p.strip() for p in re.split(r"\{\w+\}", message)]
    if len(parts) == 1:
        return [parts[0]] if len(parts[0]) > 12 else []
    return [p for p in parts if len(p) >= 15]


def report_messages() -> list[str]:
    """Every English text (each form of a plural) of the report domain shown in the page."""
    from exposure.i18n.tools import template

    texts = []
    for message in template("report"):
        if not message.id:
            continue
        where = {path for path, _ in message.locations}
        if where <= {"exposure/terminal.py", "exposure/clean/command.py"}:
            continue  # terminal lines
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts.extend(ids)
    return texts


@needs_babel
@pytest.mark.parametrize("lang", ["es", "fr"])
def test_the_report_has_no_english_words_of_its_own_left(lang: str, demo_report: Report) -> None:
    shown = {
        "full": page_text(render_html(demo_report, lang)),
        "shareable": page_text(render_html(redact(demo_report), lang)),
    }
    t = translations(lang)
    checked = 0
    for text in report_messages():
        if t.gettext(text) == text and t.ngettext(text, text, 2) == text:
            continue  # the same words in both languages (none today but names)
        for piece in english_pieces(text):
            for name, page in shown.items():
                assert piece not in page, (lang, name, text)
            checked += 1
    assert checked > 100
    assert f'<html lang="{lang}">' in render_html(demo_report, lang)
    english = page_text(render_html(demo_report))
    assert "Before you change anything" in english and "Start here" in english


@needs_babel
@pytest.mark.parametrize("lang", ["es", "fr"])
def test_every_template_sentence_is_in_the_catalogue(lang: str) -> None:
    """A sentence added to a report template without _() shows up here: the English page
    minus every message of the report domain leaves only data (names, numbers, paths)."""
    from exposure.i18n.tools import read

    catalogue = read(lang, "report")
    forms = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalogue if m.id}
    for message in forms.values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{\w+\}", ids[-1]))
        for text in strings:
            assert set(re.findall(r"\{\w+\}", text)) <= wanted, (lang, ids[0], text)
        assert set(re.findall(r"\{\w+\}", strings[-1])) == wanted, (lang, ids[0])


# -- the terminal -------------------------------------------------------------------------


def test_audit_and_verify_messages_follow_lang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from exposure.demo import demo_inputs

    photos = demo_inputs()[0]
    es = cli("audit", photos, "--lang", "es", "--json", "before.json", "--html", "r.html")
    assert es.code == 1, es.err
    assert "Informe: " in es.err and "guárdalo donde solo tú puedas abrirlo" in es.err
    assert "Revisados " in es.err  # the summary line (workshop catalogue)
    assert "Report: " not in es.err and "keep it somewhere" not in es.err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in html and "Antes de cambiar nada" in html
    assert "Before you change anything" not in html
    fr = cli("verify", "--baseline", "before.json", photos, "--lang", "fr", "--html", "v.html")
    assert "Par rapport au rapport précédent" in fr.err, fr.err
    assert "Pas encore fini" in fr.err and "Not done yet" not in fr.err
    assert "Rapport : " in fr.err
    assert "Depuis votre" in (tmp_path / "v.html").read_text(encoding="utf-8")
    en = cli("audit", photos, "--lang", "en", "--html", "e.html")
    assert "Report: " in en.err and "keep it somewhere only you can open" in en.err


def test_default_language_follows_the_environment(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from exposure.demo import demo_inputs

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = cli("audit", demo_inputs()[0], "--html", "r.html")
    assert "Rapport : " in result.err
    assert '<html lang="fr">' in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_clean_messages_follow_lang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from exposure.demo import demo_inputs

    photos = sorted(Path(demo_inputs()[0]).rglob("*.jpg"))[:2]
    assert photos
    fr = cli("clean", *map(str, photos), "--out", "out-fr", "--lang", "fr")
    assert "copies propres écrites dans" in fr.out or "copie propre écrite dans" in fr.out, fr
    es = cli("clean", *map(str, photos), "--out", "out-es", "--lang", "es")
    assert "Se escribi" in es.out, es
    assert "Wrote " not in fr.out + es.out
    bad = cli("clean", *map(str, photos), "--out", "out-xx", "--lang", "xx")
    assert bad.code == 2 and len(bad.err.strip().splitlines()) == 1


def test_progress_bars_speak_the_language() -> None:
    import io

    from exposure.progress import TerminalProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    with TerminalProgress(shown, t=translations("fr")) as bars:
        bars.start(100)
        bars.advance(1)
        bars.reading("https://example.org/x", 3, 10, "pages and images")
    text = shown.getvalue()
    assert "Vérification" in text and "Lecture de example.org" in text
    assert "3 sur 10 pages et images" in text and "Checking" not in text


def test_demo_lang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--lang", "es", "--html", "demo.html")
    assert result.code == 0, result.err
    assert "Informe: " in result.err
    html = (tmp_path / "demo.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in html and "Lo que un desconocido puede deducir" in html


def test_serve_writes_the_report_in_the_page_language(tmp_path: Path) -> None:
    """The check ``exposure serve`` runs for a page in French writes a French checklist."""
    import multiprocessing
    import signal

    from exposure.demo import demo_inputs
    from exposure.serve.jobs import Task, run_task

    (tmp_path / "uploads").mkdir()
    task = Task(
        inputs=(demo_inputs()[0],),
        demo=False,
        uploads=str(tmp_path / "uploads"),
        html=str(tmp_path / "r.html"),
        json=str(tmp_path / "r.json"),
        lang="fr",
    )
    receive, send = multiprocessing.Pipe(duplex=False)
    handler = signal.getsignal(signal.SIGINT)
    try:
        run_task(task, send)  # here, not in a child: it only ignores Ctrl-C meanwhile
    finally:
        signal.signal(signal.SIGINT, handler)
    messages = []
    while True:
        try:
            messages.append(receive.recv())
        except EOFError:  # run_task closed its end
            break
    assert messages[-1][0] == "done", messages[-1]
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "Avant de changer quoi que ce soit" in html
    assert '"findings"' in (tmp_path / "r.json").read_text(encoding="utf-8")  # JSON: English


def test_redaction_marks_are_the_ones_the_redaction_writes() -> None:
    from exposure.report import redaction, scrub
    from exposure.report.html import REDACTION_MARKS

    assert set(REDACTION_MARKS) == {
        redaction.HIDDEN,
        redaction.TIME_HIDDEN,
        scrub._PLUS_CODE_REMOVED,
    }


def test_where_to_act_in_the_page_language() -> None:
    from exposure.inference.findings import ROUTINE_GROUP
    from exposure.report.wording import GROUP_NAMES, group_name
    from exposure.sources.web.saved import GROUP

    assert set(GROUP_NAMES) == {GROUP, ROUTINE_GROUP}
    es, fr = translations("es"), translations("fr")
    assert group_name("Photos and videos in /home/a/Fotos 2023", es) == (
        "Fotos y vídeos en /home/a/Fotos 2023"
    )
    assert group_name("Pixelfed profile @alex@example.org", fr) == (
        "Profil Pixelfed @alex@example.org"
    )
    assert group_name(ROUTINE_GROUP, fr) == "Votre routine, vue à travers vos données"
    assert group_name("Google account (Takeout)", es) == "Cuenta de Google (Takeout)"
    assert group_name("Strava", es) == "Strava"
    assert group_name("Photos and videos in x") == "Photos and videos in x"  # English


def test_reasons_line_in_the_language() -> None:
    from exposure.i18n.message import M_
    from exposure.model import Skipped
    from exposure.terminal import reasons_line

    outside = M_("not fetched: outside the profile you named")
    report = Report(
        "0",
        ("x",),
        (),
        (
            Skipped.said("https://a.example/1", outside, "web"),
            Skipped.said("https://a.example/2", outside, "web"),
            Skipped("f.jpg", "the JPEG structure is broken at byte 12; stopped reading there"),
        ),
    )
    english = reasons_line(report)
    assert english == (
        "Could not check: 2 × not fetched, "
        "1 × the JPEG structure is broken at byte 12 (each is listed in the report)."
    )
    spanish = reasons_line(report, t=translations("es"))
    assert spanish is not None and spanish.startswith("No se pudo revisar: 2 × ")
    assert "outside the profile" not in spanish and "(cada uno aparece en el informe)." in spanish


def test_usage_errors_follow_lang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from exposure.demo import demo_inputs

    missing = cli("audit", "no-such-folder", "--lang", "es")
    assert missing.code == 2
    assert missing.err == (
        "exposure: no-such-folder: no existe ese archivo o carpeta; revisa cómo está escrito "
        "y la ruta\n"
    )
    (tmp_path / "out").mkdir()
    folder = cli("audit", demo_inputs()[0], "--html", "out", "--lang", "fr")
    assert folder.code == 2 and "out est un dossier ; donnez un nom de fichier" in folder.err
    baseline = cli("verify", "--baseline", "old.json", demo_inputs()[0], "--lang", "es")
    assert baseline.code == 2 and "old.json no existe" in baseline.err
    english = cli("audit", "no-such-folder")
    assert english.err == (
        "exposure: no-such-folder: no such file or folder; check the spelling and path\n"
    )
