"""The exception tree.  Every message says what to try next.

::

    ExposureError                 anything exposure raises on purpose
    ├── UsageError                bad command-line input (exit code 2)
    │   └── InputError            an INPUT that does not exist or is not recognised
    ├── FetchError                one web address could not be fetched (becomes Skipped)
    └── ReportError               a report could not be written (exit code 3)

Problems with a single item (one corrupt photo, one broken archive member, one 404) are
never exceptions: they become :class:`exposure.model.Skipped` records and the audit goes on.
"""

from __future__ import annotations

import gettext
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from exposure.i18n.message import Message


class ExposureError(Exception):
    """Base class: a problem exposure knows how to explain."""

    said: Message | None = None
    """The explanation as a translatable sentence, when the raiser wrote one (its English
    is the exception's text)."""

    @classmethod
    def of(cls, message: Message) -> Self:
        """The error saying ``message`` (``UsageError.of(M_("{path} is a folder", ...))``)."""
        error = cls(message.english())
        error.said = message
        return error

    def words(self, translations: gettext.NullTranslations | None = None) -> str:
        """The explanation in the language of ``translations`` (English without)."""
        return self.said.render(translations) if self.said is not None else str(self)


class UsageError(ExposureError):
    """The command line asks for something that cannot be done; nothing was audited."""


class InputError(UsageError):
    """An INPUT does not exist or is not something exposure can read."""

    def __init__(self, given: str, problem: str | Message) -> None:
        from exposure.i18n.message import M_, english

        super().__init__(f"{given}: {english(problem)}")
        self.given = given
        self.problem = english(problem)
        if not isinstance(problem, str):
            self.said = M_("{given}: {problem}", given=given, problem=problem)


class ReportError(ExposureError):
    """A report file could not be written."""


class FetchError(ExposureError):
    """One URL could not be fetched; the crawler turns it into a Skipped record."""

    def __init__(self, url: str, reason: str | Message) -> None:
        from exposure.i18n.message import english

        super().__init__(f"{url}: {english(reason)}")
        self.url = url
        self.reason = english(reason)
        """The reason in English (the JSON report's words)."""
        self.message = None if isinstance(reason, str) else reason
        """The reason, translatable, when it was given as a message."""
