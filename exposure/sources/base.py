"""The Source contract: recognise an INPUT, then yield what it holds.

A source never raises for one bad item; it yields :class:`~exposure.model.Skipped` and goes on.
It raises :class:`~exposure.errors.SourceError` only when the INPUT as a whole cannot be read.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar

from exposure.model import Skipped, SourceItem
from exposure.options import Options


class Source(ABC):
    """One kind of INPUT: a photo folder, a platform export, a profile URL..."""

    name: ClassVar[str]
    """Stable short name, used in reports (``photos``, later ``google-takeout``, ``web``...)."""
    description: ClassVar[str]
    """What the user can give, in words for ``--help`` and error messages."""

    def __init__(self, given: str, options: Options) -> None:
        self.given = given
        self.options = options

    @classmethod
    @abstractmethod
    def recognise(cls, given: str) -> bool:
        """Cheaply decide whether this source can read the INPUT ``given``."""

    @abstractmethod
    def iter_items(self) -> Iterator[SourceItem | Skipped]:
        """Yield every item the INPUT holds, or a Skipped record for what cannot be read."""
