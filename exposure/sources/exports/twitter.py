"""The X (Twitter) archive: ``data/*.js`` files, each ``window.YTD.<name>.part0 = [...]``.

``tweets.js``: geotagged tweets carry ``coordinates`` (GeoJSON, **[lon, lat]**), the older
``geo`` (**[lat, lon]**) and ``place`` (a named area with a bounding box).  ``profile.js``:
bio and the free-text location.  ``ip-audit.js`` and ``account-creation-ip.js``: IP
addresses.  Tweets in the API's JSON form (a plain array) are read the same way.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from exposure.detectors.base import make_finding
from exposure.geo import Position, distance_m, make_position
from exposure.i18n.message import M_
from exposure.model import Evidence, Severity
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler, Post, post_location, read_through
from exposure.sources.exports.history import LoginLog
from exposure.sources.exports.platforms.x_twitter import PLATFORM
from exposure.sources.exports.values import obj, position, when

GROUP = PLATFORM.group
POST_KIND = "x-post-location"
PROFILE_KIND = "x-profile-location"
LOGIN_KIND = "x-login-ips"


def _point(value: Any, lon_first: bool) -> Position | None:
    coords = value.get("coordinates") if isinstance(value, dict) else None
    if not isinstance(coords, list) or len(coords) < 2:
        return None
    lat, lon = (coords[1], coords[0]) if lon_first else (coords[0], coords[1])
    pos = position(lat, lon)
    return pos if isinstance(pos, Position) else None


def _place_centre(place: dict[str, Any]) -> Position | None:
    """The middle of a place's bounding box, its half-diagonal as the accuracy."""
    box = place.get("bounding_box")
    rings = box.get("coordinates") if isinstance(box, dict) else None
    corners = rings[0] if isinstance(rings, list) and rings and isinstance(rings[0], list) else []
    points = [
        p
        for p in (position(c[1], c[0]) for c in corners if isinstance(c, list) and len(c) >= 2)
        if isinstance(p, Position)
    ]
    if not points:
        return None
    lat = sum(p.lat for p in points) / len(points)
    lon = sum(p.lon for p in points) / len(points)
    centre = make_position(lat, lon)
    if not isinstance(centre, Position):
        return None
    radius = max(distance_m(centre, p) for p in points)
    return Position(centre.lat, centre.lon, None, radius if math.isfinite(radius) else None)


def read_tweets(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """One finding per tweet with a precise point or a place; every tweet text to the detectors."""
    reader = doc.json()
    for item in reader.items("item"):
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict):
            continue
        tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
        posted = when(tweet.get("created_at"))
        text = str(tweet.get("full_text") or tweet.get("text") or "")
        url = f"https://x.com/i/web/status/{tweet_id}" if tweet_id else ""
        locator = doc.at(tweet_id) if tweet_id else doc.locator
        pos = _point(tweet.get("coordinates"), lon_first=True) or _point(
            tweet.get("geo"), lon_first=False
        )
        place = obj(tweet.get("place"))
        place_name = str(place.get("full_name") or place.get("name") or "")
        if pos is not None or place_name:
            exact = pos is not None
            pos = pos or _place_centre(place)
            record = Post("X", tweet_id, locator, posted, text, url, place_name)
            field = "coordinates" if exact else "place"
            severity = Severity.HIGH if exact else Severity.MEDIUM
            yield post_location(
                POST_KIND, record, group=GROUP, pos=pos, field=field, severity=severity
            )
        yield from run.text(locator, "post", text, GROUP, posted)
        user = tweet.get("user")
        if isinstance(user, dict):
            yield from _profile(doc, run, user.get("location"), user.get("description"))
    yield from doc.done(run, reader.problem, GROUP)


def _profile(doc: Doc, run: ExportRun, location: Any, bio: Any) -> Iterator[Entry]:
    if isinstance(location, str) and location.strip():
        yield make_finding(
            PROFILE_KIND,
            content="x:profile",
            value=location,
            title=M_("Your X profile shows a location: {place}", place=location.strip()),
            group=GROUP,
            evidence=(
                Evidence(
                    doc.locator,
                    f"profile location: {location.strip()}",
                    place_name=location.strip(),
                    field="location",
                ),
            ),
        )
    if isinstance(bio, str):
        yield from run.text(doc.at("profile"), "bio", bio, GROUP)


def read_profile(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``profile.js``: ``profile.description`` with ``bio``, ``website`` and ``location``."""
    reader = doc.json()
    for item in reader.items("item"):
        profile = item.get("profile") if isinstance(item, dict) else None
        description = profile.get("description") if isinstance(profile, dict) else None
        if isinstance(description, dict):
            yield from _profile(doc, run, description.get("location"), description.get("bio"))
    yield from doc.done(run, reader.problem, GROUP)


def read_ips(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``ip-audit.js`` (``ipAudit.loginIp``) and ``account-creation-ip.js``."""
    log = run.state("x:logins", lambda: LoginLog(LOGIN_KIND, GROUP, "X", doc.locator))
    reader = doc.json()
    for item in reader.items("item"):
        if not isinstance(item, dict):
            continue
        audit = item.get("ipAudit")
        if isinstance(audit, dict):
            log.add(audit.get("loginIp"), audit.get("createdAt"))
        created = item.get("accountCreationIp")
        if isinstance(created, dict):
            log.add(created.get("userCreationIp"), None)
    yield from doc.done(run, reader.problem, GROUP)


HANDLERS: dict[str, Handler] = {
    "x-tweets": read_tweets,
    "x-tweet": read_tweets,
    "x-profile": read_profile,
    "x-ip-audit": read_ips,
    "x-account-creation-ip": read_ips,
    "x-account": read_through("item", GROUP),
}
