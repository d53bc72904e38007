"""Instagram's "Download your information" export (JSON).

``content/posts_1.json`` (or ``your_instagram_activity/content/`` / ``media/``): posts with
``media[]``, each with ``uri``, ``creation_timestamp``, ``title`` and camera metadata
(``exif_data`` with ``latitude`` / ``longitude`` and ``device_id``).  ``stories.json``:
``ig_stories[]`` of the same media shape.  ``login_activity.json``: sign-ins with IP
addresses.  Captions are repaired from Meta's mis-encoding and go to the text detectors.
sources: abrignoni/RLEAPP scripts/artifacts/instagramPosts.py and instagramLogin.py
(4c17145, 2026-08-20).

Place tags: none of the public parsers or real exports found (checked 2026-11-29) shows a
place-tag field in today's ``posts_1.json`` / ``stories.json`` / ``reels.json``, so none is
read there.  The older export (2018-era) had one ``media.json`` with ``photos[]`` and
``videos[]``, each ``{"path", "caption", "taken_at", "location"}``, ``location`` being the
tagged place's name ("West End, Vancouver"): read by :func:`read_legacy_media`.
source: PersonalDataPipeline/pdpl-cli src/imports/instagram-2018-import/index.ts (3c01d82,
built against an export of 2018-10-16; its README lists ``media.json``).
Profile and inferred places: :mod:`.instagram_profile`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exposure.sources.base import Entry
from exposure.sources.exports import instagram_profile
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler, Post, post_location
from exposure.sources.exports.history import LoginLog
from exposure.sources.exports.meta import DeviceLog, exif_entries, exif_position
from exposure.sources.exports.platforms.instagram import PLATFORM
from exposure.sources.exports.values import meta_text, when

GROUP = PLATFORM.group
POST_KIND = "instagram-post-location"
PLACE_KIND = "instagram-post-place"
DEVICE_KIND = "instagram-photo-device"
LOGIN_KIND = "instagram-login-ips"
_PREFIXES = ("item", "ig_stories.item", "ig_reels_media.item", "ig_igtv_media.item")


def _media_list(post: dict[str, Any]) -> list[dict[str, Any]]:
    media = post.get("media")
    if isinstance(media, list):
        return [m for m in media if isinstance(m, dict)]
    return [post] if "uri" in post else []


def read_posts(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """Posts, stories and reels: one finding per post whose upload kept a GPS position."""
    devices = run.state(
        "instagram:devices",
        lambda: DeviceLog(DEVICE_KIND, "Instagram", GROUP, doc.locator),
    )
    reader = doc.json()
    for index, (_, post) in enumerate(reader.multi(_PREFIXES)):
        if not isinstance(post, dict):
            continue
        media = _media_list(post)
        first = media[0] if media else {}
        caption = meta_text(post.get("title") or first.get("title"))
        posted = when(post.get("creation_timestamp") or first.get("creation_timestamp"))
        post_id = str(first.get("uri") or f"#{index + 1}")
        pos = None
        for item in media:
            entries = exif_entries(item)
            devices.add(entries)
            pos = pos or exif_position(entries)
        if pos is not None:
            record = Post("Instagram", post_id, doc.locator, posted, caption)
            yield post_location(POST_KIND, record, group=GROUP, pos=pos, field="exif_data")
        yield from run.text(doc.at(post_id), "post", caption, GROUP, posted)
    yield from doc.done(run, reader.problem, GROUP)


def read_legacy_media(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """The 2018-era ``media.json``: one finding per photo or video with a place tag."""
    reader = doc.json()
    for index, (prefix, item) in enumerate(reader.multi(("photos.item", "videos.item"))):
        if not isinstance(item, dict):
            continue
        caption = meta_text(item.get("caption"))
        posted = when(item.get("taken_at"))
        post_id = meta_text(item.get("path")) or f"{prefix.split('.')[0]}#{index + 1}"
        place = meta_text(item.get("location")).strip()
        if place:
            record = Post("Instagram", post_id, doc.locator, posted, caption, place=place)
            yield post_location(
                PLACE_KIND, record, group=GROUP, pos=None, field="location",
            )  # fmt: skip
        yield from run.text(doc.at(post_id), "post", caption, GROUP, posted)
    yield from doc.done(run, reader.problem, GROUP)


def _value(data: Any, key: str, field: str = "value") -> Any:
    entry = data.get(key) if isinstance(data, dict) else None
    return entry.get(field) if isinstance(entry, dict) else None


def read_logins(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``login_activity.json``: ``account_history_login_history[].string_map_data``."""
    log = run.state(
        "instagram:logins", lambda: LoginLog(LOGIN_KIND, GROUP, "Instagram", doc.locator)
    )
    reader = doc.json()
    for record in reader.items("account_history_login_history.item"):
        data = record.get("string_map_data") if isinstance(record, dict) else None
        log.add(_value(data, "IP Address"), _value(data, "Time", "timestamp"))
    yield from doc.done(run, reader.problem, GROUP)


HANDLERS: dict[str, Handler] = {
    "instagram-posts": read_posts,
    "instagram-logins": read_logins,
    "instagram-media": read_legacy_media,
    **instagram_profile.HANDLERS,
}
