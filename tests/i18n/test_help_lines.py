"""``--help`` in the language of the command line: every command's and flag's help line,
the group headings and the program's description; English byte for byte as before."""

from __future__ import annotations

import argparse
import re

import pytest

from exposure.cli import COMMANDS, build_parser
from exposure.i18n import translations
from exposure.i18n.parser import speaking

SAME_WORD = {("fr", "exports")}
"""Help words that are spelled the same in that language."""


def test_audit_help_in_french(cli) -> None:  # type: ignore[no-untyped-def]
    shown = cli("audit", "--help", "--lang", "fr")
    assert shown.code == 0
    text = " ".join(shown.out.split())  # argparse wraps lines at the terminal's width
    assert "un fichier photo ou vidéo, un dossier (examiné avec tout ce qu’il contient)" in text
    assert "gravité minimale qui rend le code de sortie égal à 1 (par défaut : low)" in text
    assert "secondes entre deux requêtes au même serveur (par défaut 1" in text
    assert "limites et bonnes manières quand un INPUT est une adresse web" in text
    assert "(une bombe zip ; par défaut :" in text
    assert "leave the time out" not in text and "processes reading files" not in text


def test_clean_help_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    shown = cli("clean", "--help", "--lang", "es")
    assert shown.code == 0
    text = " ".join(shown.out.split())
    assert "--out DIR carpeta para las copias (no dentro de una PATH)" in text
    assert "procesos que limpian en paralelo (por defecto: uno por núcleo)" in text
    assert "solo muestra el resumen" in text
    top = cli("--help", "--lang", "es")
    assert "crea copias de fotos y vídeos sin ubicación" in " ".join(top.out.split())


def test_english_help_unchanged(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps at the terminal's width
    audit = cli("audit", "--help").out
    assert audit.startswith("usage: exposure audit [-h] [--html FILE] [--json FILE] [--redact]\n")
    for lines in (
        "  --fail-on {high,medium,low}\n"
        "                        lowest severity that makes the exit code 1 (default:\n"
        "                        low)\n",
        "  --redact              round positions and hide file names, for a copy to\n"
        "                        share with an advocate\n",
        "  --max-time MAX_SECONDS\n"
        "                        total seconds per address (default 600)\n",
        "  --delay DELAY         seconds between requests to the same host (default 1)\n",
        "web addresses:\n  limits and manners when an INPUT is a web address (each per address)\n",
    ):
        assert lines in audit, lines
    clean = cli("clean", "--help").out
    assert "  --out DIR          folder for the copies (not inside a PATH)\n" in clean
    top = cli("--help").out
    assert (
        "    clean     write copies of photos and videos without location (originals\n"
        "              are not touched)\n"
    ) in top


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _words(parser: argparse.ArgumentParser) -> list[str]:
    """Every help line, group heading and description of ``parser`` and its commands."""
    found: list[str] = [parser.description or ""]
    for each in [parser, *_subparsers(parser).values()]:
        for action in each._actions:
            if action.help and action.help != argparse.SUPPRESS:
                found.append(action.help)
            if isinstance(action, argparse._SubParsersAction):
                found += [choice.help or "" for choice in action._choices_actions]
        for group in each._action_groups:
            found += [group.title or "", group.description or ""]
    return found


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_no_help_line_left_in_english(lang: str) -> None:
    english = _words(build_parser())
    t = translations(lang)
    with speaking(t):
        parser = build_parser(t)
        said = _words(parser)
        for sub in _subparsers(parser).values():
            sub.format_help()  # a stray "%" in a translation would break argparse here
        parser.format_help()
    assert len(said) == len(english) and len(english) > 60
    left = [
        word
        for word, theirs in zip(english, said, strict=True)
        if word and word == theirs and word != "options" and (lang, word) not in SAME_WORD
    ]
    assert left == [], left
    for word, theirs in zip(english, said, strict=True):
        assert re.findall(r"\{\w*\}|%\(\w+\)[sd]", word) == re.findall(
            r"\{\w*\}|%\(\w+\)[sd]", theirs
        ), theirs
    assert {c.name for c in COMMANDS} <= set(_subparsers(parser))
