"""Synthetic Instagram profile files and the 2018-era Instagram export, built from the
formats public sources show (see :mod:`exposure.sources.exports.instagram_profile`).

Values are made up; text is stored the way Meta writes it (mojibake).
"""

from __future__ import annotations

from exposure.testing.exportwriters import (
    as_json,
    instagram_based_in,
    instagram_legacy_media,
    instagram_personal,
    meta_labels,
    mojibake,
)

INSTAGRAM_BIO = "Café owner ☕ Home: 221B Baker Street, London NW1 6XE"
INSTAGRAM_SITE = "https://maps.google.com/?q=52.520008,13.404954"


def instagram_profile() -> dict[str, bytes]:
    """Instagram's profile and inferred places (mojibake in the values, as Meta writes
    them): a bio with an address, a map link as website, the older and the newer
    "based in" layouts, and locations of interest."""
    about = "personal_information/information_about_you"
    personal = {
        "Username": "alex.example", "Name": "Alex Example", "Bio": mojibake(INSTAGRAM_BIO),
        "Website": INSTAGRAM_SITE, "Email": "alex@example.com", "Phone Number": "+15555550100",
        "Date of birth": "1990-01-01", "Private Account": "False",
    }  # fmt: skip
    profile_based_in = [
        ("Country", "Germany"), ("Region", "Berlin"), ("City", mojibake("Berlin-Köpenick, Berlin")),
    ]  # fmt: skip
    interests = [("", "Berlin, Berlin"), ("", mojibake("München, Bavaria"))]
    return {
        "personal_information/personal_information/personal_information.json": (
            instagram_personal(personal)
        ),
        f"{about}/account_based_in.json": instagram_based_in(
            {"City Name": mojibake("Köln, Nordrhein-Westfalen")}
        ),
        f"{about}/profile_based_in.json": meta_labels("Location", profile_based_in),
        f"{about}/locations_of_interest.json": meta_labels(
            "Locations of interest", interests, key="vec"
        ),
    }


def instagram_2018() -> dict[str, bytes]:
    """The older (2018-era) Instagram export: ``media.json`` with place-tagged photos and a
    video, one photo without a tag."""
    photos = [
        {"caption": mojibake("Brunch at our café ☕"), "taken_at": "2018-12-31T08:05:13",
         "location": mojibake("Café de la Tour, Paris"), "path": "photos/201812/abc.jpg"},
        {"caption": "no tag here", "taken_at": "2018-11-01T10:00:00", "path": "photos/201811/d.jpg"},
    ]  # fmt: skip
    videos = [{"caption": "", "taken_at": "2018-10-01T10:00:00", "location": "West End, Vancouver",
               "path": "videos/201810/v.mp4"}]  # fmt: skip
    return {
        "media.json": instagram_legacy_media(photos, videos),
        "profile.json": as_json({"username": "alex.example", "biography": ""}),
        "comments.json": as_json({"media_comments": []}),
    }
