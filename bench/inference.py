"""Inference benchmark: located points clustered into places and labelled, at three sizes.

    python bench/inference.py                    # 100,000, 1,000,000 and 5,000,000 points
    python bench/inference.py --sizes 1000000    # one size

Each size runs in a child process of its own, so its peak memory is its own: the child
builds the points (a multi-year location history sampled every few minutes: nights at home,
weekdays at work with commutes through the city, a gym, a parent's house, outings, holidays
abroad, GPS noise and wild fixes, plus photos and route ends), then times
``exposure.inference.infer(points)`` (every step: places, privacy zone, labels, roles, time
pattern, names).  It prints the wall-clock and CPU time (on a shared machine the CPU time
is the steadier figure), the peak resident memory of the child, split into the interpreter
with exposure loaded (base), the points, and what the inference added on top; the places
found; and CPU time per point and per ``n log2 n`` relative to the smallest size, so growth
can be read off: a ratio near 1 per ``n log2 n`` is n log n growth.

Targets (issue 12): 1,000,000 points in under 10 s on a 2-core machine with peak memory under
300 MB; growth no worse than n log n.  Note that an audit never hands the inference more
than ``audit.MAX_POINTS`` (500,000) sampled history points plus the evidence positions.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

from exposure.geo import Position
from exposure.model import LocatedPoint

_M_PER_DEG = 111_195.0


def _off(origin: tuple[float, float], east: float, north: float) -> tuple[float, float]:
    return (
        origin[0] + north / _M_PER_DEG,
        origin[1] + east / (_M_PER_DEG * math.cos(math.radians(origin[0]))),
    )


def make_points(count: int, seed: int = 1) -> list[LocatedPoint]:
    """``count`` points of one life (see the module docstring), deterministic per seed."""
    rng = random.Random(seed)
    gauss, rand = rng.gauss, rng.random
    home = (45.7480, 4.8470)
    work = _off(home, 3200, 1800)
    gym, parents = _off(home, -900, 400), _off(home, 6000, -2500)
    points: list[LocatedPoint] = []
    append = points.append
    moment = datetime(2019, 1, 7, tzinfo=UTC)
    step = timedelta(minutes=3)
    history, photo_n = "Takeout/Location History/Records.json", 0
    while len(points) < count:
        local = moment + timedelta(hours=1)
        day, hour = local.weekday(), local.hour
        days = (local - datetime(2019, 1, 7, tzinfo=UTC)).days
        if days % 180 < 10:  # a holiday abroad twice a year
            where = _off((41.39, 2.17), (days % 7) * 300.0, 0)
        elif day < 5 and 9 <= hour < 17:
            where = work
        elif day < 5 and hour == 8:  # the commute, through the city
            f = local.minute / 60
            where = (home[0] + (work[0] - home[0]) * f, home[1] + (work[1] - home[1]) * f)
        elif day in (1, 3) and 18 <= hour < 20:
            where = gym
        elif day == 6 and 12 <= hour < 17:
            where = parents if days % 14 < 7 else _off(home, rand() * 20000 - 10000, 8000)
        else:
            where = home
        sd = 15.0 if rand() > 0.02 else 600.0
        lat, lon = _off(where, gauss(0, sd), gauss(0, sd))
        if rand() < 0.01:  # a photo
            photo_n += 1
            append(
                LocatedPoint(
                    Position(lat, lon),
                    local.replace(tzinfo=None),
                    f"DCIM/IMG_{photo_n:06d}.jpg",
                    f"f-photo-{photo_n}",
                    "photo-gps",
                )
            )
        else:
            append(
                LocatedPoint(
                    Position(lat, lon, None, round(abs(gauss(20, 8)), 1)),
                    moment,
                    history,
                    "f-history",
                    "google-location-history",
                )
            )
        moment += step
    return points


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(size: int) -> dict[str, float]:
    """Build ``size`` points, time the inference, return the figures."""
    from exposure.inference import infer
    from exposure.inference.names import gazetteer

    gazetteer()  # the town table is read once per process: not part of the work per point
    base = _peak_mb()
    points = make_points(size)
    with_points = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    result = infer(points)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    roles = [p.role.value for p in result.places]
    return {
        "size": size,
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": _peak_mb(),
        "points_mb": with_points - base,
        "base_mb": base,
        "added_mb": max(0.0, _peak_mb() - with_points),
        "places": len(result.places),
        "home": roles.count("home"),
        "work": roles.count("work"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout))
    first = rows[0]
    unit = first["cpu"] / (first["size"] * math.log2(first["size"]))
    print(
        f"{'points':>10} {'wall s':>7} {'CPU s':>6} {'us/point':>9} {'vs n log n':>10} "
        f"{'peak MB':>8} {'base MB':>8} {'points MB':>9} {'added MB':>8} {'places':>6}  roles"
    )
    for row in rows:
        n = row["size"]
        ratio = row["cpu"] / (n * math.log2(n)) / unit
        print(
            f"{n:>10,} {row['seconds']:>7.2f} {row['cpu']:>6.2f} {row['cpu'] / n * 1e6:>9.2f} "
            f"{ratio:>10.2f} "
            f"{row['peak_mb']:>8.0f} {row['base_mb']:>8.0f} {row['points_mb']:>9.0f} "
            f"{row['added_mb']:>8.0f} {row['places']:>6}  "
            f"home {row['home']}, work {row['work']}"
        )


if __name__ == "__main__":
    main()
