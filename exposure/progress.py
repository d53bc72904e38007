"""Progress display for the command line: a real bar on a terminal, silence otherwise."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

# Below this many items a bar would only flicker.
MIN_ITEMS_FOR_BAR = 50
REDRAW_SECONDS = 0.1


class TerminalProgress:
    """Shows a rich progress bar on stderr when it is a terminal; does nothing otherwise.

    The bar is redrawn from :meth:`advance` (at most every ``REDRAW_SECONDS``), not by a
    background thread: the photo scan may fork worker processes, which is only safe while
    the process runs a single thread.  rich is imported only when a bar is shown.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool = True) -> None:
        self._stream = stream or sys.stderr
        self._enabled = enabled and self._stream.isatty()
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._drawn = 0.0
        self._done = 0

    def start(self, total: int) -> None:
        """Show the bar for ``total`` files (or grow its total when it is shown already)."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=total)
            self._bar.refresh()
            return
        if not self._enabled or total < MIN_ITEMS_FOR_BAR:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("Checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=self._stream),
            transient=True,
            auto_refresh=False,
        )
        self._bar.start()
        self._task = self._bar.add_task("check", total=total, completed=self._done)
        self._bar.refresh()

    def advance(self, count: int = 1) -> None:
        self._done += count
        if self._bar is None or self._task is None:
            return
        self._bar.advance(self._task, count)
        now = time.monotonic()
        if now - self._drawn >= REDRAW_SECONDS:
            self._drawn = now
            self._bar.refresh()

    def close(self) -> None:
        """Remove the bar from the terminal."""
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
