"""The remediation catalogue in the report's language (issue 14): every heading, why,
summary, effort and step of the demo's findings is shown translated, with each step's
source and date as they are; and the catalogue check cannot pass with a kind left out."""

from __future__ import annotations

import html
import importlib.util
import re
from collections.abc import Iterator

import pytest

from exposure.catalogue import CATALOGUE, KindInfo, step
from exposure.catalogue.base import SAVE_FIRST
from exposure.catalogue.translate import heading_words, remediations, translated, vocabulary
from exposure.i18n import translations
from exposure.model import Remediation, Report, Severity
from exposure.report import render_html, wording
from exposure.report.catalogue_words import CatalogueWords

OTHERS = ["es", "fr"]
needs_babel = pytest.mark.skipif(
    importlib.util.find_spec("babel") is None, reason="Babel (a test dependency) is missing"
)


@pytest.fixture(scope="module")
def demo_report() -> Iterator[Report]:
    """The demo's report (every kind of finding; its web pages served on loopback)."""
    from exposure.audit import run
    from exposure.demo import demo_session
    from exposure.options import Options

    with demo_session() as served:
        yield run(Options(inputs=served.inputs, web=served.web, workers=1, reproducible=True))


def _page(report: Report, lang: str) -> str:
    """The page's text as a reader sees it (tags kept, entities decoded)."""
    return html.unescape(render_html(report, lang))


def _texts(remediation: Remediation) -> list[str]:
    """The summary, effort and steps of a remediation as the page holds them (the full
    safety step stands for the short one at the top of the page)."""
    steps = [s.text for s in remediation.steps if s.text != SAVE_FIRST.text]
    return [remediation.summary, remediation.effort, *steps]


@pytest.mark.parametrize("lang", OTHERS)
def test_the_demo_report_shows_the_catalogue_translated(demo_report: Report, lang: str) -> None:
    t = translations(lang)
    page = _page(demo_report, lang)
    assert set(CATALOGUE) <= {f.kind for f in demo_report.findings}  # every kind is checked
    for finding in demo_report.findings:
        one, many = (heading_words(t, finding.kind, n) for n in (1, 2))
        assert one and many and (one in page or many in page), (lang, finding.kind)
        why = translated(t, finding.why)
        assert why is not None, (lang, finding.kind, finding.why)
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ¿¡«“])", why):
            assert sentence in page, (lang, finding.kind, sentence)
        for english in _texts(finding.remediation):
            words = t.gettext(english)  # "15 minutes" is the same in French
            assert words in page, (lang, finding.kind, words)
            if len(english) > 20:
                assert words != english and wording.plain(english) not in page, (lang, english)


@pytest.mark.parametrize("lang", OTHERS)
def test_step_sources_and_dates_are_shown_as_they_are(demo_report: Report, lang: str) -> None:
    page = _page(demo_report, lang)
    notes = re.findall(r'<p class="step-source">(.*?)</p>', page)
    assert notes
    for finding in demo_report.findings:
        for item in finding.remediation.steps:
            if item.source and item.checked:
                assert any(
                    item.source in note and str(item.checked.year) in note for note in notes
                ), (lang, item.source)


def test_english_is_as_before(demo_report: Report) -> None:
    """English shows the catalogue through wording.plain, as it always did."""
    page = _page(demo_report, "en")
    for finding in demo_report.findings:
        for english in _texts(finding.remediation):
            assert wording.plain(english) in page, english


@pytest.mark.parametrize("lang", OTHERS)
def test_headings_follow_the_count(lang: str) -> None:
    words = CatalogueWords(translations(lang))
    expected = {
        "es": ("1 foto muestra dónde se tomó", "41 fotos muestran dónde se tomaron"),
        "fr": ("1 photo montre où elle a été prise", "41 photos montrent où elles ont été prises"),
    }
    assert (words.heading("photo-gps", 1), words.heading("photo-gps", 41)) == expected[lang]
    assert CatalogueWords().heading("photo-gps", 41) == "41 photos show where they were taken"


@pytest.mark.parametrize("lang", OTHERS)
def test_whys_keep_the_english_sentences(lang: str) -> None:
    """A translated "why" is cut where the English is (shown, then folded research): it
    has as many sentences as the English, and the fold holds the citation."""
    words = CatalogueWords(translations(lang))
    english = CatalogueWords()
    for entry in CATALOGUE.values():
        shown, more = words.why(entry.why)
        en_shown, en_more = english.why(entry.why)
        assert (more is None) == (en_more is None), (lang, entry.kind)
        assert shown != en_shown, (lang, entry.kind)
        for citation in re.findall(r"\(([^()]*\d{4})\)", entry.why):
            author = citation.split(",")[0]
            assert author in (more or shown), (lang, entry.kind, author)
            assert (author in (en_more or "")) == (author in (more or "")), (lang, author)


@pytest.mark.parametrize("lang", OTHERS)
def test_translations_are_plain_and_keep_the_figures(lang: str) -> None:
    """No jargon (the English is made plain on the page, a translation is shown as
    written) and every figure of the English kept."""
    t = translations(lang)
    for message, _ in vocabulary():
        english = message[1] if isinstance(message, tuple) else message
        words = t.ngettext(*message, 2) if isinstance(message, tuple) else t.gettext(message)
        assert words != english or re.fullmatch(r"\d+ minutes", english), (lang, english)
        assert not wording.JARGON_WORDS.search(words), (lang, words)
        for figure in re.findall(r"(?<![\w-])\d+(?:\.\d+)?(?![\w-])", english):
            if figure != "6709":  # "ISO 6709" is "standard" in plain words
                assert figure in words or figure.replace(".", ",") in words, (lang, figure)


def test_vocabulary_covers_every_remediation() -> None:
    texts = {m for m, _ in vocabulary()}
    for kind, remediation in remediations():
        assert kind in CATALOGUE
        for english in [remediation.summary, remediation.effort]:
            assert english in texts
        assert {s.text for s in remediation.steps} <= texts
    for entry in CATALOGUE.values():
        assert {entry.heading, entry.summary, entry.why} <= texts
        assert entry.docs not in texts  # developer docs are not translated


@needs_babel
def test_a_kind_without_translation_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from exposure.i18n.tools import problems

    assert problems(("catalogue",)) == []
    entry = KindInfo(
        kind="test-new-kind",
        severity=Severity.LOW,
        heading=("new thing leaks a place", "new things leak a place"),
        docs="Not for users.",
        summary="A new thing that leaks a place.",
        why="It leaks a place.",
        remediation=Remediation(
            summary="Remove the new thing.", steps=(step("Open it and remove the place."),)
        ),
    )
    monkeypatch.setitem(CATALOGUE, entry.kind, entry)
    found = problems(("catalogue",))
    for lang in OTHERS:
        for english in ("new thing leaks a place", "It leaks a place.", "Open it and remove"):
            assert any(p.startswith(f"{lang}/catalogue: missing") and english in p for p in found)
    assert not any("Not for users." in p for p in found)


def test_the_shareable_copy_is_translated_too(demo_report: Report) -> None:
    from exposure.report.redaction import redact

    shared = redact(demo_report)
    page = _page(shared, "es")
    t = translations("es")
    for finding in shared.findings:
        for english in _texts(finding.remediation):
            assert t.gettext(english) in page, english


@needs_babel
@pytest.mark.parametrize("lang", OTHERS)
def test_no_other_domain_hides_a_catalogue_translation(lang: str) -> None:
    """translations() chains the domains, the first one winning: the same English in
    another domain would show that domain's words instead of the catalogue's."""
    from exposure.i18n.tools import read

    own = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read(lang, "catalogue")}
    t = translations(lang)
    for message, _ in vocabulary():
        if isinstance(message, tuple):
            strings = own[message[0]]
            assert isinstance(strings, tuple)
            assert t.ngettext(*message, 1) == strings[0], (lang, message)
        else:
            assert t.gettext(message) == own[message], (lang, message)
