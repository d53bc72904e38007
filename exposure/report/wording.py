"""Every sentence and label the HTML report shows, in plain language.

Kept apart from :mod:`exposure.report.context` so the words can be reviewed (and one day
translated) in one place.  No jargon: "high risk", not "severity: HIGH".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from exposure.model import Confidence, Severity

SEVERITY_LABEL = {
    Severity.HIGH: "High risk",
    Severity.MEDIUM: "Medium risk",
    Severity.LOW: "Low risk",
}
SEVERITY_MEANING = {
    Severity.HIGH: "Can point to a specific place, like a home or workplace.",
    Severity.MEDIUM: "Narrows down where you are, or shows it is you.",
    Severity.LOW: "Worth knowing, little risk on its own.",
}
CONFIDENCE_LABEL = {
    Confidence.HIGH: "We are sure about this.",
    Confidence.MEDIUM: "This is likely.",
    Confidence.LOW: "This is possible. Please check it yourself.",
}


def plural(count: int, one: str, many: str) -> str:
    """``"1 item"`` / ``"3 items"``."""
    return f"{count} {one if count == 1 else many}"


def join_words(parts: list[str]) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def severity_phrase(counts: dict[Severity, int]) -> str:
    """``"2 high risk and 1 low risk"``: the non-zero severities, most serious first."""
    return join_words([f"{n} {s.value} risk" for s, n in counts.items() if n])


def summary_sentence(items_checked: int, counts: dict[Severity, int], skipped: int) -> str:
    """One or two sentences saying what was checked and found."""
    total = sum(counts.values())
    checked = (
        f"We checked {plural(items_checked, 'item', 'items')} and found"
        if items_checked
        else "We found"
    )
    if total:
        found = (
            f"{checked} {plural(total, 'thing', 'things')} that could show where you are "
            f"or have been: {severity_phrase(counts)}."
        )
    else:
        found = (
            f"{checked} nothing that shows where you are. This only covers what you asked "
            "us to check."
        )
    if skipped:
        found += (
            f" {plural(skipped, 'item', 'items')} could not be checked; they are listed at the end."
        )
    return found


def day_text(value: date) -> str:
    """``"1 May 2024"``: unambiguous in every country, unlike 01/05/2024."""
    return f"{value.day} {value:%B %Y}"


def moment_text(value: datetime, *, date_only: bool) -> str:
    """``"1 May 2024, 14:03"`` (with the UTC offset when known), or the date alone."""
    if date_only:
        return day_text(value.date())
    text = f"{day_text(value.date())}, {value:%H:%M}"
    offset = value.utcoffset()
    if offset is None:
        return text
    if offset == timedelta(0):
        return f"{text} UTC"
    minutes = int(offset.total_seconds() // 60)
    hours, mins = divmod(abs(minutes), 60)
    return f"{text} (UTC{'+' if minutes >= 0 else '-'}{hours:02d}:{mins:02d})"


def made_line(tool: str, version: str, generated_at: datetime | None, *, redacted: bool) -> str:
    """``"Made by exposure 0.1.0 on 1 May 2024, 14:03 UTC."``"""
    line = f"Made by {tool} {version}"
    if generated_at is None:
        return line + "."
    return f"{line} on {moment_text(generated_at, date_only=redacted)}."


def step_note(source: str, checked_day: str | None) -> str | None:
    """``"Source: Apple support, checked 2 November 2024"`` (either part may be missing)."""
    if source and checked_day:
        return f"Source: {source}, checked {checked_day}"
    if source:
        return f"Source: {source}"
    if checked_day:
        return f"Advice checked {checked_day}"
    return None


def progress_text(done: int, total: int) -> str:
    """``"3 of 12 done"``: the same words the page script writes."""
    return f"{done} of {total} done"


CONFIDENCE_LABEL_MANY = {
    Confidence.HIGH: "We are sure about these.",
    Confidence.MEDIUM: "These are likely.",
    Confidence.LOW: "These are possible. Please check them yourself.",
}
"""How sure we are, said once for a whole section of the checklist."""

KIND_HEADING: dict[str, tuple[str, str]] = {
    "photo-gps": ("photo shows where it was taken", "photos show where they were taken"),
    "video-gps": ("video shows where it was recorded", "videos show where they were recorded"),
    "photo-gps-placeholder": (
        "file has location tags, but no real place in them",
        "files have location tags, but no real place in them",
    ),
    "photo-device-serial": (
        "file holds the serial number of a camera or phone",
        "files hold the serial number of a camera or phone",
    ),
    "photo-owner-name": ("file holds a person's name", "files hold a person's name"),
    "photo-camera-details": (
        "folder of photos records when they were taken and with which camera",
        "folders of photos record when they were taken and with which camera",
    ),
    # text (posts, notes, captions)
    "text-coordinates": ("piece of text holds coordinates", "pieces of text hold coordinates"),
    "text-map-link": ("map link shows a place", "map links show a place"),
    "text-plus-code": ("plus code points to a place", "plus codes point to a place"),
    "text-what3words": (
        "what3words address points to a place",
        "what3words addresses point to a place",
    ),
    "text-street-address": (
        "street address is written in text",
        "street addresses are written in text",
    ),
    "text-postcode": ("postcode is written in text", "postcodes are written in text"),
    "text-check-in": ("check-in says where you were", "check-ins say where you were"),
    "text-home-mention": (
        "mention ties your home to a place",
        "mentions tie your home to a place",
    ),
    # web pages
    "web-coordinates": (
        "web page publishes exact coordinates",
        "web pages publish exact coordinates",
    ),
    "web-address": (
        "web page publishes a street address or postcode",
        "web pages publish a street address or postcode",
    ),
    "web-place-name": ("web page names a place", "web pages name a place"),
    "web-feed-location": ("feed post carries a position", "feed posts carry a position"),
    "web-profile-location": (
        "public profile says where you are",
        "public profiles say where you are",
    ),
    "web-post-place": (
        "public post is tagged with a place",
        "public posts are tagged with a place",
    ),
    # data exports
    "google-location-history": (
        "Google location history holds the places your phone reported",
        "Google location histories hold the places your phone reported",
    ),
    "google-timeline": (
        "Google Maps Timeline export holds where you went",
        "Google Maps Timeline exports hold where you went",
    ),
    "google-home-work": (
        "place is labelled by Google as your home or work",
        "places are labelled by Google as your home or work",
    ),
    "google-photos-location": (
        "Google Photos item stores a location",
        "Google Photos items store a location",
    ),
    "google-maps-activity": (
        "Google Maps activity entry holds coordinates",
        "Google Maps activity entries hold coordinates",
    ),
    "google-maps-review": (
        "public Google Maps review names a place",
        "public Google Maps reviews name a place",
    ),
    "google-maps-saved-places": (
        "place is saved in your Google Maps lists",
        "places are saved in your Google Maps lists",
    ),
    "route-endpoint": (
        "place is where your activity routes start or end",
        "places are where your activity routes start or end",
    ),
    "snapchat-home-work": (
        "place is guessed by Snapchat as your home or work",
        "places are guessed by Snapchat as your home or work",
    ),
    "snapchat-location-history": (
        "Snapchat record holds your location history",
        "Snapchat records hold your location history",
    ),
    "swarm-checkin": ("venue has Swarm check-ins", "venues have Swarm check-ins"),
    "instagram-post-location": (
        "Instagram post kept its GPS position",
        "Instagram posts kept their GPS position",
    ),
    "instagram-post-place": (
        "Instagram post is tagged with a place",
        "Instagram posts are tagged with a place",
    ),
    "instagram-inferred-location": (
        "place is Instagram's own guess of where you are",
        "places are Instagram's own guesses of where you are",
    ),
    "instagram-photo-device": (
        "Instagram record keeps your camera's device id",
        "Instagram records keep your camera's device id",
    ),
    "instagram-login-ips": (
        "Instagram sign-in record lists IP addresses",
        "Instagram sign-in records list IP addresses",
    ),
    "facebook-post-location": (
        "Facebook post is tagged with a place",
        "Facebook posts are tagged with a place",
    ),
    "facebook-profile-place": (
        "place is on your Facebook profile",
        "places are on your Facebook profile",
    ),
    "facebook-location-history": (
        "Facebook record holds your location history",
        "Facebook records hold your location history",
    ),
    "facebook-login-ips": (
        "Facebook sign-in record lists IP addresses",
        "Facebook sign-in records list IP addresses",
    ),
    "x-post-location": ("post on X shows a place", "posts on X show a place"),
    "x-profile-location": ("X profile states a location", "X profiles state a location"),
    "x-login-ips": (
        "X sign-in record lists IP addresses",
        "X sign-in records list IP addresses",
    ),
}
"""Finding kind -> words after the count in its section heading (one, many).

Every kind in ``exposure.catalogue.CATALOGUE`` should have an entry (a test checks this);
a kind without one gets the catalogue's one-line summary and a count instead."""


def kind_heading(kind: str, count: int, summary: str | None = None) -> str:
    """``"41 photos show where they were taken"``: what a checklist section holds.

    ``summary`` is the catalogue's one-line description of the kind, used when
    :data:`KIND_HEADING` has no words for it; without either, the kind's identifier."""
    words = KIND_HEADING.get(kind)
    if words is not None:
        return plural(count, *words)
    if summary:
        return f"{summary.rstrip('. ')} ({plural(count, 'item', 'items')})"
    return f"{plural(count, 'finding', 'findings')} of the type “{kind}”"


def tick_all_text(count: int) -> str:
    """The label of a section's "tick all" button (the page script uses the same words)."""
    return f"Tick all {count} as done"
