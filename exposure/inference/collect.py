"""The points the inference reads: what the sources kept, plus every located evidence.

Sources yield :class:`~exposure.model.LocatedPoint` records for bulk histories (an even
sample of at most ``ExportOptions.max_points`` per history, capped again by the audit),
which the audit keeps in a :class:`~exposure.pointstore.PointStore` as they come; findings
carry the rest in their evidence (a photo's GPS, a route's start, a check-in).  Both are
joined here into one store without counting one observation twice, each point carrying the
kind of the finding it backs and, for places a platform labelled, the label.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from exposure.detectors.photo_gps import SHOWN_FIELD
from exposure.model import Finding
from exposure.pointstore import PointStore

LABEL_KINDS = frozenset({"google-home-work", "snapchat-home-work"})
"""Findings that are a platform's own label of a place as home or work."""


def platform_label(finding: Finding) -> str:
    """``home`` or ``work`` for a platform's label (its title says which), else ``""``."""
    if finding.kind not in LABEL_KINDS:
        return ""
    return "home" if "your home" in finding.title.lower() else "work"


def evidence_points(findings: Iterable[Finding]) -> PointStore:
    """One point per evidence entry that has a real position where the person was (the
    position of a place a photo only shows, IPTC LocationShown, is left out)."""
    out = PointStore()
    for finding in findings:
        label = platform_label(finding)
        for e in finding.evidence:
            pos = e.position
            if pos is None or e.field == SHOWN_FIELD:
                continue
            code = out.ident_code(finding.kind, e.locator, finding.id, label)
            out.add(pos.lat, pos.lon, e.observed_at, code, pos.altitude_m, pos.accuracy_m)
    return out


def join_points(
    evidence: PointStore, kept: PointStore, findings: Mapping[str, Finding]
) -> PointStore:
    """``evidence`` then ``kept`` (added to ``evidence``, which is returned), leaving out
    kept points that repeat an evidence point (a route's start is both) and filling in the
    kind of kept points that lack one.  Works on the columns: per identity code of ``kept``
    (a history's points share one), its kind is filled in and whether it can repeat
    evidence is decided once."""
    keys = {
        (evidence.idents[code][2], evidence.idents[code][1], lat, lon)
        for code, lat, lon in zip(evidence.ident, evidence.lat, evidence.lon, strict=True)
    }
    ids = {key[0] for key in keys}
    codes: list[int] = []
    repeats: list[bool] = []
    for kind, locator, finding_id, label in kept.idents:
        if not kind:
            finding = findings.get(finding_id)
            kind = finding.kind if finding else ""
        codes.append(evidence.ident_code(kind, locator, finding_id, label))
        repeats.append(finding_id in ids)
    idents = kept.idents

    def fresh(i: int) -> bool:
        code = kept.ident[i]
        if not repeats[code]:
            return True
        _, locator, finding_id, _ = idents[code]
        return (finding_id, locator, kept.lat[i], kept.lon[i]) not in keys

    evidence.copy_rows(kept, filter(fresh, range(len(kept))), codes)
    return evidence
