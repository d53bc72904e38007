"""Street addresses and postcodes: one table per format, and the look-alikes refused."""

from __future__ import annotations

import pytest

from exposure.detectors.text import AddressDetector
from exposure.model import Confidence
from tests.detectors.text.helpers import found

DETECTOR = AddressDetector()
ADDRESS, POSTCODE = "text-street-address", "text-postcode"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        # US
        (
            "We moved to 42 Elm Street, Springfield, IL 62704",
            "42 Elm Street, Springfield, IL 62704",
        ),
        (
            "1600 Pennsylvania Avenue NW, Washington, DC 20500",
            "1600 Pennsylvania Avenue NW, Washington, DC 20500",
        ),
        (
            "665 3rd St. Suite 207 San Francisco, CA 94107",
            "665 3rd St. Suite 207 San Francisco, CA 94107",
        ),
        ("The studio is at 2201 Broadway, Oakland, CA 94612", "2201 Broadway, Oakland, CA 94612"),
        (
            "Irving: 225 E. John Carpenter Freeway, Suite 1500, Irving, Texas 75062",
            "225 E. John Carpenter Freeway, Suite 1500, Irving, Texas 75062",
        ),
        # UK
        (
            "3 Charlotte Road, City of London, EC2A 3PE, UK",
            "3 Charlotte Road, City of London, EC2A 3PE",
        ),
        ("new flat: 8 Primrose Hill Road, London NW3 3AD", "8 Primrose Hill Road, London NW3 3AD"),
        ("221B Baker Street, London NW1 6XE", "221B Baker Street, London NW1 6XE"),
        # Canada
        ("123 Main Street, Toronto, ON M5V 2T6", "123 Main Street, Toronto, ON M5V 2T6"),
        ("1500 Rue Peel, Montréal, QC H3A 1S8", "1500 Rue Peel, Montréal, QC H3A 1S8"),
        # German, Dutch, Nordic
        ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin"),
        ("Schillerstr. 7, 80336 München", "Schillerstr. 7, 80336 München"),
        ("Mariahilfer Straße 120, 1070 Wien", "Mariahilfer Straße 120, 1070 Wien"),
        ("Kerkstraat 12a, 1012 AB Amsterdam", "Kerkstraat 12a, 1012 AB Amsterdam"),
        ("Karl Johans gate 22, 0162 Oslo", "Karl Johans gate 22, 0162 Oslo"),
        ("Drottninggatan 53, Stockholm", "Drottninggatan 53"),
        # French
        ("12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris"),
        ("3 bis, boulevard Voltaire", "3 bis, boulevard Voltaire"),
        # Spanish, Italian, Portuguese, Catalan
        ("Calle Mayor 12, 28013 Madrid", "Calle Mayor 12, 28013 Madrid"),
        ("Via Roma 10.", "Via Roma 10"),
        ("Carrer de Mallorca 401, 08013 Barcelona", "Carrer de Mallorca 401, 08013 Barcelona"),
        ("Avenida da Liberdade 110, Lisboa", "Avenida da Liberdade 110"),
    ],
)
def test_addresses(text: str, matched: str) -> None:
    assert found(DETECTOR, text) == [(ADDRESS, matched)]


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        ("Garage sale at 19 Willow Lane this Saturday", Confidence.MEDIUM),
        ("I live at 88 Sunset Blvd", Confidence.MEDIUM),
        ("88 Sunset Blvd, Los Angeles, CA 90028", Confidence.HIGH),
    ],
)
def test_a_bare_street_line_is_medium_confidence(text: str, confidence: Confidence) -> None:
    (hit,) = DETECTOR.find(text)
    assert hit.confidence is confidence


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Moving to SW1A 1AA next month", "SW1A 1AA"),
        ("Ottawa K1A 0B1", "K1A 0B1"),
        ("We're in Springfield, IL 62704", "Springfield, IL 62704"),
        ("Boulder, Colorado 80302", "Boulder, Colorado 80302"),
    ],
)
def test_postcodes(text: str, matched: str) -> None:
    assert found(DETECTOR, text) == [(POSTCODE, matched)]


@pytest.mark.parametrize(
    "text",
    [
        "3 Supreme Court judges disagreed",  # a bare line without a cue
        "Top 10 Best Ways to save money",
        "Chapter 12 Hill Street Blues",
        "Top 3 Rue de la Paix restaurants",
        "In 1990 Abbey Road became famous",
        "Via Twitter 2 days ago",
        "Plaza Sesamo 123 episodes",
        "Spring 2024 collection",
        "Stargate 2 is out",
        "PS4 1TB for sale",
        "Model X1 2GB",
        "Serial AB12 3CD",  # C is never in a UK inward code
        "K1A0B1 hex",  # Canadian form without the space
        "12345 followers",
        "Springfield, IL is nice",
        "`10 Downing Street, London SW1A 2AA`",
    ],
)
def test_refuses(text: str) -> None:
    assert found(DETECTOR, text) == []
