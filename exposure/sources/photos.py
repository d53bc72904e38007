"""Photo and video files: a single file or a folder walked recursively."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from exposure.flags import Flag, FlagGroup
from exposure.metadata import PHOTO_SUFFIXES, sniff_format
from exposure.model import Skipped, SourceItem
from exposure.sources.base import Entry, Source

SNIFF_BYTES = 32
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".3gp", ".3g2"})

PHOTO_FLAGS = FlagGroup(
    None,
    None,
    (
        Flag("--workers", "workers", "processes reading files in parallel (default: one per core)", int),
        Flag("--follow-symlinks", "follow_symlinks", "follow links to other folders while searching"),
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


def _sniff_kind(path: Path) -> str | None:
    """For a file whose name does not say (``IMG_0001`` copied off a phone, a photo renamed
    ``.txt``), look at its first bytes."""
    try:
        with path.open("rb") as fh:
            fmt = sniff_format(fh.read(SNIFF_BYTES), path.name)
    except OSError:
        return None
    if fmt is None:
        return None
    return {"mp4": "video", "mov": "video", "xmp": "xmp-sidecar"}.get(fmt, "photo")


class PhotoSource(Source):
    """Photos and videos on this computer: one file, or a folder and everything below it."""

    name = "photos"
    description = "a photo or video file, or a folder of them"

    @classmethod
    def recognise(cls, given: str) -> bool:
        path = Path(given).expanduser()
        if path.is_dir():
            return True
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
        if root.is_file():
            kind = media_kind(root) or _sniff_kind(root) or "photo"
            yield self._item(str(root), self.given, kind)
            return
        yield from self._walk(root)

    def _walk(self, root: Path) -> Iterator[SourceItem | Skipped]:
        """Walk without recursion (deep trees cannot overflow the stack), in a stable order."""
        stack: list[tuple[Path, str]] = [(root, self.given)]
        seen: set[tuple[int, int]] = set()
        follow = self.options.follow_symlinks
        while stack:
            folder, shown = stack.pop()
            try:
                st = folder.stat()
                if (st.st_dev, st.st_ino) in seen:
                    yield Skipped(shown, "folder already visited through a link (loop)", self.name)
                    continue
                seen.add((st.st_dev, st.st_ino))
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                yield Skipped(
                    shown, f"could not open this folder ({exc.strerror or exc})", self.name
                )
                continue
            subfolders: list[tuple[Path, str]] = []
            for entry in entries:
                locator = os.path.join(shown, entry.name)
                try:
                    if entry.is_dir(follow_symlinks=follow):
                        subfolders.append((Path(entry.path), locator))
                        continue
                    if not entry.is_file():  # links to files are followed: they cannot loop
                        if entry.is_symlink() and media_kind(entry.name) is not None:
                            yield Skipped(
                                locator, "a link to a file that does not exist", self.name
                            )
                        continue
                except OSError:
                    continue
                kind = media_kind(entry.name)
                if kind is None and "." not in entry.name:
                    kind = _sniff_kind(Path(entry.path))
                if kind is not None:
                    yield self._item(entry.path, locator, kind)
            stack.extend(reversed(subfolders))
