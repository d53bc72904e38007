"""``scan_text``: the one entry point other code uses, and inputs built to be slow."""

from __future__ import annotations

import pytest

from exposure.detectors.text import TextScanner, scan_text

POST = (
    "Brunch at https://maps.app.goo.gl/AbC123 then 52.520008, 13.404954, ///filled.count.soap, "
    "9F4MGCC2+2X, 42 Elm Street, Springfield, IL 62704. I'm at Café Luna. I live in Leeds."
)


def test_scan_text_finds_every_kind_in_order() -> None:
    hits = scan_text(POST)
    assert [h.kind for h in hits] == [
        "text-map-link",
        "text-coordinates",
        "text-what3words",
        "text-plus-code",
        "text-street-address",
        "text-check-in",
        "text-home-mention",
    ]
    for hit in hits:
        assert POST[hit.start : hit.end] == hit.text
    assert TextScanner().scan(POST) == hits


def test_text_without_candidates_finds_nothing() -> None:
    assert scan_text("Had a lovely day with friends, see you all on Thursday!") == []
    assert scan_text("") == []


# Each of these made a quadratic pattern take seconds at a tenth of this size.
SLOW_ONES = [
    "///" + "a." * 25_000,
    "a.b." * 25_000,
    "📍 Aa" * 25_000,
    "1.1111 " * 20_000,
    "52.5200, 13.4050. " * 5_000,
    "https://" + "a" * 100_000,
    "12 Elm Street, " + "Aa " * 30_000,
    "I'm at " + "Aa " * 30_000,
    "52°31'" * 20_000,
    "1, " * 50_000,
]


@pytest.mark.parametrize("text", SLOW_ONES, ids=lambda t: repr(t[:12]))
def test_hostile_text_is_scanned(text: str) -> None:
    for hit in scan_text(text):
        assert text[hit.start : hit.end] == hit.text
