"""Photo detectors on hand-built metadata: table tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from exposure.detectors import CameraDetailsDetector, GpsDetector, OwnerDetector, SerialDetector
from exposure.detectors.photo_gps import observed_at
from exposure.geo import PositionProblem
from exposure.metadata import GpsReading, Identifier, PhotoMetadata
from exposure.model import Severity, SourceItem


def meta(**fields: Any) -> PhotoMetadata:
    base: dict[str, Any] = {
        "format": "jpeg",
        "content_key": "k1",
        "size": 1000,
        "gps": (),
        "captured_at": None,
        "make": None,
        "model": None,
        "serials": (),
        "owners": (),
        "description": None,
        "software": None,
        "notes": (),
    }
    base.update(fields)
    return PhotoMetadata(**base)


def gps(
    lat: float | None,
    lon: float | None,
    problem: PositionProblem | None = None,
    origin: str = "exif",
    **kw: Any,
) -> GpsReading:
    return GpsReading(
        lat=lat,
        lon=lon,
        altitude_m=kw.get("alt"),
        gps_time=kw.get("time"),
        origin=origin,
        problem=problem,
        raw="raw",
    )


ITEM = SourceItem(
    source="photos", locator="pics/a.jpg", kind="photo", group="Photos and videos in pics"
)
VIDEO = SourceItem(
    source="photos", locator="pics/v.mov", kind="video", group="Photos and videos in pics"
)


@pytest.mark.parametrize(
    ("readings", "item", "expected"),
    [
        ((gps(52.52, 13.405),), ITEM, [("photo-gps", Severity.HIGH, 1)]),
        ((gps(52.52, 13.405),), VIDEO, [("video-gps", Severity.HIGH, 1)]),
        # EXIF and XMP copies of one place are one piece of evidence...
        (
            (gps(52.52, 13.405), gps(52.52001, 13.40501, origin="xmp")),
            ITEM,
            [("photo-gps", Severity.HIGH, 1)],
        ),
        # ...but two different places are both shown.
        (
            (gps(52.52, 13.405), gps(48.85, 2.35, origin="xmp")),
            ITEM,
            [("photo-gps", Severity.HIGH, 2)],
        ),
        (
            (gps(0.0, 0.0, PositionProblem.ZERO),),
            ITEM,
            [("photo-gps-placeholder", Severity.LOW, 1)],
        ),
        (
            (gps(None, None, PositionProblem.EMPTY),),
            ITEM,
            [("photo-gps-placeholder", Severity.LOW, 1)],
        ),
        (
            (gps(4294967295.0, None, PositionProblem.OUT_OF_RANGE),),
            ITEM,
            [("photo-gps-placeholder", Severity.LOW, 1)],
        ),
        # A placeholder next to a real position: only the real one is reported.
        (
            (gps(0.0, 0.0, PositionProblem.ZERO), gps(-33.86, 151.2)),
            ITEM,
            [("photo-gps", Severity.HIGH, 1)],
        ),
        ((), ITEM, []),
    ],
)
def test_gps_detector(
    readings: tuple[GpsReading, ...], item: SourceItem, expected: list[tuple[str, Severity, int]]
) -> None:
    found = list(GpsDetector().detect(item, meta(gps=readings)))
    assert [(f.kind, f.severity, len(f.evidence)) for f in found] == expected
    for finding in found:
        positions = [e.position for e in finding.evidence if e.position]
        assert (finding.kind == "photo-gps-placeholder") == (not positions)
        assert finding.locator == item.locator and finding.group == item.group


def test_gps_evidence_carries_time_altitude_and_camera() -> None:
    when = datetime(2024, 5, 1, 8, 12, tzinfo=UTC)
    (finding,) = GpsDetector().detect(
        ITEM,
        meta(
            gps=(gps(52.52, 13.405, alt=34.0, time=when),),
            make="Apple",
            model="iPhone 12",
            captured_at=datetime(2024, 5, 1, 10, 12),
        ),
    )
    (evidence,) = finding.evidence
    assert evidence.position is not None and evidence.position.altitude_m == 34.0
    assert evidence.observed_at == when
    assert "with Apple iPhone 12" in evidence.detail
    assert "52.520000, 13.405000" in evidence.detail


def test_ids_depend_on_content_and_value_only() -> None:
    one = next(GpsDetector().detect(ITEM, meta(gps=(gps(52.52, 13.405),))))
    moved = next(GpsDetector().detect(VIDEO, meta(gps=(gps(52.52, 13.405),))))
    other = next(GpsDetector().detect(ITEM, meta(gps=(gps(52.53, 13.405),))))
    assert one.id != other.id
    assert one.kind != moved.kind and one.id != moved.id


@pytest.mark.parametrize(
    ("detector", "field", "ids", "kind"),
    [
        (
            SerialDetector,
            "serials",
            (Identifier("BodySerialNumber", "3015874"), Identifier("LensSerialNumber", "62117453")),
            "photo-device-serial",
        ),
        (OwnerDetector, "owners", (Identifier("Artist", "Alex Example"),), "photo-owner-name"),
    ],
)
def test_identity_detectors(
    detector: type, field: str, ids: tuple[Identifier, ...], kind: str
) -> None:
    (finding,) = detector().detect(ITEM, meta(**{field: ids}))
    assert finding.kind == kind and finding.severity == Severity.MEDIUM
    assert [e.detail for e in finding.evidence] == [f"{i.label}: {i.value}" for i in ids]
    assert list(detector().detect(ITEM, meta())) == []


def test_camera_details_summarise_per_group() -> None:
    detector = CameraDetailsDetector()
    for n in range(3):
        item = SourceItem(source="photos", locator=f"pics/{n}.jpg", kind="photo", group="G")
        assert (
            list(
                detector.detect(
                    item,
                    meta(
                        content_key=f"k{n}",
                        make="Apple",
                        model="iPhone 12",
                        captured_at=datetime(2024, 1, 1 + n, 9),
                    ),
                )
            )
            == []
        )
    detector.detect(
        SourceItem(source="photos", locator="pics/none.jpg", kind="photo", group="G"), meta()
    )
    (finding,) = detector.finish()
    assert finding.severity == Severity.LOW and finding.group == "G"
    details = [e.detail for e in finding.evidence]
    assert details == [
        "3 file(s) record when they were taken (2024-01-01 to 2024-01-03)",
        "3 file(s) made with Apple iPhone 12",
    ]


@pytest.mark.parametrize(
    ("make", "model", "name"),
    [
        ("Apple", "iPhone 12", "Apple iPhone 12"),
        ("NIKON CORPORATION", "NIKON D7500", "NIKON D7500"),
        ("Canon", "Canon EOS 5D", "Canon EOS 5D"),
        (None, "M2012K11AG", "M2012K11AG"),
        ("FLIR", None, "FLIR"),
        (None, None, ""),
    ],
)
def test_camera_name(make: str | None, model: str | None, name: str) -> None:
    from exposure.detectors.photo_gps import camera_name

    assert camera_name(meta(make=make, model=model)) == name


def test_capture_time_gets_the_offset_the_gps_time_shows() -> None:
    utc = datetime(2024, 5, 1, 8, 12, 3, tzinfo=UTC)
    local = observed_at(datetime(2024, 5, 1, 10, 12, 1), utc)
    assert local is not None and local.utcoffset() == timedelta(hours=2)
    assert local == utc - timedelta(seconds=2)
    assert observed_at(datetime(2024, 5, 1, 10, 34), utc) == utc  # a wrong camera clock
    assert observed_at(None, utc) == utc
    aware = datetime(2024, 5, 1, 10, 12, tzinfo=timezone(timedelta(hours=2)))
    assert observed_at(aware, None) == aware and observed_at(aware, utc) is aware
