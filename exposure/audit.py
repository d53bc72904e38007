"""The audit engine: sources -> items -> metadata -> detectors -> Report.  No formatting here."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Protocol

from exposure import __version__
from exposure.detectors import PhotoDetector, new_photo_detectors
from exposure.model import Finding, LocatedPoint, Report, Skipped, SourceCount, SourceItem
from exposure.options import Options
from exposure.photoscan import scan
from exposure.sources import Source, resolve


class Progress(Protocol):
    """What the audit tells a progress display.  The CLI passes one; libraries may not."""

    def start(self, total: int) -> None:
        """The number of items about to be checked is known."""

    def advance(self, count: int = 1) -> None:
        """``count`` more items were checked."""


class _NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


def resolve_sources(options: Options) -> list[Source]:
    """One source per INPUT; raises InputError (a UsageError) for one that cannot be read."""
    return [resolve(given, options) for given in options.inputs]


def run(options: Options, progress: Progress | None = None) -> Report:
    """Audit everything ``options.inputs`` names and return the Report."""
    sources = resolve_sources(options)
    progress = progress or _NoProgress()
    items: list[SourceItem] = []
    skipped: list[Skipped] = []
    for source in sources:
        for entry in source.iter_items():
            (skipped if isinstance(entry, Skipped) else items).append(entry)  # type: ignore[arg-type]
    progress.start(len(items))
    findings: dict[str, Finding] = {}
    checked: Counter[str] = Counter()
    detectors = new_photo_detectors()
    for index, outcome in scan([str(item.path) for item in items], options.workers):
        item = items[index]
        progress.advance()
        if isinstance(outcome, str):
            skipped.append(Skipped(item.locator, outcome, item.source))
            continue
        checked[item.source] += 1
        if outcome.notes:
            skipped.append(
                Skipped(item.locator, "partly read: " + "; ".join(outcome.notes), item.source)
            )
        for detector in detectors:
            _add_all(findings, detector.detect(item, outcome))
    _finish(findings, detectors)
    ordered = tuple(sorted(findings.values(), key=Finding.sort_key))
    return Report(
        tool_version=__version__,
        inputs=tuple(options.inputs),
        findings=ordered,
        skipped=tuple(sorted(skipped, key=lambda s: s.locator)),
        counts=tuple(SourceCount(s.name, checked[s.name]) for s in _unique_sources(sources)),
        points=_points(ordered),
        generated_at=None if options.reproducible else datetime.now(UTC).replace(microsecond=0),
    )


def _finish(findings: dict[str, Finding], detectors: Iterable[PhotoDetector]) -> None:
    for detector in detectors:
        _add_all(findings, detector.finish())


def _add_all(findings: dict[str, Finding], new: Iterable[Finding]) -> None:
    """Add findings; the same leak in a copy of the same file joins the first as evidence."""
    for finding in new:
        known = findings.get(finding.id)
        if known is None:
            findings[finding.id] = finding
            continue
        seen = {e.locator for e in known.evidence}
        extra = tuple(e for e in finding.evidence if e.locator not in seen)
        if extra:
            findings[finding.id] = dataclasses.replace(known, evidence=known.evidence + extra)


def _unique_sources(sources: list[Source]) -> list[type[Source]]:
    return list(dict.fromkeys(type(s) for s in sources))


def _points(findings: Iterable[Finding]) -> tuple[LocatedPoint, ...]:
    """Every located observation, with its time, for later inference."""
    return tuple(
        LocatedPoint(e.position, e.observed_at, e.locator, f.id)
        for f in findings
        for e in f.evidence
        if e.position is not None
    )
