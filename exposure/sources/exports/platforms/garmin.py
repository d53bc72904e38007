"""Garmin Connect's data export (garmin.com account > Data Management > Export Your Data):
the declaration and its reader, in one module (the model to copy for a new platform).

The zip holds ``DI_CONNECT/``:

- ``DI-Connect-Fitness/*_summarizedActivities.json``: ``[{"summarizedActivitiesExport":
  [...]}]``, one record per activity with its ``name``, ``activityType``, ``beginTimestamp``
  (milliseconds since 1970, UTC) and, for activities recorded with GPS, ``startLatitude`` /
  ``startLongitude`` (and ``endLatitude`` / ``endLongitude`` where Garmin stores them):
  where every run, ride and walk began, usually a front door;
- ``DI-Connect-Uploaded-Files/UploadedFiles_*.zip`` (older: ``DI-Connect-Fitness-Uploaded-
  Files/``): the original FIT files, read as tracks (:mod:`exposure.sources.exports.tracks`,
  by the ``gps-tracks`` file rule that applies inside every export) from the nested zips.

Both give ``route-endpoint`` findings keyed by the ~100 m cell, so the summary's start of an
activity and its FIT file's first point join one finding as two pieces of evidence.
Activity names and descriptions go to the text detectors.

Layout and field names: ../shared/docs/platforms.md (Garmin Connect), and public export
parsers that agree on them (e.g. ``raw[0]["summarizedActivitiesExport"]`` with
``startLatitude`` / ``startLongitude`` / ``beginTimestamp``).  Whether every export stores the
end point is not confirmed: when it is missing, only the start is reported.

Every audit lists the platforms, so this module imports only :class:`Platform` when loaded;
the reader imports what it uses when an export is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from exposure.sources.exports.platform import Platform

if TYPE_CHECKING:
    from exposure.geo import Position
    from exposure.sources.base import Entry
    from exposure.sources.exports.context import ExportRun
    from exposure.sources.exports.document import Doc

_LISTS = ("item.summarizedActivitiesExport.item", "summarizedActivitiesExport.item")
"""The usual ``[{...: [...]}]`` wrapping, and the same list in a bare object."""


def _point(record: dict[str, Any], prefix: str) -> Position | None:
    from exposure.geo import Position
    from exposure.sources.exports.values import position

    pos = position(record.get(f"{prefix}Latitude"), record.get(f"{prefix}Longitude"))
    return pos if isinstance(pos, Position) else None


def _activity(doc: Doc, run: ExportRun, record: dict[str, Any], index: int) -> Iterator[Entry]:
    from exposure.sources.exports.tracks import Activity, Track, endpoint_findings
    from exposure.sources.exports.values import when

    name = str(record.get("name") or "").strip()
    started = when(record.get("beginTimestamp") or record.get("startTimeGmt"))
    activity_id = str(record.get("activityId") or index)
    locator = doc.at(activity_id)
    start, end = _point(record, "start"), _point(record, "end")
    if start is not None:
        track = Track(name=name, first=(start, started), last=None if end is None else (end, None))
        activity = Activity(activity_id, name, started, str(record.get("activityType") or ""))
        yield from endpoint_findings(locator, track, activity, run.group)
    yield from run.text(locator, "activity-name", name, run.group, started)
    yield from run.text(
        locator, "activity-description", str(record.get("description") or ""), run.group, started
    )


def read_activities(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``*_summarizedActivities.json``: where each activity started (and ended)."""
    reader = doc.json()
    for index, (_, record) in enumerate(reader.multi(_LISTS), start=1):
        if isinstance(record, dict):
            yield from _activity(doc, run, record, index)
    yield from doc.done(run, reader.problem, run.group)


PLATFORM = Platform(
    name="garmin",
    title='Garmin Connect\'s "Export Your Data" zip: activity summaries and the original FIT files.',
    description="a Garmin Connect data export (DI_CONNECT: activity summaries and FIT files)",
    group="Garmin Connect",
    kinds=("route-endpoint",),
    handlers=(("garmin-activities", read_activities),),
    markers=(r"(^|/)di_connect/", r"(^|/)[^/]*_summarizedactivities\.json$"),
    rank=50,
    files=((r"(^|/)[^/]*summarizedactivities\.json$", "garmin-activities"),),
)
