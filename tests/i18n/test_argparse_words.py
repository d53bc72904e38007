"""argparse's own messages (usage errors, help headings) in the language of the command
line, still one line with exit code 2; English exactly as argparse writes it."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from exposure.i18n import translations
from exposure.i18n.parser import ARGPARSE, language_of


def test_argparse_errors_follow_lang(cli) -> None:  # type: ignore[no-untyped-def]
    required = cli("audit", "--lang", "fr")
    assert (required.code, required.err) == (
        2,
        "exposure: ces arguments sont obligatoires : INPUT (voir 'exposure audit --help')\n",
    )
    choice = cli("zz", "--lang", "es")
    assert choice.code == 2 and choice.err.startswith(
        "exposure: argumento COMMAND: opción no válida: 'zz' (elige entre 'audit', "
    )
    unknown = cli("audit", "x", "--bogus", "--lang=es")
    assert (
        unknown.err == "exposure: argumentos no reconocidos: --bogus (consulta 'exposure --help')\n"
    )
    size = cli("audit", "x", "--max-bytes", "12Q", "--lang", "fr")
    assert size.code == 2 and "'12Q' n’est pas une taille ; écrivez-la comme 500M" in size.err
    number = cli("clean", "x", "--out", "o", "--workers", "z", "--lang", "es")
    assert "argumento --workers: valor int no válido: 'z'" in number.err
    for result in (required, choice, unknown, size, number):
        assert len(result.err.splitlines()) == 1 and "(see '" not in result.err


def test_english_is_argparse_own(cli) -> None:  # type: ignore[no-untyped-def]
    required = cli("audit")
    assert required.err == (
        "exposure: the following arguments are required: INPUT (see 'exposure audit --help')\n"
    )
    size = cli("audit", "x", "--max-bytes", "12Q", "--lang", "en")
    assert size.err == (
        "exposure: argument --max-bytes: '12Q' is not a size; write it like 500M or 8G "
        "(see 'exposure audit --help')\n"
    )
    # a language argparse refuses: its refusal in English
    bad = cli("audit", "x", "--lang", "xx")
    assert bad.err.startswith("exposure: argument --lang: invalid choice: 'xx'")


def test_help_headings_follow_lang(cli) -> None:  # type: ignore[no-untyped-def]
    shown = cli("wipe", "--help", "--lang", "es")
    assert shown.code == 0
    assert shown.out.startswith("uso: exposure wipe") and "muestra esta ayuda y sale" in shown.out
    assert "usage:" not in shown.out
    # argparse speaks English again afterwards, in this process too
    assert argparse.ArgumentParser(prog="p").format_usage().startswith("usage: p")
    assert cli("wipe", "--help").out.startswith("usage: exposure wipe")


def test_language_is_read_before_argparse(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert language_of(["audit", "x"]) == "fr"
    assert language_of(["audit", "--lang", "es"]) == "es"
    assert language_of(["audit", "--lang=en"]) == "en"
    assert language_of(["audit", "--lang", "xx"]) == "en"  # argparse refuses it in English
    assert language_of(["audit", "--", "--lang", "es"]) == "fr"


def test_argparse_still_says_these_words() -> None:
    """Each message id is one this Python's argparse says (else it would stay English)."""
    source = inspect.getsource(argparse)
    for message in ARGPARSE:
        for text in message if isinstance(message, tuple) else (message,):
            assert repr(text)[1:-1] in source or text in source, text


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_percent_placeholders_match(lang: str) -> None:
    t = translations(lang)
    for message in ARGPARSE:
        one, many = message if isinstance(message, tuple) else (message, message)
        wanted = sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", one))
        for said in {t.gettext(one), t.ngettext(one, many, 1), t.ngettext(one, many, 5)}:
            assert sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", said)) == wanted, (lang, said)
        assert t.gettext(one) != one or one == "options", (lang, one)
