"""The report formats: one :class:`ReportFormat` per kind of file a report can be written as.

Each format is a flag of ``exposure audit`` and ``exposure demo`` (``--html FILE``,
``--json FILE``) and an entry of :data:`exposure.report.FORMATS`.  Its code loads only when
a report is written in it (no Jinja2 for a JSON report).  :func:`write_report` is the one
place a report reaches a file: atomically and privately (:mod:`exposure.report.files`).

A new format: a module with a ``Report -> str`` renderer (copy :mod:`exposure.report.json`),
one entry in :data:`REPORT_FORMATS`, and its flag in the README.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO, cast

from exposure.i18n import N_
from exposure.model import Report
from exposure.report.files import write_private

if TYPE_CHECKING:
    from exposure.report.base import Renderer


@dataclass(frozen=True, slots=True)
class ReportFormat:
    """One output format: its name (also its flag), help line and where its code lives."""

    name: str
    """``html``: the CLI offers it as ``--html FILE``."""
    help: str
    """The flag's help line; ``{default}`` in it is replaced by the default file name."""
    module: str
    """The module holding its functions (imported on first use)."""
    render: str
    """Name of its ``Report -> str`` function (see :mod:`exposure.report.base`)."""
    stream: str | None = None
    """Name of a ``(Report, TextIO) -> None`` function that writes it without building the
    whole text first, when it has one."""
    translated: bool = False
    """True when people read it (the HTML checklist): its renderer also takes ``lang=``.
    A machine-readable format (JSON) stays English."""

    def renderer(self, lang: str | None = None) -> Renderer:
        """The ``Report -> str`` function (in ``lang`` for a translated format)."""
        render = getattr(importlib.import_module(self.module), self.render)
        if self.translated and lang is not None:
            return cast("Renderer", functools.partial(render, lang=lang))
        return cast("Renderer", render)

    def write(self, report: Report, out: TextIO) -> None:
        """Write ``report`` in this format to ``out`` (a renderer's text is complete before
        the first character is written)."""
        if self.stream is not None:
            writer = getattr(importlib.import_module(self.module), self.stream)
            cast(Callable[[Report, TextIO], None], writer)(report, out)
        else:
            out.write(self.renderer()(report))


REPORT_FORMATS: tuple[ReportFormat, ...] = (
    ReportFormat(
        "html",
        N_("write the HTML checklist here (default: {default} when no --json is given)"),
        "exposure.report.html",
        "render_html",
        translated=True,
    ),
    ReportFormat(
        "json",
        N_("write the JSON report here ('-' for standard output)"),
        "exposure.report.json",
        "render_json",
        stream="write_json",
    ),
)
"""Every format, in the order reports are written."""

DEFAULT_FORMAT = "html"
"""The format written when none is asked for."""


def write_report(report: Report, fmt: ReportFormat, path: str, lang: str | None = None) -> str:
    """Write ``report`` to ``path`` (``-``: standard output) in ``fmt``; the full path written.
    A translated format (HTML) is written in ``lang`` (default: English).

    A file is written atomically with mode 0600 (:func:`exposure.report.files.write_private`);
    a failure raises :class:`~exposure.errors.ReportError` naming the path.  A format without
    a streaming writer is rendered whole before anything is written."""
    if fmt.stream is None:
        text = fmt.renderer(lang)(report)

        def write(out: TextIO) -> None:
            out.write(text)
    else:

        def write(out: TextIO) -> None:
            fmt.write(report, out)

    if path == "-":
        write(sys.stdout)
        return path
    return str(write_private(path, write))
