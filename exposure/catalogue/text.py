"""Catalogue entries for places written in text: coordinates, map links, codes, addresses.

The same leak is fixed differently depending on where the text lives: a post is edited or
deleted, a bio is edited in the profile settings, a photo's description travels inside the
file.  :func:`remediation_for` builds the advice for one kind in one place (:class:`Where`);
each kind's catalogue entry carries the general version.
"""

from __future__ import annotations

from enum import StrEnum

from exposure.catalogue.base import FEW_POINTS, SAVE_FIRST, KindInfo, step
from exposure.model import Remediation, Severity, Step

# Sources, named once (see ../shared/docs/platforms.md for the notes behind them).
INSTAGRAM_EDIT = "https://qainsta.com/qa/view/why-cant-i-edit-a-post-on-instagram (undated)"
INSTAGRAM_PROFILE = (
    "https://qainsta.com/qa/view/how-to-edit-the-instagram-profile-bio (undated, unverified "
    "against Meta help)"
)
FACEBOOK_EDIT = "https://shipfeed.data.shodan.io/how-to-remove-check-ins-on-facebook (undated)"
MASTODON_FIELDS = "mastodon/documentation content/en/entities/Account.md (2026-07-02)"
X_PROFILE = "TheExGenesis/community-archive docs/archive_data.md (profile.js: bio, location)"
SWARM_SHARING = (
    "https://support.foursquare.com/hc/en-us/articles/202659834-Does-Foursquare-Swarm-track-my-location-; "
    "https://support.foursquare.com/hc/en-us/articles/218384078-Off-The-Grid-Check-Ins"
)
EXIFTOOL = "ExifTool 12.57 manual (man exiftool: '-TAG=' deletes a tag, '-o' writes a new file)"
WINDOWS = "https://support.microsoft.com/windows (File Explorer: Properties > Details)"
HOME_FROM_POSTS = (
    "Researchers located people's homes from their old geotagged posts with over 90% accuracy "
    "(Drakonakis et al., NDSS 2019, press figure)."
)
TEXT_ALONE = (
    "Even without an exact address, language models guess where people live from their posts "
    "with up to 85% top-1 accuracy (Staab et al., ICLR 2024)."
)


class Where(StrEnum):
    """Where a piece of text lives, which decides how it is removed."""

    POST = "post"
    PROFILE = "profile"
    PHOTO = "photo-description"
    PAGE = "page"
    OTHER = "text"

    @property
    def phrase(self) -> str:
        """``in a post``: ends a finding's title."""
        return _PHRASES[self]


_PHRASES = {
    Where.POST: "in a post",
    Where.PROFILE: "in your profile",
    Where.PHOTO: "in a photo's description",
    Where.PAGE: "on a web page",
    Where.OTHER: "in text",
}

# SourceItem.kind values (set by the export and web sources) -> where the text lives.
_KINDS = {
    **dict.fromkeys(
        "post caption status tweet toot comment reply review message note story shout "
        "check-in checkin activity feed-entry".split(),
        Where.POST,
    ),
    **dict.fromkeys("bio profile profile-field about account".split(), Where.PROFILE),
    # Only text the engine read from inside a file: a description typed into an online
    # service (a Google Photos caption) is a post-like text, not file metadata.
    "photo-description": Where.PHOTO,
    **dict.fromkeys("page web-page html".split(), Where.PAGE),
}


def where_of(item_kind: str) -> Where:
    """Where text from a SourceItem of kind ``item_kind`` lives (OTHER when unknown).

    Understands the plain kind and a qualified one (``instagram-post``, ``profile:bio``).
    """
    kind = item_kind.casefold()
    if kind in _KINDS:
        return _KINDS[kind]
    for part in kind.replace(":", "-").replace("_", "-").split("-")[::-1]:
        if part in _KINDS:
            return _KINDS[part]
    return Where.OTHER


_EDIT: dict[Where, tuple[Step, ...]] = {
    Where.POST: (
        SAVE_FIRST,
        step(
            "Edit the post and take the place out of its text, or delete the post. Instagram: the "
            "post's menu (⋯) > Edit. Facebook: ⋯ > Edit post.",
            f"{INSTAGRAM_EDIT}; {FACEBOOK_EDIT}",
        ),
        step(
            "Copies can outlive your edit: shares, quotes and replies that repeat the text keep "
            "it. Ask people you trust to remove theirs."
        ),
    ),
    Where.PROFILE: (
        SAVE_FIRST,
        step(
            "Edit your profile and take the place out of the bio and of every free-text field "
            "(Instagram: your profile > Edit profile, usually the Bio and Website fields; "
            "X/Twitter has a separate Location field; Mastodon has extra label/value fields "
            "under the bio). Nothing, or a broad area such as a country, is safer.",
            f"{INSTAGRAM_PROFILE}; {X_PROFILE}; {MASTODON_FIELDS}",
        ),
    ),
    Where.PHOTO: (
        step(
            "This text is stored inside the photo file (its description, caption, title, "
            "keywords or comments: the evidence names the field), so every copy of the file "
            "carries it. Windows shows it under Properties > Details (Title, Subject, Tags, "
            "Comments): right-click the file > Properties > Details > 'Remove Properties and "
            "Personal Information' > 'Create a copy with all possible properties removed'. With "
            "ExifTool: exiftool -ImageDescription= -Description= -Caption-Abstract= "
            "-UserComment= -XPTitle= -XPSubject= -XPComment= -XPKeywords= -o cleaned.jpg "
            "photo.jpg (writes a cleaned copy without those fields, and leaves the original "
            "alone).",
            f"{WINDOWS}; {EXIFTOOL}",
        ),
        step(
            "Replace copies you already shared as files (email, chat apps sending files, cloud "
            "share links, personal websites) with the cleaned copy."
        ),
    ),
    Where.PAGE: (
        SAVE_FIRST,
        step(
            "Edit the page on your site and remove the text; check the site's feed and any "
            "older copies of the page (archives, tag pages) too. Search engines can show the "
            "old text until they visit the page again."
        ),
    ),
    Where.OTHER: (
        SAVE_FIRST,
        step("Edit the text where it was published and take the place out, or delete it."),
    ),
}

_SUMMARY = {
    Where.POST: "Edit the post to take the place out, or delete it.",
    Where.PROFILE: "Take the place out of your profile.",
    Where.PHOTO: "Remove the description from copies of the photo you share.",
    Where.PAGE: "Take the place off the page.",
    Where.OTHER: "Take the place out of the text.",
}

_SHARE_PRIVATELY = step(
    "When you want to tell people you trust where something is, send it in a private message "
    "rather than a public post, and never post where you live."
)

_PREVENT: dict[str, tuple[Step, ...]] = {
    "text-coordinates": (_SHARE_PRIVATELY,),
    "text-map-link": (_SHARE_PRIVATELY,),
    "text-plus-code": (_SHARE_PRIVATELY,),
    "text-what3words": (_SHARE_PRIVATELY,),
    "text-street-address": (
        step(
            "If you need to give an address publicly (for a small business or a sale), give a "
            "post office box or meet somewhere public instead of your home address."
        ),
    ),
    "text-postcode": (
        step(
            "A postcode next to other details narrows down where you live: leave it out of "
            "public text."
        ),
    ),
    "text-check-in": (
        step(
            "Check-ins tell people where you are while you are there. Post about a place after "
            "you have left, and check the Swarm/Foursquare settings: a check-in is shared only "
            "when you (or a friend) check you in, and 'Off the grid' check-ins are visible only "
            "to you.",
            SWARM_SHARING,
        ),
    ),
    "text-home-mention": (
        step(
            "Avoid naming your street, building or neighbourhood together with 'home' in public "
            "text: together with photos of the outside, it is enough to find the door."
        ),
    ),
}


def remediation_for(kind: str, where: Where) -> Remediation:
    """How to remove a ``kind`` leak from text that lives in ``where``."""
    return Remediation(
        summary=_SUMMARY[where],
        steps=_EDIT[where] + _PREVENT[kind],
        effort="a few minutes",
    )


ENTRIES: tuple[KindInfo, ...] = (
    KindInfo(
        kind="text-coordinates",
        severity=Severity.HIGH,
        heading=("piece of text holds coordinates", "pieces of text hold coordinates"),
        docs=(
            "Coordinates: decimal pairs (bare pairs need 4 decimals each), degrees with "
            "hemispheres or minutes and seconds (`52°31'12\"N 13°24'18\"E`, `N 52° 31.200 E 013° "
            "24.300`), `lat: … lon: …`, ISO 6709 (`+52.52+013.405/`) and `geo:` URIs (RFC 5870, "
            "including Android's `geo:0,0?q=…` searches)."
        ),
        summary="Coordinates written in text (decimal, degrees-minutes-seconds, ISO 6709, geo: links).",
        why=(
            "Coordinates put a pin on an exact spot, often to within a few metres: anyone can paste "
            "them into a map. " + HOME_FROM_POSTS
        ),
        remediation=remediation_for("text-coordinates", Where.OTHER),
    ),
    KindInfo(
        kind="text-map-link",
        severity=Severity.HIGH,
        heading=("map link shows a place", "map links show a place"),
        docs=(
            "A link to Google Maps, Apple Maps, OpenStreetMap, Bing Maps, Waze or HERE WeGo, "
            "decoded offline to a position (or the place search it opens), or any link with "
            "`lat`/`lon` parameters. Short links (`maps.app.goo.gl`, `goo.gl/maps`, "
            "`maps.apple/p`, `osm.org/go`, `waze.to`, `her.is`) cannot be decoded without opening"
            " them: they are reported with medium confidence and a note."
        ),
        summary="A link to a map (Google, Apple, OpenStreetMap, Bing, Waze, HERE) that shows a place.",
        why=(
            "A map link opens straight on the place it was made for: a home, a school, a usual "
            "café. Short links hide the place from you, not from whoever opens them. " + FEW_POINTS
        ),
        remediation=remediation_for("text-map-link", Where.OTHER),
    ),
    KindInfo(
        kind="text-plus-code",
        severity=Severity.HIGH,
        heading=("plus code points to a place", "plus codes point to a place"),
        docs=(
            "A plus code: full codes (`9F4MGCC2+2X`) are decoded to the centre of their box; "
            "short codes followed by a town (`GCC2+2X Berlin`) are reported without a position, "
            "with medium confidence."
        ),
        summary="A plus code (Open Location Code) written in text.",
        why=(
            "A plus code is a short form of coordinates: a full 10-character code names a box at "
            "most about 14 metres across, enough to pick out one building, and any map app "
            "decodes it."
        ),
        remediation=remediation_for("text-plus-code", Where.OTHER),
    ),
    KindInfo(
        kind="text-what3words",
        severity=Severity.HIGH,
        heading=("what3words address points to a place", "what3words addresses point to a place"),
        docs=(
            "A what3words address (`///word.word.word`, `w3w.co/…`): a spot a few metres across. "
            "It cannot be looked up offline, so no position is shown."
        ),
        summary="A what3words address (///word.word.word) written in text.",
        why=(
            "A what3words address stands for one small square of a few metres on the map, so it "
            "points at an exact spot such as a front door. exposure cannot look it up offline; "
            "anyone online can."
        ),
        remediation=remediation_for("text-what3words", Where.OTHER),
    ),
    KindInfo(
        kind="text-street-address",
        severity=Severity.HIGH,
        heading=("street address is written in text", "street addresses are written in text"),
        docs=(
            "A street address: US, UK and Canadian (`42 Elm Street, Springfield, IL 62704`), "
            "German, Dutch and Nordic (`Hauptstraße 5, 10115 Berlin`), French (`12 rue de la "
            "Paix`), Spanish, Italian and Portuguese (`Calle Mayor 12`). A street line alone "
            'whose type is an ordinary word (Way, View, Hill…) needs a cue before it ("at", '
            '"live", a pin).'
        ),
        summary="A street address written in text.",
        why=(
            "A street address says where to find you, or someone close to you, without any "
            "further work. " + HOME_FROM_POSTS
        ),
        remediation=remediation_for("text-street-address", Where.OTHER),
    ),
    KindInfo(
        kind="text-postcode",
        severity=Severity.MEDIUM,
        heading=("postcode is written in text", "postcodes are written in text"),
        docs=(
            "A postcode on its own: UK (`SW1A 1AA`) and Canadian (`K1A 0B1`) codes, and a US ZIP "
            'code after "Town, ST".'
        ),
        summary="A postcode (UK, Canadian, or a US ZIP code after a town) written in text.",
        why=(
            "A postcode narrows down where you are to a few streets; UK and Canadian codes often "
            "to one side of one street. Together with other details it can lead to a home. "
            + TEXT_ALONE
        ),
        remediation=remediation_for("text-postcode", Where.OTHER),
    ),
    KindInfo(
        kind="text-check-in",
        severity=Severity.MEDIUM,
        heading=("check-in says where you were", "check-ins say where you were"),
        docs=(
            'A check-in: "I\'m at …", "checked in at …", Facebook\'s "— at …", a 📍 before a place, '
            "Swarm/Foursquare links (a Swarm auto-post is one finding)."
        ),
        summary="A check-in: 'I'm at...', 'checked in at...', '— at...', a pin emoji or a Swarm link.",
        why=(
            "A check-in says where you were, and when. A few of them show a routine (the gym, the "
            "café, the school gate) and when to find you there. " + FEW_POINTS
        ),
        remediation=remediation_for("text-check-in", Where.OTHER),
    ),
    KindInfo(
        kind="text-home-mention",
        severity=Severity.MEDIUM,
        heading=("mention ties your home to a place", "mentions tie your home to a place"),
        docs=(
            'Words that tie home to a place: "my house on …", "we live in …", "just moved to …", '
            '"home in …". High confidence when the place names a street or number.'
        ),
        summary="Words that tie your home to a place: 'my house on...', 'I live in...', 'home in...'.",
        why=(
            "Saying where your home is, even only the street or the town, narrows the search for "
            "it to a few doors; other posts (a photo of the front, a check-in nearby) do the rest. "
            + TEXT_ALONE
        ),
        remediation=remediation_for("text-home-mention", Where.OTHER),
    ),
)
"""One entry per kind the text detectors produce."""
