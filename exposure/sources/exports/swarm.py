"""Foursquare / Swarm check-ins: the data export's ``checkins*.json`` (``{"items": [...]}``),
API responses (``response.checkins.items``) and single check-in objects.

Each check-in has a ``venue`` (name, ``location`` with ``lat`` / ``lng`` and address), a time
(``createdAt``, epoch seconds) and maybe a ``shout`` (free text, sent to the text detectors).
Check-ins at the same venue join one finding: one line per place, each visit as evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n.message import M_
from exposure.model import Evidence
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.jsonstream import sniff
from exposure.sources.exports.platforms.swarm import PLATFORM
from exposure.sources.exports.values import day, excerpt, obj, position, when

GROUP = PLATFORM.group
KIND = "swarm-checkin"
_LISTS = ("items.item", "checkins.items.item", "response.checkins.items.item", "item")


def _venue(checkin: dict[str, Any]) -> tuple[str, str, Position | None, str]:
    venue = obj(checkin.get("venue"))
    location = obj(venue.get("location"))
    pos = position(location.get("lat", checkin.get("lat")), location.get("lng", checkin.get("lng")))
    address = location.get("formattedAddress")
    words = (
        ", ".join(str(a) for a in address)
        if isinstance(address, list)
        else str(location.get("address") or "")
    )
    return (
        str(venue.get("name") or ""),
        words,
        pos if isinstance(pos, Position) else None,
        str(venue.get("id") or ""),
    )


def _checkin(doc: Doc, run: ExportRun, checkin: dict[str, Any], index: int) -> Iterator[Entry]:
    name, address, pos, venue_id = _venue(checkin)
    moment = when(checkin.get("createdAt"))
    shout = str(checkin.get("shout") or "")
    locator = doc.at(checkin.get("id") or index)
    if name or pos:
        detail = f"{day(moment) or 'check-in'}: {name or 'a venue'}"
        detail += f", {address}" if address else ""
        detail += f" \u2014 \u201c{excerpt(shout)}\u201d" if shout else ""
        yield make_finding(
            KIND,
            content="swarm",
            value=venue_id or name or (pos.as_text(4) if pos else ""),
            title=M_("Swarm check-ins show you at {place}", place=name)
            if name
            else M_("Swarm check-ins show you at a venue"),
            group=GROUP,
            evidence=(
                Evidence(
                    locator,
                    detail,
                    position=pos,
                    observed_at=moment,
                    place_name=name or None,
                    field="venue",
                ),
            ),
        )
    yield from run.text(locator, "shout", shout, GROUP, moment)


def read_checkins(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """Every check-in in the file: one finding per venue (visits join as evidence)."""
    reader = doc.json()
    single = doc.prepared is not None and sniff(doc.prepared.head).has("venue")
    found = ((None, obj) for obj in reader.items("")) if single else reader.multi(_LISTS)
    for index, (_, checkin) in enumerate(found):
        if isinstance(checkin, dict):
            yield from _checkin(doc, run, checkin, index + 1)
    yield from doc.done(run, reader.problem, GROUP)


HANDLERS: dict[str, Handler] = {"swarm-checkins": read_checkins}
