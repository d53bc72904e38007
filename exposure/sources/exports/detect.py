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
from exposure.sources.exports.platforms import PLATFORMS, gps_tracks
from exposure.sources.photos import media_kind

TAR_PROBE = 500
"""Members of a tar archive looked at when deciding what it is (tar files have no index)."""
TRACK = re.compile(gps_tracks.TRACK, re.IGNORECASE)
TRACK_HEAD = re.compile(rb"<(gpx|TrainingCenterDatabase|kml)[\s>]")
"""The root element of a GPX, TCX or KML document, looked for in a file's first bytes."""
NAME_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind) for p in PLATFORMS for pattern, kind in p.files
)
"""Member name -> content kind, for names that say what the file is (each platform's
``files``)."""

SHAPE_RULES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    rule for p in PLATFORMS for rule in p.shapes
)
"""JSON paths -> content kind (each platform's ``shapes``), tried in this order."""

LONE_FILES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p.lone_files, re.IGNORECASE), p.name) for p in PLATFORMS if p.lone_files
)
"""File names that say which platform made a lone file (GPS tracks)."""

PLATFORM_OF_KIND = {kind.split("-")[0]: p.name for p in PLATFORMS for kind in p.content_kinds()}
"""The first word of a content kind -> the platform (``google-records`` -> google-takeout)."""


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
    for paths, kind in SHAPE_RULES:
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
    for pattern, platform in LONE_FILES:
        if pattern.search(path.name):
            return platform
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
        found = platform_of_names(names) or platform_of_names(nested_names(container, names))
        if found is None and any(TRACK.search(name) for name in names):
            return "gps-tracks"  # a zip of GPX files: read like lone tracks
        return found
    finally:
        container.close()
