"""A cluster of located points and what its times say (nights, weekends, workdays).

:class:`Tally` collects one cluster's points while the points are read once; ``freeze()``
turns it into a :class:`Cluster`, the immutable record the later steps reason on.  Times
are counted in *distinct* local days, nights and hours, so a history that logs a point a
minute weighs no more than one photo a day: what counts is on how many different days and
nights a person was there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from exposure.geo import Position
from exposure.i18n.message import Message
from exposure.inference.clock import weekday_of
from exposure.model import Confidence, Near, PlaceRole

NIGHT_FROM = 20
"""Nights run from 20:00 ..."""
NIGHT_UNTIL = 7
"""... to 07:00 local time."""
WORK_FROM = 9
"""Working hours on weekdays: 09:00 ..."""
WORK_UNTIL = 17
"""... to 17:00."""


@dataclass(frozen=True)
class Cluster:
    """One place: where it is, what backs it, when it was seen, and (later) its role."""

    centre: Position
    radius_m: float
    points: int
    kinds: tuple[tuple[str, int], ...] = ()
    """Points per finding kind, most first."""
    items: tuple[tuple[str, frozenset[str]], ...] = ()
    """The items (files, activities, export files: their locators) per finding kind."""
    finding_ids: tuple[str, ...] = ()
    labels: tuple[tuple[str, int], ...] = ()
    """Platform labels (``home``, ``work``) among its points, with counts."""
    days: frozenset[int] = frozenset()
    """Local days (days since 1970) it was seen on."""
    nights: frozenset[int] = frozenset()
    """Nights it was seen on (20:00-07:00; the night of day d runs into day d + 1)."""
    weekend_days: frozenset[int] = frozenset()
    work_days: frozenset[int] = frozenset()
    """Weekdays it was seen on between 09:00 and 17:00."""
    slots: frozenset[int] = frozenset()
    """Distinct local hours it was seen in (``day * 24 + hour``): a measure of dwell."""
    estimated: int = 0
    """Dated points whose local time was estimated from the longitude."""
    first: datetime | None = None
    last: datetime | None = None
    first_s: float | None = None
    """Local seconds of ``first`` (for ordering times of mixed kinds)."""
    last_s: float | None = None
    role: PlaceRole = PlaceRole.UNKNOWN
    confidence: Confidence = Confidence.LOW
    reason: str | Message = ""
    extra: tuple[str | Message, ...] = ()
    """Further sentences for the reason (a privacy-zone centre, a platform's label)."""
    zone_routes: int = 0
    """Routes whose ends ring this place (the centre of a fitness app's privacy zone)."""
    near: Near | None = None
    examples: tuple[str, ...] = ()
    """A few of the items it comes from (locators, sorted), for evidence lines."""

    @property
    def dated(self) -> bool:
        """True when at least one point had a time."""
        return bool(self.days)

    @property
    def weeks(self) -> int:
        """Distinct weeks (Monday to Sunday) it was seen in."""
        return len({(d + 3) // 7 for d in self.days})

    @property
    def visits(self) -> int:
        """Separate visits: runs of consecutive days (a week's stay is one visit)."""
        ordered = sorted(self.days)
        return sum(
            1 for a, b in zip([None, *ordered], ordered, strict=False) if a is None or b - a > 1
        )

    @property
    def work_weeks(self) -> int:
        """Distinct weeks with a weekday-daytime sighting."""
        return len({(d + 3) // 7 for d in self.work_days})

    @property
    def item_counts(self) -> tuple[tuple[str, int], ...]:
        """Distinct items per finding kind, most first."""
        return _ranked((kind, len(found)) for kind, found in self.items)

    @property
    def kind_names(self) -> frozenset[str]:
        """The finding kinds behind it."""
        return frozenset(k for k, _ in self.kinds)

    def label_count(self, label: str) -> int:
        """How many points a platform labelled ``label``."""
        return dict(self.labels).get(label, 0)

    def weekday_hours(self) -> list[int]:
        """For each hour 0-23: on how many weekdays it was seen in that hour."""
        counts = [0] * 24
        for slot in self.slots:
            if weekday_of(slot // 24) < 5:
                counts[slot % 24] += 1
        return counts


class Tally:
    """A cluster being filled while the points are read (``grid.cluster_points`` writes
    these fields directly: it is the loop over every point).

    Per point it keeps only what cannot be derived later: the code of the point's identity
    (kind, item, finding, label: ``PointStore.idents``) with a count, and its local hour as
    an integer (hours since 1970-01-01 00:00 local time).  Days, nights, weekends and
    workdays are read from the hours when the cluster is frozen.
    """

    __slots__ = ("estimated", "first", "hours", "idents", "last")

    def __init__(self) -> None:
        self.idents: dict[int, int] = {}
        """Identity code -> number of points."""
        self.hours: set[int] = set()
        self.estimated = 0
        """Dated points whose local time was estimated from the longitude."""
        self.first: tuple[float, int] | None = None
        """Local seconds and row of the earliest point."""
        self.last: tuple[float, int] | None = None

    def freeze(
        self,
        centre: Position,
        radius_m: float,
        idents: Sequence[tuple[str, str, str, str]],
        moment: Callable[[int], datetime | None],
    ) -> Cluster:
        """The finished :class:`Cluster` around ``centre``; ``idents`` is the table the
        identity codes point into (``(kind, locator, finding_id, label)``), ``moment`` gives
        the time of a row."""
        kinds: Counter[str] = Counter()
        labels: Counter[str] = Counter()
        items: dict[str, set[str]] = {}
        finding_ids: set[str] = set()
        for code, count in self.idents.items():
            kind, locator, finding_id, label = idents[code]
            finding_ids.add(finding_id)
            kinds[kind] += count
            items.setdefault(kind, set()).add(locator)
            if label:
                labels[label] += count
        days, nights, weekend, work = set(), set(), set(), set()
        for slot in self.hours:
            day, hour = divmod(slot, 24)
            days.add(day)
            if hour >= NIGHT_FROM:
                nights.add(day)
            elif hour < NIGHT_UNTIL:
                nights.add(day - 1)
            if weekday_of(day) >= 5:
                weekend.add(day)
            elif WORK_FROM <= hour < WORK_UNTIL:
                work.add(day)
        return Cluster(
            centre=centre,
            radius_m=radius_m,
            points=sum(self.idents.values()),
            kinds=_ranked(kinds.items()),
            items=tuple(sorted((k, frozenset(v)) for k, v in items.items())),
            finding_ids=tuple(sorted(finding_ids)),
            labels=_ranked(labels.items()),
            days=frozenset(days),
            nights=frozenset(nights),
            weekend_days=frozenset(weekend),
            work_days=frozenset(work),
            slots=frozenset(self.hours),
            estimated=self.estimated,
            first=moment(self.first[1]) if self.first else None,
            last=moment(self.last[1]) if self.last else None,
            first_s=self.first[0] if self.first else None,
            last_s=self.last[0] if self.last else None,
            examples=tuple(sorted(min(v) for v in items.values()))[:3],
        )


def _ranked(pairs: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(pairs, key=lambda kv: (-kv[1], kv[0])))


def merge(parts: Iterable[Cluster], centre: Position, radius_m: float) -> Cluster:
    """One cluster made of ``parts`` (their evidence and times together) at ``centre``."""
    parts = list(parts)
    kinds = _summed(p.kinds for p in parts)
    items: dict[str, frozenset[str]] = {}
    for part in parts:
        for kind, found in part.items:
            items[kind] = items.get(kind, frozenset()) | found
    labels = _summed(p.labels for p in parts)
    firsts = [(p.first_s, p.first) for p in parts if p.first_s is not None and p.first]
    lasts = [(p.last_s, p.last) for p in parts if p.last_s is not None and p.last]
    first = min(firsts, key=lambda t: t[0]) if firsts else None
    last = max(lasts, key=lambda t: t[0]) if lasts else None
    base = parts[0]
    return replace(
        base,
        centre=centre,
        radius_m=radius_m,
        points=sum(p.points for p in parts),
        kinds=_ranked(kinds.items()),
        items=tuple(sorted(items.items())),
        finding_ids=tuple(sorted({i for p in parts for i in p.finding_ids})),
        labels=_ranked(labels.items()),
        days=frozenset().union(*(p.days for p in parts)),
        nights=frozenset().union(*(p.nights for p in parts)),
        weekend_days=frozenset().union(*(p.weekend_days for p in parts)),
        work_days=frozenset().union(*(p.work_days for p in parts)),
        slots=frozenset().union(*(p.slots for p in parts)),
        estimated=sum(p.estimated for p in parts),
        first=first[1] if first else None,
        last=last[1] if last else None,
        first_s=first[0] if first else None,
        last_s=last[0] if last else None,
        extra=tuple(dict.fromkeys(e for p in parts for e in p.extra)),
        zone_routes=max(p.zone_routes for p in parts),
        examples=tuple(sorted({e for p in parts for e in p.examples}))[:3],
    )


def _summed(tallies: Iterable[tuple[tuple[str, int], ...]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for pairs in tallies:
        total.update(dict(pairs))
    return total
