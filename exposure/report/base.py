"""The renderer contract.

A renderer is a pure function ``Callable[[Report], str]``: it takes the finished
:class:`~exposure.model.Report` and returns the whole document as text.  It opens no
files, reads no clock and makes no network request, so the same report always renders to
the same text.  :func:`exposure.report.formats.write_report` decides where the text goes
(standard output or the file named by ``--html``/``--json``), written atomically.

A format people read (the HTML checklist: ``ReportFormat.translated``) also takes
``lang=`` (``en``, ``es``, ``fr``; English by default), so it still is a ``Renderer``
called with the report alone; a machine-readable one (JSON) is the same in every language.

Conventions every renderer follows:

* Reproducible mode is expressed in the report itself (``Report.generated_at is None``);
  a renderer never adds a timestamp of its own.
* A position is shown only when it is a real place (see :func:`has_real_position`).
* A redacted report (``Report.redacted``) shows every time as a date only.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeAlias

from exposure.geo import Position, check_position
from exposure.model import Report

TOOL_NAME = "exposure"
"""The ``tool.name`` written into machine-readable output."""

Renderer: TypeAlias = Callable[[Report], str]
"""The type of every entry in :data:`exposure.report.FORMATS`."""


def has_real_position(position: Position | None) -> bool:
    """True when ``position`` is a real place on Earth (finite, in range, not 0,0)."""
    return position is not None and check_position(position.lat, position.lon) is None


def known_metres(value: float | None) -> float | None:
    """``value`` when it is a finite number of metres, else ``None`` (unknown)."""
    if value is None or not math.isfinite(value):
        return None
    return float(value)
