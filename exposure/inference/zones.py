"""Privacy zones undone: where route ends ring a hidden centre, estimate the centre.

A fitness app's privacy zone hides the part of each route inside a circle around a chosen
address, so every shared route seems to start and end on that circle.  Fitting a circle to
all those ends finds the hidden centre: researchers located 84% of zones within 50 m this
way (Hassan et al., USENIX Security 2018), and the hidden home within 23 m for 85% of
200 m zones with a refined attack (Dhondt et al., CCS 2022).

How: route ends are grouped by 1 km cells; the densest 3x3 block of cells is searched with
a seeded RANSAC over circles through three ends (deterministic: the same ends always give
the same circle), then refined by a least-squares fit (``circle.py``) on the ends that sit on
it.  A zone is reported when at least :data:`MIN_ROUTES` different routes end on a circle of
:data:`MIN_RADIUS_M` to :data:`MAX_RADIUS_M`, closely (:data:`MAX_RMS_SHARE`), from enough
directions (no gap wider than :data:`MAX_GAP_DEG`, :data:`MIN_DIRECTIONS` sectors), by at
least :data:`MIN_EXITS` separate exits (routes leave along a few streets, so their ends
bunch at a few spots: ends at two spots fit circles of every size), with no route ending
between the circle and its centre.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from exposure.geo import METRES_PER_DEGREE, Position
from exposure.inference.circle import Circle, Point, fit_circle, largest_gap
from exposure.pointstore import PointStore

ROUTE_KIND = "route-endpoint"
MIN_ROUTES = 5
MIN_RADIUS_M = 80.0
MAX_RADIUS_M = 2_500.0
MAX_RMS_SHARE = 0.1
"""The ends sit on the circle within this share of its radius (root mean square)."""
MAX_GAP_DEG = 300.0
"""The ends must cover at least 60 degrees of the circle ..."""
MIN_DIRECTIONS = 3
"""... in at least this many directions (10-degree sectors): two exits fit any circle."""
EXIT_GAP_M = 30.0
"""Route ends closer than this along the circle left by the same street: one exit ..."""
MIN_EXITS = 3
"""... and the ends must leave by at least this many exits: routes leave a zone along a few
streets, so their ends bunch at a few spots, and ends at two spots fit any circle (one
street's ends split by GPS noise over two sectors are still one exit) ..."""
MIN_EXIT_ENDS = 2
"""... each of two ends at least (one end off the rest is a stray fix as often as a street:
the ends of runs from the front door and two wild fixes make three "exits")."""
MAX_ENDS = 2_000
"""Route ends examined per block (an even sample beyond)."""
TRIES = 300
_CELL_M = 1_000.0


@dataclass(frozen=True)
class RouteEnd:
    """One start or end of a route."""

    position: Position
    locator: str
    finding_id: str
    observed_at: datetime | None


@dataclass(frozen=True)
class Zone:
    """An estimated privacy-zone centre and the route ends that give it away."""

    centre: Position
    radius_m: float
    rms_m: float
    ends: tuple[RouteEnd, ...]
    """The ends on the circle, in the order given."""

    @property
    def routes(self) -> int:
        """Different routes (activities) among the ends."""
        return len({end.locator for end in self.ends})


def route_ends(points: PointStore) -> list[RouteEnd]:
    """The starts and ends of routes among ``points`` (read from the store's columns: only
    the route ends are made into objects)."""
    routes = {code for code, kind in enumerate(points.kinds()) if kind == ROUTE_KIND}
    if not routes:
        return []
    idents = points.idents
    return [
        RouteEnd(points.position(i), idents[code][1], idents[code][2], points.observed_at(i))
        for i, code in enumerate(points.ident)
        if code in routes
    ]


def find_zones(ends: Sequence[RouteEnd], most: int = 3) -> list[Zone]:
    """Up to ``most`` privacy zones among ``ends`` (densest area first)."""
    zones: list[Zone] = []
    left = list(ends)
    while len(zones) < most and len({e.locator for e in left}) >= MIN_ROUTES:
        block = _densest_block(left)
        zone = _fit_zone(block)
        if zone is None:
            break
        zones.append(zone)
        used = {id(e) for e in zone.ends}
        left = [e for e in left if id(e) not in used]
    return zones


def _densest_block(ends: list[RouteEnd]) -> list[RouteEnd]:
    cells: Counter[tuple[int, int]] = Counter()
    keys = []
    for end in ends:
        key = (
            math.floor(end.position.lat * METRES_PER_DEGREE / _CELL_M),
            math.floor(end.position.lon * METRES_PER_DEGREE * _cos(end.position.lat) / _CELL_M),
        )
        keys.append(key)
        cells[key] += 1

    def block(key: tuple[int, int]) -> int:
        return sum(cells.get((key[0] + a, key[1] + b), 0) for a in (-1, 0, 1) for b in (-1, 0, 1))

    best = max(sorted(cells), key=block)
    return [
        end
        for end, key in zip(ends, keys, strict=True)
        if abs(key[0] - best[0]) <= 1 and abs(key[1] - best[1]) <= 1
    ]


def _cos(lat: float) -> float:
    return max(math.cos(math.radians(lat)), 1e-3)


def _fit_zone(block: list[RouteEnd]) -> Zone | None:
    if len(block) > MAX_ENDS:
        step = len(block) / MAX_ENDS
        block = [block[int(i * step)] for i in range(MAX_ENDS)]
    lat0 = sum(e.position.lat for e in block) / len(block)
    lon0 = sum(e.position.lon for e in block) / len(block)
    scale = METRES_PER_DEGREE * _cos(lat0)
    xy = [
        ((e.position.lon - lon0) * scale, (e.position.lat - lat0) * METRES_PER_DEGREE)
        for e in block
    ]
    best = _ransac(xy)
    if best is None:
        return None
    inliers = [i for i, p in enumerate(xy) if _off(p, best) <= _tolerance(best.r)]
    circle = best
    for _ in range(3):  # refit on the ends on the circle, then look again
        fitted = fit_circle([xy[i] for i in inliers])
        if fitted is None:
            return None
        circle = fitted
        again = [i for i, p in enumerate(xy) if _off(p, circle) <= _tolerance(circle.r)]
        if again == inliers:
            break
        inliers = again
    if not _plausible(circle, [xy[i] for i in inliers], xy, [block[i] for i in inliers]):
        return None
    centre = Position(
        round(lat0 + circle.y / METRES_PER_DEGREE, 6), round(lon0 + circle.x / scale, 6)
    )
    return Zone(centre, round(circle.r, 1), round(circle.rms, 1), tuple(block[i] for i in inliers))


def _tolerance(radius: float) -> float:
    """How far from the circle an end may lie and still be on it: GPS noise, not a share
    of the radius (a wide band would let a huge circle "fit" everything)."""
    return min(50.0, max(20.0, 0.04 * radius))


def _off(point: Point, circle: Circle) -> float:
    return abs(math.hypot(point[0] - circle.x, point[1] - circle.y) - circle.r)


def _through(a: Point, b: Point, c: Point) -> Circle | None:
    """The circle through three points (None when they are on one line)."""
    d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]))
    if abs(d) < 1e-9:
        return None
    sa, sb, sc = a[0] ** 2 + a[1] ** 2, b[0] ** 2 + b[1] ** 2, c[0] ** 2 + c[1] ** 2
    x = (sa * (b[1] - c[1]) + sb * (c[1] - a[1]) + sc * (a[1] - b[1])) / d
    y = (sa * (c[0] - b[0]) + sb * (a[0] - c[0]) + sc * (b[0] - a[0])) / d
    return Circle(x, y, math.hypot(a[0] - x, a[1] - y), 0.0)


def _ransac(xy: list[Point]) -> Circle | None:
    """The circle through three ends that most other ends sit on (seeded: deterministic)."""
    if len(xy) < 3:
        return None
    rng = random.Random(len(xy))
    best: tuple[int, float, Circle] | None = None
    for _ in range(TRIES):
        a, b, c = rng.sample(range(len(xy)), 3)
        circle = _through(xy[a], xy[b], xy[c])
        if circle is None or not MIN_RADIUS_M <= circle.r <= MAX_RADIUS_M:
            continue
        tolerance = _tolerance(circle.r)
        offs = [_off(p, circle) for p in xy]
        support = sum(1 for o in offs if o <= tolerance)
        spread = sum(o for o in offs if o <= tolerance)
        if best is None or (support, -spread) > (best[0], -best[1]):
            best = (support, spread, circle)
    return best[2] if best else None


def exits(points: list[Point], circle: Circle) -> int:
    """How many separate spots (streets) the ``points`` on ``circle`` leave by: runs of
    ends less than :data:`EXIT_GAP_M` apart along the circle count once, and a spot needs
    two ends at least (a single end off the others is a stray fix as often as a street)."""
    if not points:
        return 0
    angles = sorted(math.atan2(y - circle.y, x - circle.x) % math.tau for x, y in points)
    apart = EXIT_GAP_M / max(circle.r, 1e-9)
    gaps = [b - a > apart for a, b in zip(angles, angles[1:], strict=False)]
    gaps.append(angles[0] + math.tau - angles[-1] > apart)
    if not any(gaps):
        return 1 if len(angles) >= MIN_EXIT_ENDS else 0
    # Runs of ends between gaps, starting after a gap (the circle wraps around).
    start = gaps.index(True) + 1
    sizes, run = [], 0
    for k in range(len(angles)):
        run += 1
        if gaps[(start + k) % len(angles)]:
            sizes.append(run)
            run = 0
    return sum(1 for size in sizes if size >= MIN_EXIT_ENDS)


def _plausible(circle: Circle, on: list[Point], every: list[Point], ends: list[RouteEnd]) -> bool:
    if len({e.locator for e in ends}) < MIN_ROUTES:
        return False
    if not MIN_RADIUS_M <= circle.r <= MAX_RADIUS_M or circle.rms > MAX_RMS_SHARE * circle.r:
        return False
    if largest_gap(on, circle.x, circle.y) > MAX_GAP_DEG:
        return False
    sectors = {int(math.degrees(math.atan2(y - circle.y, x - circle.x)) // 10) for x, y in on}
    if len(sectors) < MIN_DIRECTIONS:
        return False
    if exits(on, circle) < MIN_EXITS:
        return False
    # Ends scattered inside the circle mean no zone (ends at its very centre do not: runs
    # from the front door before the zone was set give the same place away).
    between = sum(
        1
        for x, y in every
        if 0.15 * circle.r < math.hypot(x - circle.x, y - circle.y) < 0.75 * circle.r
    )
    return between * 10 <= len(on)
