"""Facebook's "Download your information" export (JSON).

Posts and check-ins (``your_posts__check_ins__photos_and_videos_1.json``, older
``posts/your_posts_1.json``; a top-level array): ``attachments[].data[].place`` with
``name``, ``address``, ``url`` and ``coordinate`` {``latitude``, ``longitude``}, and media
``exif_data`` with GPS.  The 2018-era ``posts/your_posts.json`` wraps the same posts in
``{"status_updates": [...]}``.  Profile places (``profile_v2.current_city`` / ``hometown``
``.name``, ``places_lived``) and Facebook's own guess of where you live
(``primary_location_v2``).  Sign-ins with IP addresses (``account_activity_v2``) and the
old location history: ``location_history_v2[]`` of places, or (2018-era)
``location_history[]`` whose entries hold the place under ``attachments[].data[].place``.

sources (checked 2026-11-29): jamiembrown/FacebookEXIF facebook_exif_fix.py (66282fd,
2021-06-02: ``attachments[].data[].place`` with ``coordinate``); d3i-infra/data-donation-task
packages/python/port/platforms/facebook.py (6b38965, file names); SamuelePilleri/
facebook-schemas _partials/coordinate.json, location_history/your_location_history.json
(670ee7c) and posts/your_posts.json (4c86b2d) (JSON schemas of a 2018 export: the place
object's ``name``, ``address``, ``coordinate``; the ``status_updates`` and
``location_history`` wrappers); ``profile_v2.current_city.name`` / ``hometown.name``: the
same fields in eight copies of one public TypeScript parser whose repository the search
index does not name (``places_lived[].place`` is not confirmed by any source found).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n import N_
from exposure.i18n.message import Message, Nn_
from exposure.model import Evidence, Severity
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler, Post, post_location
from exposure.sources.exports.history import LoginLog, bulk
from exposure.sources.exports.meta import exif_entries, exif_position
from exposure.sources.exports.platforms.facebook import PLATFORM
from exposure.sources.exports.values import meta_text, position, when

GROUP = PLATFORM.group
POST_KIND = "facebook-post-location"
PROFILE_KIND = "facebook-profile-place"
HISTORY_KIND = "facebook-location-history"
LOGIN_KIND = "facebook-login-ips"


def _place(data: Any) -> tuple[str, Position | None, str]:
    """``(name or address, position, url)`` of a ``place`` attachment."""
    if not isinstance(data, dict):
        return "", None, ""
    coord = data.get("coordinate")
    pos = (
        position(coord.get("latitude"), coord.get("longitude")) if isinstance(coord, dict) else None
    )
    name = meta_text(data.get("name")) or meta_text(data.get("address"))
    return name, pos if isinstance(pos, Position) else None, str(data.get("url") or "")


def read_posts(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """One finding per post or check-in with a place tag or a photo that kept its GPS."""
    reader = doc.json()
    for index, (_, post) in enumerate(reader.multi(("item", "status_updates.item"))):
        if not isinstance(post, dict):
            continue
        posted = when(post.get("timestamp"))
        texts = [meta_text(d.get("post")) for d in post.get("data") or () if isinstance(d, dict)]
        text = " ".join(t for t in texts if t) or meta_text(post.get("title"))
        place, pos, url, field = "", None, "", "place"
        for attachment in post.get("attachments") or ():
            for data in attachment.get("data") or () if isinstance(attachment, dict) else ():
                if not isinstance(data, dict):
                    continue
                if "place" in data and not (place or pos):
                    place, pos, url = _place(data["place"])
                if pos is None and "media" in data:
                    pos = exif_position(exif_entries(data["media"]))
                    field = "exif_data" if pos else field
        post_id = str(posted.isoformat() if posted else f"#{index + 1}")
        if place or pos:
            record = Post("Facebook", post_id, doc.at(index + 1), posted, text, url, place)
            severity = Severity.HIGH if pos else Severity.MEDIUM
            yield post_location(
                POST_KIND, record, group=GROUP, pos=pos, field=field, severity=severity
            )
        yield from run.text(doc.at(index + 1), "post", text, GROUP, posted)
    yield from doc.done(run, reader.problem, GROUP)


_PROFILE_TITLES = {
    "profile: current city": N_("Facebook profile: current city: {place}"),
    "profile: hometown": N_("Facebook profile: hometown: {place}"),
    "profile: a place you lived": N_("Facebook profile: a place you lived: {place}"),
    "thinks you mainly live in": N_("Facebook thinks you mainly live in: {place}"),
    "shows this as your public location": N_(
        "Facebook shows this as your public location: {place}"
    ),
}
"""Each ``what`` of :func:`_profile_finding` -> its title, translatable."""


def _profile_finding(doc: Doc, what: str, place: str, field: str) -> Entry:
    return make_finding(
        PROFILE_KIND,
        content="facebook:profile",
        value=f"{field}:{place}",
        title=Message(_PROFILE_TITLES[what], (("place", place),)),
        group=GROUP,
        evidence=(Evidence(doc.locator, f"{what}: {place}", place_name=place, field=field),),
    )


def read_profile(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """Profile places and Facebook's guessed primary location."""
    reader = doc.json()
    wanted = ("profile_v2", "primary_location_v2", "primary_public_location_v2")
    for key, block in reader.multi(wanted):
        if not isinstance(block, dict):
            continue
        if key == "profile_v2":
            for field, what in (
                ("current_city", "profile: current city"),
                ("hometown", "profile: hometown"),
            ):
                value = block.get(field)
                name = meta_text(value.get("name")) if isinstance(value, dict) else ""
                if name:
                    yield _profile_finding(doc, what, name, field)
            for lived in block.get("places_lived") or ():
                name = meta_text(lived.get("place")) if isinstance(lived, dict) else ""
                if name:
                    yield _profile_finding(doc, "profile: a place you lived", name, "places_lived")
        elif key == "primary_location_v2":
            pairs = [
                ", ".join(meta_text(p) for p in pair)
                for pair in block.get("city_region_pairs") or ()
                if isinstance(pair, list)
            ]
            zips = [str(z) for z in block.get("zipcode") or ()]
            place = "; ".join(pairs + [f"postcode {z}" for z in zips])
            if place:
                yield _profile_finding(
                    doc, "thinks you mainly live in", place, "primary_location_v2"
                )
        else:
            parts = [meta_text(block.get(k)) for k in ("city", "region", "country")]
            place = ", ".join(p for p in parts if p)
            if place:
                yield _profile_finding(doc, "shows this as your public location", place, key)
    yield from doc.done(run, reader.problem, GROUP)


def read_logins(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``account_activity_v2[]`` with ``ip_address`` and ``timestamp``."""
    log = run.state("facebook:logins", lambda: LoginLog(LOGIN_KIND, GROUP, "Facebook", doc.locator))
    reader = doc.json()
    for record in reader.items("account_activity_v2.item"):
        if isinstance(record, dict):
            log.add(record.get("ip_address"), record.get("timestamp"))
    yield from doc.done(run, reader.problem, GROUP)


def read_history(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """The location history older exports hold (the feature ended in 2022)."""
    summary = bulk(
        run,
        "facebook:history",
        kind=HISTORY_KIND,
        group=GROUP,
        title=Nn_(
            "Facebook's location history holds {count} point {span}: delete it",
            "Facebook's location history holds {count} points {span}: delete it",
        ),
        locator=doc.locator,
    )
    reader = doc.json()
    for _, record in reader.multi(("location_history_v2.item", "location_history.item")):
        for place, stamp in _history_places(record):
            name, pos, _url = _place(place)
            if pos is None:
                summary.invalid += 1
                continue
            summary.add(pos, stamp, doc.locator)
            if name:
                summary.visit(name, name, "", pos)
    yield from doc.done(run, reader.problem, GROUP)


def _history_places(record: Any) -> Iterator[tuple[Any, Any]]:
    """``(place, time)`` of one history entry: the entry itself (``location_history_v2``),
    or the places under its ``attachments[].data[]`` (the 2018-era ``location_history``)."""
    if not isinstance(record, dict) or "attachments" not in record:
        yield record, record.get("creation_timestamp") if isinstance(record, dict) else None
        return
    for attachment in record.get("attachments") or ():
        for data in attachment.get("data") or () if isinstance(attachment, dict) else ():
            if isinstance(data, dict) and "place" in data:
                place = data["place"]
                stamp = place.get("creation_timestamp") if isinstance(place, dict) else None
                yield place, stamp or record.get("timestamp")


HANDLERS: dict[str, Handler] = {
    "facebook-posts": read_posts,
    "facebook-profile": read_profile,
    "facebook-logins": read_logins,
    "facebook-location-history": read_history,
}
