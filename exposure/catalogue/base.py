"""Catalogue building blocks: the entry type, a step helper, and advice shared by every area.

Wording lives in the catalogue as data, so the HTML and JSON reports share it and it is
reviewed like code.  Each step names where the advice comes from and the date it was last
checked against that source (see ../shared/docs/platforms.md for the research notes behind
them).  Facts quoted in "why" lines come from ../shared/docs/research-facts.md, with their
source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exposure.model import Remediation, Step

CHECKED = date(2026, 11, 29)
"""When the steps written in this session were last checked against their sources."""

EXPOSURE = "exposure's own check"
SAFETY = "NNEDV Safety Net; https://thetodaycentre.ca/stories/technology-facilitated-violence-safety-planning-tips"


@dataclass(frozen=True, slots=True)
class KindInfo:
    """What the catalogue knows about one finding kind."""

    kind: str
    summary: str
    """One line for documentation: what this kind of finding is."""
    why: str
    remediation: Remediation


def step(text: str, source: str = EXPOSURE, checked: date = CHECKED) -> Step:
    """One remediation step with its source and the date it was checked."""
    return Step(text=text, source=source, checked=checked)


SAVE_FIRST = step(
    "Before you delete or change anything online, save what you may need as evidence "
    "(screenshots with dates and links). Changing many things at once can alert someone who "
    "watches your accounts: plan the changes, ideally with an advocate.",
    SAFETY,
)
"""The safety step that comes first wherever something is deleted online."""

FEW_POINTS = (
    "Researchers found that four points of place and time are enough to single out 95% of "
    "1.5 million people (de Montjoye et al., Scientific Reports 2013)."
)
