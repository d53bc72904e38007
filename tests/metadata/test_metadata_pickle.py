"""Results cross process boundaries as pickles: what goes in must come out equal."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from exposure.geo import PositionProblem
from exposure.metadata import read_metadata_bytes
from exposure.metadata.model import GpsReading, Identifier, PhotoMetadata, pack_time
from exposure.testing.photofactory import make_photo, phone_spec

TIMES = [
    None,
    datetime(2023, 5, 1, 8, 0),
    datetime(2023, 5, 1, 8, 0, 12, 345678),
    datetime(2023, 5, 1, 8, 0, tzinfo=UTC),
    datetime(2023, 5, 1, 8, 0, tzinfo=timezone(timedelta(hours=2))),
    datetime(2023, 5, 1, 8, 0, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
    datetime(2023, 5, 1, 8, 0, tzinfo=timezone(timedelta(hours=1, seconds=7))),
    datetime(2023, 10, 29, 2, 30, fold=1),
    datetime(2023, 5, 1, 8, 0, tzinfo=ZoneInfo("UTC")),
]


def _metadata(moment: datetime | None, problem: PositionProblem | None) -> PhotoMetadata:
    gps = GpsReading(52.5, 13.4, -3.0, moment, "exif", problem, "GPSLatitude=[52, 30, 0] N")
    return PhotoMetadata(
        format="jpeg",
        content_key="0" * 32,
        size=1234,
        gps=(gps,),
        captured_at=moment,
        make="Apple",
        model="iPhone 13",
        serials=(Identifier("BodySerialNumber", "C39X"),),
        owners=(Identifier("Artist", "Ana"),),
        description="hello",
        software=None,
        notes=("a note",),
    )


@pytest.mark.parametrize("moment", TIMES, ids=str)
@pytest.mark.parametrize("problem", [None, *PositionProblem])
def test_round_trip_keeps_every_value(
    moment: datetime | None, problem: PositionProblem | None
) -> None:
    original = _metadata(moment, problem)
    copy = pickle.loads(pickle.dumps(original, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == original
    assert copy.captured_at is None or copy.captured_at.utcoffset() == moment.utcoffset()  # type: ignore[union-attr]
    assert copy.captured_at is None or copy.captured_at.fold == moment.fold  # type: ignore[union-attr]
    assert type(copy.gps[0].problem) is type(problem)
    assert isinstance(copy.serials[0], Identifier)


def test_times_that_text_cannot_carry_are_kept_as_they_are() -> None:
    assert pack_time(TIMES[7]) is TIMES[7]  # the repeated hour (fold=1)
    assert pack_time(TIMES[8]) is TIMES[8]  # a zone object, not a fixed offset
    assert pack_time(TIMES[4]) == "2023-05-01T08:00:00+02:00"


def test_a_real_read_survives_the_trip() -> None:
    meta = read_metadata_bytes(make_photo(phone_spec(0, maker_note=True), "jpeg"), "x.jpg")
    assert meta.gps and meta.captured_at is not None and meta.captured_at.tzinfo is not None
    assert pickle.loads(pickle.dumps(meta)) == meta
