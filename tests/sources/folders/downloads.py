"""A made-up "Downloads" folder holding a bit of everything a person keeps there.

Export zips of several platforms, lone export files, GPS tracks in every format (some
gzipped), Google Photos sidecars beside 0-byte photos, a GPS photo renamed ``.txt``, a
saved web page and documents, empty files and unknown files.  Coordinates come from
:mod:`tests.sources.exports.fixtures` (HOME and WORK in Berlin, a cafe in Paris).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from exposure.testing.exportwriters import as_json, e7, fit, gpx, gz, tcx, write_folder, write_zip
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from tests.sources.exports import fixtures
from tests.sources.exports.fixtures import _iso

HOME, WORK, CAFE, PARK = fixtures.HOME, fixtures.WORK, fixtures.CAFE, fixtures.PARK
LAKE = (52.436000, 13.231000)
"""Where the lone tracks start (not HOME, so their findings are told apart from Strava's)."""
FOREST = (52.480000, 13.250000)


def _walk(start: tuple[float, float], steps: int, unix: int) -> list[tuple[float, float, int]]:
    return [(start[0] + i * 0.002, start[1] + i * 0.002, unix + 60 * i) for i in range(steps)]


def kml(
    places: list[tuple[str, tuple[float, float]]], line: list[tuple[float, float]] | None = None
) -> bytes:
    """A My Maps style KML: named Point placemarks and one LineString path."""
    marks = "".join(
        f"<Placemark><name>{name}</name><description>Marked by me</description>"
        f"<Point><coordinates>{lon},{lat},0</coordinates></Point></Placemark>"
        for name, (lat, lon) in places
    )
    if line:
        coords = "\n".join(f"{lon},{lat},0" for lat, lon in line)
        marks += (
            "<Placemark><name>Sunday walk</name><LineString><coordinates>"
            f"{coords}</coordinates></LineString></Placemark>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'
        f"<Document><name>My places</name>{marks}</Document></kml>"
    ).encode()


def location_history_kml(points: list[tuple[float, float, str]]) -> bytes:
    """Google's old Location History KML: one ``gx:Track``, all ``when`` then all ``gx:coord``."""
    whens = "".join(f"<when>{t}</when>" for _, _, t in points)
    coords = "".join(f"<gx:coord>{lon} {lat} 0</gx:coord>" for lat, lon, _ in points)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" '
        'xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>'
        "<name>Location history from 2013-03-01 to 2013-03-01</name>"
        f"<Placemark><open>1</open><gx:Track>{whens}{coords}</gx:Track></Placemark>"
        "</Document></kml>"
    ).encode()


def kmz(document: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", document)
        archive.writestr("files/icon.png", b"\x89PNG\r\n\x1a\n")
    return buffer.getvalue()


def semantic_month() -> bytes:
    """One Semantic Location History month, named as Takeout names it."""
    return as_json(
        {
            "timelineObjects": [
                {
                    "placeVisit": {
                        "location": {
                            "latitudeE7": e7(CAFE[0]),
                            "longitudeE7": e7(CAFE[1]),
                            "name": "Café de la Tour",
                            "placeId": "p-cafe",
                        },
                        "duration": {"startTimestamp": "2019-01-02T20:00:00Z"},
                    }
                }
            ]
        }
    )


def records() -> bytes:
    return as_json(
        {
            "locations": [
                {"latitudeE7": e7(WORK[0]), "longitudeE7": e7(WORK[1]), "accuracy": 9,
                 "timestamp": "2014-03-04T05:06:07.000Z"},
                {"latitudeE7": e7(PARK[0]), "longitudeE7": e7(PARK[1]), "accuracy": 9,
                 "timestamp": "2015-03-04T05:06:07.000Z"},
            ]
        }
    )  # fmt: skip


def sidecar(title: str, where: tuple[float, float] | None, taken: int) -> bytes:
    geo = {"latitude": where[0], "longitude": where[1], "altitude": 30.0} if where else None
    body: dict[str, object] = {"title": title, "photoTakenTime": {"timestamp": str(taken)}}
    if geo:
        body |= {"geoData": geo, "geoDataExif": geo}
    return as_json(body)


SAVED_PAGE = b"""<!DOCTYPE html>
<!-- saved from url=(0033)https://blog.example.org/about-me -->
<html><head><title>About me</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person",
 "name": "Sam", "address": {"@type": "PostalAddress", "streetAddress": "Invalidenstr. 117",
 "postalCode": "10115", "addressLocality": "Berlin"}}</script></head>
<body><p>Come by for coffee at Invalidenstr. 117, 10115 Berlin.</p></body></html>
"""


def make_downloads(root: Path) -> Path:
    """Write the folder; returns ``root``."""
    strava = fixtures.strava()
    lake_run = _walk(LAKE, 12, 1_700_000_000)
    forest = _walk(FOREST, 8, 1_700_100_000)
    members: dict[str, bytes] = {
        # export archives
        "instagram-sam-2024.zip": b"",
        "export_123.zip": b"",
        # lone export files
        "Timeline.json": fixtures.phone_timeline(),
        "Records.json": records(),
        "2019_JANUARY.json": semantic_month(),
        "checkins1.json": fixtures.swarm()["checkins1.json"],
        "tweets.js": fixtures.twitter()["data/tweets.js"],
        # tracks
        "tracks/lake.gpx": gpx(_iso(lake_run), "Lake run"),
        "tracks/lake-again.gpx.gz": gz(gpx(_iso(lake_run), "Lake run again")),
        "tracks/forest.fit": fit(forest),
        "tracks/forest.tcx.gz": gz(tcx(_iso(forest))),
        "tracks/my-places.kml": kml([("Home", HOME), ("Gym", PARK)], [LAKE, FOREST]),
        "tracks/trip.kmz": kmz(kml([("Hotel", CAFE)])),
        "tracks/history-2013-03-01.kml": location_history_kml(_iso(_walk(WORK, 5, 1_362_000_000))),
        # a folder taken out of a Takeout: sidecars beside 0-byte photos
        "Photos from 2023/IMG_0001.jpg": b"",
        "Photos from 2023/IMG_0001.jpg.json": sidecar("IMG_0001.jpg", HOME, 1_690_000_000),
        "Photos from 2023/IMG_0002.jpg": b"",
        "Photos from 2023/IMG_0002.jpg.supplemental-metadata.json": sidecar(
            "IMG_0002.jpg", PARK, 1_690_100_000
        ),
        "Photos from 2023/IMG_0003.jpg.supplemental-metadata.json": sidecar(
            "IMG_0003.jpg", None, 1_690_200_000
        ),
        # a GPS photo renamed
        "notes.txt": make_photo(PhotoSpec(gps=GpsSpec(lat=WORK[0], lon=WORK[1])), "jpeg"),
        # a saved web page
        "About me.html": SAVED_PAGE,
        # documents, empty and unknown files
        "tax-2023.pdf": b"%PDF-1.7\n% not read\n",
        "letter.docx": _zip({"word/document.xml": b"<w:document/>"}),
        "todo.txt": b"buy milk\n",
        "empty-1.log": b"",
        "empty-2.log": b"",
        "empty-3.log": b"",
        "mystery.xyz": b"\x00\x01\x02 something",
    }
    write_folder(root, members)
    write_zip(root / "instagram-sam-2024.zip", fixtures.instagram())
    write_zip(root / "export_123.zip", strava)
    return root


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
