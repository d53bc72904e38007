"""Recognising what a file is: which platform made an archive or a lone export file, and
which kind of file each member is (by its name, else by its first bytes).

A folder is recognised by its names alone (:mod:`.layout`); an archive by the names in its
table of contents, with the same markers; a lone file (a phone's ``Timeline.json``, a
``.gpx`` track) by its content.  Recognition is cheap and bounded: a zip's table of
contents, the first members of a tar, the first 64 KiB of a file.  An archive whose own
names match no export is recognised by the names inside the first archives nested in it
(:func:`.nested.nested_names`).
"""

from __future__ import annotations

import re
from pathlib import Path

from exposure.sources.exports.archive import (
    NESTED_SUFFIXES,
    FileContainer,
    Member,
    ReadSettings,
    open_container,
)
from exposure.sources.exports.jsonstream import SNIFF_BYTES, Shape, prepare, sniff
from exposure.sources.exports.layout import platform_of_names
from exposure.sources.exports.limits import ReadProblem
from exposure.sources.exports.nested import nested_names
from exposure.sources.photos import media_kind

TAR_PROBE = 500
"""Members of a tar archive looked at when deciding what it is (tar files have no index)."""
TRACK = re.compile(r"\.(gpx|tcx|fit)(\.gz)?$", re.IGNORECASE)

NAME_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in (
        (r"(^|/)(records|location ?history)\.json$", "google-records"),
        (r"(^|/)semantic location history/.+\.json$", "google-semantic"),
        (r"(^|/)timeline edits\.json$", "google-timeline-edits"),
        (r"(^|/)timeline\.json$", "google-timeline"),
        (r"(^|/)location history[^/]*/settings\.json$", "google-settings"),
        (r"(^|/)my ?activity\.json$", "google-my-activity"),
        (r"(^|/)my ?activity\.html$", "google-my-activity-html"),
        (r"(^|/)(saved places|reviews|label+ed places)\.json$", "google-maps-places"),
        (r"(^|/)google (photos|fotos)/.+\.json$", "google-photos-sidecar"),
        (r"(^|/)activities\.csv$", "strava-csv"),
        (r"(^|/)[^/]*summarizedactivities\.json$", "garmin-activities"),
        (r"(^|/)(account|profile)_based_in\.json$", "instagram-based-in"),
        (r"(^|/)locations_of_interest\.json$", "instagram-interest-locations"),
        (TRACK.pattern, "track"),
    )
)
"""Member name -> content kind, for names that say what the file is."""

PLATFORM_OF_KIND = {
    "google": "google-takeout",
    "instagram": "instagram",
    "facebook": "facebook",
    "x": "x-twitter",
    "strava": "strava",
    "garmin": "garmin",
    "track": "gps-tracks",
    "snapchat": "snapchat",
    "swarm": "swarm",
}


def route(name: str) -> str | None:
    """What to do with a member, judged by its name: a content kind, ``sniff`` (a JSON file
    to recognise by its content), ``media``, ``nested``, or None (not read)."""
    for pattern, kind in NAME_RULES:
        if pattern.search(name):
            return kind
    lower = name.lower()
    if lower.endswith(NESTED_SUFFIXES):
        return "nested"
    if lower.endswith((".json", ".js")):
        return "sniff"
    if media_kind(Path(name)) is not None:
        return "media"
    return None


def json_kind(shape: Shape, ytd_name: str | None = None) -> str | None:
    """The content kind of a JSON document from its :class:`Shape` (None: not recognised)."""
    if ytd_name is not None:
        return f"x-{ytd_name.replace('_', '-').lower()}"
    rules: tuple[tuple[tuple[str, ...], str], ...] = (
        (("locations",), "google-records"),
        (("timelineObjects",), "google-semantic"),
        (("semanticSegments", "rawSignals", "userLocationProfile"), "google-timeline"),
        (("item.startTime", "item.timelinePath", "item.visit"), "google-timeline"),
        (("timelineEdits",), "google-timeline-edits"),
        (
            ("geoData", "geoDataExif", "photoTakenTime", "albumData.geoData"),
            "google-photos-sidecar",
        ),
        (("features",), "google-maps-places"),
        (("deviceSettings",), "google-settings"),
        (("item.titleUrl", "item.header"), "google-my-activity"),
        (("item.media", "ig_stories", "item.media_metadata"), "instagram-posts"),
        (("account_history_login_history",), "instagram-logins"),
        (("profile_user",), "instagram-personal"),
        (("inferred_data_primary_location",), "instagram-based-in"),
        (
            ("photos.item.taken_at", "videos.item.taken_at", "photos.item.path"),
            "instagram-media",
        ),
        (("item.attachments", "item.timestamp"), "facebook-posts"),
        (("status_updates.item.timestamp", "status_updates.item.data"), "facebook-posts"),
        (("primary_location_v2", "primary_public_location_v2", "profile_v2"), "facebook-profile"),
        (("account_activity_v2",), "facebook-logins"),
        (("location_history_v2", "location_history"), "facebook-location-history"),
        (("item.id_str", "item.tweet"), "x-tweets"),
        (
            (
                "Home & Work",
                "Location History",
                "Frequent Locations",
                "Daily Top Locations",
                "Saved Media",
            ),
            "snapchat-location",
        ),
        (
            ("venue", "items.item.venue", "checkins.items.item.venue", "item.venue"),
            "swarm-checkins",
        ),
    )
    for paths, kind in rules:
        if shape.has(*paths):
            return kind
    return None


def _sniff_file(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            prepared = prepare(fh)
            return json_kind(sniff(prepared.head[:SNIFF_BYTES]), prepared.ytd_name)
    except (OSError, ReadProblem, UnicodeError):
        return None


def identify_file(given: str, settings: ReadSettings) -> str | None:
    """The platform (a source name) that made the file ``given`` (an archive or a lone export
    file), or None.  A folder is judged by its names: :func:`.layout.platform_of_folder`."""
    path = Path(given).expanduser()
    if TRACK.search(path.name):
        return "gps-tracks"
    try:
        container = open_container(given, settings, probe=TAR_PROBE)
    except ReadProblem:
        return None
    if isinstance(container, FileContainer):
        kind = route(path.name)
        if kind in (None, "sniff", "media", "nested"):
            kind = _sniff_file(path) if path.suffix.lower() in {".json", ".js"} else None
        return PLATFORM_OF_KIND.get((kind or "").split("-")[0]) if kind else None
    try:
        names = [m.name for m in container.listing() if isinstance(m, Member)]
        return platform_of_names(names) or platform_of_names(nested_names(container, names))
    finally:
        container.close()
