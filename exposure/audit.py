"""The audit engine: sources -> entries -> metadata and text -> detectors -> Report.

No formatting and no printing here: the CLI and library callers render the Report.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Protocol

from exposure import __version__
from exposure.detectors import new_photo_detectors, new_text_detectors
from exposure.detectors.base import PhotoDetector, TextDetector
from exposure.i18n.message import M_, Message, known
from exposure.metadata import PhotoMetadata
from exposure.model import (
    Finding,
    LocatedPoint,
    NotChecked,
    Place,
    Report,
    Skipped,
    SourceCount,
    SourceItem,
)
from exposure.options import Options
from exposure.photoscan import read_bytes, scan
from exposure.pointstore import PointStore
from exposure.sources import Source, resolve
from exposure.sources.base import MediaRead, quiet

MAX_POINTS = 500_000
"""Located observations the sources may add for inference (bulk histories, already sampled
by their source); every evidence position is kept on top of these."""


class Progress(Protocol):
    """What the audit tells a progress display.  The CLI passes one; libraries may not."""

    def start(self, total: int) -> None:
        """The number of files to read is known: called again, with a larger number, when
        the next INPUT has been walked (files may already have been read before)."""

    def advance(self, count: int = 1) -> None:
        """``count`` more files were read (possibly before the first :meth:`start`)."""

    def reading(self, label: str, done: int, total: int | None, unit: str = "bytes") -> None:
        """A long read is under way (see :class:`exposure.sources.base.Activity`); a progress
        object without this method is simply not told."""


class _NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def reading(self, label: str, done: int, total: int | None, unit: str = "bytes") -> None:
        pass


def resolve_sources(options: Options) -> list[Source]:
    """One source per INPUT; raises InputError (a UsageError) for one that cannot be read."""
    return [resolve(given, options) for given in options.inputs]


class _Collector:
    """Everything one audit gathers, with its detectors (fresh per audit: no global state)."""

    def __init__(self) -> None:
        self.findings: dict[str, Finding] = {}
        self.skipped: list[Skipped] = []
        self.points = PointStore()
        """What the sources kept for the inference, in columns (a million objects would
        take hundreds of megabytes)."""
        self.checked: Counter[str] = Counter()
        self.not_checked: dict[str, NotChecked] = {}
        self.photo_detectors: list[PhotoDetector] = new_photo_detectors()
        self._text_detectors: list[TextDetector] | None = None  # made on the first text

    def add(self, new: Iterable[Finding]) -> None:
        """Add findings; the same leak in a copy of the same content joins the first as evidence."""
        for finding in new:
            known = self.findings.get(finding.id)
            if known is None:
                self.findings[finding.id] = finding
                continue
            seen = {e.locator for e in known.evidence}
            extra = tuple(e for e in finding.evidence if e.locator not in seen)
            if extra:
                self.findings[finding.id] = dataclasses.replace(
                    known, evidence=known.evidence + extra
                )

    def unread(self, record: NotChecked) -> None:
        """Files an INPUT holds that were not read (records of one INPUT are added up)."""
        known = self.not_checked.get(record.input)
        if known is not None:
            record = known.merged(record)
        self.not_checked[record.input] = record

    def point(self, point: LocatedPoint) -> None:
        if len(self.points) < MAX_POINTS:
            self.points.append(point)

    def photo(self, item: SourceItem, outcome: PhotoMetadata | str) -> None:
        """Run the photo detectors on one file's metadata (or record why it was unreadable)."""
        if isinstance(outcome, str):
            self.skipped.append(Skipped.said(item.locator, known(outcome), item.source))
            return
        self.checked[item.source] += 1
        if outcome.notes:
            notes: Message = known(outcome.notes[0])
            for note in outcome.notes[1:]:  # "a; b" (French writes "a ; b")
                notes = M_("{first}; {second}", first=notes, second=known(note))
            self.skipped.append(
                Skipped.said(item.locator, M_("partly read: {notes}", notes=notes), item.source)
            )
        for detector in self.photo_detectors:
            self.add(detector.detect(item, outcome))
        if outcome.texts or outcome.places:  # each text field, named in the evidence
            for field in outcome.scanned_texts():
                described = dataclasses.replace(item, kind="photo-description", text=field.value)
                self.text(described, field.value, field.label)

    def text(self, item: SourceItem, text: str, field: str | None = None) -> None:
        """Run the text detectors on ``text`` from ``item``; ``field`` (a photo's metadata
        field) replaces the item kind as the evidence's field."""
        if self._text_detectors is None:
            self._text_detectors = new_text_detectors()
        for detector in self._text_detectors:
            found = detector.detect(item, text)
            if field is not None:
                found = (_in_field(finding, field) for finding in found)
            self.add(found)

    def finish(self) -> None:
        for detector in self.photo_detectors:
            self.add(detector.finish())


def _in_field(finding: Finding, field: str) -> Finding:
    evidence = tuple(dataclasses.replace(e, field=field) for e in finding.evidence)
    return dataclasses.replace(finding, evidence=evidence)


def run(
    options: Options,
    progress: Progress | None = None,
    *,
    sources: Sequence[Source] | None = None,
) -> Report:
    """Audit everything ``options.inputs`` names and return the Report.

    ``sources`` are the resolved inputs when the caller has checked them already
    (:func:`resolve_sources`); otherwise they are resolved here.
    """
    if sources is None:
        sources = resolve_sources(options)
    progress = progress or _NoProgress()
    found = _Collector()
    files = _Waiting()
    for source in sources:
        # Local files are read by the scan while the source is still walking; the source
        # is finished before the next one starts, so the order of work never depends on
        # timing (copies of one photo in two INPUTs list their evidence in INPUT order).
        for _, outcome in scan(_route(source, found, files, progress), options.workers):
            progress.advance()
            found.photo(files.next(), outcome)
    found.finish()
    points, places = _infer(found)
    ordered = tuple(sorted(found.findings.values(), key=Finding.sort_key))
    return Report(
        tool_version=__version__,
        inputs=tuple(options.inputs),
        findings=ordered,
        skipped=tuple(sorted(found.skipped, key=lambda s: s.locator)),
        counts=tuple(
            SourceCount(name, found.checked[name])
            # A folder's files count under what they are (photos, an export...).
            for name in dict.fromkeys(
                [*(s.name for s in sources if s.name != "folder"), *found.checked]
            )
        ),
        not_checked=tuple(found.not_checked[given] for given in sorted(found.not_checked)),
        points=points,
        places=places,
        generated_at=None if options.reproducible else datetime.now(UTC).replace(microsecond=0),
    )


def _infer(found: _Collector) -> tuple[PointStore, tuple[Place, ...]]:
    """Every located point (evidence first, then what the sources kept, up to
    :data:`MAX_POINTS`), and the places and findings the inference draws from them."""
    from exposure.inference import infer
    from exposure.inference.collect import evidence_points, join_points

    points = join_points(evidence_points(found.findings.values()), found.points, found.findings)
    found.points = PointStore()  # joined into ``points``: not kept twice
    if not points:
        return points, ()
    inferred = infer(points, {f.id: f.group for f in found.findings.values()})
    found.add(inferred.findings)
    return points, inferred.places


class _Waiting:
    """Local files handed to the scan and not read back yet.  The scan answers in order and
    pulls paths only as it has room, so this holds a few hundred items, not the library."""

    def __init__(self) -> None:
        self._items: deque[SourceItem] = deque()
        self.total = 0

    def add(self, item: SourceItem) -> None:
        self._items.append(item)
        self.total += 1

    def next(self) -> SourceItem:
        """The item whose result the scan gives now (the oldest one waiting)."""
        return self._items.popleft()


def _route(source: Source, found: _Collector, files: _Waiting, progress: Progress) -> Iterator[str]:
    """Hand each entry of ``source`` to the collector; yield the paths of local files (kept
    in ``files``) for the scan.  The progress total is given once the source is walked."""
    source.activity = getattr(progress, "reading", quiet)
    for entry in source.iter_items():
        if isinstance(entry, Skipped):
            found.skipped.append(entry)
        elif isinstance(entry, Finding):
            found.add((entry,))
        elif isinstance(entry, LocatedPoint):
            found.point(entry)
        elif isinstance(entry, NotChecked):
            found.unread(entry)
        elif isinstance(entry, MediaRead):
            found.photo(entry.item, entry.outcome)
        elif entry.path is not None:
            files.add(entry)
            yield entry.path
        else:
            _in_memory(entry, found)
    progress.start(files.total)


def _in_memory(item: SourceItem, found: _Collector) -> None:
    """An item that is not a local file: photo bytes and/or text (or neither: an export file
    its source parsed itself, which counts as checked)."""
    if item.data is not None:
        found.photo(item, read_bytes(item.data, item.locator))
    else:
        found.checked[item.source] += 1
    if item.text:
        found.text(item, item.text)
