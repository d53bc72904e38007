"""Strava's bulk export: ``activities.csv`` (one row per activity, naming its file) and
``activities/`` with the original GPX, TCX and FIT files (often gzipped).

The CSV is read first, so each track's finding names its activity ("'Morning Run'
2024-05-01: starts here").  Activity names and descriptions go to the text detectors.
The tracks themselves are read by :mod:`.tracks`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.limits import ReadProblem
from exposure.sources.exports.tracks import INDEX, Activity, ActivityIndex
from exposure.sources.exports.values import when


def _column(row: dict[str, str], *names: str) -> str:
    for name in names:
        value = row.get(name)
        if value:
            return value.strip()
    return ""


def read_activities(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``activities.csv``: names, dates and file names of every activity."""
    index = run.state(INDEX, ActivityIndex)
    text = io.TextIOWrapper(doc.stream, encoding="utf-8-sig", errors="replace", newline="")
    problem = None
    try:
        for number, row in enumerate(csv.DictReader(text), start=1):
            activity_id = _column(row, "Activity ID") or str(number)
            started = when(_column(row, "Activity Date"))
            name = _column(row, "Activity Name")
            activity = Activity(activity_id, name, started, _column(row, "Activity Type"))
            filename = _column(row, "Filename")
            if filename:
                index.add(filename, activity)
            locator = doc.at(activity_id)
            yield from run.text(locator, "activity-name", name, run.group, started)
            yield from run.text(
                locator,
                "activity-description",
                _column(row, "Activity Description"),
                run.group,
                started,
            )
    except (csv.Error, ReadProblem) as exc:
        problem = f"the file stops being valid CSV part-way ({exc}); the rest could not be read"
    finally:
        text.detach()
    yield from doc.done(run, problem, run.group)


HANDLERS: dict[str, Handler] = {"strava-csv": read_activities}
