"""Bulk records summarised: one finding per history, plus a bounded sample of its points.

A location history of 48,213 points is one checklist line ("Location History holds 48,213
points from 2012 to 2024: delete it and turn it off").  Its points go to the engine as
``LocatedPoint`` entries for later inference, but never all of them: a seeded reservoir
sample of at most ``Options.export_max_points`` keeps memory flat whatever the file size,
and the same file always gives the same sample.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n.message import M_, Message, Mn_
from exposure.model import Evidence, LocatedPoint, Severity
from exposure.sources.base import Entry
from exposure.sources.exports.context import Aggregate, ExportRun
from exposure.sources.exports.values import day, when

MAX_PLACES = 10_000
"""Distinct named places tallied per history (the most visited are shown)."""
TOP_PLACES = 5


class Reservoir:
    """A uniform sample of at most ``size`` items from a stream (Li's algorithm L).

    Random numbers are drawn only when an item is taken, so offering costs one comparison.
    """

    def __init__(self, size: int, seed: int = 0) -> None:
        self.size = max(0, size)
        self.items: list[tuple[Any, ...]] = []
        self.seen = 0
        self._rng = random.Random(seed)
        self._w = 1.0
        self.next = self.size + 1
        if self.size:
            self._advance()
            self.next = self.size + self._skip()

    def _advance(self) -> None:
        self._w *= math.exp(math.log(self._rng.random() or 1e-300) / self.size)

    def _skip(self) -> int:
        if self._w >= 1.0:
            return 1
        return int(math.log(self._rng.random() or 1e-300) / math.log(1.0 - self._w)) + 1

    def offer(self, item: tuple[Any, ...]) -> None:
        """Count one item and keep it if the sample wants it."""
        self.seen += 1
        if self.seen <= self.size:
            self.items.append(item)
        elif self.seen == self.next:
            self.replace(item)

    def replace(self, item: tuple[Any, ...]) -> None:
        """Put ``item`` in place of a random kept one (when ``seen`` reached ``next``)."""
        random = self._rng.random
        self.items[int(random() * self.size)] = item
        self._w *= math.exp(math.log(random() or 1e-300) / self.size)
        self.next += self._skip()


@dataclass
class Span:
    """Earliest and latest time seen, cheap per value: raw values of one type are compared
    as they are (ISO strings sort as text, epoch numbers as numbers) and parsed at the end."""

    bounds: dict[type, list[Any]] = field(default_factory=dict)

    def see(self, raw: Any) -> None:
        """One raw time value (ignored when None)."""
        if raw is None:
            return
        kind = type(raw)
        bound = self.bounds.get(kind)
        if bound is None:
            if kind in (str, int, float):  # anything else is not a time
                self.bounds[kind] = [raw, raw]
        elif raw < bound[0]:
            bound[0] = raw
        elif raw > bound[1]:
            bound[1] = raw

    def range(self) -> tuple[datetime | None, datetime | None]:
        """The first and last time, parsed."""
        parsed = [t for pair in self.bounds.values() for t in map(when, pair) if t is not None]
        return (min(parsed), max(parsed)) if parsed else (None, None)


def span_words(first: datetime | None, last: datetime | None) -> str | Message:
    """``from 2012 to 2024``, ``in 2024``, or nothing."""
    if first is None or last is None:
        return ""
    if first.year == last.year:
        return M_("in {year}", year=str(first.year))
    return M_("from {first} to {last}", first=str(first.year), last=str(last.year))


@dataclass
class _Place:
    name: str
    address: str
    position: Position | None
    visits: int = 0


@dataclass
class BulkHistory(Aggregate):
    """Counts, time span, named places and a point sample of one location history."""

    kind: str
    group: str
    title: tuple[str, str]
    """The title for one point and for many (marked with ``Nn_``), with ``{count}`` and
    ``{span}``: ``"Location History holds {count} points {span}: delete it and turn it off"``."""
    content: str
    """Stable identity of the history (the finding id is built from it)."""
    locator: str
    max_points: int
    severity: Severity | None = None
    count: int = 0
    invalid: int = 0
    span: Span = field(default_factory=Span)
    first: tuple[Any, ...] | None = None
    places: dict[str, _Place] = field(default_factory=dict)
    examples: list[Evidence] = field(default_factory=list)
    """A few records shown as they are (a photo's title, a search), in reading order."""
    sample: Reservoir = field(init=False)

    def __post_init__(self) -> None:
        self.sample = Reservoir(self.max_points, seed=len(self.content))

    def add(self, pos: Position, raw_time: Any, locator: str) -> None:
        """One valid point; ``raw_time`` as the file has it (parsed only when needed)."""
        self.count += 1
        self.span.see(raw_time)
        item = (self.count, pos.lat, pos.lon, pos.accuracy_m, raw_time, locator, pos.altitude_m)
        if self.first is None:
            self.first = item
        self.sample.offer(item)

    def example(self, evidence: Evidence) -> None:
        """Keep ``evidence`` as an example if fewer than five are kept."""
        if len(self.examples) < TOP_PLACES:
            self.examples.append(evidence)

    def visit(self, key: str, name: str, address: str, pos: Position | None) -> None:
        """A visit to a named place (most visited places are shown as evidence)."""
        place = self.places.get(key)
        if place is None:
            if len(self.places) >= MAX_PLACES:
                return
            place = self.places[key] = _Place(name, address, pos)
        place.visits += 1

    def entries(self) -> Iterator[Entry]:
        if self.count == 0 and not self.places and not self.examples:
            return
        first, last = self.span.range()
        count = f"{self.count:,}"
        title = Message(
            self.title[0],
            (("count", count), ("span", span_words(first, last))),
            self.title[1],
            self.count,
            tidy=True,
        )
        detail = f"{count} point{'s' if self.count != 1 else ''}"
        if first and last:
            detail += f", first {day(first)}, last {day(last)}"
        if self.invalid:
            detail += f"; {self.invalid:,} ignored (no valid coordinates)"
        evidence = [
            Evidence(
                self.locator,
                detail,
                position=_position(self.first) if self.first else None,
                observed_at=when(self.first[4]) if self.first else None,
            )
        ]
        top = sorted(self.places.values(), key=lambda p: (-p.visits, p.name))[:TOP_PLACES]
        evidence.extend(
            Evidence(
                self.locator,
                f"{p.name or 'a place'}{', ' + p.address if p.address else ''}: "
                f"{p.visits} visit{'s' if p.visits != 1 else ''}",
                position=p.position,
                place_name=p.name or None,
            )
            for p in top
        )
        evidence.extend(self.examples)
        finding = make_finding(
            self.kind,
            content=self.content,
            value=self.kind,
            title=title,
            severity=self.severity,
            group=self.group,
            evidence=evidence,
        )
        yield finding
        for item in sorted(self.sample.items, key=lambda item: item[0]):
            yield LocatedPoint(_position(item), when(item[4]), item[5], finding.id, finding.kind)


def _position(item: tuple[Any, ...]) -> Position:
    """The position of a sample item ``(seq, lat, lon, accuracy, time, locator[, altitude])``."""
    return Position(item[1], item[2], item[6] if len(item) > 6 else None, item[3])


def bulk(
    run: ExportRun,
    key: str,
    *,
    kind: str,
    group: str,
    title: tuple[str, str],
    locator: str,
    severity: Severity | None = None,
    content: str | None = None,
) -> BulkHistory:
    """The run's :class:`BulkHistory` stored under ``key`` (created on first use; ``content``,
    the identity its finding id is built from, defaults to ``key``)."""
    return run.state(
        key,
        lambda: BulkHistory(
            kind=kind,
            group=group,
            title=title,
            content=content or key,
            locator=locator,
            max_points=run.options.exports.max_points,
            severity=severity,
        ),
    )


@dataclass
class LoginLog(Aggregate):
    """Sign-ins with IP addresses: one summary finding per platform."""

    kind: str
    group: str
    platform: str
    locator: str
    ips: Counter[str] = field(default_factory=Counter)
    span: Span = field(default_factory=Span)
    count: int = 0

    def add(self, ip: Any, raw_time: Any) -> None:
        """One sign-in record."""
        if not isinstance(ip, str) or not ip.strip():
            return
        self.count += 1
        self.span.see(raw_time)
        if ip in self.ips or len(self.ips) < MAX_PLACES:
            self.ips[ip.strip()] += 1

    def entries(self) -> Iterator[Entry]:
        if not self.count:
            return
        first, last = self.span.range()
        when_words = span_words(first, last)
        sign_ins, ips = f"{self.count:,}", f"{len(self.ips):,}"
        title = M_(
            "{platform} keeps {sign_ins} from {ips} {span}",
            platform=self.platform,
            # the same English for one and many: the JSON report's title stays
            sign_ins=Mn_("{count} sign-ins", "{count} sign-ins", self.count, count=sign_ins),
            ips=Mn_("{count} IP address", "{count} IP addresses", len(self.ips), count=ips),
            span=when_words,
        )
        title = replace(title, tidy=True)
        evidence = [
            Evidence(self.locator, f"IP address {ip}: {n} sign-in{'s' if n != 1 else ''}")
            for ip, n in self.ips.most_common(10)
        ]
        yield make_finding(
            self.kind,
            content=self.platform,
            value=self.kind,
            title=title,
            group=self.group,
            evidence=evidence,
        )
