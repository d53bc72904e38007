"""Local time of an observation: what "at night" and "on a weekday" are measured in.

The evidence says what it knows: an aware time with its offset (EXIF ``OffsetTime``, an
export's ``+01:00``) is read as is; a naive time is a device's own clock, which is local
time; an aware time in UTC (a GPS time, an export's ``Z``) gets an offset estimated from the
longitude (15 degrees an hour), and the place's reason says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo

HOUR_S = 3_600
_EPOCH = datetime(1970, 1, 1)
_EPOCH_WEEKDAY = 3
"""1 January 1970 was a Thursday (Monday is 0)."""


def longitude_offset_s(lon: float) -> int:
    """The solar time zone of ``lon``: whole hours, east positive."""
    return round(lon / 15.0) * HOUR_S


def weekday_of(day: int) -> int:
    """Monday 0 ... Sunday 6 for a day number (days since 1970-01-01)."""
    return (day + _EPOCH_WEEKDAY) % 7


class LocalClock:
    """Local time for many points: seconds since 1970-01-01 00:00 *local* time.  The offsets
    of fixed-offset time zones (what exports and cameras give) are looked up once per zone
    instead of once per point."""

    def __init__(self) -> None:
        self._fixed: dict[object, float] = {}

    def seconds(self, moment: datetime, lon: float) -> tuple[float, bool]:
        """Local seconds of ``moment`` and whether the offset was estimated (longitude)."""
        zone = moment.tzinfo
        if zone is None:  # a device's clock: local time already
            return (moment - _EPOCH).total_seconds(), False
        offset = self._fixed.get(zone)
        if offset is None:
            delta = moment.utcoffset()
            offset = delta.total_seconds() if delta is not None else 0.0
            if type(zone) is timezone:  # fixed: the same offset for every moment
                self._fixed[zone] = offset
        if offset:
            return moment.timestamp() + offset, False
        return moment.timestamp() + longitude_offset_s(lon), True


NO_TIME, WALL, OFFSET, UTC_TIME, OTHER = range(5)
"""How a point's time zone gives its local time (see :func:`zone_modes`)."""
_MICRO = timedelta(microseconds=1)


def zone_modes(zones: Sequence[tuple[tzinfo | None, int] | None]) -> list[tuple[int, int, float]]:
    """For each time zone of a point store (``exposure.pointstore``): ``(mode, offset in
    microseconds, offset in seconds)``, so local seconds are computed from a row's wall
    clock without a ``datetime``, to the same float :meth:`LocalClock.seconds` gives:

    * ``NO_TIME``: no time; ``WALL``: a naive time, local already (``wall / 10**6``);
    * ``OFFSET``: a fixed non-zero offset (``(wall - offset) / 10**6 + offset_s``, the
      instant plus its offset, as ``moment.timestamp() + offset``);
    * ``UTC_TIME``: a zero offset, so estimated from the longitude;
    * ``OTHER``: a zone whose offset varies (rare): ask :class:`LocalClock` per point.
    """
    modes: list[tuple[int, int, float]] = []
    for zone in zones:
        if zone is None:
            modes.append((NO_TIME, 0, 0.0))
        elif zone[0] is None:
            modes.append((WALL, 0, 0.0))
        elif type(zone[0]) is timezone:
            offset = zone[0].utcoffset(None)
            micros = offset // _MICRO
            modes.append((OFFSET if micros else UTC_TIME, micros, offset.total_seconds()))
        else:
            modes.append((OTHER, 0, 0.0))
    return modes
