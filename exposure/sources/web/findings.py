"""Turning what a crawl read into findings: one per leaked value per profile or site.

A finding's id comes from its kind, the site (or profile) and the normalised value, so the
same address in the footer of forty pages is one line of the checklist with forty pages
as evidence, and a re-audit gives the same ids.  Remediation comes from the catalogue,
specialised for the platform when it has steps of its own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from exposure.catalogue.web import platform_remediation
from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n.message import M_
from exposure.model import Confidence, Evidence, Finding
from exposure.sources.web.extract.clues import Clue, ClueKind

_CLUE_KIND = {
    ClueKind.COORDINATES: ("web-coordinates", M_("Exact coordinates")),
    ClueKind.ADDRESS: ("web-address", M_("A street address or postcode")),
    ClueKind.PLACE: ("web-place-name", M_("A place name")),
}
_LOCATION_LABEL = re.compile(
    r"\b(location|locality|city|town|home ?town|home base|based(?: in)?|lives? in|living in|"
    r"region|country|address|neighbou?rhood|ort|wohnort|standort|ville|lieu|ciudad|"
    r"ubicaci[oó]n|localiza[cç][aã]o|citt[aà]|stad|woonplaats|miasto)\b",
    re.IGNORECASE,
)
"""Profile field labels that announce a place (not "Home page" or "Where to find me")."""
_PLACE_EMOJI = ("\U0001f4cd", "\U0001f3e0", "\U0001f3e1", "\U0001f30d", "\U0001f30e", "\U0001f30f")


@dataclass(frozen=True, slots=True)
class Site:
    """Where the user acts on what a crawl finds."""

    group: str
    """The report's group: ``"https://blog.example/"``, ``"Mastodon @me@example.social"``."""
    platform: str
    """Catalogue key for platform-specific steps: ``website``, ``mastodon``, ``github``..."""
    key: str
    """Stable identity of the profile or site, for finding ids."""


def is_location_label(label: str) -> bool:
    """True for a profile field name that announces a place (``Location``, ``📍``, ``Based in``)."""
    return bool(_LOCATION_LABEL.search(label)) or any(e in label for e in _PLACE_EMOJI)


def _short(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _finish(finding: Finding, site: Site) -> Finding:
    return dataclasses.replace(
        finding, remediation=platform_remediation(finding.kind, site.platform)
    )


def clue_findings(
    clues: Iterable[Clue], locator: str, site: Site, *, feed: bool = False
) -> Iterator[Finding]:
    """One finding per distinct clue of a page (or of a feed item when ``feed``)."""
    seen: set[tuple[str, str]] = set()
    for clue in clues:
        kind, what = _CLUE_KIND[clue.kind]
        if feed and clue.kind is ClueKind.COORDINATES:
            kind, what = "web-feed-location", M_("A post's position")
        if (kind, clue.value) in seen:
            continue
        seen.add((kind, clue.value))
        label = clue.position.as_text(4) if clue.position is not None else _short(clue.text)
        yield _finish(
            make_finding(
                kind,
                content=site.key,
                value=clue.value,
                title=M_(
                    "{what} in the page's code: {label} ({name})",
                    what=what,
                    label=label,
                    name=_short(clue.name, 40),
                )
                if clue.name
                else M_("{what} in the page's code: {label}", what=what, label=label),
                confidence=Confidence.MEDIUM if not feed else Confidence.HIGH,
                group=site.group,
                evidence=[
                    Evidence(
                        locator=locator,
                        detail=f"{clue.markup}: {clue.text}"
                        + (f" — {clue.name}" if clue.name else ""),
                        position=clue.position,
                        place_name=clue.name or (None if clue.position else clue.text),
                        field=clue.markup,
                    )
                ],
            ),
            site,
        )


def profile_location(site: Site, locator: str, label: str, value: str) -> Finding:
    """A profile field that states where the person is (GitHub Location, a Mastodon field)."""
    return _finish(
        make_finding(
            "web-profile-location",
            content=site.key,
            value=value,
            title=M_("Your profile says where you are: {place}", place=_short(value)),
            group=site.group,
            evidence=[
                Evidence(locator=locator, detail=f"{label}: {value}", place_name=value, field=label)
            ],
        ),
        site,
    )


def post_place(
    site: Site,
    locator: str,
    name: str,
    position: Position | None,
    when: datetime | None,
    field: str,
) -> Finding:
    """A post tagged with a place (a Pixelfed location, a check-in)."""
    shown = name or (position.as_text(4) if position else "a place")
    detail = f"tagged with {shown}" + (f" at {position.as_text()}" if position else "")
    return _finish(
        make_finding(
            "web-post-place",
            content=site.key,
            value=f"{name} {position.as_text(4) if position else ''}",
            title=M_("Posts tagged with a place: {place}", place=_short(shown))
            if name or position
            else M_("Posts tagged with a place: a place"),
            group=site.group,
            evidence=[
                Evidence(
                    locator=locator,
                    detail=detail,
                    position=position,
                    observed_at=when,
                    place_name=name or None,
                    field=field,
                )
            ],
        ),
        site,
    )
