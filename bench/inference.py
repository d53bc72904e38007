"""Inference benchmark: located points clustered into places and labelled, at three sizes.

    python bench/inference.py                       # 100,000, 1,000,000 and 5,000,000 points
    python bench/inference.py --sizes 1000000 --repeat 5

Each run is a child process of its own, so its peak memory is its own: the child builds the
points straight into a ``PointStore`` (a multi-year location history sampled every three
minutes: nights at home, weekdays at work with commutes through the city, a gym, a parent's
house, outings, holidays abroad, GPS noise and wild fixes, plus a photo now and then), then
times ``exposure.inference.infer(points)`` (every step: places, privacy zone, labels, roles,
time pattern, names).  Each size runs ``--repeat`` times (3 by default): the machine is
shared, so the table gives the best and the median wall-clock time, the best CPU time of the
child, and the load average before and after.  Then the time per point, the growth (time
per ``n log2 n`` relative to the first size, from the best CPU and the best wall time: 1.0
or less is no worse than n log n), the peak resident memory of the child (largest of its
runs), split into the interpreter with exposure loaded (base), the points, and what the
inference added on top; and the places found.

Targets (issue 12): 1,000,000 points in under 10 s on a 2-core machine with peak memory under
300 MB; growth no worse than n log n.  Note that an audit never hands the inference more
than ``audit.MAX_POINTS`` (500,000) sampled history points plus the evidence positions.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

from exposure.pointstore import PointStore

_M_PER_DEG = 111_195.0


def _off(origin: tuple[float, float], east: float, north: float) -> tuple[float, float]:
    return (
        origin[0] + north / _M_PER_DEG,
        origin[1] + east / (_M_PER_DEG * math.cos(math.radians(origin[0]))),
    )


def make_points(count: int, seed: int = 1) -> PointStore:
    """``count`` points of one life (see the module docstring), deterministic per seed,
    written straight into a :class:`PointStore` (as the audit collects them: no object
    per point)."""
    rng = random.Random(seed)
    gauss, rand = rng.gauss, rng.random
    home = (45.7480, 4.8470)
    work = _off(home, 3200, 1800)
    gym, parents = _off(home, -900, 400), _off(home, 6000, -2500)
    points = PointStore()
    add = points.add
    moment = datetime(2019, 1, 7, tzinfo=UTC)
    step = timedelta(minutes=3)
    history = points.ident_code(
        "google-location-history", "Takeout/Location History/Records.json", "f-history"
    )
    photo_n = 0
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
            code = points.ident_code(
                "photo-gps", f"DCIM/IMG_{photo_n:06d}.jpg", f"f-photo-{photo_n}"
            )
            add(lat, lon, local.replace(tzinfo=None), code)
        else:
            add(lat, lon, moment, history, accuracy_m=round(abs(gauss(20, 8)), 1))
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


def _run(size: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(size)],
        check=True,
        capture_output=True,
        text=True,
    )
    row: dict[str, float] = json.loads(out.stdout)
    return row


def _load() -> str:
    return ", ".join(f"{n:.2f}" for n in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per size (best and median shown)"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    print(f"load average before: {_load()} ({os.cpu_count()} CPUs)")
    table = []
    for size in (int(s) for s in args.sizes.split(",")):
        runs = [_run(size) for _ in range(max(1, args.repeat))]
        table.append(runs)
    print(f"load average after:  {_load()}")
    print(
        f"{'points':>10} {'runs':>4} {'best s':>7} {'median s':>8} {'best CPU s':>10} "
        f"{'us/point':>8} {'n log n':>7} {'(wall)':>6} {'peak MB':>7} {'base MB':>7} "
        f"{'points MB':>9} {'added MB':>8} {'places':>6}  roles"
    )
    units: list[float] = []
    for runs in table:
        n = int(runs[0]["size"])
        walls = sorted(r["seconds"] for r in runs)
        best, best_cpu = walls[0], min(r["cpu"] for r in runs)
        # Growth: time per n log2 n relative to the first size (1.0 or less: no worse than
        # n log n), from the best CPU time (steady on a shared machine) and the best wall.
        per = [best_cpu / (n * math.log2(n)), best / (n * math.log2(n))]
        units = units or per
        row = max(runs, key=lambda r: r["peak_mb"])
        print(
            f"{n:>10,} {len(runs):>4} {best:>7.2f} {statistics.median(walls):>8.2f} "
            f"{best_cpu:>10.2f} {best / n * 1e6:>8.2f} {per[0] / units[0]:>7.2f} "
            f"{per[1] / units[1]:>6.2f} {row['peak_mb']:>7.0f} {row['base_mb']:>7.0f} "
            f"{row['points_mb']:>9.0f} {row['added_mb']:>8.0f} {int(row['places']):>6}  "
            f"home {int(row['home'])}, work {int(row['work'])}"
        )


if __name__ == "__main__":
    main()
