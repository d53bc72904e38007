"""Located points kept in columns: what the audit collects and the inference reads.

A million :class:`~exposure.model.LocatedPoint` objects (each with its ``Position`` and
``datetime``) take about 280 MB; the same points in a :class:`PointStore` take about 50 MB.
Each point is a row of parallel ``array`` columns: latitude, longitude, altitude and
accuracy (``NaN`` for none), the local wall-clock time in microseconds since 1970-01-01,
and two small integer codes, one into a table of *time zones* (``0``: no time; otherwise
the ``tzinfo`` or ``None`` for a naive time, with its ``fold``) and one into a table of
*identities* ``(kind, locator, finding_id, label)``, which repeat: a history of 50,000
points is one identity.  Nothing is lost: a row gives back the very ``LocatedPoint`` it
was made from (``store[i] == point``), so the store is a ``Sequence[LocatedPoint]`` for
anyone who wants objects (the map, the redaction), made one at a time on demand.

The inference reads the columns directly (``grid.cluster_points``, ``zones.route_ends``):
``inference.clock.zone_modes`` turns each time zone into the way its rows' local time is
computed from the wall clock, without a ``datetime`` per point.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta, tzinfo
from typing import overload

from exposure.geo import Position
from exposure.model import LocatedPoint

Ident = tuple[str, str, str, str]
"""``(kind, locator, finding_id, label)`` of a point."""
Zone = tuple[tzinfo | None, int]
"""``(tzinfo or None for a naive time, fold)`` of a point's time."""

_EPOCH = datetime(1970, 1, 1)
_NAN = math.nan
_DAY_US = 86_400 * 1_000_000
NO_TIME = 0
"""The zone code of a point without a time."""


def _micros(moment: datetime) -> int:
    """Wall-clock microseconds of ``moment`` since 1970-01-01 (its offset left aside)."""
    delta = moment.replace(tzinfo=None, fold=0) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _value(number: float | None) -> float:
    return _NAN if number is None else number


def _given(number: float) -> float | None:
    return None if number != number else number  # NaN stands for "not given"


class PointStore(Sequence[LocatedPoint]):
    """Located points in parallel columns (see the module docstring).  Append-only."""

    __slots__ = (
        "_ident_codes",
        "_zone_codes",
        "acc",
        "alt",
        "ident",
        "idents",
        "lat",
        "lon",
        "wall",
        "zone",
        "zones",
    )

    def __init__(self) -> None:
        self.lat = array("d")
        self.lon = array("d")
        self.alt = array("d")
        """Altitude in metres, NaN when not given."""
        self.acc = array("d")
        """Accuracy (radius of uncertainty) in metres, NaN when not given."""
        self.wall = array("q")
        """Local wall-clock time: microseconds since 1970-01-01 00:00 (0 without a time)."""
        self.zone = array("i")
        """Code into :attr:`zones` (``0``: no time)."""
        self.ident = array("i")
        """Code into :attr:`idents`."""
        self.zones: list[Zone | None] = [None]
        self.idents: list[Ident] = []
        self._zone_codes: dict[Zone, int] = {}
        self._ident_codes: dict[Ident, int] = {}

    @classmethod
    def of(cls, points: Iterable[LocatedPoint]) -> PointStore:
        """A store holding ``points`` (a store is returned as it is)."""
        if isinstance(points, PointStore):
            return points
        store = cls()
        store.extend(points)
        return store

    # -- writing ------------------------------------------------------------------------

    def ident_code(self, kind: str, locator: str, finding_id: str, label: str = "") -> int:
        """The code of an identity (added to the table the first time)."""
        key = (kind, locator, finding_id, label)
        code = self._ident_codes.get(key)
        if code is None:
            code = self._ident_codes[key] = len(self.idents)
            self.idents.append(key)
        return code

    def zone_code(self, moment: datetime | None) -> int:
        """The code of ``moment``'s time zone and fold (``0`` for no time)."""
        return NO_TIME if moment is None else self._zone_of((moment.tzinfo, moment.fold))

    def add(
        self,
        lat: float,
        lon: float,
        moment: datetime | None,
        ident: int,
        altitude_m: float | None = None,
        accuracy_m: float | None = None,
    ) -> None:
        """One point from plain values; ``ident`` from :meth:`ident_code`."""
        self.lat.append(lat)
        self.lon.append(lon)
        self.alt.append(_value(altitude_m))
        self.acc.append(_value(accuracy_m))
        self.ident.append(ident)
        if moment is None:
            self.wall.append(0)
            self.zone.append(NO_TIME)
        else:
            self.wall.append(_micros(moment))
            self.zone.append(self.zone_code(moment))

    def append(self, point: LocatedPoint) -> None:
        """Add one point."""
        pos = point.position
        code = self.ident_code(point.kind, point.locator, point.finding_id, point.label)
        self.add(pos.lat, pos.lon, point.observed_at, code, pos.altitude_m, pos.accuracy_m)

    def extend(self, points: Iterable[LocatedPoint]) -> None:
        """Add every point of ``points``."""
        for point in points:
            self.append(point)

    def copy_rows(self, other: PointStore, rows: Iterable[int], idents: Sequence[int]) -> None:
        """Add rows of ``other``; ``idents`` maps its identity codes to this store's."""
        zones = [NO_TIME if zone is None else self._zone_of(zone) for zone in other.zones]
        for i in rows:
            self.lat.append(other.lat[i])
            self.lon.append(other.lon[i])
            self.alt.append(other.alt[i])
            self.acc.append(other.acc[i])
            self.wall.append(other.wall[i])
            self.zone.append(zones[other.zone[i]])
            self.ident.append(idents[other.ident[i]])

    def _zone_of(self, zone: Zone) -> int:
        code = self._zone_codes.get(zone)
        if code is None:
            code = self._zone_codes[zone] = len(self.zones)
            self.zones.append(zone)
        return code

    # -- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.lat)

    @overload
    def __getitem__(self, index: int) -> LocatedPoint: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[LocatedPoint]: ...

    def __getitem__(self, index: int | slice) -> LocatedPoint | Sequence[LocatedPoint]:
        if isinstance(index, slice):
            return [self.point(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("point index out of range")
        return self.point(index)

    def __iter__(self) -> Iterator[LocatedPoint]:
        return (self.point(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PointStore({len(self):,} points)"

    def point(self, i: int) -> LocatedPoint:
        """Row ``i`` as the :class:`LocatedPoint` it was made from."""
        kind, locator, finding_id, label = self.idents[self.ident[i]]
        return LocatedPoint(self.position(i), self.observed_at(i), locator, finding_id, kind, label)

    def position(self, i: int) -> Position:
        """The position of row ``i``."""
        return Position(self.lat[i], self.lon[i], _given(self.alt[i]), _given(self.acc[i]))

    def observed_at(self, i: int) -> datetime | None:
        """The time of row ``i`` as it was given (naive, or aware with its zone)."""
        zone = self.zones[self.zone[i]]
        if zone is None:
            return None
        moment = _EPOCH + timedelta(microseconds=self.wall[i])
        return moment.replace(tzinfo=zone[0], fold=zone[1])

    def positions(self) -> Iterator[Position]:
        """The position of every row, in order (no point objects made)."""
        for lat, lon, alt, acc in zip(self.lat, self.lon, self.alt, self.acc, strict=True):
            yield Position(lat, lon, _given(alt), _given(acc))

    def kinds(self) -> list[str]:
        """The finding kind of each identity code."""
        return [ident[0] for ident in self.idents]

    def redacted(self, ident: Callable[[Ident], Ident], decimals: int) -> PointStore:
        """A shareable copy, column by column: each identity changed by ``ident`` once,
        positions rounded to ``decimals`` without altitude or accuracy (as
        ``Position.rounded``), times made the midnight of their date without a zone."""
        out = PointStore()
        codes = [out.ident_code(*ident(each)) for each in self.idents]
        count = len(self)
        out.lat = array("d", (round(v, decimals) for v in self.lat))
        out.lon = array("d", (round(v, decimals) for v in self.lon))
        out.alt = array("d", [_NAN]) * count
        out.acc = array("d", [_NAN]) * count
        out.wall = array("q", (w - w % _DAY_US for w in self.wall))
        naive = out._zone_of((None, 0))
        out.zone = array("i", (naive if z != NO_TIME else NO_TIME for z in self.zone))
        out.ident = array("i", (codes[c] for c in self.ident))
        return out

    def with_locators(self, change: Callable[[str], str]) -> PointStore:
        """The same points with every locator replaced by ``change(locator)`` (once per
        distinct identity: the columns are copied as they are)."""
        out = PointStore()
        for name in ("lat", "lon", "alt", "acc", "wall", "zone", "ident"):
            setattr(out, name, array(getattr(self, name).typecode, getattr(self, name)))
        out.zones = list(self.zones)
        out._zone_codes = dict(self._zone_codes)
        out.idents = [(k, change(loc), f, lab) for k, loc, f, lab in self.idents]
        out._ident_codes = {ident: code for code, ident in enumerate(out.idents)}
        return out


def positions_of(points: Iterable[LocatedPoint]) -> Iterator[Position]:
    """The position of each of ``points``: read from the columns of a store (no point
    objects made), else from each point."""
    if isinstance(points, PointStore):
        return points.positions()
    return (point.position for point in points)


def locators_of(points: Iterable[LocatedPoint]) -> Iterator[str]:
    """The locator of each of ``points``; of a store, each distinct one its rows use."""
    if isinstance(points, PointStore):
        return iter({points.idents[code][1] for code in set(points.ident)})
    return (point.locator for point in points)


__all__ = ["NO_TIME", "Ident", "PointStore", "Zone", "locators_of", "positions_of"]
