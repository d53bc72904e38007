"""The unit a platform handler reads: one export file, opened and ready.

Handlers are plain functions ``handler(doc, run) -> Iterator[Entry]`` registered by content
kind (``google-records``, ``instagram-posts``...).  JSON files arrive prepared (BOM dropped,
encoding fixed, X wrapper skipped); other files arrive as a raw capped stream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n.message import M_, Message
from exposure.model import Evidence, Finding, Severity
from exposure.sources.base import Entry
from exposure.sources.exports.archive import Member
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.jsonstream import JsonReader, Prepared
from exposure.sources.exports.values import excerpt


@dataclass
class Doc:
    """One export file being read."""

    member: Member
    locator: str
    """``ARCHIVE!member`` (or the file's path)."""
    stream: BinaryIO
    prepared: Prepared | None = None
    """Set for JSON and X ``.js`` files."""
    readers: list[JsonReader] = field(default_factory=list, repr=False)
    """The readers :meth:`json` made (:meth:`done` asks them whether anything was read)."""
    sibling: Callable[[str], tuple[str, int | None] | None] | None = None
    """Another member of the same export by name -> its locator and size (None: not
    there); unset when the container cannot tell (a tar read as a stream)."""

    def beside(self, name: str) -> tuple[str, int | None] | None:
        """The locator and size of the file ``name`` in this file's folder, if it is there."""
        if self.sibling is None:
            return None
        folder, sep, _ = self.member.name.rpartition("/")
        return self.sibling(f"{folder}{sep}{name}")

    def json(self) -> JsonReader:
        """A streaming reader over the (prepared) JSON document."""
        reader = JsonReader(self.prepared.stream if self.prepared else self.stream)
        self.readers.append(reader)
        return reader

    def at(self, item_id: object) -> str:
        """The locator of one record inside this file: ``ARCHIVE!member#id``."""
        return f"{self.locator}#{item_id}"

    def done(self, run: ExportRun, problem: str | None, group: str) -> Iterator[Entry]:
        """The closing entries of a handler: the file counts as checked, and a note when it
        broke part-way (``problem``, from the reader).  A file that broke before its reader
        handed out anything was not checked at all, and says so (never "no leaks found")."""
        if problem and self.readers and all(r.values == 0 for r in self.readers):
            yield run.skip(self.locator, M_("not read: {problem}", problem=problem))
            return
        yield run.checked(self.locator, group)
        if problem:
            yield run.partly(self.locator, problem)

    def folder(self) -> str:
        """The locator of the folder holding this file (for summaries over many files)."""
        head, sep, _ = self.member.name.rpartition("/")
        if not sep:
            return self.locator
        return self.locator[: len(self.locator) - len(self.member.name)] + head


Handler = Callable[[Doc, ExportRun], Iterator[Entry]]


def read_through(prefix: str, group: str) -> Handler:
    """A handler for files known to hold no location fields (``Settings.json``, X's
    ``account.js``): it reads them to the end, so they count as checked and a broken one
    is reported."""

    def handler(doc: Doc, run: ExportRun) -> Iterator[Entry]:
        reader = doc.json()
        for _ in reader.items(prefix):
            pass
        yield from doc.done(run, reader.problem, group)

    return handler


def labelled_place(
    kind: str,
    *,
    platform: str,
    group: str,
    label: str,
    pos: Position,
    locator: str,
    detail: str,
    name: str | None = None,
) -> Finding:
    """A place the platform itself labelled HOME or WORK: always its own high finding."""
    home = label.strip().upper().endswith("HOME")
    word = "home" if home else "work"
    where = pos.as_text(4)
    return make_finding(
        kind,
        content=platform,
        value=f"{word} {pos.lat:.4f},{pos.lon:.4f}",
        title=M_(
            "{platform} has labelled a place as your home: {where}", platform=platform, where=where
        )
        if home
        else M_(
            "{platform} has labelled a place as your work: {where}", platform=platform, where=where
        ),
        group=group,
        evidence=(Evidence(locator, detail, position=pos, place_name=name, field="label"),),
    )


@dataclass(frozen=True)
class Post:
    """One post, check-in or tweet that carries a place: what the checklist line names."""

    platform: str
    post_id: str
    """The platform's id for it, or the media path inside the export when it has none."""
    locator: str
    posted: datetime | None = None
    text: str = ""
    url: str = ""
    place: str = ""
    """The place name or address the post is tagged with."""


def post_location(
    kind: str,
    post: Post,
    *,
    group: str,
    pos: Position | None,
    field: str,
    severity: Severity | None = None,
) -> Finding:
    """One checklist line for a post that shows where it was made (GPS or a place tag)."""
    where = post.place or (pos.as_text(4) if pos else "a place")
    said: str | Message = post.place or (pos.as_text(4) if pos else M_("a place"))
    parts = [f"post {post.post_id}" if post.post_id else "post"]
    if post.posted:
        parts.append(post.posted.date().isoformat())
    if post.text.strip():
        parts.append(f"\u201c{excerpt(post.text)}\u201d")
    parts.append(f"at {where}" + (f" ({pos.as_text()})" if pos and post.place else ""))
    if post.url:
        parts.append(post.url)
    return make_finding(
        kind,
        content=f"{post.platform}:{post.post_id}",
        value=pos.as_text(5) if pos else post.place,
        title=M_(
            "{platform} post of {day} shows where it was made: {where}",
            platform=post.platform,
            day=post.posted.date().isoformat(),
            where=said,
        )
        if post.posted
        else M_(
            "{platform} post shows where it was made: {where}", platform=post.platform, where=said
        ),
        severity=severity,
        group=group,
        evidence=(
            Evidence(
                post.locator,
                ", ".join(parts),
                position=pos,
                observed_at=post.posted,
                place_name=post.place or None,
                field=field,
            ),
        ),
    )
