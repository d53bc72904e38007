"""Redaction keeps its promises, by property: for every finding kind in the registry, a
finding seeded with unique markers (addresses, coordinates to 6 decimals, times of day, GPS
times, altitudes, serials, owner names, place names, IP addresses, file and folder names)
is rendered redacted as JSON and HTML, and no marker may appear.  Kinds added to the
catalogue later are covered without touching this file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import pytest

from exposure.catalogue import CATALOGUE
from exposure.geo import Position
from exposure.model import (
    Baseline,
    BaselineItem,
    Confidence,
    Evidence,
    Finding,
    LocatedPoint,
    Place,
    Report,
    Skipped,
    SourceCount,
)
from exposure.report import redact, render_html, render_json
from exposure.report.redaction import HIDDEN, mask_tail

KINDS = sorted(CATALOGUE)
HOME = "/home/markeruser"


@dataclass(frozen=True)
class Seeded:
    """The markers of one finding: none may survive redaction."""

    n: int

    @property
    def folder(self) -> str:
        return f"{HOME}/Markerfolder{self.n:03d}"

    @property
    def file(self) -> str:
        return f"MARKFILE{self.n:03d}.jpg"

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.file}"

    @property
    def german(self) -> str:
        return f"Markerstraße {100 + self.n}"

    @property
    def german_full(self) -> str:
        return f"{self.german}, {10100 + self.n} Berlin"

    @property
    def us(self) -> str:
        return f"{2400 + self.n} Gaylord St"

    @property
    def us_full(self) -> str:
        return f"{self.us}, Denver, CO 80205"

    @property
    def lat(self) -> float:
        return 52.5 + self.n / 1000 + 0.000123

    @property
    def lon(self) -> float:
        return 13.4 + self.n / 1000 + 0.000456

    @property
    def clock(self) -> str:
        return f"06:{self.n % 60:02d}"

    @property
    def when(self) -> datetime:
        return datetime(2024, 5, 1, 6, self.n % 60, 17, tzinfo=timezone(timedelta(hours=2)))

    @property
    def gps_clock(self) -> str:
        return f"04:{self.n % 60:02d}:17"

    @property
    def altitude(self) -> str:
        return f"{1200 + self.n} m"

    @property
    def serial(self) -> str:
        return f"SNMARK{self.n:04d}QZ"

    @property
    def owner(self) -> str:
        return f"Jordan Markerson{chr(65 + self.n % 26)}{chr(65 + self.n // 26)}"

    @property
    def place(self) -> str:
        return f"Café Markerplatz{self.n:03d}"

    @property
    def ip(self) -> str:
        return f"203.0.113.{self.n + 1}"

    def markers(self) -> tuple[str, ...]:
        return (
            self.folder.rsplit("/", 1)[1], self.file.removesuffix(".jpg"), self.german, self.us,
            f"{self.lat:.6f}"[:-2], f"{self.lon:.6f}"[:-2], f"{self.lat:.6f}"[:-3], self.clock,
            self.gps_clock[:5], self.altitude, self.serial[:-2], self.owner,
            self.owner[:-2], self.place, self.ip, "markeruser",
        )  # fmt: skip


def _finding(kind: str, seeded: Seeded) -> Finding:
    s = seeded
    position = Position(s.lat, s.lon, 1200.0 + s.n, 4.5)
    link = f"https://maps.google.com/?q={s.lat:.6f},{s.lon:.6f}"
    excerpt = f"“Picnic, here: {link} (we live at {s.german_full}, was {s.us_full})”"
    start = excerpt.index(link)
    info = CATALOGUE[kind]
    evidence = (
        Evidence(  # a map-link excerpt that also holds two addresses
            locator=s.path,
            detail=excerpt,
            position=position,
            observed_at=s.when,
            place_name=s.place,
            field="description",
            match=(start, start + len(link)),
        ),
        Evidence(
            locator=s.path,
            detail=f"GPS {s.lat:.6f}, {s.lon:.6f} (EXIF); altitude {s.altitude}; taken "
            f"{s.when.isoformat(sep=' ', timespec='minutes')}; GPS time 2024-05-01 "
            f"{s.gps_clock} UTC with Apple iPhone 13",
            position=position,
            observed_at=s.when.astimezone(UTC),
            field="exif GPS",
        ),
        Evidence(locator=s.path, detail=f"BodySerialNumber: {s.serial}", field="BodySerialNumber"),
        Evidence(locator=s.path, detail=f"Artist: {s.owner}", field="Artist"),
        Evidence(
            locator=f"{HOME}/Downloads/takeout-marker.zip!Takeout/{s.file}",
            detail=f"IP address {s.ip}: 1 sign-in; {s.place}: 1 visit at {s.clock}",
        ),
    )
    return Finding(
        id=f"f-{s.n:04d}",
        kind=kind,
        title=f"{s.file}: {s.place} ({s.owner}) at {s.lat:.5f}, {s.lon:.5f} on "
        f"{s.when:%Y-%m-%d %H:%M}, {s.german_full}",
        severity=info.severity,
        confidence=Confidence.HIGH,
        why=info.why,
        group=f"Folder {s.folder}",
        evidence=evidence,
        remediation=info.remediation,
    )


def seeded_report() -> tuple[Report, list[Seeded]]:
    seeds = [Seeded(n) for n in range(len(KINDS))]
    findings = tuple(_finding(kind, s) for kind, s in zip(KINDS, seeds, strict=True))
    first = seeds[0]
    report = Report(
        tool_version="0.0-test",
        inputs=(HOME, "https://social.example/@markeruser"),
        findings=findings,
        skipped=tuple(
            Skipped(s.path, f"could not read {s.path} at {s.clock}: damaged", "photos")
            for s in seeds[:3]
        ),
        places=(
            Place(
                "p1",
                f"near {first.german_full}",
                Position(first.lat, first.lon, 1234.0, 3.0),
                80.0,
                12,
                first_seen=first.when,
                last_seen=first.when + timedelta(days=3),
                finding_ids=(findings[0].id,),
                reason=f"photos at {first.clock} on weekdays near {first.place}",
            ),
        ),
        counts=(SourceCount("photos", len(seeds)),),
        points=tuple(
            LocatedPoint(Position(s.lat, s.lon), s.when, s.path, f"f-{s.n:04d}", label=s.place)
            for s in seeds
        ),
        generated_at=datetime(2024, 6, 1, 9, 59, tzinfo=UTC),
        baseline=Baseline(
            previous_generated_at="2024-05-20T08:17:00Z",
            fixed=(
                BaselineItem(
                    "f-old",
                    KINDS[0],
                    f"{first.file}: {first.german_full} ({first.owner})",
                    CATALOGUE[KINDS[0]].severity,
                    f"Folder {first.folder}",
                ),
            ),
            still_there=frozenset({findings[0].id}),
            new=frozenset(),
        ),
    )
    return report, seeds


def _all_markers(seeds: list[Seeded]) -> list[str]:
    return [m for s in seeds for m in s.markers()] + ["08:17", "09:59"]


def test_the_unredacted_renderings_hold_every_marker() -> None:
    """The fixture is meaningful: each marker is there before redaction."""
    report, seeds = seeded_report()
    text = render_json(report)
    text = json.dumps(json.loads(text), ensure_ascii=False)
    missing = [m for m in _all_markers(seeds) if m not in text]
    assert missing == []


@pytest.mark.parametrize("render", [render_json, render_html], ids=["json", "html"])
def test_no_marker_survives_redaction_for_any_kind(render: object) -> None:
    report, seeds = seeded_report()
    out = render(redact(report))  # type: ignore[operator]
    if render is render_json:
        out = json.dumps(json.loads(out), ensure_ascii=False)  # \u escapes undone
    leaked = {
        kind: [m for m in s.markers() if m in out] for kind, s in zip(KINDS, seeds, strict=True)
    }
    assert {k: v for k, v in leaked.items() if v} == {}
    assert "08:17" not in out and "09:59" not in out


def test_serials_and_names_keep_their_last_two_characters() -> None:
    report, seeds = seeded_report()
    redacted = redact(report)
    by_id = {f.id: f for f in redacted.findings}
    for kind, s in zip(KINDS, seeds, strict=True):
        details = [e.detail for e in by_id[f"f-{s.n:04d}"].evidence]
        if kind in ("photo-device-serial", "photo-owner-name", "instagram-photo-device"):
            assert f"BodySerialNumber: {mask_tail(s.serial)}" in details
            assert f"Artist: {mask_tail(s.owner)}" in details
            assert mask_tail(s.owner) in by_id[f"f-{s.n:04d}"].title  # the same name elsewhere
        else:  # a value named by another kind is hidden whole
            assert f"BodySerialNumber: {HIDDEN}" in details
        assert details[0].count(HIDDEN) >= 3  # the link, and both addresses beside it


def test_finding_ids_kinds_and_advice_stay() -> None:
    report, _ = seeded_report()
    redacted = redact(report)
    assert [(f.id, f.kind, f.remediation.summary) for f in redacted.findings] == [
        (f.id, f.kind, f.remediation.summary) for f in report.findings
    ]
