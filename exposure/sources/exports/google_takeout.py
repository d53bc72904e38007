"""Google Takeout's cloud Location History: ``Records.json`` (and the older
``Location History.json``), the monthly ``Semantic Location History`` files and
``Timeline Edits.json``.

Each becomes one summary finding (count, years, most visited named places) plus a bounded
sample of located points; places Google labelled home or work become their own findings.
``Records.json`` can hold millions of points in one line of JSON: it is streamed, and the
per-point work is kept to integer checks so the audit runs close to bare ijson speed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exposure.geo import Position
from exposure.i18n.message import Nn_
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler, labelled_place, read_through
from exposure.sources.exports.history import BulkHistory, bulk
from exposure.sources.exports.platforms.google_takeout import PLATFORM
from exposure.sources.exports.values import from_e7, number

GROUP = PLATFORM.group
HISTORY_KIND = "google-location-history"
HOME_WORK_KIND = "google-home-work"
_LAT_MAX, _LON_MAX = 900_000_000, 1_800_000_000
_WRAP = 2**32


def history(run: ExportRun, key: str, title: tuple[str, str], locator: str) -> BulkHistory:
    """The run's Google history summary stored under ``key`` (created on first use)."""
    return bulk(
        run,
        key,
        kind=HISTORY_KIND,
        group=GROUP,
        title=title,
        locator=locator,
    )


def read_records(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``Records.json``: ``locations[]`` with ``latitudeE7`` / ``longitudeE7``, time, accuracy."""
    summary = history(
        run,
        f"google:records:{doc.member.name}",
        Nn_(
            "Google Location History holds {count} point {span}: delete it and turn it off",
            "Google Location History holds {count} points {span}: delete it and turn it off",
        ),
        doc.locator,
    )
    reader = doc.json()
    with reader.guard():
        _scan_records(reader.raw_items("locations.item"), summary, doc.locator)
    yield from doc.done(run, reader.problem, GROUP)


_LOW, _HIGH = "", "\U0010ffff"
"""Start values for the latest and earliest timestamp: every text sorts between them."""


def _scan_records(locations: Iterator[Any], summary: BulkHistory, locator: str) -> None:
    """The hot loop over millions of points: local names only, integer range checks, the
    latest and earliest timestamp compared as text (one comparison for a file in time
    order), and the reservoir consulted only when it wants a point."""
    sample, span = summary.sample, summary.span
    keep, taken, base = sample.size, sample.items, summary.count
    nxt = 1  # the next point the sample takes: every one up to ``keep``, then as it says
    lat_max, lon_max, wrap = _LAT_MAX, _LON_MAX, _WRAP
    lat_min, lon_min = -lat_max, -lon_max
    count = invalid = 0
    earliest, latest, first = _HIGH, _LOW, None
    try:
        for loc in locations:
            try:
                lat = loc["latitudeE7"]
                lon = loc["longitudeE7"]
                if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max and (lat or lon)):
                    lat -= wrap if lat > lat_max else 0  # unsigned 32-bit values, then recheck
                    lon -= wrap if lon > lon_max else 0
                    if not (
                        lat_min <= lat <= lat_max and lon_min <= lon <= lon_max and (lat or lon)
                    ):
                        invalid += 1
                        continue
            except (KeyError, TypeError, AttributeError):  # not an object, missing or odd values
                invalid += 1
                continue
            stamp = loc.get("timestamp")
            try:
                if stamp > latest:
                    latest = stamp
                elif stamp < earliest:
                    earliest = stamp
            except TypeError:  # no ISO text: older files keep epoch milliseconds as digits
                stamp = number(loc.get("timestampMs")) if stamp is None else stamp
                span.see(stamp)
            count += 1
            if count == nxt:
                accuracy = loc.get("accuracy")
                item = (
                    base + count,
                    lat / 1e7,
                    lon / 1e7,
                    accuracy if type(accuracy) is int else None,
                    stamp,
                    locator,
                )
                sample.seen = count
                if count <= keep:
                    taken.append(item)
                    nxt = count + 1 if count < keep else sample.next
                else:
                    sample.replace(item)
                    nxt = sample.next
                if first is None:
                    first = item
    finally:  # a break in the file keeps what was counted before it
        sample.seen = max(sample.seen, count)
        summary.count += count
        summary.invalid += invalid
        if summary.first is None:
            summary.first = first
        for bound in (earliest, latest, first[4] if first else None):
            if bound is not _HIGH and bound is not _LOW:
                span.see(bound)


def _add_location(summary: BulkHistory, obj: Any, raw_time: Any, locator: str) -> Position | None:
    if not isinstance(obj, dict):
        return None
    pos = from_e7(obj.get("latitudeE7", obj.get("latE7")), obj.get("longitudeE7", obj.get("lngE7")))
    if isinstance(pos, Position):
        summary.add(pos, raw_time, locator)
        return pos
    if obj:
        summary.invalid += 1
    return None


def _start(duration: Any) -> Any:
    if not isinstance(duration, dict):
        return None
    return duration.get("startTimestamp") or duration.get("startTimestampMs")


def read_semantic(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """Semantic Location History: ``timelineObjects[]`` of ``placeVisit`` (named places with
    addresses) and ``activitySegment`` (start, end, waypoints)."""
    summary = history(
        run,
        "google:semantic",
        Nn_(  # the same English for one and many: the JSON report's title stays
            "Google's Semantic Location History holds {count} visits and trip points {span}: "
            "delete it and turn it off",
            "Google's Semantic Location History holds {count} visits and trip points {span}: "
            "delete it and turn it off",
        ),
        doc.folder(),
    )
    reader = doc.json()
    for obj in reader.items("timelineObjects.item"):
        if not isinstance(obj, dict):
            continue
        visit = obj.get("placeVisit")
        if isinstance(visit, dict):
            yield from _visit(doc, run, summary, visit)
        segment = obj.get("activitySegment")
        if isinstance(segment, dict):
            raw_time = _start(segment.get("duration"))
            for key in ("startLocation", "endLocation"):
                _add_location(summary, segment.get(key), raw_time, doc.locator)
            path = segment.get("waypointPath")
            points = path.get("waypoints") if isinstance(path, dict) else None
            for point in points if isinstance(points, list) else ():
                _add_location(summary, point, raw_time, doc.locator)
            raw = segment.get("simplifiedRawPath")
            for point in raw.get("points", ()) if isinstance(raw, dict) else ():
                if isinstance(point, dict):
                    _add_location(summary, point, point.get("timestamp") or raw_time, doc.locator)
    yield from doc.done(run, reader.problem, GROUP)


def _visit(
    doc: Doc, run: ExportRun, summary: BulkHistory, visit: dict[str, Any]
) -> Iterator[Entry]:
    location = visit.get("location")
    candidates = visit.get("otherCandidateLocations")
    if not location and isinstance(candidates, list) and candidates:
        location = candidates[0]  # no chosen place: Google's first candidate is the best guess
    pos = _add_location(summary, location, _start(visit.get("duration")), doc.locator)
    if not isinstance(location, dict):
        return
    name = str(location.get("name") or "")
    address = " ".join(str(location.get("address") or "").split())
    key = str(location.get("placeId") or name or address)
    if key:
        summary.visit(key, name, address, pos)
    label = str(location.get("semanticType") or "").upper()
    if pos is not None and label in {"TYPE_HOME", "TYPE_WORK", "HOME", "WORK"}:
        yield google_label(doc.locator, label, pos, f"placeVisit labelled {label}", address, name)


def google_label(
    locator: str, label: str, pos: Position, detail: str, address: str = "", name: str = ""
) -> Entry:
    """A place Google labelled home or work (Timeline, Semantic history, Maps labels)."""
    return labelled_place(
        HOME_WORK_KIND,
        platform="Google",
        group=GROUP,
        label=label,
        pos=pos,
        locator=locator,
        detail=detail + (f": {address}" if address else ""),
        name=name or None,
    )


def read_timeline_edits(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``Timeline Edits.json``: ``timelineEdits[].rawSignal.signal.position.point``."""
    summary = history(
        run,
        "google:timeline-edits",
        Nn_(
            "Google's Timeline Edits hold {count} located points {span}: delete them",
            "Google's Timeline Edits hold {count} located points {span}: delete them",
        ),
        doc.locator,
    )
    reader = doc.json()
    for edit in reader.items("timelineEdits.item"):
        signal = _dig(edit, "rawSignal", "signal", "position")
        if isinstance(signal, dict):
            _add_location(summary, signal.get("point"), signal.get("timestamp"), doc.locator)
    yield from doc.done(run, reader.problem, GROUP)


def _dig(obj: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


HANDLERS: dict[str, Handler] = {
    "google-records": read_records,
    "google-semantic": read_semantic,
    "google-timeline-edits": read_timeline_edits,
    "google-settings": read_through("deviceSettings.item", GROUP),
}
