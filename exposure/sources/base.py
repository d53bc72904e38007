"""The Source contract: recognise an INPUT, then yield what it holds.

A source never raises for one bad item; it yields :class:`~exposure.model.Skipped` and goes on.
An INPUT that cannot be read at all once recognised (a damaged archive) is one Skipped
record too; only :meth:`Source.recognise` and the constructor may refuse an INPUT, with an
:class:`~exposure.errors.InputError` (a usage error, exit code 2).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Protocol

from exposure.metadata import PhotoMetadata
from exposure.model import Finding, LocatedPoint, NotChecked, Skipped, SourceItem
from exposure.options import Options


@dataclass(frozen=True, slots=True)
class MediaRead:
    """A photo or video whose metadata the source read itself while its bytes streamed by
    (a member of an archive, read in place only as far as its metadata goes)."""

    item: SourceItem
    outcome: PhotoMetadata | str
    """The metadata, or the reason it could not be checked."""


Entry = SourceItem | Skipped | Finding | LocatedPoint | MediaRead | NotChecked
"""What a source yields:

- :class:`SourceItem`: something to look into.  A local photo or video (``path`` set) goes to
  the parallel metadata scan; in-memory bytes (``data``, a photo inside an archive or a
  fetched image) are read in memory; ``text`` goes to the text detectors.
- :class:`Skipped`: something that could not be read, with the reason.
- :class:`Finding`: a leak the source recognised itself from the structure it parsed (a
  check-in record, a profile's "current city"); build it with ``detectors.make_finding``.
- :class:`LocatedPoint`: one located observation kept for inference (bulk records are
  summarised as one Finding and their points streamed here).
- :class:`MediaRead`: a photo the source has already read (the photo detectors run on it).
- :class:`NotChecked`: the files of an INPUT it does not read, counted by type (records for
  the same INPUT are added together).
"""


class Activity(Protocol):
    """Told what a source is doing while it does something long: the item's locator (a big
    export file, the site being crawled), how far it is and how far it goes (None: not
    known), counted in ``unit`` (``"bytes"``, or a plural noun such as ``"pages and images"``)."""

    def __call__(self, label: str, done: int, total: int | None, unit: str = "bytes") -> None: ...


def quiet(label: str, done: int, total: int | None, unit: str = "bytes") -> None:
    """The :class:`Activity` that tells nobody (the default)."""


class Source(ABC):
    """One kind of INPUT: a photo folder, a platform export, a profile URL..."""

    name: ClassVar[str]
    """Stable short name, used in reports (``photos``, later ``google-takeout``, ``web``...)."""
    description: ClassVar[str]
    """What the user can give, in words for ``--help`` and error messages."""

    def __init__(self, given: str, options: Options) -> None:
        self.given = given
        self.options = options
        self.activity: Activity = quiet
        """Where the source reports long reads; the engine points it at the progress display."""

    @classmethod
    @abstractmethod
    def recognise(cls, given: str) -> bool:
        """Cheaply decide whether this source can read the INPUT ``given``."""

    @abstractmethod
    def iter_items(self) -> Iterator[Entry]:
        """Yield what the INPUT holds (see :data:`Entry`); never raise for one bad item."""
