"""Local time: offsets as given, device clocks as they are, UTC estimated by longitude."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from exposure.inference.clock import LocalClock, weekday_of

LOCAL_2024 = (datetime(2024, 7, 1, 22, 30) - datetime(1970, 1, 1)).total_seconds()


@pytest.mark.parametrize(
    ("moment", "lon", "estimated"),
    [
        (datetime(2024, 7, 1, 22, 30), 4.8, False),  # a camera's clock
        (datetime(2024, 7, 1, 22, 30, tzinfo=timezone(timedelta(hours=2))), -70.0, False),
        (datetime(2024, 7, 1, 20, 30, tzinfo=UTC), 30.0, True),  # 30 E: UTC+2 by the sun
        (datetime(2024, 7, 1, 22, 30, tzinfo=ZoneInfo("Europe/Paris")), 2.3, False),
    ],
)
def test_local_seconds(moment: datetime, lon: float, estimated: bool) -> None:
    clock = LocalClock()
    for _ in range(2):  # the second time from the cache of fixed offsets
        assert clock.seconds(moment, lon) == (LOCAL_2024, estimated)


def test_a_zone_with_daylight_saving_is_not_cached_as_fixed() -> None:
    clock = LocalClock()
    paris = ZoneInfo("Europe/Paris")
    summer = clock.seconds(datetime(2024, 7, 1, 12, tzinfo=paris), 2.3)[0]
    winter = clock.seconds(datetime(2024, 1, 1, 12, tzinfo=paris), 2.3)[0]
    assert (summer % 86400, winter % 86400) == (12 * 3600, 12 * 3600)


def test_weekdays() -> None:
    assert weekday_of(0) == 3  # Thursday 1 January 1970
    assert weekday_of(19_723) == 0  # Monday 1 January 2024
