"""``verify``: audit again and compare with an earlier JSON report, finding id by finding id.

A finding's id depends only on its kind, the content it was found in and the leaked value
(:mod:`exposure.fingerprint`), so the same leak has the same id in both reports:

* fixed: in the earlier report, not found now;
* still there: in both;
* new: found now, not in the earlier report.

One exception to matching by id: a photo's serial number or owner's name (the kinds the
checklist joins into one line per leak) is a finding per file whose id includes the file's
content key, and that key changes with any edit of the file's metadata.  Once a photo's
location alone is removed, its serial number would look "fixed" and "new" at once; so such a
finding is also matched by what it names (kind, group, and each file with the value found
there).  A redacted earlier report masks those, and is matched by id only.

:func:`load_previous` reads the earlier report (full or shareable copy: ids are the same);
:func:`compare` attaches a :class:`~exposure.model.Baseline` to the new report, which every
renderer shows; :func:`exposure.terminal.baseline_lines` are the terminal's words.  The exit code stays the
audit's own: 0 only when nothing at or above ``--fail-on`` remains.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from exposure.errors import UsageError
from exposure.i18n.message import M_
from exposure.model import Baseline, BaselineItem, Report, Severity

MAX_BYTES = 1 << 30
"""A larger file is not read as a report (an earlier report of 50,000 findings is ~50 MB)."""


@dataclass(frozen=True, slots=True)
class Previous:
    """What ``verify`` needs of an earlier report."""

    generated_at: str | None
    findings: tuple[BaselineItem, ...]
    same_leak: Mapping[str, str] = field(default_factory=dict)
    """id -> :func:`same_leak_key` of the earlier findings that have one."""


def same_leak_key(kind: str, group: str, evidence: Iterable[tuple[str, str]]) -> str | None:
    """What a serial-number or owner-name finding names: its kind, group, and each (file,
    value) of its evidence; None for other kinds (matched by id only)."""
    from exposure.report.leaks import IDENTITY_KINDS

    if kind not in IDENTITY_KINDS:
        return None
    pairs = sorted(set(evidence))
    if not pairs:
        return None
    return "\x1f".join([kind, group, *(f"{locator}\x1e{detail}" for locator, detail in pairs)])


def _not_a_report(path: str, why: str) -> UsageError:
    return UsageError.of(
        M_(
            "{path} is not an exposure JSON report ({why}); give the file an earlier "
            "'exposure audit --json FILE' wrote",
            path=path,
            why=why,
        )
    )


def load_previous(path: str) -> Previous:
    """Read the findings of an earlier JSON report; a usage error (exit 2) if it is not one."""
    target = Path(path).expanduser()
    try:
        if target.stat().st_size > MAX_BYTES:
            raise _not_a_report(path, "larger than 1 GiB")
        with target.open("rb") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise UsageError.of(
            M_("{path} does not exist; give the JSON report of an earlier audit", path=path)
        ) from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _not_a_report(path, str(exc)[:80] or type(exc).__name__) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise _not_a_report(path, "no findings list")
    items = []
    same_leak: dict[str, str] = {}
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise _not_a_report(path, "a finding without an id")
        try:
            severity = Severity(entry.get("severity", "low"))
        except ValueError:
            severity = Severity.LOW
        items.append(
            BaselineItem(
                id=entry["id"],
                kind=str(entry.get("kind", "")),
                title=str(entry.get("title", "")),
                severity=severity,
                group=str(entry.get("group", "")),
            )
        )
        evidence = entry.get("evidence")
        if not data.get("redacted") and isinstance(evidence, list):
            key = same_leak_key(
                items[-1].kind,
                items[-1].group,
                (
                    (str(e.get("locator", "")), str(e.get("detail", "")))
                    for e in evidence
                    if isinstance(e, dict)
                ),
            )
            if key is not None:
                same_leak[entry["id"]] = key
    generated = data.get("generated_at")
    return Previous(generated if isinstance(generated, str) else None, tuple(items), same_leak)


def compare(report: Report, previous: Previous) -> Report:
    """``report`` with its :class:`Baseline` against ``previous`` (a new Report)."""
    now = {f.id for f in report.findings}
    before = {item.id for item in previous.findings}
    gone = {previous.same_leak[i]: i for i in before - now if i in previous.same_leak}
    renamed: dict[str, str] = {}  # id now -> id then, of the same leak under a new id
    for finding in report.findings:
        if gone and finding.id not in before:
            pairs = ((e.locator, e.detail) for e in finding.evidence)
            key = same_leak_key(finding.kind, finding.group, pairs)
            if key is not None and key in gone:
                renamed[finding.id] = gone.pop(key)
    before |= set(renamed)
    kept = set(renamed.values())
    fixed = tuple(
        sorted(
            (item for item in previous.findings if item.id not in now and item.id not in kept),
            key=lambda i: (i.severity.rank, i.group, i.title, i.id),
        )
    )
    baseline = Baseline(
        previous_generated_at=previous.generated_at,
        fixed=tuple({i.id: i for i in fixed}.values()),  # an id listed twice counts once
        still_there=frozenset(now & before),
        new=frozenset(now - before),
    )
    return replace(report, baseline=baseline)
