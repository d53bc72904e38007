"""Exports, tracks, archives and pages found loose in a folder INPUT.

:class:`~exposure.sources.folder.FolderSource` walks the folder; every file that is not a
photo by name or first bytes comes here.  Each is routed by its name (the same rules as an
export's members, :func:`.detect.route`) or, when the name says nothing, by its content:

- an archive (by name or first bytes) is recognised by its content, as when it is named on
  the command line, and read as that platform's export; one of no known export is counted;
- a lone export file (``Timeline.json``, ``Records.json``, a Semantic Location History
  month, Swarm/Instagram/Facebook/X JSON by shape, Google Photos sidecars) is read by its
  platform's handler, with one run per platform for the whole folder, so a folder of 5,000
  sidecars gives one summary, as inside a Takeout;
- a GPS track (GPX, FIT, TCX, KML, KMZ, gzipped or not) gives its start and end places;
- a saved web page goes through the crawler's extractors (:mod:`exposure.sources.web.saved`);
- a folder that looks like an unpacked export is read as that export.

What nothing reads is counted in the INPUT's :class:`~exposure.sources.notchecked.Tally`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from exposure.i18n.message import M_
from exposure.model import Skipped
from exposure.options import Options
from exposure.sources.base import Activity, Entry
from exposure.sources.exports.archive import FolderContainer, Member, format_of, open_container
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.detect import (
    PLATFORM_OF_KIND,
    TRACK_HEAD,
    identify_file,
    json_kind,
    route,
)
from exposure.sources.exports.jsonstream import SNIFF_BYTES, prepare, sniff
from exposure.sources.exports.limits import ReadProblem
from exposure.sources.exports.reader import HANDLERS, Coverage, member_entries, read_export
from exposure.sources.exports.recovered import RecoveredZipContainer
from exposure.sources.exports.source import EXPORT_SOURCES, ExportSource, read_settings
from exposure.sources.notchecked import ARCHIVE, UNKNOWN, Tally, type_of

SOURCE = "folder"
_HTML = (b"<!doctype html", b"<html", b"<!-- saved from url=", b"<head")


def _platform_of(kind: str) -> str | None:
    return PLATFORM_OF_KIND.get(kind.split("-")[0])


def _source(platform: str) -> type[ExportSource]:
    return next(c for c in EXPORT_SOURCES if c.name == platform)


class LooseFiles:
    """Reads the non-photo files of one folder INPUT (see the module's docstring)."""

    def __init__(self, given: str, options: Options, tally: Tally, activity: Activity) -> None:
        self.given = given
        self.options = options
        self.tally = tally
        self.activity = activity
        self.settings = read_settings(options)
        self.runs: dict[str, ExportRun] = {}
        """One run per platform for the lone files of this folder (their summaries)."""

    def _locate(self, name: str) -> str:
        return os.path.join(self.given, *name.split("/"))

    def run(self, platform: str) -> ExportRun:
        """The run shared by this folder's lone files of ``platform``."""
        if platform not in self.runs:
            group = _source(platform).group
            self.runs[platform] = ExportRun(platform, self.options, self.given, self._locate, group)
        return self.runs[platform]

    def finish(self) -> Iterator[Entry]:
        """The summaries of the lone files (a location history, Google Photos sidecars)."""
        for run in self.runs.values():
            yield from run.finish()

    def file(
        self, path: str, locator: str, name: str, head: bytes, entries: Sequence[os.DirEntry[str]]
    ) -> Iterator[Entry]:
        """One file of the folder (``name`` is its path inside the INPUT, ``head`` its first
        bytes), routed by name, else by content."""
        how = route(name)
        if how == "media":
            how = None  # a photo name whose content is not a photo: judged below
        if how in (None, "sniff"):
            how = self._by_content(path, name, head, how)
        if how == "nested" or how == "archive":
            yield from self._archive(path, locator, name, head)
        elif how == "page":
            from exposure.sources.web.saved import read_saved_page

            yield from read_saved_page(path, locator, name, self.options, self.tally)
        elif how is None or (platform := _platform_of(how)) is None or how not in HANDLERS:
            self.tally.add(locator, name)
        else:
            yield from self._read(name, how, self.run(platform))

    def _by_content(self, path: str, name: str, head: bytes, how: str | None) -> str | None:
        """What the first bytes say the file is: an archive, a track, export JSON, a page."""
        if format_of(head, name) is not None:
            return "archive"
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if head[8:12] == b".FIT" or TRACK_HEAD.search(head):
            return "track"
        if start[:1] in (b"{", b"[") or how == "sniff" or start.startswith(b"window.YTD."):
            return self._sniff(path)
        if start[:64].lower().startswith(_HTML) or name.lower().endswith((".html", ".htm")):
            return "page"
        return None

    def _sniff(self, path: str) -> str | None:
        """The content kind of a JSON file, from its first 64 KiB."""
        try:
            with open(path, "rb") as fh:
                prepared = prepare(fh)
                return json_kind(sniff(prepared.head[:SNIFF_BYTES]), prepared.ytd_name)
        except (OSError, ReadProblem, UnicodeError):
            return None

    def _read(self, name: str, how: str, run: ExportRun) -> Iterator[Entry]:
        """A lone export file or track, read by its platform's handler."""
        container = FolderContainer(self.given, self.settings)  # a fresh budget per file
        container.watch = self.activity
        try:
            size: int | None = os.stat(self._locate(name)).st_size
        except OSError:
            size = None
        for member, stream in container.read([Member(name, size)]):
            yield from member_entries(
                container, run, run.group, member, stream, how, Coverage(self.tally)
            )

    def _archive(self, path: str, locator: str, name: str, head: bytes) -> Iterator[Entry]:
        """An archive in the folder: read as the export it is, or counted."""
        if type_of(name) not in (UNKNOWN, ARCHIVE):
            self.tally.add(locator, name)  # a .docx, .xlsx, .epub, .apk: a zip inside
            return
        if format_of(head, name) is None:
            said = M_(
                "named like an archive, but its first bytes are not those of a zip or tar "
                "archive: it is damaged or not what its name says; if it was downloaded, "
                "download it again"
            )
            yield Skipped.said(locator, said, SOURCE)
            return
        platform = identify_file(locator, self.settings)
        if platform is None:
            yield from self._unknown_archive(locator, name)
            return
        source = _source(platform)
        try:
            container = open_container(locator, self.settings)
        except ReadProblem as exc:
            yield Skipped(locator, str(exc), platform, exc.message)
            return
        container.watch = self.activity
        run = ExportRun(platform, self.options, locator, container.locator, source.group)
        try:
            yield from read_export(container, run, source.group, self.tally)
        finally:
            container.close()

    def _unknown_archive(self, locator: str, name: str) -> Iterator[Entry]:
        try:
            container = open_container(locator, self.settings)
        except ReadProblem as exc:
            yield Skipped(locator, str(exc), SOURCE, exc.message)
            return
        container.close()
        if isinstance(container, RecoveredZipContainer):
            said = M_(
                "the zip archive is damaged or incomplete (its table of contents at the end is "
                "missing), and the members before the damage do not show which export it is; "
                "if it was downloaded, the download may have stopped: download it again"
            )
            yield Skipped.said(locator, said, SOURCE)
            return
        self.tally.add(locator, name, ARCHIVE)

    def export_folder(self, path: str, locator: str, platform: str) -> Iterator[Entry]:
        """A folder inside the INPUT that is an unpacked export: read as that export."""
        source = _source(platform)
        container = FolderContainer(locator, self.settings)
        container.watch = self.activity
        run = ExportRun(platform, self.options, locator, container.locator, source.group)
        yield from read_export(container, run, source.group, self.tally)
