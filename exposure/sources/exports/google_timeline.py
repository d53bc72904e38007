"""Google Maps Timeline exported from the phone (since Timeline moved onto devices).

Android ``Timeline.json``: ``semanticSegments`` (visits, activities, ``timelinePath``),
``rawSignals`` (positions, Wi-Fi scans) and ``userLocationProfile.frequentPlaces`` (with
HOME / WORK labels).  iOS: a top-level array of the same segments with ``"geo:lat,lon"``
strings.  One pass over the file reads all of these.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exposure.geo import Position
from exposure.i18n.message import Nn_
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.google_takeout import GROUP, google_label
from exposure.sources.exports.history import bulk
from exposure.sources.exports.values import from_text, number

KIND = "google-timeline"
_PREFIXES = (
    "semanticSegments.item",
    "rawSignals.item",
    "userLocationProfile.frequentPlaces.item",
    "item",
)


def _latlng(value: Any) -> Position | None:
    """``"48.8566°, 2.3522°"``, ``"geo:27.72,-97.34"`` or ``{"latLng": "..."}``."""
    if isinstance(value, dict):
        value = value.get("latLng", value.get("LatLng"))
    pos = from_text(value)
    return pos if isinstance(pos, Position) else None


class _Reader:
    def __init__(self, doc: Doc, run: ExportRun) -> None:
        self.doc = doc
        self.run = run
        self.summary = bulk(
            run,
            f"google:timeline:{doc.member.name}",
            kind=KIND,
            group=GROUP,
            title=Nn_(
                "Your phone's Google Maps Timeline export holds {count} point {span}: "
                "delete the file and the Timeline data you no longer need",
                "Your phone's Google Maps Timeline export holds {count} points {span}: "
                "delete the file and the Timeline data you no longer need",
            ),
            content=f"google:timeline:{doc.member.name.rpartition('/')[2]}",
            locator=doc.locator,
        )

    def point(self, value: Any, raw_time: Any) -> Position | None:
        pos = _latlng(value)
        if pos is not None:
            self.summary.add(pos, raw_time, self.doc.locator)
        elif value is not None:
            self.summary.invalid += 1
        return pos

    def segment(self, seg: dict[str, Any]) -> Iterator[Entry]:
        start = seg.get("startTime")
        visit = seg.get("visit")
        top = visit.get("topCandidate") if isinstance(visit, dict) else None
        if isinstance(top, dict):
            pos = self.point(top.get("placeLocation"), start)
            place_id = str(top.get("placeId") or top.get("placeID") or "")
            yield from self.label(pos, top.get("semanticType"), place_id)
        activity = seg.get("activity")
        if isinstance(activity, dict):
            self.point(activity.get("start"), start)
            self.point(activity.get("end"), seg.get("endTime") or start)
        path = seg.get("timelinePath")
        for step in path if isinstance(path, list) else ():
            if isinstance(step, dict):
                self.point(step.get("point"), step.get("time") or start)

    def label(self, pos: Position | None, label: Any, place_id: str) -> Iterator[Entry]:
        text = str(label or "").upper()
        if pos is not None and text.endswith(("HOME", "WORK")):
            detail = f"Timeline labels this place {text}"
            yield google_label(
                self.doc.locator, text, pos, detail + (f" (place {place_id})" if place_id else "")
            )

    def raw_signal(self, signal: dict[str, Any]) -> None:
        pos_obj = signal.get("position")
        if not isinstance(pos_obj, dict):
            return
        pos = _latlng(pos_obj)
        if pos is None:
            self.summary.invalid += 1
            return
        accuracy = number(pos_obj.get("accuracyMeters"))
        self.summary.add(
            Position(pos.lat, pos.lon, None, accuracy), pos_obj.get("timestamp"), self.doc.locator
        )

    def frequent(self, place: dict[str, Any]) -> Iterator[Entry]:
        pos = _latlng(place.get("placeLocation"))
        yield from self.label(pos, place.get("label"), str(place.get("placeId") or ""))


def read_timeline(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """Android ``Timeline.json`` or the iOS array form."""
    reader = _Reader(doc, run)
    json = doc.json()
    for prefix, obj in json.multi(_PREFIXES):
        if not isinstance(obj, dict):
            continue
        if prefix == "rawSignals.item":
            reader.raw_signal(obj)
        elif prefix == "userLocationProfile.frequentPlaces.item":
            yield from reader.frequent(obj)
        else:
            yield from reader.segment(obj)
    yield from doc.done(run, json.problem, GROUP)


HANDLERS: dict[str, Handler] = {"google-timeline": read_timeline}
