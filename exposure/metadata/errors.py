"""Exceptions of :mod:`exposure.metadata`.

Only :class:`MetadataError` leaves the package.  The parsers raise the private
:class:`Truncated` and :class:`Malformed` while walking a file; the reader turns them
into a note (when something was still read) or into a :class:`MetadataError`.
"""

from __future__ import annotations

from exposure.i18n import N_
from exposure.i18n.message import Message, said

TRUNCATED = N_("the file ends before its metadata does (truncated?)")


class MetadataError(Exception):
    """A file whose metadata could not be checked; ``reason`` is a short plain-English why.

    A reason that carries values ("could not read it (ValueError)") is given as a
    :class:`Message`, built only when a file fails; ``reason`` is then its English as a
    :class:`~exposure.i18n.message.Said`, which :func:`~exposure.i18n.message.known`
    turns back into the message, so the report can say it translated."""

    def __init__(self, reason: str | Message) -> None:
        self.reason = said(reason)
        super().__init__(self.reason)


class Malformed(Exception):
    """Internal: a structure that cannot be followed, with a reason for the user."""

    def __init__(self, reason: str | Message) -> None:
        self.reason = said(reason)
        super().__init__(self.reason)


class Truncated(Malformed):
    """Internal: the data ends before a structure it declares."""

    def __init__(self, reason: str = TRUNCATED) -> None:
        super().__init__(reason)
