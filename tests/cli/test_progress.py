"""A progress bar on a terminal; nothing at all when the output is not a terminal."""

from __future__ import annotations

import io
import threading

from exposure.progress import TerminalProgress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal() -> None:
    stream = FakeTerminal()
    with TerminalProgress(stream) as progress:
        progress.start(200)
        progress.advance(150)
    assert "Checking" in stream.getvalue()


def test_bar_redraws_without_a_background_thread() -> None:
    # Photo workers may be forked while the bar shows: that is only safe single-threaded.
    stream = FakeTerminal()
    before = threading.active_count()
    with TerminalProgress(stream) as progress:
        progress.start(200)
        assert threading.active_count() == before
        progress.advance(150)
        assert "150/200" in stream.getvalue()


def test_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with TerminalProgress(stream) as progress:
        progress.start(200)
        progress.advance(200)
    assert stream.getvalue() == ""


def test_silent_for_small_jobs() -> None:
    stream = FakeTerminal()
    with TerminalProgress(stream) as progress:
        progress.start(10)
        progress.advance(10)
    assert stream.getvalue() == ""


def test_silent_when_disabled() -> None:
    stream = FakeTerminal()
    with TerminalProgress(stream, enabled=False) as progress:
        progress.start(500)
        progress.advance(500)
    assert stream.getvalue() == ""


def test_files_read_before_the_total_is_known_are_counted() -> None:
    # Reading starts while a folder is still being walked; the total comes later, and
    # grows again when the next INPUT has been walked.
    stream = FakeTerminal()
    with TerminalProgress(stream) as progress:
        progress.advance(40)
        progress.start(120)
        assert "40/120" in stream.getvalue()
        progress.advance(1)
        progress.start(300)
        assert "41/300" in stream.getvalue()
