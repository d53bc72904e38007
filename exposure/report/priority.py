""" "Start here": the few actions that remove the most exposure for the effort.

An action is one remediation in one place to act (a folder, a platform): every finding
there that the same advice fixes.  Its score adds up what it removes, weighted by

* severity: a high-risk finding counts :data:`SEVERITY_WEIGHT` times a low-risk one;
* places: a finding that feeds a place a stranger can infer as home or work counts
  :data:`PLACE_WEIGHT` times more (a regular place a little more), since removing it takes
  a conclusion away, not only a line;

and divides by the square root of the effort in minutes (:func:`effort_minutes`), so a
quick fix wins over a slow one of the same weight, but a long job that removes much
still comes first.  Pure: the places come in as a mapping, finding id -> role.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from exposure.model import Finding, Place, Severity

SEVERITY_WEIGHT = {Severity.HIGH: 10.0, Severity.MEDIUM: 3.0, Severity.LOW: 1.0}
PLACE_WEIGHT = {"home": 3.0, "work": 3.0, "regular": 1.5}
"""Extra weight of a finding that feeds an inferred place with this role."""

MOST = 5
"""At most this many actions."""
LEAST = 3
"""At least this many when there are as many (a smaller one is kept below :data:`CUT`)."""
CUT = 0.1
"""An action past the third scoring under this share of the first is left out."""


@dataclass(frozen=True, slots=True)
class Action:
    """One thing to do, with what it removes."""

    group: str
    """Where to act."""
    summary: str
    """The remediation's one sentence (what to do)."""
    findings: tuple[Finding, ...]
    """The findings it fixes, in checklist order."""
    kinds: tuple[str, ...]
    """Their kinds, in checklist order (each a section of the checklist)."""
    minutes: float
    """Rough effort."""
    score: float
    roles: tuple[str, ...]
    """Inferred place roles it feeds (``home``, ``work``...), most important first."""


def place_roles(places: Iterable[Place]) -> dict[str, str]:
    """Finding id -> the most important role of an inferred place it feeds."""
    rank = list(PLACE_WEIGHT)
    roles: dict[str, str] = {}
    for place in places:
        role = place.role.value
        if role not in PLACE_WEIGHT:
            continue
        for finding_id in place.finding_ids:
            known = roles.get(finding_id)
            if known is None or rank.index(role) < rank.index(known):
                roles[finding_id] = role
    return roles


_NUMBER = re.compile(r"(\d+(?:\.\d+)?)")


def effort_minutes(effort: str, count: int) -> float:
    """``"a few minutes"`` -> 3, ``"10 minutes"`` -> 10, ``"an hour"`` -> 60; an effort
    "per photo" or "per item" is multiplied by ``count``.  Unknown words count as 5."""
    text = effort.casefold()
    number = _NUMBER.search(text)
    if number is not None:
        minutes = float(number.group(1))
    elif "few" in text:
        minutes = 3.0
    elif "minute" in text or "hour" in text:
        minutes = 1.0
    else:
        minutes = 5.0
    if "hour" in text:
        minutes *= 60
    if " per " in text:
        minutes *= max(count, 1)
    return minutes


def finding_weight(finding: Finding, roles: Mapping[str, str]) -> float:
    role = roles.get(finding.id)
    return SEVERITY_WEIGHT[finding.severity] * PLACE_WEIGHT.get(role or "", 1.0)


def rank_actions(findings: Iterable[Finding], roles: Mapping[str, str]) -> list[Action]:
    """The actions for ``findings`` (in checklist order), best first, 3 to 5 of them."""
    grouped: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        grouped.setdefault((finding.group, finding.remediation.summary), []).append(finding)
    actions = []
    for (group, summary), members in grouped.items():
        minutes = effort_minutes(members[0].remediation.effort, len(members))
        weight = sum(finding_weight(f, roles) for f in members)
        fed = {roles[f.id] for f in members if f.id in roles}
        actions.append(
            Action(
                group=group,
                summary=summary,
                findings=tuple(members),
                kinds=tuple(dict.fromkeys(f.kind for f in members)),
                minutes=minutes,
                score=weight / math.sqrt(max(minutes, 1.0)),
                roles=tuple(r for r in PLACE_WEIGHT if r in fed),
            )
        )
    actions.sort(key=lambda a: (-a.score, a.findings[0].sort_key(), a.summary))
    chosen = actions[:MOST]
    if chosen:
        top = chosen[0].score
        chosen = chosen[:LEAST] + [a for a in chosen[LEAST:] if a.score >= CUT * top]
    return chosen
