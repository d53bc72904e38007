"""Snapchat's "My Data" export: ``location_history.json`` and ``memories_history.json``.

``location_history.json`` sections: "Home & Work" (places Snap inferred, ``"lat 34.206 ±
19.47 meters, long -118.432 ± 19.47 meters"``), "Location History" and "Daily Top
Locations" (``{"Time", "Latitude, Longitude": "37.332 ± 39.66 meters, -121.884 ± 39.66
meters"}``), "Frequent Locations" / "Latest Location" (cities from IP addresses).
``memories_history.json``: saved snaps with ``"Location": "Latitude, Longitude: 52.5, 13.4"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exposure.geo import Position
from exposure.i18n.message import Nn_
from exposure.model import Evidence
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler, labelled_place
from exposure.sources.exports.history import BulkHistory, bulk
from exposure.sources.exports.platforms.snapchat import PLATFORM
from exposure.sources.exports.values import from_snapchat, from_text

GROUP = PLATFORM.group
HOME_WORK_KIND = "snapchat-home-work"
HISTORY_KIND = "snapchat-location-history"
_POINT_SECTIONS = ("Location History", "Daily Top Locations", "Top Locations Per Six-Day Period")
_CITY_SECTIONS = ("Frequent Locations", "Latest Location")
_PREFIXES = (
    "Home & Work",
    *(f"{s}.item" for s in _POINT_SECTIONS + _CITY_SECTIONS),
    "Saved Media.item",
)


def _summary(run: ExportRun, doc: Doc) -> BulkHistory:
    return bulk(
        run,
        "snapchat:history",
        kind=HISTORY_KIND,
        group=GROUP,
        title=Nn_(
            "Snapchat keeps {count} of your locations {span}",
            "Snapchat keeps {count} of your locations {span}",
        ),
        locator=doc.locator,
    )


def _coordinates(record: dict[str, Any]) -> Any:
    for key, value in record.items():
        if "latitude" in key.lower() or "location" in key.lower():
            return value
    return None


def read_location(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``location_history.json`` and ``memories_history.json``."""
    summary = _summary(run, doc)
    reader = doc.json()
    for prefix, value in reader.multi(_PREFIXES):
        if prefix == "Home & Work" and isinstance(value, dict):
            for label, text in value.items():
                pos = from_snapchat(text)
                if isinstance(pos, Position):
                    yield labelled_place(
                        HOME_WORK_KIND,
                        platform="Snapchat",
                        group=GROUP,
                        label=str(label),
                        pos=pos,
                        locator=doc.locator,
                        detail=f"Home & Work: {label}: {text}",
                    )
            continue
        if not isinstance(value, dict):
            continue
        section = prefix.removesuffix(".item")
        if section in _CITY_SECTIONS:
            place = ", ".join(
                str(v) for k, v in value.items() if k.lower() in {"city", "region", "country"} and v
            )
            if place:
                summary.example(Evidence(doc.locator, f"{section}: {place}", place_name=place))
            continue
        raw = _coordinates(value)
        text = raw.removeprefix("Latitude, Longitude:") if isinstance(raw, str) else raw
        pos = from_snapchat(text) if section != "Saved Media" else from_text(text)
        if isinstance(pos, Position):
            summary.add(pos, value.get("Time") or value.get("Date"), doc.locator)
        elif raw is not None:
            summary.invalid += 1
    yield from doc.done(run, reader.problem, GROUP)


HANDLERS: dict[str, Handler] = {"snapchat-location": read_location}
