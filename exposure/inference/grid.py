"""Places from points: a grid of ~40 m cells, then the densest cells grow into places.

How (and why not DBSCAN): every point falls in one cell of a latitude-aligned grid (one
dictionary update per point).  Cells are then taken densest first; each unclaimed one seeds
a place that claims the unclaimed cells whose centroid lies within :data:`RADIUS_M`
(haversine) of the seed, re-centred once on what it claimed.  A place is never wider than
about 200 m, so a daily commute or a loop run cannot chain home and work together (the
weakness of single-linkage and of DBSCAN on trajectories), and GPS noise of tens of metres
stays inside one place.  Time is linear in the points plus ``C log C`` for sorting the
``C`` occupied cells; memory is a few dictionaries over the cells, never a matrix.
scikit-learn's DBSCAN/HDBSCAN would bring numpy and scipy (tens of megabytes) for a
result this does as well at this scale; see docs/inference.md for the measurements.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from exposure.geo import METRES_PER_DEGREE, Position, distance_m
from exposure.inference.clock import (
    HOUR_S,
    OFFSET,
    UTC_TIME,
    WALL,
    LocalClock,
    longitude_offset_s,
    zone_modes,
)
from exposure.inference.cluster import Cluster, Tally
from exposure.pointstore import PointStore

CELL_M = 40.0
"""Grid cell size (metres)."""
RADIUS_M = 100.0
"""A place claims the cells whose centroid is within this distance of its centre."""
MAX_ACCURACY_M = 250.0
"""Points less precise than this (an IP-based city, a postcode's area) make no place."""
MAX_CLUSTERS = 2_000
"""At most this many places are made (the densest); the rest of the points are scattered
sightings (paths, drive-bys) that no role depends on."""
_ROWS_PER_DEG = METRES_PER_DEGREE / CELL_M
_REACH = int(math.ceil(RADIUS_M / CELL_M)) + 1
_SHIFT = 1 << 32
_SKIP = -(1 << 62)


@dataclass(frozen=True)
class Clustering:
    """The places found, and what was left out."""

    clusters: tuple[Cluster, ...]
    imprecise: int
    """Points left out for their poor precision."""
    scattered: int
    """Points in no place (beyond :data:`MAX_CLUSTERS`)."""


class _Cells:
    """Points per cell with the sum of their coordinates."""

    def __init__(self) -> None:
        self.count: dict[int, int] = {}
        self.lat: dict[int, float] = {}
        self.lon: dict[int, float] = {}
        self.row_scale: dict[int, float] = {}

    def scale(self, row: int) -> float:
        """Columns per degree of longitude in grid row ``row`` (remembered per row)."""
        scale = self.row_scale.get(row)
        if scale is None:
            centre = math.radians((row + 0.5) / _ROWS_PER_DEG)
            scale = self.row_scale[row] = _ROWS_PER_DEG * max(math.cos(centre), 1e-3)
        return scale

    def key(self, lat: float, lon: float) -> int:
        """The cell holding (``lat``, ``lon``)."""
        row = math.floor(lat * _ROWS_PER_DEG)
        return row * _SHIFT + math.floor(lon * self.scale(row))

    def centroid(self, key: int) -> Position:
        n = self.count[key]
        return Position(self.lat[key] / n, self.lon[key] / n)

    def around(self, key: int) -> list[int]:
        """Occupied cells within reach of ``key`` (same rows and columns give or take)."""
        row = (key + _SHIFT // 2) // _SHIFT
        col = key - row * _SHIFT
        count = self.count
        return [
            k
            for r in range(row - _REACH, row + _REACH + 1)
            for c in range(col - _REACH, col + _REACH + 1)
            if (k := r * _SHIFT + c) in count
        ]


def cluster_points(points: PointStore) -> Clustering:
    """Group ``points`` into places (densest first) with their time statistics.

    Two passes over the store's columns, each a handful of dictionary and set operations
    per point (this is where the time goes on a large history): cell counts first, then
    each point's identity code and local hour added to the place that claimed its cell."""
    cells = _Cells()
    keys = array("q")
    imprecise = 0
    count, lat_sum, lon_sum, scales = cells.count, cells.lat, cells.lon, cells.row_scale
    floor, rows_per_deg = math.floor, _ROWS_PER_DEG
    for lat, lon, accuracy in zip(points.lat, points.lon, points.acc, strict=True):
        if accuracy > MAX_ACCURACY_M:  # NaN (not given) is never greater
            keys.append(_SKIP)
            imprecise += 1
            continue
        row = floor(lat * rows_per_deg)
        scale = scales.get(row) or cells.scale(row)
        key = row * _SHIFT + floor(lon * scale)
        keys.append(key)
        n = count.get(key)
        if n is None:
            count[key] = 1
            lat_sum[key] = lat
            lon_sum[key] = lon
        else:
            count[key] = n + 1
            lat_sum[key] += lat
            lon_sum[key] += lon
    owner, members = _grow(cells)
    tallies = [Tally() for _ in members]
    modes = zone_modes(points.zones)
    clock = LocalClock()
    scattered = 0
    rows = zip(
        range(len(keys)), keys, points.ident, points.zone, points.wall, points.lon, strict=True
    )
    for i, key, code, zone, wall, lon in rows:
        index = owner.get(key)
        if index is None:
            scattered += key != _SKIP
            continue
        tally = tallies[index]
        idents = tally.idents
        idents[code] = idents.get(code, 0) + 1
        if not zone:
            continue
        mode, offset_us, offset_s = modes[zone]
        if mode == WALL:
            seconds, estimated = wall / 1_000_000, False
        elif mode == OFFSET:
            seconds, estimated = (wall - offset_us) / 1_000_000 + offset_s, False
        elif mode == UTC_TIME:
            seconds, estimated = wall / 1_000_000 + longitude_offset_s(lon), True
        else:
            moment = points.observed_at(i)
            assert moment is not None
            seconds, estimated = clock.seconds(moment, lon)
        tally.hours.add(int(seconds // HOUR_S))
        tally.estimated += estimated
        first, last = tally.first, tally.last
        if first is None or seconds < first[0]:
            tally.first = (seconds, i)
        if last is None or seconds > last[0]:
            tally.last = (seconds, i)
    clusters = tuple(
        _freeze(t, cells, m, points.idents, points.observed_at)
        for t, m in zip(tallies, members, strict=True)
    )
    return Clustering(clusters, imprecise, scattered)


def _grow(cells: _Cells) -> tuple[dict[int, int], list[list[int]]]:
    """Claim cells for places, densest seed first; ``cell -> place`` and each place's cells."""
    count = cells.count
    owner: dict[int, int] = {}
    members: list[list[int]] = []
    for seed in sorted(count, key=lambda k: (-count[k], k)):
        if seed in owner:
            continue
        if len(members) >= MAX_CLUSTERS:
            break
        claimed = _claim(cells, owner, seed, cells.centroid(seed))
        centre = _weighted_centre(cells, claimed)
        claimed = _claim(cells, owner, cells.key(centre.lat, centre.lon), centre)
        if seed not in claimed:
            claimed.append(seed)
        for key in claimed:
            owner[key] = len(members)
        members.append(claimed)
    return owner, members


def _claim(cells: _Cells, owner: dict[int, int], around: int, centre: Position) -> list[int]:
    return [
        k
        for k in cells.around(around)
        if k not in owner and distance_m(centre, cells.centroid(k)) <= RADIUS_M
    ]


def _weighted_centre(cells: _Cells, keys: list[int]) -> Position:
    n = sum(cells.count[k] for k in keys)
    return Position(sum(cells.lat[k] for k in keys) / n, sum(cells.lon[k] for k in keys) / n)


def _freeze(
    tally: Tally,
    cells: _Cells,
    keys: list[int],
    idents: Sequence[tuple[str, str, str, str]],
    moment: Callable[[int], datetime | None],
) -> Cluster:
    centre = _weighted_centre(cells, keys)
    # Rounded to 10 cm, so the order the points came in (float sums) cannot show.
    centre = Position(round(centre.lat, 6), round(centre.lon, 6))
    spread = max(distance_m(centre, cells.centroid(k)) for k in keys)
    return tally.freeze(centre, round(spread + CELL_M / 2, 1), idents, moment)
