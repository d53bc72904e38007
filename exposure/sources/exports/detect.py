"""Recognising an export: which platform made an archive or folder (by its layout), which
kind of file each member is (by its name, else by its first bytes).

Layout markers are file and folder names each platform's "download your data" archive is
known to hold (see ../shared/docs/platforms.md).  A lone file (a phone's ``Timeline.json``,
a ``.gpx`` track) is recognised by its content.  Recognition is cheap and bounded: a zip's
table of contents, the first members of a tar, at most a few thousand names of a folder,
the first 64 KiB of a file.  An archive whose own names match no export is recognised by
the names inside the first archives nested in it (:func:`.nested.nested_names`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from exposure.sources.exports.archive import (
    NESTED_SUFFIXES,
    FileContainer,
    Member,
    ReadSettings,
    open_container,
)
from exposure.sources.exports.jsonstream import SNIFF_BYTES, Shape, prepare, sniff
from exposure.sources.exports.limits import ReadProblem
from exposure.sources.exports.nested import nested_names
from exposure.sources.photos import media_kind

FOLDER_PROBE = 5000
"""Names looked at when deciding whether a folder is an unpacked export."""
TAR_PROBE = 500
"""Members of a tar archive looked at when deciding what it is (tar files have no index)."""
TRACK = re.compile(r"\.(gpx|tcx|fit)(\.gz)?$", re.IGNORECASE)


def _rx(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


MARKERS: dict[str, tuple[re.Pattern[str], ...]] = {
    "facebook": _rx(
        r"(^|/)your_facebook_activity/",
        r"(^|/)your_activity_across_facebook/",
        r"(^|/)logged_information/location/",
        r"(^|/)profile_information/profile_information\.json$",
        r"your_posts__check_ins__photos_and_videos_\d+\.json$",
        r"(^|/)posts/your_posts(_\d+)?\.json$",
    ),
    "instagram": _rx(
        r"(^|/)your_instagram_activity/",
        r"(^|/)(content|media)/(posts_\d+|stories)\.json$",
        r"(^|/)login_and_account_creation/login_activity\.json$",
        r"(^|/)personal_information/personal_information(/personal_information)?\.json$",
        r"(^|/)information_about_you/((account|profile)_based_in|locations_of_interest)\.json$",
    ),
    "x-twitter": _rx(
        r"(^|/)data/(tweets?|account|manifest|profile)\.js$", r"(^|/)your archive\.html$"
    ),
    "strava": _rx(r"(^|/)activities\.csv$"),
    "snapchat": _rx(r"(^|/)(json/)?(location_history|memories_history|snap_history)\.json$"),
    "swarm": _rx(r"(^|/)checkins\d*\.json$"),
    "google-takeout": _rx(
        r"(^|/)takeout/",
        r"(^|/)archive_browser\.html$",
        r"(^|/)(location history( \(timeline\))?|semantic location history|google photos|"
        r"my activity|maps \(your places\))/",
        r"(^|/)(records|timeline edits)\.json$",
    ),
}
"""Layout markers, tried in this order (Facebook before Instagram: both are Meta)."""

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
    "track": "gps-tracks",
    "snapchat": "snapchat",
    "swarm": "swarm",
}


_COMBINED: dict[str, re.Pattern[str]] = {
    platform: re.compile("|".join(f"(?:{m.pattern})" for m in markers), re.IGNORECASE)
    for platform, markers in MARKERS.items()
}
"""Each platform's markers as one pattern: one search per name, not one per marker (a
folder of thousands of photos is probed on every audit)."""


PAIRED_MARKERS: dict[str, tuple[frozenset[str], ...]] = {
    "instagram": (frozenset({"media.json", "profile.json"}),),
}
"""Names too common to recognise an export on their own: every name of a set must sit in
one folder (Instagram's 2018 export keeps ``media.json`` beside ``profile.json``; a photo
folder with some app's ``media.json`` is not an Instagram export)."""


def _folders_of(names: list[str]) -> dict[str, set[str]]:
    """Folder -> the lower-cased file names directly in it."""
    folders: dict[str, set[str]] = {}
    for name in names:
        folder, _, base = name.rpartition("/")
        if base:
            folders.setdefault(folder, set()).add(base.lower())
    return folders


def platform_of_names(names: Iterable[str]) -> str | None:
    """The platform whose layout markers appear in ``names`` (None when none do)."""
    names = list(names)
    folders: dict[str, set[str]] | None = None
    for platform, combined in _COMBINED.items():
        if any(combined.search(name) for name in names):
            return platform
        pairs = PAIRED_MARKERS.get(platform, ())
        if pairs:
            folders = _folders_of(names) if folders is None else folders
            if any(pair <= held for pair in pairs for held in folders.values()):
                return platform
    return None


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


def _folder_names(root: Path) -> list[str]:
    """Names of the files and folders among the first FOLDER_PROBE entries, three levels
    deep (breadth first).  Photos and videos are counted but not listed: no layout marker
    is a photo's name, and a folder of thousands of photos is probed on every audit."""
    names: list[str] = []
    seen = 0
    level = [(root, "")]
    for _depth in range(3):
        below: list[tuple[Path, str]] = []
        for folder, rel in level:
            try:
                with os.scandir(folder) as entries:
                    for entry in sorted(entries, key=lambda e: e.name):
                        name = f"{rel}{entry.name}"
                        seen += 1
                        if entry.is_dir(follow_symlinks=False):
                            names.append(name + "/")
                            below.append((Path(entry.path), name + "/"))
                        elif media_kind(entry.name) is None:
                            names.append(name)
                        if seen >= FOLDER_PROBE:
                            return names
            except OSError:
                continue
        level = below
    return names


def identify(given: str, settings: ReadSettings) -> str | None:
    """The platform (a source name) that made INPUT ``given``, or None."""
    path = Path(given).expanduser()
    if path.is_dir():
        return platform_of_names(_folder_names(path))
    if not path.is_file():
        return None
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
