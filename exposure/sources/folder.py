"""A folder INPUT: walked once, every file routed by what it is.

Photos, videos and XMP sidecars (by name, or by their first bytes whatever the name says)
go to the parallel metadata scan.  Everything else is looked at once, by name and first
bytes: export archives, lone export files (a phone's ``Timeline.json``, a Semantic Location
History month, Swarm or Instagram JSON recognised by shape), Google Photos sidecars, GPS
tracks (GPX, FIT, TCX, KML, KMZ, gzipped or not) and saved web pages are read by
:mod:`exposure.sources.exports.loose` (loaded only when the folder holds such a file).  A
folder inside that looks like an unpacked export is read as that export.  Files read by
nothing are counted by type (:mod:`.notchecked`), never dropped in silence.

The walk holds one folder's entries at a time (plus the stack of folders still to visit),
so a folder of 100,000 files is walked in flat memory; it is iterative (deep trees cannot
overflow the stack) and sorted (the same tree always gives the same order).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from exposure.i18n.message import M_
from exposure.model import Skipped, SourceItem
from exposure.options import Options
from exposure.sources.base import Entry, Source
from exposure.sources.exports.layout import platform_of_folder, platform_rooted
from exposure.sources.notchecked import LINKED_FOLDER, Tally
from exposure.sources.photos import media_kind, sniffed_kind

if TYPE_CHECKING:
    from exposure.sources.exports.loose import LooseFiles

HEAD_BYTES = 1024
"""First bytes read of a file whose name does not say it is a photo (enough for a tar
header, an XML declaration before ``<gpx``, a FIT header)."""

LOOSE_SUFFIXES = (
    ".json", ".js", ".csv", ".html", ".htm", ".gpx", ".tcx", ".fit", ".kml", ".kmz", ".gz",
    ".zip", ".tgz", ".tar", ".tbz2", ".bz2", ".txz", ".xz", ".7z", ".rar",
)  # fmt: skip
"""Names that may be an export, a track, an archive or a page: handed to the loose reader."""

_LOOSE_HEADS = (b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")


def looks_loose(name: str, head: bytes) -> bool:
    """True when a file may be something the loose reader reads (by name or first bytes)."""
    if name.lower().endswith(LOOSE_SUFFIXES) or head.startswith(_LOOSE_HEADS):
        return True
    if head[8:12] == b".FIT" or head[257:262] == b"ustar":
        return True
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return start in (b"{", b"[", b"<")  # JSON, or XML/HTML (a track, a page)


class FolderSource(Source):
    """A folder: photos and videos, exports, tracks and pages in it, each read as what it is."""

    name = "folder"
    description = (
        "a folder (everything in it is checked: photos, videos, exports, tracks, saved pages)"
    )

    @classmethod
    def recognise(cls, given: str) -> bool:
        return Path(given).expanduser().is_dir()

    def __init__(self, given: str, options: Options) -> None:
        super().__init__(given, options)
        self.tally = Tally(given)
        self._loose: LooseFiles | None = None

    @property
    def group(self) -> str:
        """Where the user acts on photos found: the folder they named."""
        return f"Photos and videos in {self.given}"

    def loose(self) -> LooseFiles:
        """The reader of exports, tracks and pages (loaded on the first such file)."""
        if self._loose is None:
            from exposure.sources.exports.loose import LooseFiles

            self._loose = LooseFiles(self.given, self.options, self.tally, self.activity)
        return self._loose

    def iter_items(self) -> Iterator[Entry]:
        yield from self._walk(Path(self.given).expanduser())
        if self._loose is not None:
            yield from self._loose.finish()
        record = self.tally.record()
        if record is not None:
            yield record

    def _photo(self, path: str, locator: str, kind: str) -> SourceItem:
        return SourceItem("photos", locator, kind, path=path, group=self.group)

    def _walk(self, root: Path) -> Iterator[Entry]:
        stack: list[tuple[Path, str, str]] = [(root, self.given, "")]
        seen: set[tuple[int, int]] = set()
        follow = self.options.follow_symlinks
        while stack:
            folder, shown, rel = stack.pop()
            try:
                st = folder.stat()
                if (st.st_dev, st.st_ino) in seen:
                    loop = M_("folder already visited through a link (loop)")
                    yield Skipped.said(shown, loop, self.name)
                    continue
                seen.add((st.st_dev, st.st_ino))
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                error = str(exc.strerror or exc)
                said = M_("could not open this folder ({error})", error=error)
                yield Skipped.said(shown, said, self.name)
                continue
            kinds = [media_kind(entry.name) for entry in entries]
            if rel and (platform := self._export_root(folder, entries, kinds)) is not None:
                yield from self.loose().export_folder(str(folder), shown, platform)
                continue
            subfolders: list[tuple[Path, str, str]] = []
            for entry, kind in zip(entries, kinds, strict=True):
                locator = os.path.join(shown, entry.name)
                name = f"{rel}{entry.name}"
                try:
                    if entry.is_dir(follow_symlinks=follow):
                        subfolders.append((Path(entry.path), locator, name + "/"))
                        continue
                    if not entry.is_file():
                        yield from self._odd(entry, locator, name)
                        continue
                except OSError:
                    continue
                if kind is not None:
                    yield self._photo(entry.path, locator, kind)
                else:
                    yield from self._other(entry.path, locator, name, entries)
            stack.extend(reversed(subfolders))

    def _export_root(
        self, folder: Path, entries: list[os.DirEntry[str]], kinds: list[str | None]
    ) -> str | None:
        """The platform whose unpacked export ``folder`` is, judged by its own names first
        (no extra read; photos by name are left out), then, when it has sub-folders, by the
        names three levels down."""
        names: list[str] = []
        has_folders = False
        for entry, kind in zip(entries, kinds, strict=True):
            if kind is not None:
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            has_folders = has_folders or is_dir
            names.append(entry.name + "/" if is_dir else entry.name)
        found = platform_rooted(names)
        if found is None and has_folders:
            found = platform_of_folder(folder)
        return found

    def _odd(self, entry: os.DirEntry[str], locator: str, name: str) -> Iterator[Entry]:
        """A link to a folder not followed, a link to nothing, a device or pipe."""
        if entry.is_symlink():
            try:
                Path(entry.path).stat()
            except OSError:
                if media_kind(entry.name) is not None:
                    said = M_("a link to a file that does not exist")
                    yield Skipped.said(locator, said, self.name)
                else:
                    self.tally.add(locator, name, "links to files that do not exist")
                return
            self.tally.add(locator, name, LINKED_FOLDER)
            return
        self.tally.add(locator, name, "devices, pipes and sockets")

    def _other(
        self, path: str, locator: str, name: str, entries: list[os.DirEntry[str]]
    ) -> Iterator[Entry]:
        """A file whose name does not say it is a photo: judged by its first bytes."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | os.O_NONBLOCK)
            try:
                head = os.read(fd, HEAD_BYTES)
            finally:
                os.close(fd)
        except OSError as exc:
            error = str(exc.strerror or exc)
            yield Skipped.said(locator, M_("could not open it ({error})", error=error), self.name)
            return
        if not head:
            self.tally.add(locator, name, empty=True)
            return
        kind = sniffed_kind(head, name)
        if kind is not None:
            yield self._photo(path, locator, kind)
            return
        if looks_loose(name, head):
            yield from self.loose().file(path, locator, name, head, entries)
            return
        self.tally.add(locator, name)
