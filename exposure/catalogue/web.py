"""Catalogue entries for what a crawl of the user's public pages and profiles finds.

Each kind has a general entry (a personal website); :func:`platform_remediation` gives the
steps for the platform the page belongs to (GitHub, Mastodon, Pixelfed, Bluesky, Flickr,
WordPress) when the platform has steps of its own.  Facts and sources behind the steps are
in ../shared/docs/platforms.md (sections 11, 16-18, 23, 24); menu paths a source did not
confirm are worded as "usually" or left out.
"""

from __future__ import annotations

from exposure.catalogue.base import FEW_POINTS, SAVE_FIRST, KindInfo, step
from exposure.model import Remediation, Severity, Step

# Sources, named once.
SCHEMA_ORG = "https://schema.org/GeoCoordinates ; https://schema.org/PostalAddress"
OPEN_GRAPH = "https://ogp.me/ (location properties of the original Open Graph protocol)"
GEORSS = "https://www.ogc.org/standards/georss/ (GeoRSS encodings)"
MASTODON_ACCOUNT = "mastodon/documentation content/en/entities/Account.md (2026-07-02)"
PIXELFED_PLACE = (
    "pixelfed/pixelfed app/Transformer/ActivityPub/StatusTransformer.php, app/Place.php "
    "(8aae92d, 2024-03-10; code read)"
)
BLUESKY_PROFILE = (
    "https://dev.to/northgrid-data/pull-a-bluesky-profile-and-recent-posts-with-the-public-api-"
    "no-login-no-key-f89 (checked 2026-10-31); bluesky-social/atproto#522"
)
GITHUB_PROFILE = (
    "https://www.mintlify.com/David-Andino/github-dashboard/development/github-api "
    "(public user API: location, blog, bio)"
)
FLICKR_GEO = (
    "https://hex.pm/packages/flickrex/0.5.0/files/lib/flickr/getMethodInfo/"
    "flickr.photos.geo.getLocation.json ; https://www.scribbal.com/2011/08/"
    "flickr-introduces-cool-location-based-privacy-feature-geofences/ (2011, stale?)"
)
WORDPRESS_STRIP = (
    "https://docs.wpvip.com/images-strip-image-metadata-on-upload/ ; "
    "MartinvonBerg/wp-strip-image-metadata"
)

HOME_CITY = (
    "Researchers worked out the home city of 67% to 82% of people from public profile "
    "details alone (Pontes et al., IEEE 2012)."
)
HOME_FROM_POSTS = (
    "Researchers located people's homes from their old geotagged posts with over 90% accuracy "
    "(Drakonakis et al., NDSS 2019, press figure)."
)
HOME_AND_WORK = (
    "A home and a work location together are close to unique: at the level of a census block "
    "the typical group sharing both is one person (Golle & Partridge, Pervasive 2009)."
)

_CACHES = step(
    "Search engines and web archives keep copies of pages for a while. After the change, check "
    "again with exposure in a few weeks, and search for the old text."
)
_YOURS = step(
    "First decide whether this is your place at all: event, venue and shop pages carry "
    "addresses on purpose. If it is a place linked to you (home, work, a routine), go on."
)
_MARKUP = step(
    "The location is written in the page's code, where visitors rarely look but search "
    "engines, map services and scripts read it: meta tags (geo.position, ICBM, og:latitude), "
    "schema.org data (a 'LocalBusiness' or 'Place' set up in an SEO plugin or theme) or "
    "microformats (h-card, h-adr, h-geo). Remove it in the theme, plugin or page settings "
    "that write it, or replace it with a broad area such as a city.",
    f"{SCHEMA_ORG}; {OPEN_GRAPH}",
)


def _general(summary: str, *steps: Step) -> Remediation:
    return Remediation(summary=summary, steps=(SAVE_FIRST, *steps), effort="a few minutes")


ENTRIES: tuple[KindInfo, ...] = (
    KindInfo(
        kind="web-coordinates",
        severity=Severity.HIGH,
        heading=("web page publishes exact coordinates", "web pages publish exact coordinates"),
        docs=(
            "A page's code publishes coordinates: meta tags (`geo.position`, `ICBM`, "
            "`og:latitude`/`og:longitude`, `place:location:*`), schema.org JSON-LD or microdata "
            "(`GeoCoordinates`, a `Place`'s `geo`), microformats (`h-geo`, `h-adr`/`h-card` geo, "
            "classic `geo`) or a `geo:` link. Confidence medium: event and venue pages carry "
            "places on purpose."
        ),
        summary="A page's code publishes exact coordinates (meta tags, schema.org, microformats, geo: links).",
        why=(
            "Coordinates hidden in a page point to a building to within a few metres, and tools "
            "that read pages automatically collect them. " + FEW_POINTS
        ),
        remediation=_general(
            "Take the coordinates out of the page's code.", _YOURS, _MARKUP, _CACHES
        ),
    ),
    KindInfo(
        kind="web-address",
        severity=Severity.HIGH,
        heading=(
            "web page publishes a street address or postcode",
            "web pages publish a street address or postcode",
        ),
        docs=(
            "A page's code publishes a street address or a postcode: `og:street-address`, "
            "`og:postal-code`, schema.org `PostalAddress`, microformats `h-adr`/`h-card`/`adr`."
        ),
        summary="A page's code publishes a street address or postcode.",
        why=(
            "An address in structured data is picked up by search engines and shown in maps and "
            "knowledge panels, well beyond the page itself. " + HOME_AND_WORK
        ),
        remediation=_general("Take the address out of the page's code.", _YOURS, _MARKUP, _CACHES),
    ),
    KindInfo(
        kind="web-place-name",
        severity=Severity.MEDIUM,
        heading=("web page names a place", "web pages name a place"),
        docs=(
            "A page's code names a place without an address: `geo.placename`, `geo.region`, a "
            "locality-only `PostalAddress` or `adr`, an `h-event`'s `p-location`, a GeoRSS "
            "`featureName`."
        ),
        summary="A page's code names a place: a town, region, venue or point of interest.",
        why=(
            "A town or venue on its own is broad, but together with other details (photos, "
            "routines, a workplace) it narrows down where you live. " + HOME_CITY
        ),
        remediation=_general(
            "Check whether the place is yours; if so, make it broader or remove it.",
            _YOURS,
            _MARKUP,
        ),
    ),
    KindInfo(
        kind="web-feed-location",
        severity=Severity.HIGH,
        heading=("feed post carries a position", "feed posts carry a position"),
        docs=(
            "A post in the site's RSS or Atom feed carries a position (GeoRSS `georss:point`, "
            "GeoRSS GML `gml:pos`, W3C `geo:lat`/`geo:long`)."
        ),
        summary="A post in the site's RSS or Atom feed carries a position (GeoRSS or W3C geo).",
        why=(
            "Feed readers and aggregators copy each post with its position, so the place "
            "travels further than the post. " + HOME_FROM_POSTS
        ),
        remediation=_general(
            "Stop geotagging posts and remove positions from old ones.",
            step(
                "Turn off the feature that adds a position to posts (a geotag or map plugin, "
                "or a location field in the blogging app), then edit older posts to remove "
                "their location. The feed is rebuilt from the posts.",
                GEORSS,
            ),
            _CACHES,
        ),
    ),
    KindInfo(
        kind="web-profile-location",
        severity=Severity.MEDIUM,
        heading=("public profile says where you are", "public profiles say where you are"),
        docs=(
            "A public profile states where the person is: GitHub's Location field, or a Mastodon "
            "or ActivityPub profile field whose label is a place word (Location, City, Based in, "
            "📍…)."
        ),
        summary="A public profile states where you are (a Location field, or a field labelled as a place).",
        why="Anyone who finds your profile reads it first. " + HOME_CITY,
        remediation=_general(
            "Clear the location field, or make it broad (a country).",
            step(
                "Edit your profile and clear the location, or replace it with something broad "
                "such as a country. Check the bio and other free-text fields for the same place."
            ),
        ),
    ),
    KindInfo(
        kind="web-post-place",
        severity=Severity.MEDIUM,
        heading=("public post is tagged with a place", "public posts are tagged with a place"),
        docs=(
            "Public posts tagged with a place: the `location` Place (name and coordinates, "
            "usually a town's centre) that Pixelfed sends with a post over ActivityPub. One "
            "finding per place, each post as evidence."
        ),
        summary="A public post is tagged with a place (for example a Pixelfed location).",
        why=("Place tags on posts build a map of where you go, with dates. " + FEW_POINTS),
        remediation=_general(
            "Remove the place from the posts, or delete and re-post them without one.",
            step(
                "Open each post listed and remove its place. Where the service does not let you "
                "edit the place, delete the post and post it again without one. Copies already "
                "sent to other servers can keep the old version."
            ),
        ),
    ),
)


_PROFILE_STEPS: dict[str, Step] = {
    "github": step(
        "On GitHub open Settings > Public profile and clear the Location field; check the Bio "
        "and Company fields too. The public API shows these fields to anyone without a login.",
        GITHUB_PROFILE,
    ),
    "mastodon": step(
        "Mastodon has no location field: the place is in your bio or in one of the label/value "
        "fields under it. Edit your profile (Preferences > Public profile in the web app) and "
        "remove it. Other servers update their copy when they next fetch your profile.",
        MASTODON_ACCOUNT,
    ),
    "bluesky": step(
        "Bluesky has no location field: edit your profile's description and remove the place. "
        "The public API serves the description to anyone, even when you ask apps to hide your "
        "account from logged-out visitors.",
        BLUESKY_PROFILE,
    ),
}

_PLATFORM_STEPS: dict[tuple[str, str], tuple[Step, ...]] = {
    ("web-post-place", "pixelfed"): (
        step(
            "On Pixelfed a post's place is sent to other servers with its coordinates (the "
            "place's centre, usually a town). Edit the post to remove the location where your "
            "server allows editing; otherwise delete it and post again without a place.",
            PIXELFED_PLACE,
        ),
    ),
    ("web-coordinates", "flickr"): (
        step(
            "On Flickr, remove the location from each photo listed, and set who may see "
            "locations by default (Settings > Privacy & Permissions, or flickr.com/account/geo/"
            "privacy). A 'geofence' around home keeps positions taken there private.",
            FLICKR_GEO,
        ),
    ),
    ("web-coordinates", "wordpress"): (
        _MARKUP,
        step(
            "WordPress keeps uploaded originals as they were sent, hidden positions included: "
            "add a plugin that strips metadata on upload, then re-upload the photos already "
            "published.",
            WORDPRESS_STRIP,
        ),
    ),
}


def platform_remediation(kind: str, platform: str) -> Remediation:
    """The remediation for ``kind`` on ``platform`` (the general entry when none is specific)."""
    general = next(e.remediation for e in ENTRIES if e.kind == kind)
    specific = _PLATFORM_STEPS.get((kind, platform))
    if specific is None and kind == "web-profile-location" and platform in _PROFILE_STEPS:
        specific = (_PROFILE_STEPS[platform],)
    if specific is None:
        return general
    return Remediation(
        summary=general.summary, steps=(SAVE_FIRST, *specific), effort=general.effort
    )


def all_remediations() -> tuple[Remediation, ...]:
    """Every remediation this module can give (for the registry test)."""
    kinds = [e.kind for e in ENTRIES]
    platforms = {p for _, p in _PLATFORM_STEPS} | set(_PROFILE_STEPS)
    return tuple(platform_remediation(k, p) for k in kinds for p in sorted(platforms))
