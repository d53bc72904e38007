"""Local time of an observation: what "at night" and "on a weekday" are measured in.

The evidence says what it knows: an aware time with its offset (EXIF ``OffsetTime``, an
export's ``+01:00``) is read as is; a naive time is a device's own clock, which is local
time; an aware time in UTC (a GPS time, an export's ``Z``) gets an offset estimated from the
longitude (15 degrees an hour), and the reason says so.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

DAY_S = 86_400
HOUR_S = 3_600
_EPOCH = datetime(1970, 1, 1)
_EPOCH_WEEKDAY = 3
"""1 January 1970 was a Thursday (Monday is 0)."""


class TimeBasis(StrEnum):
    """Where an observation's local time comes from."""

    OFFSET = "offset"
    """The evidence gives its UTC offset."""
    CLOCK = "clock"
    """A device's clock with no offset: local time as the device had it."""
    LONGITUDE = "longitude"
    """Recorded in UTC: the offset is estimated from the longitude."""


def local_seconds(moment: datetime, lon: float) -> tuple[float, TimeBasis]:
    """Seconds since 1970-01-01 00:00 *local* time, and where the offset came from."""
    offset = moment.utcoffset()
    if offset is None:
        return (moment - _EPOCH).total_seconds(), TimeBasis.CLOCK
    if offset:
        return moment.timestamp() + offset.total_seconds(), TimeBasis.OFFSET
    return moment.timestamp() + longitude_offset_s(lon), TimeBasis.LONGITUDE


def longitude_offset_s(lon: float) -> int:
    """The solar time zone of ``lon``: whole hours, east positive."""
    return round(lon / 15.0) * HOUR_S


def day_of(seconds: float) -> int:
    """Local day number (days since 1970-01-01)."""
    return int(seconds // DAY_S)


def weekday_of(day: int) -> int:
    """Monday 0 ... Sunday 6 for a day number."""
    return (day + _EPOCH_WEEKDAY) % 7


def local_datetime(seconds: float) -> datetime:
    """A naive local datetime back from :func:`local_seconds`."""
    return _EPOCH + timedelta(seconds=seconds)
