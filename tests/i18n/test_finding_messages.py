"""What findings say, in Spanish and French (domain ``findings``): every title, place reason
and not-checked word the demo and the personas produce renders translated, while the
English (the JSON report's titles, the ids) stays exactly what it was before the messages
(``golden.json``, written from the code before this change: ``tests/i18n/golden.py``)."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from exposure.i18n import LANGUAGES, translations
from exposure.i18n.message import M_, Message, Mn_, joined
from exposure.model import NotChecked, Report, Skipped
from tests.i18n.golden import GOLDEN as GOLDEN_FILE
from tests.i18n.golden import PERSONAS, demo_report, demo_rows, persona_rows

GOLDEN = json.loads(GOLDEN_FILE.read_text(encoding="utf-8"))
OTHERS = [lang for lang in LANGUAGES if lang != "en"]
needs_babel = pytest.mark.skipif(
    importlib.util.find_spec("babel") is None, reason="Babel (a test dependency) is missing"
)


@pytest.fixture(scope="module")
def demo() -> Iterator[Report]:
    with demo_report() as report:
        yield report


def _rendered(message: Message | None, lang: str) -> str:
    assert message is not None
    return message.render(translations(lang))


def _words(message: Message) -> Iterator[Message]:
    """``message`` and the messages inside it."""
    yield message
    for _, value in message.args:
        if isinstance(value, Message):
            yield from _words(value)


def _assert_translated(message: Message | None, lang: str) -> None:
    """Every template of ``message`` (but a bare ``{p0} {p1}`` join) has a translation
    that differs from the English, and the rendering keeps every value."""
    assert message is not None
    t = translations(lang)
    for part in _words(message):
        if not re.search(r"[^\W\d_]", re.sub(r"\{\w+\}", "", part.template)):
            continue  # only placeholders and punctuation: nothing to translate
        if part.plural is None:
            said = t.gettext(part.template)
        else:
            said = t.ngettext(part.template, part.plural, part.count)
        english = part.template if part.plural is None or part.count == 1 else part.plural
        assert said != english or _same_in(lang, english), (lang, part.template)
        for _, value in part.args:
            if isinstance(value, str) and value:
                assert value in message.render(t), (lang, part.template, value)


def _same_in(lang: str, english: str) -> bool:
    """Words that are spelled the same in ``lang``."""
    return english in {"document", "documents", "{first} and {second}"} and lang == "fr"


def test_demo_titles_and_ids_are_what_they_were(demo: Report) -> None:
    assert demo_rows(demo) == GOLDEN["demo"]
    assert sorted(p.reason for p in demo.places) == sorted(GOLDEN["demo_places"])
    for f in demo.findings:  # the English a message gives is the title the JSON writes
        assert f.title_message is not None, f.kind
        assert f.title_message.english() == f.title
    for p in demo.places:
        assert p.reason_message is not None and p.reason_message.english() == p.reason


def test_personas_titles_ids_and_reasons_are_what_they_were() -> None:
    from exposure.inference import infer
    from exposure.testing.personas import make

    assert persona_rows() == GOLDEN["personas"]
    for seed, story in PERSONAS:
        result = infer(make(seed, story).points)
        for lang in OTHERS:
            for f in result.findings:
                _assert_translated(f.title_message, lang)
            for p in result.places:
                _assert_translated(p.reason_message, lang)


@needs_babel
@pytest.mark.parametrize("lang", OTHERS)
def test_every_demo_title_and_place_reason_is_translated(demo: Report, lang: str) -> None:
    kinds = set()
    for f in demo.findings:
        _assert_translated(f.title_message, lang)
        kinds.add(f.kind)
    for p in demo.places:
        _assert_translated(p.reason_message, lang)
    from exposure.catalogue import CATALOGUE

    assert kinds == set(CATALOGUE)  # every kind of finding was seen


def test_a_title_in_each_language() -> None:
    title = M_("Swarm check-ins show you at {place}", place="Café Europa")
    assert title.english() == "Swarm check-ins show you at Café Europa"
    assert _rendered(title, "es") == "Tus check-ins de Swarm te sitúan en Café Europa"
    assert _rendered(title, "fr") == "Vos check-ins Swarm vous situent à Café Europa"
    assert _rendered(title, "en") == title.english()


def test_plurals_follow_the_number() -> None:
    def marks(n: int) -> Message:
        return Mn_(
            "A map file marks {count} place", "A map file marks {count} places", n, count=f"{n:,}"
        )

    assert marks(1).english() == "A map file marks 1 place"
    assert marks(1200).english() == "A map file marks 1,200 places"
    assert _rendered(marks(1), "es") == "Un archivo de mapa marca 1 lugar"
    assert _rendered(marks(3), "es") == "Un archivo de mapa marca 3 lugares"
    assert _rendered(marks(1), "fr") == "Un fichier de carte marque 1 lieu"
    assert _rendered(marks(2), "fr") == "Un fichier de carte marque 2 lieux"


def test_words_inside_a_sentence_are_rendered_in_the_same_language() -> None:
    from datetime import datetime

    from exposure.sources.exports.history import span_words

    span = span_words(datetime(2019, 5, 1), datetime(2024, 1, 1))
    title = Mn_(
        "Google Location History holds {count} point {span}: delete it and turn it off",
        "Google Location History holds {count} points {span}: delete it and turn it off",
        7,
        count="7",
        span=span,
    )
    assert "de 2019 a 2024" in _rendered(title, "es")
    assert "de 2019 à 2024" in _rendered(title, "fr")
    both = joined([M_("rarely at night."), "Google"])
    assert both.english() == "rarely at night. Google"
    assert _rendered(both, "fr") == "rarement la nuit. Google"


def test_an_empty_span_leaves_no_stray_space() -> None:
    from dataclasses import replace

    title = replace(
        Mn_(
            "Facebook's location history holds {count} point {span}: delete it",
            "Facebook's location history holds {count} points {span}: delete it",
            2,
            count="2",
            span="",
        ),
        tidy=True,
    )
    assert title.english() == "Facebook's location history holds 2 points: delete it"
    assert _rendered(title, "fr").endswith("contient 2 points : supprimez-le")  # French spacing
    assert _rendered(title, "es").endswith("guarda 2 puntos: bórralo")


def test_not_checked_words_in_each_language() -> None:
    record = NotChecked(
        "in", (("documents", ".pdf", 3), ("documents", ".docx", 2), ("empty files", "", 1))
    )
    assert record.words() == "5 documents (.pdf 3, .docx 2), 1 empty file"
    assert record.words(translations=translations("es")) == (
        "5 documentos (.pdf 3, .docx 2), 1 archivo vacío"
    )
    assert record.words(translations=translations("fr")) == (
        "5 documents (.pdf 3, .docx 2), 1 fichier vide"
    )


def test_messages_do_not_change_ids_or_equality() -> None:
    from exposure.detectors.base import make_finding

    kwargs = {"content": "c", "value": "v", "group": "g", "evidence": ()}
    said = make_finding("swarm-checkin", title=M_("Swarm check-ins show you at a venue"), **kwargs)  # type: ignore[arg-type]
    plain = make_finding("swarm-checkin", title="Swarm check-ins show you at a venue", **kwargs)  # type: ignore[arg-type]
    assert said == plain and said.id == plain.id and said.title_message is not None
    skipped = Skipped.said("x.jpg", M_("a place"), "photos")
    assert skipped == Skipped("x.jpg", "a place", "photos") and skipped.reason == "a place"


def test_the_text_phrases_say_what_the_catalogue_says() -> None:
    from exposure.catalogue.text import Where
    from exposure.detectors.text.findings import PHRASES

    assert {w: m.english() for w, m in PHRASES.items()} == {w: w.phrase for w in Where}


def test_a_redacted_copy_keeps_the_words_and_hides_the_values(demo: Report) -> None:
    from exposure.report.redaction import redact

    shared = redact(demo)
    for before, after in zip(demo.findings, shared.findings, strict=True):
        assert after.title_message is not None and before.title_message is not None
        assert after.title_message.english() == after.title  # the same hiding as the title
        assert after.title_message.template == before.title_message.template
    balcony = next(f for f in demo.findings if f.title.startswith("balcony.jpg:"))
    assert "balcony.jpg" in _rendered(balcony.title_message, "es")
    hidden = next(f for f in shared.findings if f.id == balcony.id)
    said = _rendered(hidden.title_message, "es")
    assert said.startswith(hidden.title.split(":")[0]) and "balcony" not in said
    assert "52.4733" not in said and "esta foto muestra" in said


def _page_text(page: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    doc = LexborHTMLParser(page)
    for node in doc.css("script, style"):
        node.decompose()
    assert doc.body is not None
    return " ".join(doc.body.text(separator="\n").split())


@pytest.mark.parametrize("lang", OTHERS)
def test_the_html_report_says_what_findings_say_in_its_language(demo: Report, lang: str) -> None:
    from exposure.report import render_html

    text = _page_text(render_html(demo, lang))
    t = translations(lang)
    for f in demo.findings:
        assert f.title_message is not None
        said = " ".join(f.title_message.render(t).split())
        assert said in text, (f.kind, said)
        assert said == f.title or f.title not in text, f.title  # no English title left
    shown = [p for p in demo.places if p.role.value in ("home", "work", "regular")]
    assert shown
    for p in shown:
        assert _rendered(p.reason_message, lang) in text
        assert p.reason not in text
    cut = next(s for s in demo.skipped if "IMG_0161.jpg" in s.locator)  # the file cut short
    assert cut.reason.startswith("partly read: ")
    assert _rendered(cut.message, lang) in text and "partly read" not in text
    for record in demo.not_checked:
        assert record.words(translations=t) in text


def test_a_reason_inside_a_reason_is_rendered_in_the_same_language() -> None:
    inner = Skipped.said("u", M_("not fetched: outside the profile you named"), "web")
    outer = M_(
        "the WordPress API did not answer ({reason}); the site's pages are read instead, but "
        "uploaded originals not shown on a page are not checked",
        reason=inner.message or inner.reason,
    )
    assert outer.english().startswith(
        "the WordPress API did not answer (not fetched: outside the profile you named);"
    )
    assert _rendered(outer, "es").startswith(
        "la API de WordPress no respondió (no se ha descargado: está fuera del perfil"
    )
    assert "(non téléchargé : hors du profil" in _rendered(outer, "fr")


def test_an_empty_message_stays_empty_in_every_language() -> None:
    for lang in LANGUAGES:
        assert joined([]).render(translations(lang)) == ""
        assert joined(["", ""]).render(translations(lang)) == " "


def test_a_page_that_could_not_be_fetched_says_why_in_each_language() -> None:
    from exposure.errors import FetchError
    from exposure.sources.web.crawl import SOURCE

    error = FetchError(
        "https://x.example/", M_("the server answered {status}", status="404 Not Found")
    )
    assert error.reason == "the server answered 404 Not Found"  # the JSON report's words
    skipped = Skipped(error.url, error.reason, SOURCE, error.message)
    assert _rendered(skipped.message, "es") == "el servidor respondió 404 Not Found"
    assert _rendered(skipped.message, "fr") == "le serveur a répondu 404 Not Found"
    plain = FetchError("u", "an English reason")
    assert plain.reason == "an English reason" and plain.message is None


def test_could_not_check_reasons_of_a_folder_in_each_language(tmp_path: Path) -> None:
    from exposure.audit import run
    from exposure.options import Options
    from exposure.sources.exports.limits import ReadProblem

    (tmp_path / "broken.zip").write_bytes(b"not a zip at all, just words" * 4)
    (tmp_path / "cut.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*")
    report = run(Options(inputs=(str(tmp_path),)))
    reasons = {Path(s.locator).name: s for s in report.skipped}
    assert reasons["cut.jpg"].reason == "the file ends before its metadata does (truncated?)"
    assert _rendered(reasons["cut.jpg"].message, "es") == (
        "el archivo termina antes que sus metadatos (¿está cortado?)"
    )
    assert reasons["broken.zip"].reason.startswith("named like an archive, but its first bytes")
    assert _rendered(reasons["broken.zip"].message, "fr").startswith(
        "son nom est celui d'une archive, mais ses premiers octets"
    )
    problem = ReadProblem(M_("larger than the archive says; not read"))
    assert str(problem) == "larger than the archive says; not read"
    assert _rendered(problem.message, "es").startswith("más grande de lo que dice")
    assert ReadProblem("as written").message is None


def test_an_archive_left_unread_says_why_in_each_language() -> None:
    from exposure.sources.exports.limits import ArchiveSpent, Budget
    from exposure.sources.exports.reader import Halt

    budget = Budget.of(10 * 1024 * 1024)
    spent = ArchiveSpent(budget.why)
    assert str(spent).startswith("the archive has produced more than its 10")
    assert "--archive-total-limit" in _rendered(spent.message, "es")
    line = Halt(budget.why, 3).line("export.zip", "google-takeout")
    assert line is not None and line.reason.startswith("3 more files in this archive not read: ")
    assert _rendered(line.message, "fr").startswith("3 autres fichiers de cette archive non lus")
    assert "a déjà produit plus que sa limite" in _rendered(line.message, "fr")
