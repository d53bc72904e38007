"""Photo and video files: a single file or a folder walked recursively."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from exposure.flags import Flag, FlagGroup
from exposure.i18n import N_
from exposure.metadata import PHOTO_SUFFIXES, sniff_format
from exposure.model import SourceItem
from exposure.sources.base import Entry, Source

SNIFF_BYTES = 32
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".3gp", ".3g2"})

PHOTO_FLAGS = FlagGroup(
    None,
    None,
    (
        Flag("--workers", "workers", N_("processes reading files in parallel (default: one per core)"), int),
        Flag("--follow-symlinks", "follow_symlinks", N_("follow links to other folders while searching")),
    ),
)  # fmt: skip
"""The ``exposure audit`` flags for photo folders (the CLI builds them)."""


def media_kind(path: Path | str) -> str | None:
    """``photo``, ``video`` or ``xmp-sidecar`` for a file we can read, judged by its name."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".xmp":
        return "xmp-sidecar"
    if suffix in VIDEO_SUFFIXES:
        return "video"
    if suffix in PHOTO_SUFFIXES:
        return "photo"
    return None


def sniffed_kind(head: bytes, name: str) -> str | None:
    """``photo``, ``video`` or ``xmp-sidecar`` judged by a file's first bytes (None: not one
    exposure reads), whatever its name says."""
    fmt = sniff_format(head, name)
    if fmt is None:
        return None
    return {"mp4": "video", "mov": "video", "xmp": "xmp-sidecar"}.get(fmt, "photo")


def _sniff_kind(path: Path) -> str | None:
    """For a file whose name does not say (``IMG_0001`` copied off a phone, a photo renamed
    ``.txt``), look at its first bytes."""
    try:
        with path.open("rb") as fh:
            return sniffed_kind(fh.read(SNIFF_BYTES), path.name)
    except OSError:
        return None


class PhotoSource(Source):
    """One photo or video file (by name, or by its first bytes whatever its name says).  A
    folder is :class:`~exposure.sources.folder.FolderSource`'s: photos found in it are
    items of this source too."""

    name = "photos"
    description = "a photo or video file"

    @classmethod
    def recognise(cls, given: str) -> bool:
        path = Path(given).expanduser()
        if not path.is_file():
            return False
        return media_kind(path) is not None or _sniff_kind(path) is not None

    @property
    def group(self) -> str:
        """Where the user acts: the folder (or file) they named."""
        return f"Photos and videos in {self.given}"

    def _item(self, path: str, locator: str, kind: str) -> SourceItem:
        return SourceItem(source=self.name, locator=locator, kind=kind, path=path, group=self.group)

    def iter_items(self) -> Iterator[Entry]:
        root = Path(self.given).expanduser()
        if root.is_dir():  # a library caller's folder
            from exposure.sources.folder import FolderSource

            yield from FolderSource(self.given, self.options).iter_items()
            return
        kind = media_kind(root) or _sniff_kind(root) or "photo"
        yield self._item(str(root), self.given, kind)
