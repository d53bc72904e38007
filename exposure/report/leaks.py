"""One checklist line per leak, not per file, where fixing it is one action.

A camera's serial number or an owner's name repeated in 40 photos is one leak with 40
places to fix: the checklist shows one line ("40 files carry your camera's serial
number"), and the list of files folds under it.  The same goes for the same words (an
address, a check-in) found in several texts of one place to act.  Everything else stays
one line per finding.

Pure and linear in the findings.  A :class:`Leak` keeps the ids of the findings it joins:
ticks are saved by those ids, so a tick means the same in the full and the shareable copy
(which hides the values, so joins nothing), and in a later report that finds one more
copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from exposure.fingerprint import fingerprint
from exposure.model import Finding

IDENTITY_KINDS = frozenset({"photo-device-serial", "photo-owner-name", "instagram-photo-device"})
"""Kinds whose leaked value (a serial, a name, a device id) is the same in every file that
carries it: repeated, they are one leak."""


@dataclass(frozen=True, slots=True)
class Leak:
    """One checklist line: a finding, or several findings of one leaked value."""

    id: str
    """Stable id of the line: the finding's id, or for joined findings an id made from
    their kind, where to act and the leaked value."""
    kind: str
    findings: tuple[Finding, ...]
    """The findings it stands for, in checklist order (the first is the most serious)."""
    value: str | None
    """The leaked value shared by the joined findings (None for a single finding)."""

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def ids(self) -> tuple[str, ...]:
        """Ids of the findings: what a tick on this line saves."""
        return tuple(f.id for f in self.findings)


def leak_value(finding: Finding) -> str | None:
    """The value that makes findings in different files one leak, or None.

    An identity finding's evidence texts (``Artist: Alex``) without the file; a text
    finding's matched words, normalised."""
    if finding.kind in IDENTITY_KINDS:
        details = sorted({e.detail for e in finding.evidence})
        return " | ".join(details) if details else None
    for evidence in finding.evidence:
        if evidence.match is not None:
            start, end = evidence.match
            words = evidence.detail[start:end]
            if 0 <= start < end <= len(evidence.detail) and words.strip():
                return " ".join(words.split()).casefold()
    return None


def join_leaks(findings: Iterable[Finding], *, redacted: bool = False) -> list[Leak]:
    """``findings`` (in checklist order, of one kind and one place to act) as lines.

    A shareable copy joins nothing: its values are masked (``[hidden in this copy]``, a
    serial cut to its last characters), so two different addresses or serials would look
    the same there.  Its ticks still match the full copy's, being the findings' ids."""
    order: list[str] = []
    members: dict[str, list[Finding]] = {}
    values: dict[str, str | None] = {}
    for finding in findings:
        value = None if redacted else leak_value(finding)
        key = finding.id if value is None else f"{finding.kind}\x1f{finding.group}\x1f{value}"
        if key not in members:
            order.append(key)
            members[key] = []
            values[key] = value
        members[key].append(finding)
    leaks = []
    for key in order:
        group = members[key]
        first = group[0]
        if len(group) == 1:
            leaks.append(Leak(first.id, first.kind, (first,), None))
        else:
            leak_id = "l-" + fingerprint(first.kind, first.group, values[key] or "")[2:]
            leaks.append(Leak(leak_id, first.kind, tuple(group), values[key]))
    return leaks
