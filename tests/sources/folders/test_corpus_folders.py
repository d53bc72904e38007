"""The shared corpus through folder INPUTs: each folder is read for everything it holds
(expected values from ../shared/corpus/MANIFEST.md and ExifTool's readings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exposure.audit import run
from exposure.model import Report
from exposure.options import Options
from exposure.sources import resolve

pytestmark = pytest.mark.corpus


def audit(path: Path) -> Report:
    return run(Options(inputs=(str(path),), workers=2))


def positions(report: Report, kind: str) -> list[tuple[float, float]]:
    return [
        (e.position.lat, e.position.lon)
        for f in report.findings
        if f.kind == kind
        for e in f.evidence
        if e.position is not None
    ]


def near(found: list[tuple[float, float]], lat: float, lon: float, tol: float = 1e-4) -> bool:
    return any(abs(a - lat) < tol and abs(b - lon) < tol for a, b in found)


def test_the_exports_folder_is_read_export_by_export(corpus: Path) -> None:
    folder = corpus / "exports"
    assert resolve(str(folder), Options(inputs=(str(folder),))).name == "folder"
    report = audit(folder)
    groups = {f.group for f in report.findings}
    assert {
        "Google account (Takeout)",
        "Route and map files",
        "Foursquare / Swarm",
        "X (Twitter)",
        "Instagram",
    } <= groups
    starts = positions(report, "route-endpoint")
    assert near(starts, 46.434981, 13.748273)  # gpxpy Mojstrovka.gpx
    assert near(starts, 38.229787, -122.633704)  # python-fitparse garmin-fenix-5-run.fit
    assert near(starts, 42.941059, 0.963041)  # sports-lib strava.trimmed.gpx
    assert near(positions(report, "swarm-checkin"), 38.456, -122.345)
    assert near(positions(report, "google-home-work"), 48.8566, 2.3522)  # Timeline HOME
    assert near(positions(report, "photo-gps"), 48.8583736, 2.291901)  # immich-go Takeout
    broken = {Path(s.locator).name for s in report.skipped if "FIT file" in s.reason}
    assert broken == {"activity-unexpected-eof.fit", "activity-settings-corruptheader.fit"}
    assert report.not_checked == ()  # every file there is an export file or a track


def test_the_profiles_folder_is_read_as_saved_pages(corpus: Path) -> None:
    report = audit(corpus / "profiles")
    found = positions(report, "web-coordinates")
    assert near(found, 51.513458, -0.14812)  # microformats h-geo
    assert near(found, 40.660109, -73.953193)  # songkick Elysian Fields og:latitude
    assert near(found, 51.527476, -0.081657)  # Tove Styrke page
    addresses = " ".join(f.title for f in report.findings if f.kind == "web-address")
    assert "1901 Lemur Ave" in addresses  # schema.org LocalBusiness.002 microdata
    assert "80209" in addresses  # Event.003 / .004, Denver
    (record,) = report.not_checked  # the parsers' expected outputs beside each page
    assert record.by_extension() == {".json": 33, ".jsonld": 2}
    assert {c.source for c in report.counts} == {"saved-pages"}


def test_the_images_folder_finds_every_gps_position_exiftool_reads(corpus: Path) -> None:
    images = corpus / "images"
    truth = json.loads((images / "exiftool-truth.json").read_text(encoding="utf-8"))
    expected = [
        (r["SourceFile"], r["GPSLatitude"], r["GPSLongitude"])
        for r in truth
        if isinstance(r.get("GPSLatitude"), int | float)
        and isinstance(r.get("GPSLongitude"), int | float)
        and (r["GPSLatitude"], r["GPSLongitude"]) != (0, 0)
    ]
    assert len(expected) == 37
    report = audit(images)
    found = positions(report, "photo-gps")
    missing = [name for name, lat, lon in expected if not near(found, lat, lon)]
    assert missing == []
    (record,) = report.not_checked
    assert record.by_extension().get(".json") == 2  # the ExifTool truth files themselves
