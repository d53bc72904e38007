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

from exposure.model import Remediation, Severity, Step

CHECKED = date(2026, 11, 29)
"""When the steps written in this session were last checked against their sources."""

EXPOSURE = "exposure's own check"
SAFETY = "NNEDV Safety Net; https://thetodaycentre.ca/stories/technology-facilitated-violence-safety-planning-tips"


@dataclass(frozen=True, slots=True)
class KindInfo:
    """Everything about one finding kind, in one place.

    Every other table is derived from these entries: the severity a finding gets
    (:func:`exposure.detectors.make_finding`), the checklist's section headings
    (:data:`exposure.report.wording.KIND_HEADING`), the "why" and the remediation a finding
    carries, and the kind tables of docs/finding-kinds.md (``python -m
    exposure.catalogue.docs`` writes them; ``tests/test_docs.py`` checks they are current).
    To add a kind, add one entry to the area's ``ENTRIES`` (see CONTRIBUTING.md).
    """

    kind: str
    """Stable identifier written to saved reports: never renamed (a new behaviour gets a new
    kind)."""
    severity: Severity
    """The severity a finding of this kind gets unless its producer picks one of
    :attr:`other_severities`."""
    heading: tuple[str, str]
    """Words after the count in the checklist's section heading, for one and for many:
    ``("photo shows where it was taken", "photos show where they were taken")``."""
    docs: str
    """What the kind means, for docs/finding-kinds.md (Markdown, one paragraph)."""
    summary: str
    """One line for the user: what this kind of finding is."""
    why: str
    """Why it matters, in plain words (a finding carries it)."""
    remediation: Remediation
    """How to remove it (a producer may give a more specific one for a platform)."""
    other_severities: tuple[Severity, ...] = ()
    """Other severities a producer may give (e.g. medium for a place name without
    coordinates); any severity outside these and :attr:`severity` is refused."""

    @property
    def severities(self) -> tuple[Severity, ...]:
        """Every severity a finding of this kind can have, the usual one first."""
        return (self.severity, *self.other_severities)


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
