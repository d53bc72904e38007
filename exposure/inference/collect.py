"""The points the inference reads: what the sources kept, plus every located evidence.

Sources yield :class:`~exposure.model.LocatedPoint` records for bulk histories (an even
sample of at most ``ExportOptions.max_points`` per history, capped again by the audit);
findings carry the rest in their evidence (a photo's GPS, a route's start, a check-in).
Both are joined here without counting one observation twice, each point carrying the kind
of the finding it backs and, for places a platform labelled, the label.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from exposure.detectors.photo_gps import SHOWN_FIELD
from exposure.model import Finding, LocatedPoint

LABEL_KINDS = frozenset({"google-home-work", "snapchat-home-work"})
"""Findings that are a platform's own label of a place as home or work."""


def platform_label(finding: Finding) -> str:
    """``home`` or ``work`` for a platform's label (its title says which), else ``""``."""
    if finding.kind not in LABEL_KINDS:
        return ""
    return "home" if "your home" in finding.title.lower() else "work"


def evidence_points(findings: Iterable[Finding]) -> list[LocatedPoint]:
    """One point per evidence entry that has a real position where the person was (the
    position of a place a photo only shows, IPTC LocationShown, is left out)."""
    out: list[LocatedPoint] = []
    for finding in findings:
        label = platform_label(finding)
        out.extend(
            LocatedPoint(e.position, e.observed_at, e.locator, finding.id, finding.kind, label)
            for e in finding.evidence
            if e.position is not None and e.field != SHOWN_FIELD
        )
    return out


def join_points(
    evidence: list[LocatedPoint], kept: Sequence[LocatedPoint], findings: dict[str, Finding]
) -> list[LocatedPoint]:
    """``evidence`` then ``kept``, leaving out kept points that repeat an evidence point
    (a route's start is both) and filling in the kind of kept points that lack one."""
    keys = {(p.finding_id, p.locator, p.position.lat, p.position.lon) for p in evidence}
    ids = {key[0] for key in keys}
    out = list(evidence)
    for point in kept:
        if point.finding_id in ids:
            pos = point.position
            if (point.finding_id, point.locator, pos.lat, pos.lon) in keys:
                continue
        if not point.kind:
            finding = findings.get(point.finding_id)
            point = replace(point, kind=finding.kind if finding else "")
        out.append(point)
    return out
