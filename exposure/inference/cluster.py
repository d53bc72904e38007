"""A cluster of located points and what its times say (nights, weekends, workdays).

:class:`Tally` collects one cluster's points while the points are read once; ``freeze()``
turns it into a :class:`Cluster`, the immutable record the later steps reason on.  Times
are counted in *distinct* local days, nights and hours, so a history that logs a point a
minute weighs no more than one photo a day: what counts is on how many different days and
nights a person was there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from exposure.geo import Position
from exposure.inference.clock import DAY_S, HOUR_S, TimeBasis, weekday_of
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
    reason: str = ""
    extra: tuple[str, ...] = ()
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


@dataclass
class Tally:
    """A cluster being filled, one point at a time (see :func:`Tally.add`)."""

    lat_sum: float = 0.0
    lon_sum: float = 0.0
    points: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    items: dict[str, set[str]] = field(default_factory=dict)
    finding_ids: set[str] = field(default_factory=set)
    labels: Counter[str] = field(default_factory=Counter)
    days: set[int] = field(default_factory=set)
    nights: set[int] = field(default_factory=set)
    weekend_days: set[int] = field(default_factory=set)
    work_days: set[int] = field(default_factory=set)
    slots: set[int] = field(default_factory=set)
    estimated: int = 0
    first: tuple[float, datetime] | None = None
    last: tuple[float, datetime] | None = None

    def add_place(
        self, lat: float, lon: float, kind: str, locator: str, finding_id: str, label: str
    ) -> None:
        """The where and what of one point."""
        self.lat_sum += lat
        self.lon_sum += lon
        self.points += 1
        self.kinds[kind] += 1
        seen = self.items.get(kind)
        if seen is None:
            seen = self.items[kind] = set()
        seen.add(locator)
        self.finding_ids.add(finding_id)
        if label:
            self.labels[label] += 1

    def add_time(self, seconds: float, basis: TimeBasis, moment: datetime) -> None:
        """The when of one point, in local seconds (:func:`clock.local_seconds`)."""
        day = int(seconds // DAY_S)
        hour = int(seconds % DAY_S) // HOUR_S
        self.days.add(day)
        self.slots.add(day * 24 + hour)
        weekday = (day + 3) % 7
        if hour >= NIGHT_FROM:
            self.nights.add(day)
        elif hour < NIGHT_UNTIL:
            self.nights.add(day - 1)
        if weekday >= 5:
            self.weekend_days.add(day)
        elif WORK_FROM <= hour < WORK_UNTIL:
            self.work_days.add(day)
        if basis is TimeBasis.LONGITUDE:
            self.estimated += 1
        if self.first is None or seconds < self.first[0]:
            self.first = (seconds, moment)
        if self.last is None or seconds > self.last[0]:
            self.last = (seconds, moment)

    def freeze(self, centre: Position, radius_m: float) -> Cluster:
        """The finished :class:`Cluster` around ``centre``."""
        return Cluster(
            centre=centre,
            radius_m=radius_m,
            points=self.points,
            kinds=_ranked(self.kinds.items()),
            items=tuple(sorted((k, frozenset(v)) for k, v in self.items.items())),
            finding_ids=tuple(sorted(self.finding_ids)),
            labels=_ranked(self.labels.items()),
            days=frozenset(self.days),
            nights=frozenset(self.nights),
            weekend_days=frozenset(self.weekend_days),
            work_days=frozenset(self.work_days),
            slots=frozenset(self.slots),
            estimated=self.estimated,
            first=self.first[1] if self.first else None,
            last=self.last[1] if self.last else None,
            first_s=self.first[0] if self.first else None,
            last_s=self.last[0] if self.last else None,
            examples=tuple(sorted(min(v) for v in self.items.values()))[:3],
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
