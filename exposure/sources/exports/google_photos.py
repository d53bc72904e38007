"""Google Photos in Takeout: the JSON sidecar next to each photo (``IMG.jpg.json``, newer
``IMG.jpg.supplemental-metadata.json``) and album ``metadata.json``.

``geoData`` is the location Google keeps for the photo (it may differ from the photo's own
GPS, ``geoDataExif``, when it was edited or estimated).  All photos with a location make one
summary finding with a few examples; descriptions go to the text detectors.  The photos
themselves are read by the engine from the archive (their own GPS is a photo finding).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exposure.geo import Position
from exposure.model import Evidence
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.google_takeout import GROUP
from exposure.sources.exports.history import bulk
from exposure.sources.exports.values import position, when

KIND = "google-photos-location"
_FIELDS = ("title", "description", "geoData", "geoDataExif", "photoTakenTime", "creationTime")
_ALBUM = "albumData"
"""Older album ``metadata.json`` files wrap the same fields in ``albumData``."""


def _geo(value: Any) -> Position | None:
    if not isinstance(value, dict):
        return None
    pos = position(value.get("latitude"), value.get("longitude"), altitude=value.get("altitude"))
    return pos if isinstance(pos, Position) else None


def _taken(sidecar: dict[str, Any]) -> Any:
    for key in ("photoTakenTime", "creationTime"):
        stamp = sidecar.get(key)
        if isinstance(stamp, dict) and stamp.get("timestamp") is not None:
            return stamp.get("timestamp")
    return None


def read_sidecar(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """One sidecar (or album metadata): Google's stored location and the description."""
    summary = bulk(
        run,
        "google:photos",
        kind=KIND,
        group=GROUP,
        title="Google Photos stores a location for {count} of your photos {span}",
        locator=doc.folder(),
    )
    reader = doc.json()
    sidecar: dict[str, Any] = {}
    for key, value in reader.multi((*_FIELDS, _ALBUM)):
        if key == _ALBUM and isinstance(value, dict):
            sidecar.update({k: v for k, v in value.items() if k in _FIELDS})
        else:
            sidecar.setdefault(key, value)
    yield from doc.done(run, reader.problem, GROUP)
    raw_time = _taken(sidecar)
    title = sidecar.get("title") if isinstance(sidecar.get("title"), str) else ""
    google, exif = _geo(sidecar.get("geoData")), _geo(sidecar.get("geoDataExif"))
    pos = google or exif
    if pos is not None:
        summary.add(pos, raw_time, doc.locator)
        detail = f"{title or doc.member.name}: location {pos.as_text()}"
        if google and exif and google.as_text(4) != exif.as_text(4):
            detail += f" (the photo's own GPS says {exif.as_text()})"
        summary.example(
            Evidence(doc.locator, detail, position=pos, observed_at=when(raw_time), field="geoData")
        )
    elif isinstance(sidecar.get("geoData"), dict) and _nonzero(sidecar["geoData"]):
        summary.invalid += 1
    description = sidecar.get("description")
    if isinstance(description, str):
        yield from run.text(doc.locator, "photo-description", description, GROUP, when(raw_time))


def _nonzero(geo: dict[str, Any]) -> bool:
    return any(geo.get(k) not in (None, 0, 0.0) for k in ("latitude", "longitude"))


HANDLERS: dict[str, Handler] = {"google-photos-sidecar": read_sidecar}
