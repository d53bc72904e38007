"""Places written into photos by name, and positions of places a photo shows: table tests on
hand-built metadata, then the whole command on generated photos."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from exposure.detectors import GpsDetector, PlaceNameDetector
from exposure.metadata import GpsReading, PlaceName
from exposure.model import Severity, SourceItem
from exposure.testing.photofactory import GpsSpec, PhotoSpec, PlaceSpec, write_photo

from .test_photo_detectors import ITEM, meta

MAINZ_IPTC = PlaceName("IPTC", "Fotostudio HS", "Mainz", "Rheinland-Pfalz", "Deutschland")
MAINZ_XMP = PlaceName("XMP", "Fotostudio HS", "Mainz", "Rheinland-Pfalz", "Deutschland")
BAYERN = PlaceName("XMP", state="Bayern", country="Deutschland")
SHOWN = PlaceName("XMP LocationShown", city="Paris", name="Tour Eiffel")


@pytest.mark.parametrize(
    ("places", "severity", "details", "title"),
    [
        (
            (MAINZ_IPTC, MAINZ_XMP),
            Severity.MEDIUM,
            ["Fotostudio HS, Mainz, Rheinland-Pfalz, Deutschland (IPTC location fields; "
             "XMP location fields)"],
            "a.jpg: a place is written in the file by name",
        ),
        (
            (BAYERN,),
            Severity.LOW,
            ["Bayern, Deutschland (XMP location fields)"],
            "a.jpg: the region or country is written in the file",
        ),
        (
            (SHOWN,),
            Severity.MEDIUM,
            ["Tour Eiffel, Paris (XMP LocationShown: a place the photo shows)"],
            "a.jpg: a place the photo shows is written in the file by name",
        ),
        (
            (BAYERN, SHOWN),
            Severity.MEDIUM,
            ["Bayern, Deutschland (XMP location fields)",
             "Tour Eiffel, Paris (XMP LocationShown: a place the photo shows)"],
            "a.jpg: a place is written in the file by name",
        ),
    ],
)  # fmt: skip
def test_place_name_detector(
    places: tuple[PlaceName, ...], severity: Severity, details: list[str], title: str
) -> None:
    (finding,) = PlaceNameDetector().detect(ITEM, meta(places=places))
    assert finding.kind == "photo-place-name"
    assert finding.severity == severity
    assert finding.title == title
    assert [e.detail for e in finding.evidence] == details
    for evidence in finding.evidence:
        assert evidence.place_name and evidence.position is None
        assert evidence.match is not None
        assert evidence.detail[evidence.match[0] : evidence.match[1]] == evidence.place_name
    assert finding.remediation.steps and "location:all=" in finding.remediation.steps[1].text


def test_place_evidence_names_every_field() -> None:
    (finding,) = PlaceNameDetector().detect(ITEM, meta(places=(MAINZ_IPTC, MAINZ_XMP)))
    assert finding.evidence[0].field == (
        "IPTC Sub-location, IPTC City, IPTC Province-State, IPTC Country-PrimaryLocationName, "
        "XMP Iptc4xmpCore:Location, XMP photoshop:City, XMP photoshop:State, "
        "XMP photoshop:Country"
    )


def test_no_place_no_finding_and_ids_are_stable() -> None:
    assert list(PlaceNameDetector().detect(ITEM, meta())) == []
    one = next(iter(PlaceNameDetector().detect(ITEM, meta(places=(MAINZ_IPTC,)))))
    moved = SourceItem(source="photos", locator="elsewhere/b.jpg", kind="photo")
    two = next(iter(PlaceNameDetector().detect(moved, meta(places=(MAINZ_IPTC,)))))
    assert one.id == two.id


def _reading(lat: float, lon: float, origin: str) -> GpsReading:
    return GpsReading(lat, lon, None, None, origin, None, "")


@pytest.mark.parametrize(
    ("origins", "title", "fields"),
    [
        (("xmp-location-shown",),
         "a.jpg: the position of a place this photo shows is written in it (48.8584, 2.2945)",
         ["XMP LocationShown GPS"]),
        (("exif", "xmp-location-shown"),
         "a.jpg: this photo shows where it was taken (52.5200, 13.4050)",
         ["EXIF GPS", "XMP LocationShown GPS"]),
        (("xmp-location-created",),
         "a.jpg: this photo shows where it was taken (48.8584, 2.2945)",
         ["XMP LocationCreated GPS"]),
    ],
)  # fmt: skip
def test_gps_of_location_structures(
    origins: tuple[str, ...], title: str, fields: list[str]
) -> None:
    spots = {"exif": (52.52, 13.405)}
    readings = tuple(_reading(*spots.get(o, (48.8584, 2.2945)), o) for o in origins)
    (finding,) = GpsDetector().detect(ITEM, meta(gps=readings))
    assert (finding.kind, finding.severity, finding.title) == ("photo-gps", Severity.HIGH, title)
    assert [e.field for e in finding.evidence] == fields
    shown = [e for e in finding.evidence if e.field == "XMP LocationShown GPS"]
    assert all("not necessarily where it was taken" in e.detail for e in shown)


def _audit(cli: Any, folder: Path) -> dict[str, Any]:
    result = cli("audit", folder.name, "--json", "r.json", "-q")
    assert result.code == 1, result.err
    report: dict[str, Any] = json.loads((folder.parent / "r.json").read_text(encoding="utf-8"))
    return report


def test_a_redacted_report_hides_the_place(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "pics"
    folder.mkdir()
    spec = PhotoSpec(iptc=True, place=PlaceSpec(sublocation="Hauptstraße 5", city="Mainz"))
    write_photo(folder / "a.jpg", spec, "jpeg")
    cli("audit", "pics", "--json", "r.json", "--redact", "-q")
    text = (tmp_path / "r.json").read_text(encoding="utf-8")
    assert "Hauptstra" not in text
    report = json.loads(text)
    (place,) = [f for f in report["findings"] if f["kind"] == "photo-place-name"]
    assert "Mainz" not in json.dumps(place)


def test_every_text_field_is_scanned_and_named(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "pics"
    folder.mkdir()
    spec = PhotoSpec(
        description="Birthday",
        windows=(
            ("XPTitle", "Garden party"),
            ("XPComment", "We live at 42 Elm Street, Springfield, IL 62704"),
            ("XPKeywords", "map;https://www.google.com/maps/@48.8583701,2.2944813,17z"),
        ),
        iptc=True,
        place=PlaceSpec(sublocation="Hauptstraße 5, 10115 Berlin", city="Berlin"),
    )
    write_photo(folder / "a.jpg", spec, "jpeg")
    report = _audit(cli, folder)
    fields = {(f["kind"], e["field"]) for f in report["findings"] for e in f["evidence"]}
    assert ("text-street-address", "XPComment") in fields
    assert ("text-map-link", "XPKeywords") in fields
    assert ("text-street-address", "IPTC location") in fields
    (place,) = [f for f in report["findings"] if f["kind"] == "photo-place-name"]
    assert place["severity"] == "medium"
    assert place["locator"] == os.path.join("pics", "a.jpg")
    assert place["evidence"][0]["field"] == "IPTC Sub-location, IPTC City"


def test_location_shown_position_is_a_finding(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "pics"
    folder.mkdir()
    spec = PhotoSpec(
        gps=GpsSpec(lat=52.52, lon=13.405),
        xmp=True,
        locations_shown=(PlaceSpec(name="Tour Eiffel", lat=48.8583701, lon=2.2944813),),
    )
    write_photo(folder / "a.heic", spec, "heic")
    report = _audit(cli, folder)
    (gps,) = [f for f in report["findings"] if f["kind"] == "photo-gps"]
    assert [e["field"] for e in gps["evidence"]] == ["EXIF GPS", "XMP LocationShown GPS"]
    assert [e["location"] for e in gps["evidence"]] == [
        {"lat": pytest.approx(52.52), "lon": pytest.approx(13.405)},
        {"lat": pytest.approx(48.8583701), "lon": pytest.approx(2.2944813)},
    ]


def test_creator_address_in_xmp_is_a_street_address(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "pics"
    folder.mkdir()
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">'
        '<Iptc4xmpCore:CreatorContactInfo Iptc4xmpCore:CiAdrExtadr="Hauptstraße 5" '
        'Iptc4xmpCore:CiAdrCity="Berlin" Iptc4xmpCore:CiAdrPcode="10115"/>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    (folder / "a.xmp").write_text(packet, encoding="utf-8")
    report = _audit(cli, folder)
    (address,) = [f for f in report["findings"] if f["kind"] == "text-street-address"]
    assert address["evidence"][0]["field"] == "XMP Iptc4xmpCore:CreatorContactInfo"


def test_a_place_the_photo_only_shows_is_not_a_place_the_person_was(tmp_path: Path) -> None:
    from exposure.audit import run
    from exposure.options import Options

    folder = tmp_path / "pics"
    folder.mkdir()
    spec = PhotoSpec(
        gps=GpsSpec(lat=52.52, lon=13.405),
        xmp=True,
        locations_shown=(PlaceSpec(name="Tour Eiffel", lat=48.8583701, lon=2.2944813),),
    )
    write_photo(folder / "a.heic", spec, "heic")
    report = run(Options(inputs=(str(folder),), workers=1))
    assert [round(p.position.lat, 2) for p in report.points] == [52.52]
