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


class ExposureError(Exception):
    """Base class: a problem exposure knows how to explain."""


class UsageError(ExposureError):
    """The command line asks for something that cannot be done; nothing was audited."""


class InputError(UsageError):
    """An INPUT does not exist or is not something exposure can read."""

    def __init__(self, given: str, problem: str) -> None:
        super().__init__(f"{given}: {problem}")
        self.given = given
        self.problem = problem


class ReportError(ExposureError):
    """A report file could not be written."""


class FetchError(ExposureError):
    """One URL could not be fetched; the crawler turns it into a Skipped record."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
