"""The member loop shared by every export: list, route, read each member in place, summarise.

For each member: a name rule or a look at its first bytes decides its content kind, and the
handler registered for that kind reads it (:data:`HANDLERS`).  Photos and videos inside an
archive are read in place, only as far as their metadata goes, and handed to the engine
already read (:class:`~exposure.sources.base.MediaRead`); in an unpacked folder as paths.
Archives inside the archive (a .zip in a Takeout) are opened from memory and their members
routed exactly like the others, two levels deep at most (:mod:`.nested`).  What was not
read at all is counted by type (:mod:`exposure.sources.notchecked`), so the user knows what
the audit did not look at.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from exposure.i18n.message import M_, Message, Mn_
from exposure.metadata import MetadataError, PhotoMetadata, read_metadata_stream
from exposure.model import Skipped, SourceItem
from exposure.sources.base import Entry, MediaRead
from exposure.sources.exports.archive import Container, FileContainer, FolderContainer, Member
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.detect import json_kind, route
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.jsonstream import prepare, sniff
from exposure.sources.exports.limits import ReadProblem, megabytes
from exposure.sources.exports.nested import open_nested, refusal
from exposure.sources.exports.platforms import PLATFORMS
from exposure.sources.notchecked import Tally
from exposure.sources.photos import media_kind

HANDLERS: dict[str, Handler] = {
    kind: handler
    for platform in PLATFORMS
    for kind, handler in (
        *platform.handlers,
        *(
            pair
            for module in platform.parsers
            for pair in importlib.import_module(module).HANDLERS.items()
        ),
    )
}
"""Content kind -> the function that reads such a file (each platform's own handlers and
those of its parser modules)."""

FIRST = tuple(kind for platform in PLATFORMS for kind in platform.read_first)
"""Kinds read before the rest (their facts name the others: activity names for tracks)."""


@dataclass
class Halt:
    """Why the rest of an archive is not read (its budget is spent), and how many members
    that left unread: one line for all of them, not one per member (the member that spent
    the budget has its own line, as it was partly read)."""

    reason: str | Message | None = None
    unread: int = 0

    def line(self, given: str, source: str) -> Skipped | None:
        """The record for the members left unread, or None."""
        if self.reason is None:
            return None
        said = Mn_(
            "{count} more file in this archive not read: {reason}",
            "{count} more files in this archive not read: {reason}",
            self.unread,
            reason=self.reason,
        )
        return Skipped.said(given, said, source)


class Coverage:
    """What was not read: members counted by type in the INPUT's :class:`Tally`, and the
    members left once the archive's budget was spent (one line for all of them)."""

    def __init__(self, tally: Tally, halt: Halt | None = None) -> None:
        self.tally = tally
        self.halt = halt if halt is not None else Halt()

    def add(self, name: str, locator: str, *, empty: bool = False) -> None:
        """One member not read."""
        self.tally.add(locator, name, empty=empty)


def read_export(
    container: Container, run: ExportRun, group: str, tally: Tally | None = None
) -> Iterator[Entry]:
    """Every entry of one export: members read in place, then summaries, then what was not
    read (counted in ``tally``, the INPUT's when the export lies in a folder INPUT; else in
    a tally of its own, yielded as the last entry)."""
    coverage = Coverage(Tally(run.given) if tally is None else tally)
    yield from _walk(container, run, group, coverage)
    yield from run.finish()
    line = coverage.halt.line(run.given, run.source)
    if line is not None:
        yield line
    record = coverage.tally.record() if tally is None else None
    if record is not None:
        yield record


def _walk(container: Container, run: ExportRun, group: str, coverage: Coverage) -> Iterator[Entry]:
    """The entries of one container's members (nested archives walked in turn)."""
    routes: dict[str, str] = {}
    planned: list[Member] = []
    in_place = isinstance(container, FolderContainer) and not isinstance(container, FileContainer)
    for entry in container.listing():
        if isinstance(entry, Skipped):
            yield dataclasses.replace(entry, source=run.source)
            continue
        how = route(entry.name)
        locator = container.locator(entry.name)
        if how is None:
            coverage.add(entry.name, locator, empty=entry.size == 0)
        elif how == "nested" and (why := refusal(container, entry.name)) is not None:
            yield run.skip(locator, why)
        elif how == "media" and in_place:
            path = Path(container.given).expanduser().joinpath(*entry.name.split("/"))
            kind = media_kind(path) or "photo"
            yield SourceItem(run.source, locator, kind, path=str(path), group=group)
        else:
            routes[entry.name] = how
            planned.append(entry)
    planned.sort(key=lambda m: routes[m.name] not in FIRST)
    for member, stream in container.read(planned):
        if container.budget.spent:  # the member that spent it has its own line
            coverage.halt.unread += 1
            coverage.halt.reason = container.budget.why
        elif routes[member.name] == "nested":
            yield from _nested(container, run, group, member, stream, coverage)
        else:
            yield from member_entries(
                container, run, group, member, stream, routes[member.name], coverage
            )


def _nested(
    container: Container,
    run: ExportRun,
    group: str,
    member: Member,
    stream: BinaryIO,
    coverage: Coverage,
) -> Iterator[Entry]:
    """The members of an archive inside the export, routed like the outer ones."""
    try:
        inner = open_nested(container, member, stream)
    except ReadProblem as exc:
        yield run.skip(container.locator(member.name), exc.message or str(exc))
        return
    try:
        yield from _walk(inner, run, group, coverage)
    finally:
        inner.close()


def member_entries(
    container: Container,
    run: ExportRun,
    group: str,
    member: Member,
    stream: BinaryIO,
    how: str,
    coverage: Coverage,
) -> Iterator[Entry]:
    """The entries of one member read as content kind ``how`` (``sniff``: by its shape;
    ``media``: a photo read in place); a member of no known kind is counted in ``coverage``."""
    locator = container.locator(member.name)
    try:
        if how == "media":
            yield from _media(run, group, member, locator, stream)
            return
        doc = Doc(member, locator, stream, sibling=_sibling_of(container))
        if member.name.lower().endswith((".json", ".js")):
            doc.prepared = prepare(doc.stream)
        if how == "sniff":
            assert doc.prepared is not None
            found = json_kind(sniff(doc.prepared.head), doc.prepared.ytd_name)
            if found is None or found not in HANDLERS:
                coverage.add(member.name, locator)
                return
            how = found
        yield from HANDLERS[how](doc, run)
    except ReadProblem as exc:
        yield run.skip(locator, exc.message or str(exc))
    except Exception as exc:  # a parser bug must never end the audit
        error = f"{type(exc).__name__}: {exc}"
        yield run.skip(locator, M_("unexpected error while reading it ({error})", error=error))


def _sibling_of(container: Container) -> Callable[[str], tuple[str, int | None] | None]:
    def sibling(name: str) -> tuple[str, int | None] | None:
        found = container.find(name)
        return (container.locator(name), found.size) if found is not None else None

    return sibling


def _media(
    run: ExportRun, group: str, member: Member, locator: str, stream: BinaryIO
) -> Iterator[Entry]:
    cap = run.options.exports.media_limit
    if member.size is not None and member.size > cap:
        size, limit = megabytes(member.size), megabytes(cap)
        yield run.skip(
            locator,
            M_(
                "a {size} photo or video is too large to read inside the archive (limit "
                "{limit}): unpack the archive and audit the folder to check it",
                size=size,
                limit=limit,
            ),
        )
        return
    kind = media_kind(Path(member.name)) or "photo"
    if member.size is not None:
        # Read in place, only as far as the metadata goes (usually the first 64 KiB).
        item = SourceItem(run.source, locator, kind, group=group)
        try:
            outcome: PhotoMetadata | str = read_metadata_stream(stream, member.size, member.name)
        except MetadataError as exc:
            outcome = exc.reason
        yield MediaRead(item, outcome)
        return
    data = stream.read(cap + 1)  # size unknown (a recovered member): read it whole
    if len(data) > cap:
        limit = megabytes(cap)
        yield run.skip(
            locator, M_("larger than the {limit} limit for photos in archives", limit=limit)
        )
        return
    yield SourceItem(run.source, locator, kind, data=data, group=group)
