"""A progress bar on a terminal; nothing at all when the output is not a terminal."""

from __future__ import annotations

import io
import threading

import pytest

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


def test_bar_redraws_without_a_background_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # Photo workers may be forked while the bar shows: that is only safe single-threaded.
    monkeypatch.setattr("exposure.progress.REDRAW_SECONDS", 0)
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


def test_a_long_read_gets_its_own_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    # A big file of an export takes a while: the user sees which one and how far it is.
    monkeypatch.setattr("exposure.progress.REDRAW_SECONDS", 0)
    stream = FakeTerminal()
    before = threading.active_count()
    member = "/home/me/Downloads/takeout.zip!Takeout/Location History/Records.json"
    with TerminalProgress(stream) as progress:
        progress.reading(member, 300 * 2**20, 1300 * 2**20)
        assert threading.active_count() == before
    shown = stream.getvalue()
    assert "Reading takeout.zip: Records.json" in shown
    assert "300 MB of 1.3 GB" in shown


def test_small_reads_show_nothing() -> None:
    stream = FakeTerminal()
    with TerminalProgress(stream) as progress:
        progress.reading("export.zip!a.json", 1000, 2000)
    assert stream.getvalue() == ""
    quiet = io.StringIO()
    with TerminalProgress(quiet) as progress:
        progress.reading("export.zip!Records.json", 300 * 2**20, 1300 * 2**20)
    assert quiet.getvalue() == ""


def test_a_crawl_shows_its_site_and_count_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("exposure.progress.REDRAW_SECONDS", 0)
    stream = FakeTerminal()
    with TerminalProgress(stream) as progress:
        progress.reading("https://blog.example/about", 3, 12, "pages and images")
    shown = stream.getvalue()
    assert "Reading blog.example" in shown and "3 of 12 pages and images" in shown
