"""Recognising an export by the names it holds: which platform's layout a list of member
names, or an unpacked export folder, shows.

Layout markers are file and folder names each platform's "download your data" archive is
known to hold (see ../shared/docs/platforms.md), declared in :mod:`.platforms`.  Every audit of a folder runs this probe
(an unpacked export is read as that export, not as photos), so this module needs nothing
of the archive and JSON readers: looking inside files is :mod:`.detect`'s job.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from pathlib import Path

from exposure.sources.exports.platforms import BY_RANK
from exposure.sources.photos import media_kind

FOLDER_PROBE = 5000
"""Names looked at when deciding whether a folder is an unpacked export."""

MARKERS: dict[str, tuple[str, ...]] = {p.name: p.markers for p in BY_RANK if p.markers}
"""Layout markers (regular expressions, matched ignoring case) of each platform, in the
order they are tried (each platform's ``rank``: Facebook before Instagram, both Meta)."""


@functools.cache
def _combined() -> dict[str, re.Pattern[str]]:
    """Each platform's markers as one pattern: one search per name, not one per marker (a
    folder of thousands of photos is probed on every audit).  Compiled at the first probe,
    not on import (about a millisecond: ``--help`` and the commands that read no folder
    do not pay it)."""
    return {
        platform: re.compile("|".join(f"(?:{m})" for m in markers), re.IGNORECASE)
        for platform, markers in MARKERS.items()
    }


_ARCHIVES = (".zip", ".tgz", ".tar.gz", ".tar", ".tar.bz2", ".tar.xz", ".7z", ".rar")

PAIRED_MARKERS: dict[str, tuple[frozenset[str], ...]] = {
    p.name: p.paired_markers for p in BY_RANK if p.paired_markers
}
"""Names too common to recognise an export on their own: every name of a set must sit in
one folder (see :attr:`Platform.paired_markers`)."""


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
    for platform in BY_RANK:
        combined = _combined().get(platform.name)
        if combined is not None and any(combined.search(name) for name in names):
            return platform.name
        pairs = platform.paired_markers
        if pairs:
            folders = _folders_of(names) if folders is None else folders
            if any(pair <= held for pair in pairs for held in folders.values()):
                return platform.name
    return None


def platform_rooted(names: Iterable[str]) -> str | None:
    """The platform whose export *is* the folder these ``names`` are relative to: a marker
    must match from the first name part on (``Takeout/`` in a Takeout folder), not further
    down (``takeout-2024/Takeout/`` in a Downloads folder that holds an unpacked Takeout)."""
    names = list(names)
    # In a folder that holds archives, only a marker folder at the top (``Takeout/``,
    # ``your_instagram_activity/``) says the folder is an export: a Downloads folder with a
    # Records.json or a data/tweets.js beside an Instagram zip is a folder of things, each
    # read as what it is.
    archives = any("/" not in n and n.lower().endswith(_ARCHIVES) for n in names)
    for platform, combined in _combined().items():
        for name in names:
            found = combined.search(name)
            if found is None or found.start() != 0:
                continue
            if not archives or (name.endswith("/") and name.count("/") == 1):
                return platform
        pairs = PAIRED_MARKERS.get(platform, ())
        if pairs:
            top = {name.lower() for name in names if "/" not in name}
            if any(pair <= top for pair in pairs):
                return platform
    return None


def platform_of_folder(root: Path) -> str | None:
    """The platform whose unpacked export the folder ``root`` is (None: not an export, or a
    folder that holds an export further down: the folder walk finds it there)."""
    return platform_rooted(_folder_names(root))


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
