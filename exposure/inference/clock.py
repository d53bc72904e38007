"""Local time of an observation: what "at night" and "on a weekday" are measured in.

The evidence says what it knows: an aware time with its offset (EXIF ``OffsetTime``, an
export's ``+01:00``) is read as is; a naive time is a device's own clock, which is local
time; an aware time in UTC (a GPS time, an export's ``Z``) gets an offset estimated from the
longitude (15 degrees an hour), and the place's reason says so.
"""

from __future__ import annotations

from datetime import datetime, timezone

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
