"""Progress display for the command line: a real bar on a terminal, silence otherwise."""

from __future__ import annotations

import gettext
import os
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO
from urllib.parse import urlsplit

from exposure.i18n import N_
from exposure.textsafe import neutralise_bidi

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

# Below this many items a bar would only flicker.
MIN_ITEMS_FOR_BAR = 50
MIN_BYTES_FOR_BAR = 16 * 1024 * 1024
"""A read shorter than this shows no bar of its own (most export files are small)."""
REDRAW_SECONDS = 0.1
UNITS = {"pages and images": N_("pages and images")}
"""What a long read counts besides bytes (the crawler's), translated on the bar."""


def _short(locator: str) -> str:
    """``takeout.zip: Records.json`` for ``/long/path/takeout.zip!Takeout/.../Records.json``;
    the host name for a web address."""
    if locator.startswith(("http://", "https://")):
        return urlsplit(locator).hostname or locator
    outer, _, inner = locator.partition("!")
    name = inner.rsplit("!", 1)[-1].rsplit("/", 1)[-1]
    base = os.path.basename(outer.rstrip("/\\")) or outer
    return f"{base}: {name}" if inner else base


class TerminalProgress:
    """Shows rich progress bars on stderr when it is a terminal; does nothing otherwise.

    One bar counts the photo and video files read; another shows a long read (a big file of
    an export) as it goes.  Bars are redrawn from the calls (at most every
    ``REDRAW_SECONDS``), not by a background thread: the photo scan may fork worker
    processes, which is only safe while the process runs a single thread.  rich is imported
    only when a bar is shown.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        enabled: bool = True,
        t: gettext.NullTranslations | None = None,
    ) -> None:
        self._t = t or gettext.NullTranslations()
        """The language of the bars' words (:func:`exposure.i18n.translations`)."""
        self._stream = stream or sys.stderr
        self._enabled = enabled and self._stream.isatty()
        self._bar: Progress | None = None
        self._files: TaskID | None = None
        self._read: TaskID | None = None
        self._drawn = 0.0
        self._done = 0
        self._total = 0

    def _shown(self) -> Progress:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[amount]}"),
                TimeRemainingColumn(),
                console=Console(file=self._stream),
                transient=True,
                auto_refresh=False,
            )
            self._bar.start()
        return self._bar

    def _draw(self, now: bool = False) -> None:
        moment = time.monotonic()
        if self._bar is not None and (now or moment - self._drawn >= REDRAW_SECONDS):
            self._drawn = moment
            self._bar.refresh()

    def start(self, total: int) -> None:
        """Show the files bar for ``total`` files (or grow its total when shown already)."""
        self._total = total
        amount = f"{self._done}/{total}"
        if self._files is not None:
            self._shown().update(self._files, total=total, amount=amount)
        elif self._enabled and total >= MIN_ITEMS_FOR_BAR:
            self._files = self._shown().add_task(
                self._t.gettext("Checking"), total=total, completed=self._done, amount=amount
            )
        self._draw(now=True)

    def advance(self, count: int = 1) -> None:
        self._done += count
        if self._files is not None:
            amount = f"{self._done}/{self._total}"
            self._shown().update(self._files, completed=self._done, amount=amount)
            self._draw()

    def reading(self, label: str, done: int, total: int | None, unit: str = "bytes") -> None:
        """A long read under way: ``done`` of ``total`` (bytes, or ``unit``) of ``label``.
        A read of bytes shows a bar only when it is large; a crawl (pages) always does."""
        if self._read is None:
            small = unit == "bytes" and total is not None and total < MIN_BYTES_FOR_BAR
            if not self._enabled or small:
                return
            self._read = self._shown().add_task(self._t.gettext("Reading"), total=total, amount="")
        if unit != "bytes":
            unit = self._t.gettext(UNITS.get(unit, unit))
            amount = (
                self._t.gettext("{done} of {total} {unit}").format(
                    done=done, total=total, unit=unit
                )
                if total
                else f"{done} {unit}"
            )
        else:
            # Only an export's reads come in bytes: its limits module is loaded by then.
            from exposure.sources.exports.limits import megabytes

            amount = (
                self._t.gettext("{done} of {total}").format(
                    done=megabytes(done), total=megabytes(total)
                )
                if total
                else megabytes(done)
            )
        self._shown().update(
            self._read,
            description=self._t.gettext("Reading {name}").format(
                name=_short(neutralise_bidi(label))
            ),
            completed=done,
            total=total,
            amount=amount,
        )
        self._draw()

    def close(self) -> None:
        """Remove the bars from the terminal."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
