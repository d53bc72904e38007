"""From a hit to a Finding: excerpt and highlight span, title, ids, advice for where text lives."""

from __future__ import annotations

from datetime import datetime

import pytest

from exposure.catalogue.text import Where, remediation_for, where_of
from exposure.detectors import TEXT_DETECTORS, new_text_detectors
from exposure.detectors.text import MapLinkDetector
from exposure.detectors.text.findings import CONTEXT, excerpt
from exposure.model import Confidence, Severity, SourceItem

LINK = "https://maps.google.com/?q=52.520008,13.404954"
POST = SourceItem(
    source="instagram",
    locator="instagram.zip!posts_1.json#post-17",
    kind="post",
    group="Instagram",
    timestamp=datetime(2024, 5, 1, 9, 30),
    text=f"Lovely picnic today, join us here {LINK} bring snacks",
)


def _finding(item: SourceItem, text: str | None = None):  # type: ignore[no-untyped-def]
    (finding,) = MapLinkDetector().detect(item, text or item.text or "")
    return finding


def test_finding_shows_the_excerpt_and_where_the_match_is() -> None:
    finding = _finding(POST)
    (evidence,) = finding.evidence
    assert evidence.locator == POST.locator and evidence.field == "post"
    assert evidence.match is not None
    start, end = evidence.match
    assert evidence.detail[start:end] == LINK
    assert evidence.detail.startswith("“Lovely picnic") and "bring snacks”" in evidence.detail
    assert evidence.position is not None and round(evidence.position.lat, 6) == 52.520008
    assert evidence.observed_at == POST.timestamp
    assert finding.kind == "text-map-link" and finding.severity is Severity.HIGH
    assert finding.confidence is Confidence.HIGH and finding.group == "Instagram"
    assert finding.title == "A Google Maps link to 52.52001, 13.40495 in a post"


def test_long_text_is_cut_at_words_around_the_match() -> None:
    text = ("word " * 100) + LINK + (" more" * 100)
    shown, (start, end) = excerpt(text, text.index(LINK), text.index(LINK) + len(LINK))
    assert shown[start:end] == LINK
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= len(LINK) + 2 * CONTEXT + 2
    assert " word" in shown and "wor…" not in shown


def test_whitespace_is_squashed_and_the_span_still_fits() -> None:
    shown, (start, end) = excerpt("a\n\n  b   c", 5, 6)
    assert shown == "a b c" and shown[start:end] == "b"


def test_id_is_stable_and_depends_on_the_text_and_value() -> None:
    first, again = _finding(POST), _finding(POST)
    assert first.id == again.id
    other_text = _finding(POST, POST.text + " !")  # an edited post is different content
    assert other_text.id != first.id
    moved = _finding(POST, POST.text.replace("13.404954", "13.5"))
    assert moved.id != first.id


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        ("post", Where.POST),
        ("caption", Where.POST),
        ("instagram-post", Where.POST),
        ("bio", Where.PROFILE),
        ("profile-field", Where.PROFILE),
        ("page", Where.PAGE),
        ("photo-description", Where.PHOTO),
        ("google-photos-description", Where.OTHER),  # typed online, not inside the file
        ("something-new", Where.OTHER),
    ],
)
def test_where_text_lives(kind: str, where: Where) -> None:
    assert where_of(kind) is where


def test_advice_follows_where_the_text_lives() -> None:
    bio = SourceItem(source="web", locator="https://social.example/@me", kind="bio", text=LINK)
    photo = SourceItem(source="photos", locator="pics/a.jpg", kind="photo-description", text=LINK)
    post_fix, bio_fix, photo_fix = (_finding(item).remediation for item in (POST, bio, photo))
    assert "Edit the post" in post_fix.steps[1].text
    assert "profile" in bio_fix.steps[1].text
    assert "inside the photo file" in photo_fix.steps[0].text
    assert "exiftool" in photo_fix.steps[0].text
    assert _finding(bio).title.endswith("in your profile")
    assert _finding(photo).title.endswith("in a photo's description")


def test_every_kind_has_advice_for_every_place_with_sources() -> None:
    for cls in TEXT_DETECTORS:
        for kind in cls.kinds:
            for where in Where:
                fix = remediation_for(kind, where)
                assert fix.summary and fix.steps
                assert all(step.source and step.checked for step in fix.steps)


def test_registered_and_fresh_per_audit() -> None:
    names = [cls.name for cls in TEXT_DETECTORS]
    assert {"map-links", "coordinates", "plus-codes", "addresses", "check-ins"} <= set(names)
    assert new_text_detectors()[0] is not new_text_detectors()[0]
