"""Check-ins and words that say where home is.

Check-ins: "I'm at Joe's Cafe", "checked in at...", Facebook's "— at Joe's Cafe", a pin emoji
before a place, and Swarm/Foursquare auto-post links (``swarmapp.com/c/...``, ``4sq.com/...``).
Swarm posts ("I'm at Joe's Cafe (5th Ave) in New York, NY https://swarmapp.com/c/abc") are
one hit from the phrase to the link.

Home: "my house on Maple Street", "we live in Leeds", "moved back to Portland", "home in
Ohio".

The place after the phrase must start with a capital letter ("I'm at a loss", "I live in
hope" are not places) and must not be a word that follows these phrases in ordinary
sentences ("I'm at Work", "Home at Last", "I live in Fear").  After the looser phrases
("live in", "home in", "moved back to") a name of several words must read as a place: a
"Town, Region" pair or a place word in it ("Lake Tahoe", "New York"), so "we live in
Interesting Times" is not a home.
"""

from __future__ import annotations

import re

from exposure.detectors.text.address_words import STREET_TYPES
from exposure.detectors.text.base import PatternDetector, with_span
from exposure.detectors.text.hit import TextHit, squash
from exposure.i18n.message import M_
from exposure.model import Confidence

KIND = "text-check-in"
HOME_KIND = "text-home-mention"

_LINKING = r"of|the|de|la|le|du|on|and|da|del|am|an|y|e|&|'n'"
# A word of a name; "." and "!" only inside it ("St.Pauli", "Yahoo!Cafe"), so a name stops
# at the end of its sentence.
_TAIL = r"[\w'’&-]*(?:[.!][\w'’&-]+)*"
_WORD = rf"[A-ZÀ-Ý0-9]{_TAIL}"
# A venue or place: capitalised words, with the small words names use inside them.
_NAME = rf"[A-ZÀ-Ý]{_TAIL}(?:\s(?:{_WORD}|{_LINKING})){{0,6}}"
# "I'm at Joe's Cafe (5th Ave & Main St) in Springfield, IL" (the Swarm auto-post form).
_VENUE_TAIL = (
    r"(?:\s*\((?P<detail>[^()\n]{2,100})\))?"
    r"(?:\s+in\s+(?P<city>[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){0,3}(?:,\s*[A-Z][\w.]*)?))?"
)

# First-person presence: "I'm at", "I am at", "im at" (people type it every way).
_IM_AT = re.compile(
    rf"\b(?:[Ii]['’]?m|I am)\s+(?:now\s+|currently\s+|here\s+|back\s+)?at\s+(?P<venue>{_NAME}){_VENUE_TAIL}"
)
_CHECKED_IN = re.compile(
    rf"\b(?:[Cc]hecked|[Cc]hecking|[Cc]heck)[\s-]in\s+(?:at|to)\s+(?P<venue>{_NAME}){_VENUE_TAIL}"
)
# Facebook's status line: "— at Joe's Cafe", "— with Anna Smith at Joe's Cafe".
_DASH_AT = re.compile(
    r"(?:^|(?<=\s))[—–]\s+(?:(?:with|feeling|eating|drinking|watching|attending|celebrating)"
    rf"\s[^—–\n]{{1,80}}?\s)?at\s+(?P<venue>{_NAME}){_VENUE_TAIL}"
)
# A pin emoji before a place, as captions write it: "📍 Lisbon, Portugal".
_PIN = re.compile(rf"📍\s*(?P<venue>{_NAME}(?:,\s*{_NAME}){{0,2}})")
# Swarm / Foursquare check-in links.
_LINK = re.compile(
    r"(?:\bhttps?://)?(?:www\.)?(?:swarmapp\.com/(?:c|[\w.-]+/checkin)/\w+|4sq\.com/\w+|"
    r"foursquare\.com/v/[\w%-]+/\w+)",
    re.I,
)

_PLACE = rf"(?:\d{{1,5}}(?:st|nd|rd|th|[A-Za-z])?\s+)?{_NAME}"
_HOME = re.compile(
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:new\s+|old\s+|own\s+|little\s+|family\s+)?"
    r"(?:house|home|flat|apartment|apt|condo|street|building|address|front door|doorstep)"
    rf"\s+(?:is\s+)?(?:on|in|at|near|off|by)\s+(?P<place>{_PLACE})"
)
_LIVE = re.compile(
    r"\b(?:I|[Ww]e)(?:\s+(?:now\s+|still\s+|currently\s+|actually\s+|both\s+)?(?:live|reside)"
    r"|(?:['’]m|\s+am|['’]re|\s+are)\s+(?:now\s+|still\s+|currently\s+)?living)"
    rf"\s+(?:on|in|at|near|off|by)\s+(?P<place>{_PLACE})"
)
# Plain "moved to X" is left out: "we moved to Slack", "I moved to Python 3".
_MOVED = re.compile(
    r"\b[Mm]oved\s+(?:house\s+|home\s+|back\s+home\s+|back\s+)(?:in)?to\s+"
    rf"(?P<place>{_PLACE})"
)
_HOME_IN = re.compile(rf"\b[Hh]ome\s+(?:is\s+)?(?:in|on)\s+(?P<place>{_PLACE})")

_NOT_PLACES = frozenset(
    "a an it this that work home school least last risk peace ease odds page step chapter level "
    "version number times once first some any all one two three capacity war stage point end "
    "time hope fear denial love faith sin debt poverty bed lockdown quarantine isolation style "
    "luxury comfort harmony silence heaven hell the i we you he she they my your our his her "
    "their monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december christmas easter "
    "night noon midnight dawn dusk lunch dinner breakfast brunch church mass christ god "
    "minecraft roblox fortnite sims stardew skyrim animal".split()
)
_LINKING_WORDS = frozenset(_LINKING.split("|"))
# Words that make a name of several words read as a place ("Lake Tahoe", "New York",
# "Victoria Park"); "We live in Interesting Times" has none of them.
_PLACE_WORDS = frozenset(
    "new san santa santo los las st saint ste hong rio buenos le la el fort port mount mt "
    "north south east west upper lower greater old little great lake city town village "
    "park street st road avenue ave lane hill heights valley beach bay island islands "
    "county borough springs falls bridge green square gardens harbour harbor coast "
    "district quarter end side cross".split()
)
_STREET = re.compile(rf"\b{STREET_TYPES}\b|\d")


def _trim(name: str) -> str:
    """The place name without trailing small words ("Joe's Cafe and" -> "Joe's Cafe")."""
    words = name.split()
    while words and words[-1].casefold() in _LINKING_WORDS:
        words.pop()
    return " ".join(words).rstrip(".!'’-")


def _is_place(name: str) -> bool:
    """False for what follows these phrases in ordinary sentences ("Work", "Level 5").

    A first word from :data:`_NOT_PLACES` is accepted only as part of a longer name whose
    next word is a capitalised word ("Home Depot", "The Crown").
    """
    words = name.split()
    if not words or not any(c.isalpha() for c in name):
        return False
    if words[0].casefold().rstrip(".!,") not in _NOT_PLACES:
        return True
    return len(words) > 1 and words[1][:1].isupper() and words[1].casefold() not in _NOT_PLACES


def _reads_as_place(name: str) -> bool:
    """For home phrases: one word, a "Town, Region" pair, a number or street type, or
    several words one of which is a place word ("Lake Tahoe", "New York")."""
    words = name.replace(",", " , ").split()
    if len(words) == 1 or "," in words or _STREET.search(name):
        return True
    return any(word.casefold().strip(".") in _PLACE_WORDS for word in words)


class CheckInDetector(PatternDetector):
    """Check-ins ("I'm at...", "— at...", pins, Swarm links) and words that say where home is."""

    name = "check-ins"
    kinds = (KIND, HOME_KIND)
    # The fixed words of each pattern, up to the capital letter (or number) that starts the
    # place; dashes, pins and check-in link hosts as they are.
    screen = (
        r"(?:[Ii]['’]?m|I am)\s+(?:now\s+|currently\s+|here\s+|back\s+)?at\s+[A-ZÀ-Ý]|"
        r"[Cc]heck(?:ed|ing)?[\s-]in\s+(?:at|to)\s+[A-ZÀ-Ý]|[—–]\s|📍|"
        r"(?i:swarmapp\.com/|4sq\.com/|foursquare\.com/v/)|"
        r"(?:live|reside|living)\s+(?:on|in|at|near|off|by)\s+[A-ZÀ-Ý0-9]|"
        r"[Mm]oved\s+(?:house|home|back)\s+(?:home\s+)?(?:in)?to\s+[A-ZÀ-Ý0-9]|"
        r"(?:house|[Hh]ome|flat|apartment|apt|condo|street|building|address|front door|doorstep)"
        r"\s+(?:is\s+)?(?:on|in|at|near|off|by)\s+[A-ZÀ-Ý0-9]"
    )
    patterns = (_IM_AT, _CHECKED_IN, _DASH_AT, _PIN, _LINK, _HOME, _LIVE, _MOVED, _HOME_IN)
    owns_links = True

    def decode(self, match: re.Match[str]) -> TextHit | None:
        """A check-in or home mention; None when what follows the phrase is not a place."""
        if match.re is _LINK:
            return TextHit(
                kind=KIND,
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                value=match.group(0).casefold().split("//")[-1].removeprefix("www."),
                label=M_("a Swarm/Foursquare check-in link"),
            )
        home = match.re in (_HOME, _LIVE, _MOVED, _HOME_IN)
        group = "place" if home else "venue"
        place = _trim(match[group])
        if not _is_place(place):
            return None
        if home and not _reads_as_place(place):
            return None
        tail_matched = match.end() > match.end(group)
        end = match.end() if tail_matched else match.start(group) + len(place)
        if home:  # sure when it names a street or a number
            kind, label = HOME_KIND, M_("words that say where home is")
            sure = _STREET.search(place) is not None
        else:  # a pin alone may mark a whole city
            kind, label, sure = KIND, M_("a check-in"), match.re is not _PIN
        return TextHit(
            kind=kind,
            start=match.start(),
            end=end,
            text=match.string[match.start() : end],
            value=squash(place).casefold(),
            label=label,
            place=squash(place),
            confidence=Confidence.HIGH if sure else Confidence.MEDIUM,
        )

    def find_unscreened(self, text: str) -> list[TextHit]:
        """Hits as usual, with a Swarm link joined to the check-in phrase just before it."""
        hits = super().find_unscreened(text)
        merged: list[TextHit] = []
        for hit in hits:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and previous.kind == KIND
                and hit.kind == KIND
                and hit.value.startswith(("swarmapp", "4sq", "foursquare"))
                and not previous.value.startswith(("swarmapp", "4sq", "foursquare"))
                and hit.start - previous.end <= 200
            ):
                merged[-1] = with_span(previous, previous.start, hit.end, text)
                continue
            merged.append(hit)
        return merged
