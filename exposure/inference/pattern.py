"""When a home is usually empty: the weekday hours a person is reliably somewhere else.

Read from the work (or school) place: the hours of the weekday in which it was seen on at
least half of its weekdays (an hour between two such hours counts too: histories sampled
every hour or two leave gaps).  Photos taken now and then never reach that; a location
history does.  Only a stretch of three hours or more is reported.
"""

from __future__ import annotations

from exposure.inference.cluster import Cluster

MIN_DAYS = 8
"""Weekdays at the work place needed before its hours say anything."""
SHARE = 0.5
MIN_HOURS = 3


def away_hours(work: Cluster) -> tuple[int, int, int] | None:
    """``(from_hour, to_hour, days)``: on at least half of ``days`` weekdays the person was
    at ``work`` in every hour from ``from_hour`` to ``to_hour`` (exclusive); or None."""
    days = len(work.work_days)
    if days < MIN_DAYS:
        return None
    counts = work.weekday_hours()
    need = SHARE * days
    busy = [c >= need for c in counts]
    busy = [b or (0 < h < 23 and busy[h - 1] and busy[h + 1]) for h, b in enumerate(busy)]
    peak = max(range(24), key=lambda h: (counts[h], -h))
    if not busy[peak]:
        return None
    start = end = peak
    while start > 0 and busy[start - 1]:
        start -= 1
    while end < 23 and busy[end + 1]:
        end += 1
    if end - start + 1 < MIN_HOURS:
        return None
    return start, end + 1, days
