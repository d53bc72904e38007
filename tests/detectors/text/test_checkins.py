"""Check-ins and home phrasing: table tests."""

from __future__ import annotations

import pytest

from exposure.detectors.text import CheckInDetector
from exposure.model import Confidence
from tests.detectors.text.helpers import found

DETECTOR = CheckInDetector()
CHECK_IN, HOME = "text-check-in", "text-home-mention"
SWARM = "I'm at Joe's Cafe (5th Ave & Main St) in New York, NY https://swarmapp.com/c/abc123"


@pytest.mark.parametrize(
    ("text", "matched", "place"),
    [
        (SWARM, SWARM, "Joe's Cafe"),  # the Swarm auto-post is one hit, phrase to link
        ("I'm at Starbucks and the coffee is bad", "I'm at Starbucks", "Starbucks"),
        ("i'm at Central Park right now!", "i'm at Central Park", "Central Park"),
        ("I'm at The Crown & Anchor with @sam", "I'm at The Crown & Anchor", "The Crown & Anchor"),
        ("I'm at Home Depot", "I'm at Home Depot", "Home Depot"),
        (
            "Just checked in at Hotel Adlon Kempinski",
            "checked in at Hotel Adlon Kempinski",
            "Hotel Adlon Kempinski",
        ),
        (
            "Great dinner — at The Blue Door Bistro.",
            "— at The Blue Door Bistro",
            "The Blue Door Bistro",
        ),
        ("Brunch — with Anna Smith at Café Luna.", "— with Anna Smith at Café Luna", "Café Luna"),
        ("Golden hour 📍 Santa Monica Pier", "📍 Santa Monica Pier", "Santa Monica Pier"),
        ("📍 Lisbon, Portugal", "📍 Lisbon, Portugal", "Lisbon, Portugal"),
        ("https://4sq.com/2AbCdEf", "https://4sq.com/2AbCdEf", None),
    ],
)
def test_check_ins(text: str, matched: str, place: str | None) -> None:
    (hit,) = DETECTOR.find(text)
    assert (hit.kind, hit.text, hit.place) == (CHECK_IN, matched, place)


@pytest.mark.parametrize(
    ("text", "matched", "confidence"),
    [
        ("my house on Maple Street is cold", "my house on Maple Street", Confidence.HIGH),
        ("My flat in Shoreditch has no heating", "My flat in Shoreditch", Confidence.MEDIUM),
        ("I live in Leeds and love it", "I live in Leeds", Confidence.MEDIUM),
        ("I'm living in Toronto now", "I'm living in Toronto", Confidence.MEDIUM),
        ("We're living near Lake Tahoe", "We're living near Lake Tahoe", Confidence.MEDIUM),
        ("we live on Elm Street", "we live on Elm Street", Confidence.HIGH),
        ("moved back to Portland after ten years", "moved back to Portland", Confidence.MEDIUM),
        ("back home in Ohio for the holidays", "home in Ohio", Confidence.MEDIUM),
        ("Our building on 5th Avenue", "Our building on 5th Avenue", Confidence.HIGH),
    ],
)
def test_home_mentions(text: str, matched: str, confidence: Confidence) -> None:
    (hit,) = DETECTOR.find(text)
    assert (hit.kind, hit.text, hit.confidence) == (HOME, matched, confidence)


@pytest.mark.parametrize(
    "text",
    [
        "I'm at a loss for words",
        "I'm at Work",
        "I'm at Home",
        "I'm at Level 5 in the game",
        "I'm at 80% battery",
        "I'm at Christmas dinner",
        "Dinner — at last!",
        "meeting - at 5pm",
        "Check in at 3pm",
        "I live in hope",
        "I live in Fear",
        "We live in Interesting Times",  # several words, none of them a place word
        "Home at Last",
        "I moved to Python 3 last year",
        "We moved to Slack for chat",
        "My home in Minecraft is huge",
        "https://swarmapp.com/",
        "📍 here",
    ],
)
def test_refuses(text: str) -> None:
    assert found(DETECTOR, text) == []
