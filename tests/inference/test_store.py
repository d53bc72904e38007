"""The point store (exposure/pointstore.py) loses nothing, and the inference over its columns
gives exactly what it gave over one object per point (tests/inference/reference.py keeps
that former code): the same places, roles, confidence, reasons, findings and ids."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest

from exposure import audit
from exposure.detectors.base import make_finding
from exposure.detectors.photo_gps import SHOWN_FIELD
from exposure.geo import Position
from exposure.inference import collect, infer, inference_kinds
from exposure.model import Evidence, LocatedPoint
from exposure.options import Options
from exposure.pointstore import PointStore
from exposure.testing.personas import make
from tests.inference import reference


class Summer(tzinfo):
    """A zone whose offset changes (+2 from April to October, else +1), like a real one."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=2 if dt is not None and 4 <= dt.month <= 10 else 1)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "summer"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Summer)

    def __hash__(self) -> int:
        return 1


def odd_points() -> list[LocatedPoint]:
    """Every shape a point's fields take: naive, offset, UTC, a changing zone with its
    fold, no time, before 1970, microseconds, altitude, accuracy, a label, no kind."""
    base = Position(45.75, 4.85)
    whens: list[datetime | None] = [
        datetime(2024, 3, 1, 22, 15, 7, 123456),
        datetime(2024, 3, 1, 22, 15, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(2024, 3, 1, 22, 15, tzinfo=UTC),
        datetime(2024, 7, 1, 2, 30, tzinfo=Summer()),
        datetime(2024, 10, 27, 2, 30, tzinfo=Summer(), fold=1),
        None,
        datetime(1961, 4, 12, 6, 7),
        datetime(2024, 3, 1, 22, 15, tzinfo=timezone(-timedelta(hours=3))),
    ]
    points = []
    for n, when in enumerate(whens):
        position = replace(
            base,
            lat=base.lat + n * 1e-4,
            altitude_m=None if n % 2 else 170.5 + n,
            accuracy_m=None if n % 3 == 0 else 10.0 * n,
        )
        points.append(
            LocatedPoint(position, when, f"file-{n % 3}.json", f"f-{n % 2}", "", "home" * (n == 4))
        )
    points.append(LocatedPoint(Position(-33.9, 151.2, -2.0, 800.0), None, "x", "f-x", "photo-gps"))
    return points


def test_a_store_gives_back_every_point_it_was_given() -> None:
    points = odd_points()
    store = PointStore.of(points)
    assert len(store) == len(points) and list(store) == points and store == points
    assert store[-1] == points[-1] and store[2:5] == points[2:5]
    assert [store.observed_at(i) for i in range(len(store))] == [p.observed_at for p in points]
    assert store[4].observed_at is not None and store[4].observed_at.fold == 1
    assert len(store.idents) < len(points)  # identities repeat: stored once
    with pytest.raises(IndexError):
        store[len(points)]
    assert pickle.loads(pickle.dumps(store)) == points  # serve sends reports between processes
    assert PointStore.of(store) is store


def test_locators_and_positions_without_a_list_of_objects() -> None:
    store = PointStore.of(odd_points())
    renamed = store.with_locators(lambda name: "up/" + name)
    assert [p.locator for p in renamed] == ["up/" + p.locator for p in store]
    assert [p.position for p in renamed] == [p.position for p in store]
    assert list(store.positions()) == [p.position for p in store]


@pytest.mark.parametrize(
    ("seed", "story"),
    [
        (0, None),  # privacy zone, history in UTC, check-ins
        (1, None),  # Google labels, history
        (5, None),  # traveller: no home
        (8, None),
        (12, None),
        (17, None),  # sparse
        (19, None),  # photographer: no home
        (22, None),  # Tokyo, labels
        (2003, "zone"),
        (3000, "nightshift"),
        (3001, "moved"),
    ],
)
def test_the_inference_over_columns_is_the_inference_over_objects(
    seed: int, story: str | None
) -> None:
    points = make(seed, story).points
    got, expected = infer(points), reference.infer(points)
    assert got.places == expected.places and got.findings == expected.findings
    assert got.places  # something was found to compare


def test_odd_times_and_imprecise_points_count_the_same() -> None:
    persona = make(1)
    odd = odd_points()
    moved = [replace(p, position=persona.points[n].position) for n, p in enumerate(odd)]
    points = [*persona.points, *odd, *moved]
    got, expected = infer(points), reference.infer(points)
    assert got.places == expected.places and got.findings == expected.findings


def _evidence_findings() -> list:
    spot = Position(48.85, 2.35, None, 12.0)
    route = make_finding(
        "route-endpoint",
        content="run.gpx",
        value="start",
        title="A route starts at home",
        group="Activity routes",
        evidence=[Evidence("run.gpx", "start", position=spot, observed_at=datetime(2024, 1, 1))],
    )
    shown = make_finding(
        "photo-gps",
        content="IMG_1.jpg",
        value="gps",
        title="A photo shows where it was taken",
        group="Photos",
        evidence=[
            Evidence("IMG_1.jpg", "GPS", position=Position(48.86, 2.36)),
            Evidence("IMG_1.jpg", "shown", position=Position(40.0, 3.0), field=SHOWN_FIELD),
        ],
    )
    label = make_finding(
        "google-home-work",
        content="Labels.json",
        value="home",
        title="Google labelled a place as your home",
        group="Google",
        evidence=[Evidence("Labels.json", "home", position=Position(48.851, 2.351))],
    )
    return [route, shown, label]


def test_collected_points_join_as_before() -> None:
    findings = _evidence_findings()
    by_id = {f.id: f for f in findings}
    route = findings[0]
    kept = [
        LocatedPoint(route.evidence[0].position, None, "run.gpx", route.id),  # repeats evidence
        LocatedPoint(Position(48.852, 2.352), datetime(2024, 1, 1, 7), "run.gpx", route.id),
        LocatedPoint(Position(48.9, 2.4), None, "other.json", "f-unknown"),
        *odd_points(),
    ]
    evidence = collect.evidence_points(findings)
    assert list(evidence) == reference.evidence_points(findings)
    joined = collect.join_points(evidence, PointStore.of(kept), by_id)
    expected = reference.join_points(reference.evidence_points(findings), kept, by_id)
    assert list(joined) == expected and len(expected) == 3 + len(kept) - 1
    assert expected[3].kind == "route-endpoint" and expected[2].label == "home"


def test_an_audit_collects_into_a_store_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The demo's audit: what the sources kept and the evidence, joined and inferred, are
    what the former object code makes of the same records."""
    from exposure.demo import demo_inputs

    seen: dict[str, object] = {}
    joined = collect.join_points

    def spy(evidence: PointStore, kept: PointStore, findings: dict) -> PointStore:
        seen["findings"] = list(findings.values())
        seen["kept"] = list(kept)
        return joined(evidence, kept, findings)

    monkeypatch.setattr(collect, "join_points", spy)
    report = audit.run(Options(inputs=demo_inputs(), reproducible=True))
    assert isinstance(report.points, PointStore)
    findings = seen["findings"]
    kept = seen["kept"]
    assert isinstance(findings, list) and isinstance(kept, list) and kept
    by_id = {f.id: f for f in findings}
    expected = reference.join_points(reference.evidence_points(findings), kept, by_id)
    assert list(report.points) == expected
    again = reference.infer(expected, {f.id: f.group for f in findings})
    assert report.places == again.places and report.places
    made = [f for f in report.findings if f.kind in inference_kinds()]
    assert sorted(f.id for f in made) == sorted(f.id for f in again.findings)


def _report_points() -> list[LocatedPoint]:
    """Points whose locators the report's findings name, with odd times and positions."""
    from tests.report.factories import ARCHIVE_MEMBER, HOME_PHOTO

    odd = odd_points()
    names = [HOME_PHOTO, ARCHIVE_MEMBER, "/home/sam.doe/other.gpx"]
    return [replace(p, locator=names[n % 3]) for n, p in enumerate(odd)] + [
        LocatedPoint(Position(0.004, -0.003), None, HOME_PHOTO, "f-near-zero", "photo-gps")
    ]


def test_a_shareable_copy_redacts_the_columns_as_it_redacts_points() -> None:
    from exposure.report.redaction import redact
    from tests.report.factories import make_report

    points = _report_points()
    by_columns = redact(make_report(points=PointStore.of(points))).points
    by_objects = redact(make_report(points=tuple(points))).points  # the generic walk
    assert isinstance(by_columns, PointStore) and list(by_columns) == list(by_objects)
    assert all(p.position.altitude_m is None for p in by_columns)


def test_the_map_reads_the_columns_as_it_reads_points() -> None:
    from exposure.report.worldmap import build_map
    from tests.report.factories import make_report

    points = _report_points()
    assert build_map(make_report(points=PointStore.of(points))) == build_map(
        make_report(points=tuple(points))
    )
