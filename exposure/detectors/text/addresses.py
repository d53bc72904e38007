"""Street addresses and postcodes in text: US, UK, Canadian and European formats.

Hand-written patterns, chosen over address libraries on the labelled set (see the figures
in docs/finding-kinds.md and ``bench/address_libraries.py``): ``pyap2`` finds US, Canadian
and UK addresses but no continental European ones and misreads ordinary words as states
("or" as Oregon); ``usaddress`` parses a string it is told is an address, it does not find
one inside a post; libpostal needs a 2 GB model.

Every address has a house number and a street type or a street-type ending.  A bare
street line ("12 Elm Street", no town, state or postcode after it) needs a cue before it
("at", "on", "live", "address", a colon or a pin) or a line of its own (as pages lay out
addresses): "3 Supreme Court judges" is not an address.  The first word of the name must not be a headline word ("Top 10 Best Way"), and
no address follows "Chapter", "Top", "Room", "Flight"...
"""

from __future__ import annotations

import re

from exposure.detectors.text import address_words as w
from exposure.detectors.text.base import PatternDetector
from exposure.detectors.text.hit import TextHit, squash
from exposure.i18n.message import M_
from exposure.model import Confidence

KIND = "text-street-address"
POSTCODE_KIND = "text-postcode"

# Inside a name, words are separated by spaces on the same line; text taken from web pages
# often has a space before a comma ("Road , London").
_SP = r"[^\S\r\n]+"
_COMMA = r"\s*,\s*"
_CITY = rf"[A-Z][A-Za-z'’.-]+(?:{_SP}(?:[A-Z][A-Za-z'’.-]+|of|upon|on|le|la|de|en)){{0,4}}?"
_REGION = rf"(?:{w.US_STATES}|{w.CA_PROVINCES}|{w.US_STATE_NAMES})"
_POST = rf"(?:\d{{5}}(?:-\d{{4}})?|{w.UK_POSTCODE}|{w.CA_POSTCODE})"

# English-language street line: number, optional direction, one to four capitalised name
# words (or an ordinal such as "3rd"), a street type.  Then optionally a unit, a town, a
# state or province and a postcode; a town without a comma only when a state or postcode
# follows ("665 3rd St. Suite 207 San Francisco, CA 94107").
_ENGLISH = re.compile(
    r"(?<![\w#$€£¥.,:/-])(?P<num>\d{1,5}[A-Za-z]?(?:[-–]\d{1,5}[A-Za-z]?)?),?\s+"
    r"(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
    rf"(?:(?P<name>(?:[A-Z][A-Za-z'’.-]*|\d{{1,3}}(?:st|nd|rd|th))(?:{_SP}[A-Z][A-Za-z'’.-]*){{0,3}})"
    rf"{_SP}(?P<type>{w.STREET_TYPES})|(?P<named>Broadway|The{_SP}Strand))\b\.?"
    rf"(?:{_SP}(?:NE|NW|SE|SW|N|S|E|W)\b\.?)?"
    r"(?:\s*,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\.?\s*#?[\w-]{1,6})?"
    rf"(?:{_COMMA}(?P<city>{_CITY})(?=\s*(?:,|$|[.;:!?)]|\s+{_REGION}\b|\s+{_POST}))"
    rf"|\s+(?P<city2>{_CITY})(?=\s*,?\s+(?:{_REGION}\b|{_POST})))?"
    rf"(?:\s*,?\s+(?P<region>{_REGION})\b)?"
    rf"(?:\s*,?\s+(?P<post>{_POST})(?![\w-]))?"
)
_EU_TAIL = r"(?:\s*,?\s+(?P<post>\d{4,5}(?:\s?[A-Z]{2})?)\s+(?P<city>[A-ZÄÖÜ][\wäöüß.-]+))?"
_EU_NUMBER = r"(?P<num>\d{1,3}\s?[a-zA-Z]?(?:[-–/]\d{1,3}[a-z]?)?)\b(?![.,]\d)"
# Germanic and Nordic: one word ending in a street type, then the number ("Hauptstraße
# 5", "Kerkstraat 12a"), optionally a 4-5 digit postcode (Dutch "1012 AB") and a town.
_GERMANIC = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-ZÄÖÜÅØÆ][\wäöüßåøæ-]*(?:-|[^\S\r\n]))?[A-ZÄÖÜÅØÆ][a-zäöüßåøæéè-]*"
    rf"{w.GERMANIC_SUFFIXES}){_SP}{_EU_NUMBER}{_EU_TAIL}"
)
# The same with the type as its own word after a name: "Mariahilfer Straße 120", "Karl
# Johans gate 22".
_GERMANIC_WORDS = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÄÖÜÅØÆ][\wäöüßåøæ-]+(?:{_SP}[A-ZÄÖÜÅØÆ][\wäöüßåøæ-]+)?{_SP}"
    rf"{w.GERMANIC_WORD_TYPES}){_SP}{_EU_NUMBER}{_EU_TAIL}"
)
# French: number first, then the type in lower case or capitalised ("12 rue de la Paix",
# "3 bis, Boulevard Voltaire"), optionally "75011 Paris" or a Canadian "Montréal, QC H3A 1S8".
_FRENCH = re.compile(
    r"(?<![\w,.-])(?P<num>\d{1,4})(?:\s?(?:bis|ter|[A-D]))?,?\s+"
    rf"(?P<type>(?i:{w.FRENCH_TYPES})){_SP}{w.FRENCH_LINKS}"
    rf"(?P<name>[A-ZÀ-Ý][\w'’-]*(?:(?:{_SP}|-)(?:[A-ZÀ-Ý][\w'’-]*|de|du|des|la|le|les|et)){{0,4}})"
    r"(?:\s*,?\s+(?P<post>\d{5})\s+(?P<city>[A-ZÀ-Ý][\w'’-]+)"
    rf"|{_COMMA}(?P<city2>[A-ZÀ-Ý][\w'’-]+)\s*,?\s+{w.CA_PROVINCES}\s+{w.CA_POSTCODE})?"
)
# Spanish, Italian, Portuguese, Catalan: the type first, the number after the name and
# ending the phrase ("Calle Mayor 12,", "Via Roma 10."), or followed by a postcode.
_SOUTHERN = re.compile(
    rf"(?<![\w-])(?P<type>{w.SOUTHERN_TYPES}){_SP}{w.SOUTHERN_LINKS}"
    rf"(?P<name>[A-ZÀ-Ý][\w'’.-]*(?:{_SP}(?:[A-ZÀ-Ý][\w'’.-]*|de|del|la|di|da|do|dos|das|della|y|e)){{0,4}}?)"
    r",?\s+(?:n[º°o.]\s*)?(?P<num>\d{1,4}[a-zA-Z]?)"
    r"(?=\s*(?:[,.;:!?)\]]|$|\s+\d{5}\b))"
    r"(?:\s*,?\s+(?P<post>\d{5})\s+(?P<city>[A-ZÀ-Ý][\w'’-]+))?"
)
# Postcodes on their own: UK and Canadian codes are distinctive enough (with the space);
# a US ZIP only after "Town, ST".
_UK = re.compile(rf"(?<![\w-]){w.UK_POSTCODE}(?![\w-])")
_CA = re.compile(rf"(?<![\w-]){w.CA_POSTCODE}(?![\w-])")
_US_ZIP = re.compile(
    rf"(?<![\w-])[A-Z][A-Za-z.'’-]+(?:{_SP}[A-Z][A-Za-z.'’-]+){{0,2}}{_COMMA}"
    rf"(?:{w.US_STATES}|{w.US_STATE_NAMES})\s+\d{{5}}(?:-\d{{4}})?(?![\w-])"
)

# What every pattern above needs (RE2 syntax, no look-behinds): a number, a few words and
# a street type; a Germanic or French street word next to a number; a southern type with
# a number later on the line; a UK or Canadian postcode; a state and a ZIP code.
_SCREEN = (
    rf"\d[A-Za-z]?,?\s+(?:\S+[^\S\r\n]+){{0,6}}{w.STREET_TYPES}\b|Broadway|The\s+Strand|"
    rf"(?:{w.GERMANIC_SUFFIXES}|{w.GERMANIC_WORD_TYPES})[^\S\r\n]+\d|"
    rf"\d(?:\s?(?:bis|ter|[A-D]))?,?\s+(?i:{w.FRENCH_TYPES})[^\S\r\n]|"
    rf"{w.SOUTHERN_TYPES}[^\S\r\n]+[^\r\n]*\d|{w.UK_POSTCODE}|{w.CA_POSTCODE}|"
    rf"(?:{w.US_STATES}|{w.US_STATE_NAMES})\s+\d{{5}}"
)
_CUE = re.compile(
    r"(?:\b(?:at|on|to|from|in|live|lives|living|moved|address|visit|near|is|studio|office|"
    r"shop|store|located|find us)|[:📍\-–—(])\s*$",
    re.I,
)
_NOT_AN_ADDRESS = re.compile(
    r"\b(?:top|chapter|episode|season|page|part|vol|volume|no|number|level|step|rule|room|"
    r"flight|platform|track|bus|line|gate|route|section|article|item|rank|ranked|best|size)"
    r"\.?\s*$",
    re.I,
)
_YEAR_CUE = re.compile(r"\b(?:in|since|from|of|by|until|before|after|circa|c\.)\s*$", re.I)
_STORAGE = frozenset(("GB", "TB", "PB"))


def _address(match: re.Match[str], confidence: Confidence) -> TextHit:
    found = match.group(0).rstrip().rstrip(",").rstrip()
    return TextHit(
        kind=KIND,
        start=match.start(),
        end=match.start() + len(found),
        text=found,
        value=squash(found).casefold(),
        label=M_("a street address"),
        confidence=confidence,
    )


def _own_line(match: re.Match[str]) -> bool:
    """True when the match is a whole line (or the whole text): "497 Rogers Ave" on a page."""
    text = match.string
    head = text[: match.start()].rstrip(" \t")
    tail = text[match.end() :].lstrip(" \t.,")
    return (not head or head.endswith("\n")) and (not tail or tail.startswith(("\n", "\r")))


class AddressDetector(PatternDetector):
    """Street addresses (US, UK, Canadian, European formats) and UK, Canadian and US postcodes."""

    name = "addresses"
    kinds = (KIND, POSTCODE_KIND)
    screen = _SCREEN
    patterns = (_ENGLISH, _GERMANIC, _GERMANIC_WORDS, _FRENCH, _SOUTHERN, _UK, _CA, _US_ZIP)

    def decode(self, match: re.Match[str]) -> TextHit | None:
        """Check one candidate address or postcode against the precision rules."""
        before = match.string[max(0, match.start() - 30) : match.start()]
        if _NOT_AN_ADDRESS.search(before):
            return None  # "Top 3 Rue de la Paix restaurants", "Chapter 12 Hill Street"
        if match.re is _ENGLISH:
            return self._english(match, before)
        if match.re in (_GERMANIC, _GERMANIC_WORDS, _FRENCH):
            return _address(match, Confidence.HIGH)
        if match.re is _SOUTHERN:
            if match["name"].split()[0].casefold() in w.NOT_SOUTHERN_NAMES:
                return None
            return _address(match, Confidence.HIGH)
        code = match.group(0)
        if match.re is _UK and code[-2:] in _STORAGE:
            return None  # "PS4 1TB" is a games console, not a postcode
        return TextHit(
            kind=POSTCODE_KIND,
            start=match.start(),
            end=match.end(),
            text=code,
            value=squash(code).casefold(),
            label=M_("a postcode"),
            confidence=Confidence.HIGH,
        )

    def _english(self, match: re.Match[str], before: str) -> TextHit | None:
        if match["name"] and match["name"].split()[0].casefold() in w.NOT_STREET_NAMES:
            return None
        tail = match["city"] or match["city2"] or match["region"] or match["post"]
        number = match["num"]
        if number.isdigit() and 1800 <= int(number) <= 2100 and _YEAR_CUE.search(before):
            return None  # "in 1990 Abbey Road became..."
        if tail:
            return _address(match, Confidence.HIGH)
        if not (_CUE.search(before) or _own_line(match)):
            return None  # "3 Supreme Court judges": a bare street line needs "at", "live"...
        return _address(match, Confidence.MEDIUM)
