"""One check started from the web page: its inputs, its progress, its reports.

Each audit runs in a child process (started with ``spawn``: the server runs threads), which
reports progress through a pipe and writes the reports itself (private, atomic, noted for
``exposure wipe``).  A child can be stopped at any moment, so Ctrl-C of the server, or
closing it from the page, never waits for a long scan and never leaves workers behind.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from exposure.i18n import N_, translations
from exposure.model import Finding, Report, Skipped
from exposure.pointstore import PointStore
from exposure.written import record_folder, record_written

SEND_EVERY = 0.2
"""Seconds between two progress messages from the child (a scan advances thousands of
times a second)."""


@dataclass
class Status:
    """What the page shows about a job (sent as JSON)."""

    state: str = "new"
    """``new`` (files being chosen and sent), ``running``, ``done``, ``failed``, ``stopped``."""
    done: int = 0
    total: int = 0
    reading: str = ""
    """A long read under way, in words: ``Records.json: 252 MB of 1.2 GB``."""
    summary: str = ""
    severities: dict[str, int] = field(default_factory=dict)
    error: str = ""
    started: float = 0.0
    cleanable: bool = False
    """Some inputs are local files or folders (clean copies can be made of them)."""
    clean: dict[str, Any] = field(default_factory=dict)
    """The clean copies: ``{"state", "done", "summary", "error"}`` once asked for."""

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "done": self.done,
            "total": self.total,
            "reading": self.reading,
            "summary": self.summary,
            "severities": self.severities,
            "error": self.error,
            "cleanable": self.cleanable,
            "clean": self.clean,
        }


class Job:
    """Inputs of one check, the child process running it, and where its reports go."""

    def __init__(self, job_id: str, folder: Path) -> None:
        self.id = job_id
        self.folder = folder
        """Private folder of this job (reports; ``uploads/`` while files are checked)."""
        self.uploads = folder / "uploads"
        self.paths: list[str] = []
        self.urls: list[str] = []
        self.demo = False
        self.baseline: str | None = None
        """JSON report of an earlier check to compare with (``verify``)."""
        self.lang = "en"
        """Language of the messages this job sends to the page."""
        self.status = Status()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        """Set when the session ends: an upload under way stops and removes its part."""
        self._process: multiprocessing.process.BaseProcess | None = None
        self._cleaner: multiprocessing.process.BaseProcess | None = None
        folder.mkdir(mode=0o700)
        record_folder(folder, what="working folder")

    @property
    def html(self) -> Path:
        return self.folder / "exposure-report.html"

    @property
    def json(self) -> Path:
        return self.folder / "exposure-report.json"

    @property
    def clean_copies(self) -> Path:
        return self.folder / "clean copies"

    def local_inputs(self) -> list[str]:
        """Typed paths and uploaded items: what clean copies can be made of."""
        return [i for i in self.inputs() if not i.lower().startswith(("http://", "https://"))]

    def follow_on(self, before: Job) -> None:
        """Check again, compared with ``before``: files chosen again go where ``before``'s
        went (findings about a whole folder are named by the folder's path, so the same
        place gives the same ids), once ``before``'s copies are removed."""
        self.baseline = str(before.json)
        with before.lock:
            if before.status.clean.get("state") == "running":
                return  # its copies are still being cleaned: this check keeps its own place
            before.status.cleanable = False
        before.remove_uploads()
        self.uploads = before.uploads

    def add_upload(self, relative: str, body: Any, length: int) -> None:
        """Store one chosen file under ``uploads/`` (``relative`` already checked safe)."""
        self._check_going_on()
        target = self.uploads.joinpath(*relative.split("/"))
        base = self.uploads.parent
        for parent in reversed(target.relative_to(base).parents[:-1]):
            folder = base / parent
            if not folder.exists():
                folder.mkdir(mode=0o700)
                record_folder(folder, what="working folder")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(target, flags | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                left = length
                while left > 0:
                    self._check_going_on()
                    chunk = body.read(min(left, 1 << 20))
                    if not chunk:
                        raise ConnectionError("the upload stopped before its end")
                    out.write(chunk)
                    left -= len(chunk)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        record_written(target, what="working file")

    def _check_going_on(self) -> None:
        if self.stopping.is_set():
            raise ConnectionAbortedError("exposure is stopping: the upload is not kept")

    def inputs(self) -> list[str]:
        """What the audit reads: typed paths, each uploaded top-level item, addresses."""
        uploaded = sorted(str(p) for p in self.uploads.iterdir()) if self.uploads.is_dir() else []
        return [*self.paths, *uploaded, *self.urls]

    def start(self) -> None:
        """Start the audit in a child process, and a thread that follows its messages."""
        task = Task(
            tuple(self.inputs()),
            self.demo,
            str(self.uploads),
            str(self.html),
            str(self.json),
            self.baseline,
            self.lang,
        )
        with self.lock:
            self.status = Status(
                state="running", started=time.monotonic(), cleanable=bool(self.local_inputs())
            )
        self._process = self._child(run_task, (task,), self._on_check, self._check_ended)

    def _on_check(self, kind: str, data: Any) -> None:
        if kind == "progress":
            self.status.done, self.status.total, self.status.reading = data
        elif kind == "done":
            self.status.state = "done"
            self.status.summary, self.status.severities = data
        elif kind == "failed":
            self.status.state, self.status.error = "failed", data

    def _check_ended(self) -> None:
        with self.lock:
            if self.status.state == "running":
                self.status.state = "failed"
                self.status.error = translations(self.lang).gettext(
                    "the check stopped before its end"
                )
            keep = self.status.state == "done" and self.status.cleanable and not self.demo
        if not keep:  # kept for clean copies until they are made or the session ends
            self.remove_uploads()

    def start_clean(self) -> None:
        """Make clean copies of the local inputs, in a child process like the check."""
        inputs = tuple(self.local_inputs())
        with self.lock:
            self.status.clean = {"state": "running", "done": 0, "summary": "", "error": ""}
        args = (inputs, str(self.clean_copies), self.lang)
        self._cleaner = self._child(run_clean, args, self._on_clean, self._clean_ended)

    def _on_clean(self, kind: str, data: Any) -> None:
        if kind == "progress":
            self.status.clean["done"] = data
        elif kind == "done":
            self.status.clean.update(state="done", summary=data)
        elif kind == "failed":
            self.status.clean.update(state="failed", error=data)

    def _clean_ended(self) -> None:
        with self.lock:
            if self.status.clean.get("state") == "running":
                self.status.clean.update(
                    state="failed",
                    error=translations(self.lang).gettext("the check stopped before its end"),
                )
        self.remove_uploads()

    def _child(
        self,
        target: Callable[..., None],
        args: tuple[Any, ...],
        on_message: Callable[[str, Any], None],
        ended: Callable[[], None],
    ) -> multiprocessing.process.BaseProcess:
        """Run ``target(*args, send)`` in a spawned child; follow its messages in a thread."""
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(target=target, args=(*args, send), daemon=True)
        process.start()
        send.close()
        follow = (receive, process, on_message, ended)
        threading.Thread(target=self._follow, args=follow, daemon=True).start()
        return process

    def _follow(
        self,
        receive: Connection,
        process: multiprocessing.process.BaseProcess,
        on_message: Callable[[str, Any], None],
        ended: Callable[[], None],
    ) -> None:
        """Apply each message of a child to the status, then ``ended()`` once it is gone."""
        while True:
            try:
                kind, data = receive.recv()
            except (EOFError, OSError):
                break
            with self.lock:
                on_message(kind, data)
        process.join(5)
        ended()

    def stop(self) -> None:
        """End the children and any upload at once (server shutting down)."""
        self.stopping.set()
        for process in (self._process, self._cleaner):
            if process is not None and process.is_alive():
                process.terminate()
                process.join(5)
                if process.is_alive():
                    process.kill()
                    process.join(5)
        with self.lock:
            if self.status.state == "running":
                self.status.state = "stopped"
        self.remove_uploads()

    def remove_uploads(self) -> None:
        """The copies of chosen files go as soon as they are checked: keep as little as
        possible on a shared computer."""
        shutil.rmtree(self.uploads, ignore_errors=True)

    def snapshot(self) -> Status:
        with self.lock:
            return replace(
                self.status,
                severities=dict(self.status.severities),
                clean=dict(self.status.clean),
            )


@dataclass(frozen=True)
class Task:
    """What the child process is asked to do (plain values: it crosses a process boundary)."""

    inputs: tuple[str, ...]
    demo: bool
    uploads: str
    html: str
    json: str
    baseline: str | None = None
    lang: str = "en"


class PipeProgress:
    """The audit's progress, sent to the server at most every :data:`SEND_EVERY` seconds."""

    def __init__(self, send: Connection, lang: str = "en") -> None:
        self._send = send
        self._t = translations(lang)
        self._done = 0
        self._total = 0
        self._reading = ""
        self._sent = 0.0

    def start(self, total: int) -> None:
        self._total = max(self._total, total)
        self.flush()

    def flush(self) -> None:
        """Send the counts now."""
        self._flush(force=True)

    def advance(self, count: int = 1) -> None:
        self._done += count
        self._flush()

    def reading(self, label: str, done: int, total: int | None, unit: str = "bytes") -> None:
        from exposure.progress import _short

        if unit == "bytes":
            done_text, total_text = f"{done / 1e6:.0f} MB", f"{(total or 0) / 1e6:.0f} MB"
        else:
            done_text, total_text = f"{done} {unit}", str(total)
        message = N_("Reading {name}: {done} of {total}") if total else N_("Reading {name}: {done}")
        self._reading = self._t.gettext(message).format(
            name=_short(label), done=done_text, total=total_text
        )
        self._flush()

    def _flush(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._sent >= SEND_EVERY:
            self._sent = now
            self._send.send(("progress", (self._done, self._total, self._reading)))


def run_task(task: Task, send: Connection) -> None:
    """The child process: audit, relabel uploaded copies by the names chosen, write reports."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when this stops
    try:
        t = translations(task.lang)
        progress = PipeProgress(send, task.lang)
        report = _audit(task, progress)
        progress.flush()  # the last counts, whatever the time since the previous message
        summary = []
        if task.baseline is not None:
            from exposure.baseline import compare, load_previous

            report = compare(report, load_previous(task.baseline))
            assert report.baseline is not None
            summary.append(
                t.gettext(
                    "Compared with the earlier check: {fixed} fixed, {still} still there, "
                    "{new} new."
                ).format(
                    fixed=len(report.baseline.fixed),
                    still=len(report.baseline.still_there),
                    new=len(report.baseline.new),
                )
            )
        from exposure.report.files import write_private, write_private_text
        from exposure.report.html import render_html
        from exposure.report.json import write_json
        from exposure.summary import summary_line

        write_private_text(task.html, render_html(report, task.lang))
        write_private(task.json, lambda out: write_json(report, out))
        counts = {s.value: n for s, n in report.severity_counts().items()}
        send.send(("done", (" ".join([summary_line(report, t), *summary]), counts)))
    except Exception as exc:  # noqa: BLE001 (the page shows any failure in words)
        send.send(("failed", str(exc) or type(exc).__name__))
    finally:
        send.close()


def run_clean(inputs: tuple[str, ...], out: str, lang: str, send: Connection) -> None:
    """The child process making clean copies (exposure clean) of ``inputs`` into ``out``."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    last = [0.0]

    def progress(done: int) -> None:
        now = time.monotonic()
        if now - last[0] >= SEND_EVERY:
            last[0] = now
            send.send(("progress", done))

    try:
        from exposure.clean.run import clean

        result = clean(inputs, out, progress=progress)
        t = translations(lang)
        text = t.ngettext(
            "Wrote {count} clean copy (location removed from {removed}).",
            "Wrote {count} clean copies (location removed from {removed}).",
            len(result.copied),
        ).format(count=len(result.copied), removed=result.location_removed)
        if result.refused:
            text += " " + t.ngettext(
                "{count} photo or video could not be copied: it still carries its location.",
                "{count} photos or videos could not be copied: they still carry their location.",
                len(result.refused),
            ).format(count=len(result.refused))
        send.send(("done", text))
    except Exception as exc:  # noqa: BLE001 (the page shows any failure in words)
        send.send(("failed", str(exc) or type(exc).__name__))
    finally:
        send.close()


def _audit(task: Task, progress: PipeProgress) -> Report:
    from contextlib import ExitStack

    from exposure.audit import run
    from exposure.options import Options, WebOptions

    with ExitStack() as stack:
        inputs, web = task.inputs, WebOptions()
        if task.demo:
            from exposure.demo import demo_session

            session = stack.enter_context(demo_session())
            inputs, web = session.inputs, session.web
        report = run(Options(inputs=inputs, web=web), progress)
    return relabel(report, task.uploads)


def relabel(report: Report, uploads: str) -> Report:
    """``report`` with the uploaded copies named as the person chose them
    (``Phone/IMG_1.jpg``), not by the server's private folder."""
    prefix = uploads.rstrip(os.sep) + os.sep

    def fix(text: str) -> str:
        return text.replace(prefix, "") if prefix in text else text

    def finding(f: Finding) -> Finding:
        evidence = tuple(
            replace(e, locator=fix(e.locator), detail=fix(e.detail)) for e in f.evidence
        )
        said = f.title_message.mapped(fix) if f.title_message else None
        return replace(
            f, title=fix(f.title), group=fix(f.group), evidence=evidence, title_message=said
        )

    def skipped(s: Skipped) -> Skipped:
        said = s.message.mapped(fix) if s.message else None
        return replace(s, locator=fix(s.locator), reason=fix(s.reason), message=said)

    return replace(
        report,
        inputs=tuple(fix(i) for i in report.inputs),
        findings=tuple(finding(f) for f in report.findings),
        skipped=tuple(skipped(s) for s in report.skipped),
        points=PointStore.of(report.points).with_locators(fix),
    )
