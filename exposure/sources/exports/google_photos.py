"""Google Photos in Takeout: the JSON sidecar next to each photo (``IMG.jpg.json``, newer
``IMG.jpg.supplemental-metadata.json``) and album ``metadata.json``.

``geoData`` is the location Google keeps for the photo (it may differ from the photo's own
GPS, ``geoDataExif``, when it was edited or estimated).  All photos with a location make one
summary finding with a few examples; descriptions go to the text detectors.  The photos
themselves are read by the engine from the archive (their own GPS is a photo finding).
Wherever a sidecar lies (a Takeout, or a "Photos from 2023" folder taken out of one), it is
joined to its photo when the photo is beside it: the evidence names the photo, and says
so when the photo file is empty (0 bytes, a placeholder), as the sidecar is then the only
place its location can be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from exposure.geo import Position
from exposure.i18n.message import Nn_
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
        title=Nn_(
            "Google Photos stores a location for {count} of your photos {span}",
            "Google Photos stores a location for {count} of your photos {span}",
        ),
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
        photo = _photo_beside(doc, str(title or ""))
        locator = photo[1] if photo else doc.locator
        summary.add(pos, raw_time, locator)
        detail = f"{photo[0] if photo else title or doc.member.name}: location {pos.as_text()}"
        if google and exif and google.as_text(4) != exif.as_text(4):
            detail += f" (the photo's own GPS says {exif.as_text()})"
        if photo:
            sidecar_name = doc.member.name.rpartition("/")[2]
            detail += f", kept by Google in {sidecar_name} beside it"
            if photo[2] == 0:
                detail += (
                    "; the photo file itself is empty (0 bytes), so this is the only "
                    "location exposure could read for it"
                )
        summary.example(
            Evidence(locator, detail, position=pos, observed_at=when(raw_time), field="geoData")
        )
    elif isinstance(sidecar.get("geoData"), dict) and _nonzero(sidecar["geoData"]):
        summary.invalid += 1
    description = sidecar.get("description")
    if isinstance(description, str):
        yield from run.text(doc.locator, "photo-description", description, GROUP, when(raw_time))


_SIDECAR = re.compile(r"^(?P<stem>.+?)(?P<ext>\.[A-Za-z0-9]{2,5})(?P<copy>\(\d+\))?\..*json$")
"""``IMG_1.jpg.json``, ``IMG_1.jpg.supplemental-metadata.json``, the truncated
``IMG_1.jpg.supplemental-metad.json`` and ``IMG.jpg(1).json`` (the sidecar of ``IMG(1).jpg``)."""


def photo_names(sidecar_name: str, title: str = "") -> list[str]:
    """The names the photo of a Google Photos sidecar may have, most likely first."""
    names = []
    found = _SIDECAR.match(sidecar_name)
    if found is not None:
        stem, ext, copy = found.group("stem"), found.group("ext"), found.group("copy") or ""
        names.append(f"{stem}{copy}{ext}")
        if copy:
            names.append(f"{stem}{ext}")
    if title and "/" not in title and title not in names:
        names.append(title)
    return names


def _photo_beside(doc: Doc, title: str) -> tuple[str, str, int | None] | None:
    """The photo a sidecar describes, when it lies beside it: name, locator and size."""
    for name in photo_names(doc.member.name.rpartition("/")[2], title):
        found = doc.beside(name)
        if found is not None:
            return name, found[0], found[1]
    return None


def _nonzero(geo: dict[str, Any]) -> bool:
    return any(geo.get(k) not in (None, 0, 0.0) for k in ("latitude", "longitude"))


HANDLERS: dict[str, Handler] = {"google-photos-sidecar": read_sidecar}
