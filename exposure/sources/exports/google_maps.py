"""Google Maps in Takeout: "My Activity" (coordinates hidden in map links), saved places,
labelled places (Home, Work) and public reviews.

My Activity comes as JSON or HTML; both are scanned for map links holding coordinates
(``/@52.52,13.40,15z``, ``center=52.52,13.40``, ``q=52.52,13.40``).  Placeholder links
(``center=lat,lon``) and impossible values (latitude 91) are counted as ignored, never
shown as places.  Saved and labelled places and reviews are GeoJSON with ``[lon, lat]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n.message import M_, Nn_
from exposure.model import Evidence
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.google_takeout import GROUP, google_label
from exposure.sources.exports.history import BulkHistory, bulk
from exposure.sources.exports.limits import ReadProblem
from exposure.sources.exports.values import excerpt, obj, position, when

ACTIVITY_KIND = "google-maps-activity"
REVIEW_KIND = "google-maps-review"
SAVED_KIND = "google-maps-saved-places"
_NUM = r"[-+]?\d{1,3}(?:\.\d+)?"
_LINK = re.compile(
    rf"(?:/@({_NUM}),({_NUM})|[?&](?:center|ll|q|query|sll|destination|origin)=([^&\"'<\s]*))"
)
_PAIR = re.compile(rf"^({_NUM})(?:,|%2C)\s*({_NUM})$", re.IGNORECASE)
_OVERLAP = 512


def link_positions(text: str, stop: int | None = None) -> Iterator[Position | None]:
    """Coordinates in the map links of ``text`` (those starting before ``stop``); None for
    each placeholder or invalid pair."""
    for match in _LINK.finditer(text):
        if stop is not None and match.start() >= stop:
            return
        if match.group(1) is not None:
            lat, lon = match.group(1), match.group(2)
        else:
            pair = _PAIR.match(match.group(3).replace("+", ""))
            if pair is None:
                if match.group(3).lower().startswith(("lat", "%7b", "{")):
                    yield None  # a template placeholder such as center=lat,lon
                continue
            lat, lon = pair.group(1), pair.group(2)
        pos = position(lat, lon)
        yield pos if isinstance(pos, Position) else None


def _activity(run: ExportRun, doc: Doc) -> BulkHistory:
    return bulk(
        run,
        "google:maps-activity",
        kind=ACTIVITY_KIND,
        group=GROUP,
        title=Nn_(
            "Google's My Activity holds {count} map searches and views with coordinates "
            "{span}: delete them and turn Web & App Activity off",
            "Google's My Activity holds {count} map searches and views with coordinates "
            "{span}: delete them and turn Web & App Activity off",
        ),
        locator=doc.locator,
    )


def _scan(
    summary: BulkHistory, text: str, raw_time: Any, locator: str, stop: int | None = None
) -> None:
    for pos in link_positions(text, stop):
        if pos is None:
            summary.invalid += 1
        else:
            summary.add(pos, raw_time, locator)


def read_activity_json(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``My Activity/*/MyActivity.json``: entries with ``titleUrl`` and ``locationInfos``."""
    summary = _activity(run, doc)
    reader = doc.json()
    for entry in reader.items("item"):
        if not isinstance(entry, dict):
            continue
        urls = [entry.get("titleUrl")]
        infos = entry.get("locationInfos")
        urls += (
            [i.get("url") for i in infos if isinstance(i, dict)] if isinstance(infos, list) else []
        )
        for url in urls:
            if isinstance(url, str):
                _scan(summary, url, entry.get("time"), doc.locator)
    yield from doc.done(run, reader.problem, GROUP)


def read_activity_html(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``MyActivity.html``: scanned in overlapping chunks for map links (no times)."""
    summary = _activity(run, doc)
    pending = ""
    try:
        while chunk := doc.stream.read(1 << 20):
            text = pending + chunk.decode("utf-8", errors="replace")
            stop = max(0, len(text) - _OVERLAP)  # later links are scanned with the next chunk
            _scan(summary, text, None, doc.locator, stop)
            pending = text[stop:]
        _scan(summary, pending, None, doc.locator)
    except ReadProblem as exc:  # a damaged member: keep what was read
        yield run.partly(doc.locator, str(exc))
    yield run.checked(doc.locator, GROUP)


def _feature(feature: Any) -> tuple[Position | None, dict[str, Any]]:
    if not isinstance(feature, dict):
        return None, {}
    props = obj(feature.get("properties"))
    geometry = feature.get("geometry")
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    pos = None
    if isinstance(coords, list) and len(coords) >= 2:
        found = position(coords[1], coords[0])  # GeoJSON is [lon, lat]
        pos = found if isinstance(found, Position) else None
    location = obj(props.get("Location"))
    geo = location.get("Geo Coordinates")
    if pos is None and isinstance(geo, dict):
        found = position(geo.get("Latitude"), geo.get("Longitude"))
        pos = found if isinstance(found, Position) else None
    return pos, props


def _place_name(props: dict[str, Any]) -> tuple[str, str]:
    location = obj(props.get("Location"))
    name = location.get("Business Name") or props.get("Title") or props.get("name") or ""
    address = location.get("Address") or props.get("address") or ""
    return str(name), " ".join(str(address).split())


def read_places(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """Saved places, labelled places (Home / Work) and reviews (GeoJSON features)."""
    is_review = "review" in doc.member.name.lower()
    saved = bulk(
        run,
        "google:saved-places",
        kind=SAVED_KIND,
        group=GROUP,
        title=Nn_(
            "Google Maps keeps {count} saved places {span}",
            "Google Maps keeps {count} saved places {span}",
        ),
        locator=doc.locator,
    )
    reader = doc.json()
    for index, feature in enumerate(reader.items("features.item")):
        pos, props = _feature(feature)
        name, address = _place_name(props)
        label = str(props.get("name") or props.get("Title") or "").strip().upper()
        if pos is not None and label in {"HOME", "WORK"}:
            yield google_label(
                doc.locator, label, pos, f"labelled place '{label.title()}'", address
            )
        elif is_review:
            yield from _review(doc, run, index, pos, props, name, address)
        elif pos is not None:
            saved.add(pos, props.get("Updated") or props.get("Published"), doc.locator)
            saved.visit(name or address or pos.as_text(), name, address, pos)
    yield from doc.done(run, reader.problem, GROUP)


def _review(
    doc: Doc,
    run: ExportRun,
    index: int,
    pos: Position | None,
    props: dict[str, Any],
    name: str,
    address: str,
) -> Iterator[Entry]:
    comment = str(props.get("Review Comment") or "")
    published = when(props.get("Published") or props.get("date"))
    url = str(props.get("Google Maps URL") or "")
    detail = f"review of {name or address or 'a place'}"
    detail += f", {published.date().isoformat()}" if published else ""
    detail += f": \u201c{excerpt(comment)}\u201d" if comment else ""
    detail += f" ({url})" if url else ""
    yield make_finding(
        REVIEW_KIND,
        content="google:reviews",
        value=f"{name}|{address}|{published.isoformat() if published else index}",
        title=M_("Public Google Maps review of {place}", place=name or address)
        if name or address
        else M_("Public Google Maps review of a place"),
        group=GROUP,
        evidence=(
            Evidence(
                doc.at(index + 1),
                detail,
                position=pos,
                observed_at=published,
                place_name=name or None,
            ),
        ),
    )
    yield from run.text(doc.at(index + 1), "review", comment, GROUP, published)


HANDLERS: dict[str, Handler] = {
    "google-my-activity": read_activity_json,
    "google-my-activity-html": read_activity_html,
    "google-maps-places": read_places,
}
