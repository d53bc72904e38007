"""Exceptions of :mod:`exposure.metadata`.

Only :class:`MetadataError` leaves the package.  The parsers raise the private
:class:`Truncated` and :class:`Malformed` while walking a file; the reader turns them
into a note (when something was still read) or into a :class:`MetadataError`.
"""

from __future__ import annotations

from exposure.i18n import N_

TRUNCATED = N_("the file ends before its metadata does (truncated?)")


class MetadataError(Exception):
    """A file whose metadata could not be checked; ``reason`` is a short plain-English why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Malformed(Exception):
    """Internal: a structure that cannot be followed, with a reason for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Truncated(Malformed):
    """Internal: the data ends before a structure it declares."""

    def __init__(self, reason: str = TRUNCATED) -> None:
        super().__init__(reason)
