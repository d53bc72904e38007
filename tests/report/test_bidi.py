"""Bidirectional controls (U+202A-U+202E, U+2066-U+2069) from files and pages never reorder
what exposure shows: removed from every HTML string and terminal line, kept in JSON as
``\\u202e`` escapes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from exposure.model import Skipped
from exposure.report import render_html, render_json
from exposure.textsafe import BIDI_CONTROLS, escape_bidi_json, neutralise_bidi

from .factories import make_evidence, make_finding, make_report

CONTROLS = "".join(sorted(BIDI_CONTROLS))
TRICK = "photo\u202egpj.exe"  # shows as "photoexe.jpg" when the override is honoured


def _report():  # type: ignore[no-untyped-def]
    base = make_report()
    finding = make_finding(
        id="f-bidi",
        title=f"{TRICK}: a title with {CONTROLS} controls",
        group=f"Group \u2067{TRICK}\u2069",
        evidence=(make_evidence(locator=f"/home/x/{TRICK}", detail=f"detail {CONTROLS}"),),
    )
    return replace(
        base,
        findings=(*base.findings, finding),
        skipped=(*base.skipped, Skipped(f"/home/x/{TRICK}", f"reason \u202b{TRICK}", "photos")),
    )


def test_html_shows_no_bidi_control_anywhere() -> None:
    html = render_html(_report())
    assert not [c for c in BIDI_CONTROLS if c in html]
    assert "photogpj.exe" in html  # the words stay, in the order they are stored


def test_json_keeps_them_escaped() -> None:
    text = render_json(_report())
    assert not [c for c in BIDI_CONTROLS if c in text]
    assert "\\u202e" in text
    titles = [f["title"] for f in json.loads(text)["findings"]]
    assert f"{TRICK}: a title with {CONTROLS} controls" in titles  # the same data


def test_helpers() -> None:
    assert neutralise_bidi(f"a{CONTROLS}b") == "ab"
    assert neutralise_bidi("plain") == "plain"
    assert json.loads(escape_bidi_json(json.dumps(CONTROLS, ensure_ascii=False))) == CONTROLS


def test_terminal_lines_have_no_bidi_controls(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", f"missing-{TRICK}.jpg", "--json", "-")
    assert result.code == 2
    assert "missing-photogpj.exe.jpg" in result.err
    assert not [c for c in BIDI_CONTROLS if c in result.err]
