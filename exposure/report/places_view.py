""" "What a stranger can work out": the report's first section, one card per home, work
and regular place (``templates/_places.html`` draws it from :class:`PlacesView`).

Each card says what a stranger would conclude, why (the place's reason), which sources
agree (convergence, counted per source), and "to hide this place, do these N things": the
checklist actions whose findings feed the place, grouped like the checklist (one action per
place to act and remedy), most effective first, each a link to its checklist line.  The
sentences are in :mod:`exposure.report.wording`.
"""

from __future__ import annotations

import gettext
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from exposure.i18n.message import say
from exposure.inference.sources import families
from exposure.model import Finding, Place, PlaceRole
from exposure.report import wording
from exposure.report.priority import SEVERITY_WEIGHT, effort_minutes
from exposure.report.wording import ENGLISH

SHOWN_ROLES = (PlaceRole.HOME, PlaceRole.WORK, PlaceRole.REGULAR)
FIRST_STEPS = 5
"""Actions shown open on a card; the rest are folded under "more"."""
MAX_CARDS = 6
"""Home, work and at most four regular places."""


@dataclass(frozen=True, slots=True)
class HideStep:
    """One thing to do to hide a place: a checklist action and where it is."""

    text: str
    """What to do (the remediation's one sentence)."""
    where: str
    """Where to do it (the checklist group)."""
    count_text: str
    """``3 items``: how many of the place's checklist items it removes."""
    href: str
    """Link to the first checklist line it fixes (``#finding-3``)."""


@dataclass(frozen=True, slots=True)
class PlaceCard:
    """One place a stranger could work out."""

    dom_id: str
    """``place-1``: the card's id (target of links)."""
    role: str
    """``home``, ``work`` or ``regular`` (CSS class)."""
    title: str
    """``Your likely home, near Lyon (France)``."""
    confidence_text: str
    """How sure a stranger could be, in words."""
    reason: str
    """Why this role, in one or two sentences."""
    convergence: str
    """``22 photos, 60 Timeline points and 14 routes point to the same 60 m around ...``."""
    independent: bool
    """True when two or more independent sources agree (the card says so)."""
    steps_heading: str
    """``To hide this place, do these 3 things``."""
    steps: tuple[HideStep, ...]
    """The first :data:`FIRST_STEPS` actions, most effective first."""
    more_steps: tuple[HideStep, ...]
    """The rest (folded in the page)."""


@dataclass(frozen=True, slots=True)
class PlacesView:
    """The whole section."""

    cards: tuple[PlaceCard, ...]
    """One per home, work and regular place (home first)."""
    basis: str
    """What the inference read: ``Worked out from 1,234 located traces ...``."""


def build_places(
    places: Iterable[Place],
    findings: Iterable[Finding],
    anchors: Mapping[str, str],
    points: int,
    redacted: bool,
    catalogue_text: Callable[[str], str] = str,
    t: gettext.NullTranslations = ENGLISH,
) -> PlacesView | None:
    """The section for ``places``; None when no home, work or regular place was found.

    ``anchors`` maps finding ids to their checklist line (``#finding-3``);
    ``catalogue_text`` shows a remediation's summary in the page's language."""
    shown = sorted(
        (p for p in places if p.role in SHOWN_ROLES),
        key=lambda p: (SHOWN_ROLES.index(p.role), -p.points, p.id),
    )[:MAX_CARDS]
    if not shown:
        return None
    by_id = {f.id: f for f in findings}
    cards = tuple(
        _card(n, place, by_id, anchors, redacted, catalogue_text, t)
        for n, place in enumerate(shown, start=1)
    )
    return PlacesView(cards=cards, basis=wording.places_basis(points, t))


def _card(
    number: int,
    place: Place,
    findings: Mapping[str, Finding],
    anchors: Mapping[str, str],
    redacted: bool,
    catalogue_text: Callable[[str], str],
    t: gettext.NullTranslations = ENGLISH,
) -> PlaceCard:
    title = t.gettext(wording.PLACE_TITLE[place.role.value])
    if place.near is not None and place.near.country:
        title = t.gettext("{place}, near {town} ({country})").format(
            place=title, town=place.near.town, country=place.near.country
        )
    elif place.near is not None:
        title = t.gettext("{place}, near {town}").format(place=title, town=place.near.town)
    where = (
        f"{place.centre.lat:.{2 if redacted else 3}f}, {place.centre.lon:.{2 if redacted else 3}f}"
    )
    feeding = [findings[i] for i in place.finding_ids if i in findings]
    steps = _steps(feeding, place, anchors, catalogue_text, t)
    return PlaceCard(
        dom_id=f"place-{number}",
        role=place.role.value,
        title=title,
        confidence_text=t.gettext(wording.PLACE_CONFIDENCE[place.confidence]),
        reason=say(place.reason, place.reason_message, t),
        convergence=wording.convergence(list(place.sources), place.radius_m, where, t),
        independent=families(k for k, _ in place.sources) >= 2,
        steps_heading=wording.place_steps_heading(len(steps), t),
        steps=steps[:FIRST_STEPS],
        more_steps=steps[FIRST_STEPS:],
    )


def _steps(
    feeding: list[Finding],
    place: Place,
    anchors: Mapping[str, str],
    catalogue_text: Callable[[str], str] = str,
    t: gettext.NullTranslations = ENGLISH,
) -> tuple[HideStep, ...]:
    """The checklist actions behind ``feeding``, most effective first: the most of the
    place's evidence removed for the time it takes (a kind's evidence is shared among its
    findings; a finding the inference made counts its own evidence), then severity."""
    evidence = dict(place.sources)
    per_kind: dict[str, int] = {}
    for finding in feeding:
        per_kind[finding.kind] = per_kind.get(finding.kind, 0) + 1
    grouped: dict[tuple[str, str], list[Finding]] = {}
    for finding in feeding:
        grouped.setdefault((finding.group, finding.remediation.summary), []).append(finding)
    ranked = []
    for (group, summary), members in grouped.items():
        removed = sum(
            evidence[f.kind] / per_kind[f.kind] if f.kind in evidence else len(f.evidence)
            for f in members
        )
        weight = sum(SEVERITY_WEIGHT[f.severity] for f in members)
        minutes = math.sqrt(max(effort_minutes(members[0].remediation.effort, len(members)), 1))
        first = min(members, key=lambda f: (f.sort_key(), f.id))
        ranked.append((-removed / minutes, -weight, group, summary, members, first))
    ranked.sort(key=lambda r: r[:4])
    return tuple(
        HideStep(
            text=catalogue_text(summary),
            where=wording.group_name(group, t),
            count_text=t.ngettext("{count} item", "{count} items", len(members)).format(
                count=len(members)
            ),
            href=anchors.get(first.id, "#checklist"),
        )
        for *_, group, summary, members, first in ranked
    )
