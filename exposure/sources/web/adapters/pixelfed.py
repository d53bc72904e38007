"""Pixelfed (and other ActivityPub servers): the profile's actor and outbox, with post places.

A Pixelfed post can carry a place, and the ActivityPub Note that federates the post
includes it as ``location: {type: Place, name, latitude, longitude}`` even though the web
page and the Mastodon-style API show only the name (../shared/docs/platforms.md section
17, code read).  The profile page announces its ActivityPub actor with
``<link rel="alternate" type="application/activity+json">``; the actor names its outbox,
whose pages list the posts.  Post texts go to the text detectors, attachments are fetched
as images, and the crawl is narrowed to this profile's pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from exposure.geo import Position, make_position
from exposure.i18n.message import M_
from exposure.model import Skipped, SourceItem
from exposure.sources.base import Entry
from exposure.sources.web.adapters.base import iso_time
from exposure.sources.web.crawl import SOURCE, Crawl
from exposure.sources.web.extract.clues import number
from exposure.sources.web.extract.page import Page, fragment_text, joined
from exposure.sources.web.findings import is_location_label, post_place, profile_location

AP_ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
ACTOR_TYPES = frozenset({"Person", "Service", "Organization", "Group", "Application"})
MAX_OUTBOX_PAGES = 50


def _url(value: Any) -> str:
    """The first http(s) address in an ActivityStreams ``url``/``href`` value."""
    if isinstance(value, str):
        return value if value.startswith(("http://", "https://")) else ""
    if isinstance(value, dict):
        return _url(value.get("href") or value.get("url"))
    if isinstance(value, list):
        return next((u for u in (_url(v) for v in value) if u), "")
    return ""


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []


def _profile(crawl: Crawl, actor: dict[str, Any], locator: str) -> Iterator[Entry]:
    group = crawl.site.group
    bio = fragment_text(str(actor.get("summary") or ""))
    name = str(actor.get("name") or "")
    text = joined(name, bio)
    if text:
        yield SourceItem(SOURCE, locator, "bio", group=group, text=text)
    for field in _listed(actor.get("attachment")):
        if not isinstance(field, dict) or field.get("type") != "PropertyValue":
            continue
        label, value = str(field.get("name") or ""), fragment_text(str(field.get("value") or ""))
        if value:
            yield SourceItem(
                SOURCE, locator, "profile-field", group=group, text=f"{label}: {value}"
            )
            if is_location_label(label):
                yield profile_location(crawl.site, locator, label, value)
    for key in ("icon", "image"):
        image = _url(actor.get(key))
        if image:
            crawl.add_image(image)


def note_entries(crawl: Crawl, note: dict[str, Any]) -> Iterator[Entry]:
    """A post (an ActivityPub Note or Image): text, place tags and attachments."""
    locator = _url(note.get("url")) or _url(note.get("id"))
    if not locator:
        return
    when = iso_time(note.get("published"))
    group = crawl.site.group
    text = joined(str(note.get("summary") or ""), fragment_text(str(note.get("content") or "")))
    if text:
        yield SourceItem(SOURCE, locator, "post", group=group, timestamp=when, text=text)
    for place in _listed(note.get("location")):
        if not isinstance(place, dict):
            continue
        found = make_position(number(place.get("latitude")), number(place.get("longitude")))
        position = found if isinstance(found, Position) else None
        name = ", ".join(
            str(place.get(k))
            for k in ("name", "country")
            if isinstance(place.get(k), str) and place.get(k)
        )
        if name or position:
            yield post_place(crawl.site, locator, name, position, when, "ActivityPub location")
    for attachment in _listed(note.get("attachment")):
        if not isinstance(attachment, dict):
            continue
        media = _url(attachment.get("url"))
        if media:
            crawl.add_image(media)
        alt = str(attachment.get("name") or "")
        if alt:
            yield SourceItem(SOURCE, locator, "caption", group=group, timestamp=when, text=alt)


def _outbox(crawl: Crawl, outbox: Any) -> Iterator[Entry]:
    page: Any = outbox
    for _ in range(MAX_OUTBOX_PAGES):
        if isinstance(page, str):
            reply = crawl.json(page, AP_ACCEPT)
            if isinstance(reply, Skipped):
                yield reply
                return
            page = reply.data
        if not isinstance(page, dict):
            return
        items = page.get("orderedItems") or page.get("items")
        for activity in _listed(items):
            if not isinstance(activity, dict):
                continue
            note = activity.get("object") if activity.get("type") == "Create" else activity
            if isinstance(note, dict):
                yield from note_entries(crawl, note)
        page = page.get("next") if items else page.get("first")
        if page is None:
            return


def activitypub_profile(crawl: Crawl, page: Page) -> Iterator[Entry]:
    """Read the ActivityPub actor ``page`` announces, its profile fields and its outbox."""
    assert page.activitypub is not None
    reply = crawl.json(page.activitypub, AP_ACCEPT)
    if isinstance(reply, Skipped):
        said = M_(
            "the profile's ActivityPub data could not be read ({reason}); its pages are read "
            "instead",
            reason=reply.message or reply.reason,
        )
        yield Skipped.said(reply.locator, said, SOURCE)
        return
    actor = reply.data
    if not isinstance(actor, dict) or actor.get("type") not in ACTOR_TYPES:
        if isinstance(actor, dict):  # a single post's page
            yield from note_entries(crawl, actor)
        return
    host = urlsplit(page.url).netloc
    user = str(actor.get("preferredUsername") or "")
    pixelfed = "pixelfed" in f"{page.generator} {page.title} {page.text[-2000:]} {host}".lower()
    platform = "Pixelfed" if pixelfed else "Fediverse"
    crawl.with_platform(
        platform.lower(), group=f"{platform} profile @{user}@{host}" if user else None
    )
    if user:
        profile_path = urlsplit(page.url).path.rstrip("/") or "/"
        actor_path = urlsplit(str(actor.get("id") or "")).path.rstrip("/")
        prefixes = {profile_path, f"/p/{user}/", f"/users/{user}", actor_path or profile_path}
        crawl.scope = crawl.scope.narrowed(sorted(prefixes))
    yield from _profile(crawl, actor, page.url)
    if actor.get("outbox"):
        yield from _outbox(crawl, actor.get("outbox"))
