"""Progress display for the command line: a real bar on a terminal, silence otherwise."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

# Below this many items a bar would only flicker.
MIN_ITEMS_FOR_BAR = 50


class TerminalProgress:
    """Shows a rich progress bar on stderr when it is a terminal; does nothing otherwise."""

    def __init__(self, stream: TextIO | None = None, enabled: bool = True) -> None:
        stream = stream or sys.stderr
        self._enabled = enabled and stream.isatty()
        self._console = Console(file=stream)
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def start(self, total: int) -> None:
        if not self._enabled or total < MIN_ITEMS_FOR_BAR:
            return
        self._bar = Progress(
            TextColumn("Checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("check", total=total)

    def advance(self, count: int = 1) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, count)

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
