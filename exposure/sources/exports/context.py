"""What a platform handler works with: the export being read and its per-export state.

One :class:`ExportRun` exists per INPUT (fresh state for every audit; nothing global).
Handlers get the run and one member's stream, yield entries as they go, and may keep
:class:`Aggregate` objects in the run (a location-history summary, a login log) that
speak once every member has been read.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar, cast

from exposure.i18n.message import M_, Message
from exposure.model import Skipped, SourceItem
from exposure.options import Options
from exposure.sources.base import Entry


class Aggregate(ABC):
    """State gathered over many records; yields its findings at the end of the export."""

    @abstractmethod
    def entries(self) -> Iterator[Entry]:
        """The summary findings (and their points), once everything was read."""


A = TypeVar("A", bound=Aggregate)


@dataclass
class ExportRun:
    """One export being read: where it is, the options, and state shared by its members."""

    source: str
    """The source's name (items and skipped records carry it)."""
    options: Options
    given: str
    """The INPUT as the user named it."""
    locate: Callable[[str], str]
    """Member name -> locator the user can follow (``ARCHIVE!member``)."""
    group: str = ""
    """Where the user acts on this export (the source's group), for handlers shared by
    several sources (GPS tracks: "Strava" or "Route and map files")."""
    _state: dict[str, Aggregate] = field(default_factory=dict)

    def state(self, key: str, factory: Callable[[], A]) -> A:
        """The aggregate stored under ``key``, created on first use."""
        if key not in self._state:
            self._state[key] = factory()
        return cast(A, self._state[key])

    def finish(self) -> Iterator[Entry]:
        """Every aggregate's entries, in the order they were created."""
        for aggregate in self._state.values():
            yield from aggregate.entries()

    def text(
        self,
        locator: str,
        kind: str,
        text: str,
        group: str,
        timestamp: datetime | None = None,
    ) -> Iterator[SourceItem]:
        """A text item (post, caption, bio) for the text detectors; nothing for blank text."""
        if text and text.strip():
            yield SourceItem(
                source=self.source,
                locator=locator,
                kind=kind,
                group=group,
                timestamp=timestamp,
                text=text,
            )

    def checked(self, locator: str, group: str) -> SourceItem:
        """Marks one export file as read (it counts as checked in the report)."""
        return SourceItem(source=self.source, locator=locator, kind="export-file", group=group)

    def partly(self, locator: str, problem: str) -> Skipped:
        """The note for a file that broke part-way: what came before was used."""
        return Skipped.said(locator, M_("partly read: {notes}", notes=problem), self.source)

    def skip(self, locator: str, reason: str | Message) -> Skipped:
        """A file or record that could not be checked (``reason`` translatable or not)."""
        if isinstance(reason, Message):
            return Skipped.said(locator, reason, self.source)
        return Skipped(locator, reason, self.source)
