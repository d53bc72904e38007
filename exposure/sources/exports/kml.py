"""KML and KMZ: Google Earth and My Maps files, and Google's old Location History export.

What a KML holds that matters here: paths (``LineString``, ``gx:Track`` with its ``when`` /
``gx:coord`` pairs: a day of Location History, a recorded walk) whose start and end are
often a front door, and marked places (``Point`` placemarks, ``Polygon`` areas) with the
name the person gave them ("Home", "Mum's").  Paths become tracks (their first and last
point, :mod:`.tracks`); places are gathered for one summary finding per file.

Streamed like the other XML readers: defusedxml's expat parser with callbacks (no tree;
a DOCTYPE or entity declaration is refused), coordinates parsed as their text arrives (a
path of a million points is one ``<coordinates>`` element, never held whole), and bounded:
at most :data:`MAX_LINES` paths and :data:`MAX_PLACES` places are kept per file.  A KMZ is
a zip whose ``.kml`` members are read the same way, within the archive caps.
"""

from __future__ import annotations

import io
import zipfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from exposure.geo import Position
from exposure.i18n.message import M_
from exposure.sources.exports.limits import ReadProblem
from exposure.sources.exports.values import position, when

MAX_LINES = 1000
"""Paths kept per file (each gives a start and an end); more are counted."""
MAX_PLACES = 10_000
"""Placemarks kept per file; more are counted."""
MAX_PENDING_TIMES = 100_000
"""``when`` values waiting for their ``gx:coord`` (Google writes all times first)."""
MAX_DEPTH = 256
_TEXT = 2000
"""Characters of a name or description kept."""


@dataclass
class Line:
    """One path: its name, first and last point, and how many points it has."""

    name: str = ""
    points: int = 0
    first: tuple[Position, datetime | None] | None = None
    last: tuple[Position, datetime | None] | None = None

    def add(self, pos: Position, moment: datetime | None) -> None:
        self.points += 1
        if self.first is None:
            self.first = (pos, moment)
        self.last = (pos, moment)


@dataclass(frozen=True)
class MarkedPlace:
    """A placemark's point (or an area's centre) with its name and description."""

    name: str
    position: Position
    description: str = ""
    when: datetime | None = None


@dataclass
class KmlContent:
    """What one KML document holds."""

    title: str = ""
    lines: list[Line] = field(default_factory=list)
    places: list[MarkedPlace] = field(default_factory=list)
    more_lines: int = 0
    more_places: int = 0
    invalid: int = 0
    problem: str | None = None


class _Coordinates:
    """``lon,lat[,alt]`` tuples separated by white space, parsed as the text arrives."""

    def __init__(self) -> None:
        self.pending = ""
        self.values: list[Position | None] = []

    def feed(self, text: str) -> Iterator[Position | None]:
        data = self.pending + text
        tokens = data.split()
        self.pending = ""
        if tokens and not data[-1:].isspace():
            self.pending = tokens.pop()[:200]
        for token in tokens:
            yield _tuple(token)

    def close(self) -> Iterator[Position | None]:
        if self.pending:
            yield _tuple(self.pending)
        self.pending = ""


def _tuple(token: str) -> Position | None:
    parts = token.split(",")
    if len(parts) < 2:
        return None
    pos = position(parts[1], parts[0], altitude=parts[2] if len(parts) > 2 else None)
    return pos if isinstance(pos, Position) else None


class _KmlTarget:
    """expat callbacks: placemarks, points, paths and ``gx:Track`` pairs; keeps no tree."""

    def __init__(self, content: KmlContent) -> None:
        self.content = content
        self.stack: list[str] = []
        self.text: list[str] = []
        self.text_size = 0
        self.mark_name = ""
        self.mark_text = ""
        self.mark_when: datetime | None = None
        self.coords: _Coordinates | None = None
        self.geometry = ""
        """``point``, ``line`` or ``area`` while inside one."""
        self.line: Line | None = None
        self.area: list[Position] = []
        self.area_count = 0
        self.times: deque[datetime | None] = deque()
        self.positions: deque[Position | None] = deque()

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition("}")[2]
        self.stack.append(local)
        if len(self.stack) > MAX_DEPTH:
            raise ReadProblem(
                M_("elements nested more than {levels} deep; the rest not read", levels=MAX_DEPTH)
            )
        self.text, self.text_size = [], 0
        if local == "Placemark":
            self.mark_name, self.mark_text, self.mark_when = "", "", None
        elif local == "Point":
            self.geometry = "point"
        elif local in ("LineString", "Track"):
            self.geometry = "line"
            self.line = Line(self.mark_name)
            self.times.clear()
            self.positions.clear()
        elif local in ("Polygon", "LinearRing") and self.geometry != "area":
            self.geometry = "area"
            self.area, self.area_count = [], 0
        elif local == "coordinates":
            self.coords = _Coordinates()

    def data(self, text: str) -> None:
        if self.coords is not None:
            for pos in self.coords.feed(text):
                self._vertex(pos, None)
            return
        if self.text_size < _TEXT:
            self.text.append(text)
            self.text_size += len(text)

    def end(self, tag: str) -> None:
        local = tag.rpartition("}")[2]
        if self.stack:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else ""
        value = "".join(self.text).strip()[:_TEXT]
        self.text, self.text_size = [], 0
        if local == "coordinates" and self.coords is not None:
            for pos in self.coords.close():
                self._vertex(pos, None)
            self.coords = None
        elif local == "name" and parent == "Placemark":
            self.mark_name = value[:200]
            if self.line is not None and not self.line.name:
                self.line.name = self.mark_name
        elif local == "name" and parent in ("Document", "Folder") and not self.content.title:
            self.content.title = value[:200]
        elif local in ("description", "address") and parent == "Placemark":
            self.mark_text = f"{self.mark_text}\n{value}".strip()[:_TEXT]
        elif local == "when" and parent == "TimeStamp":
            self.mark_when = when(value)
        elif local == "when" and self.geometry == "line":
            if len(self.times) < MAX_PENDING_TIMES:
                self.times.append(when(value))
            self._pair()
        elif local == "coord" and self.geometry == "line":
            parts = value.split()
            pos = None
            if len(parts) >= 2:
                found = position(parts[1], parts[0], altitude=parts[2] if len(parts) > 2 else None)
                pos = found if isinstance(found, Position) else None
            self.positions.append(pos)
            self._pair()
        elif local in ("LineString", "Track"):
            while self.positions:  # coordinates without times
                self._vertex(self.positions.popleft(), None)
            self._close_line()
        elif local == "Polygon" or (
            local == "LinearRing" and parent not in ("outerBoundaryIs", "innerBoundaryIs")
        ):
            self._close_area()
        elif local == "Point":
            self.geometry = ""
        elif local == "Placemark":
            self.mark_name, self.mark_text, self.mark_when = "", "", None

    def _pair(self) -> None:
        while self.positions and (self.times or len(self.positions) > MAX_PENDING_TIMES):
            moment = self.times.popleft() if self.times else None
            self._vertex(self.positions.popleft(), moment)

    def _vertex(self, pos: Position | None, moment: datetime | None) -> None:
        if pos is None:
            self.content.invalid += 1
            return
        if self.geometry == "line" and self.line is not None:
            self.line.add(pos, moment)
        elif self.geometry == "area":
            self.area_count += 1
            if len(self.area) < 10_000:
                self.area.append(pos)
        elif self.geometry == "point":
            self._place(pos)
            self.geometry = "point-done"  # one position per Point

    def _place(self, pos: Position) -> None:
        if len(self.content.places) >= MAX_PLACES:
            self.content.more_places += 1
            return
        self.content.places.append(MarkedPlace(self.mark_name, pos, self.mark_text, self.mark_when))

    def _close_line(self) -> None:
        line, self.line, self.geometry = self.line, None, ""
        if line is None or line.first is None:
            return
        if len(self.content.lines) >= MAX_LINES:
            self.content.more_lines += 1
            return
        self.content.lines.append(line)

    def _close_area(self) -> None:
        points, self.area, self.geometry = self.area, [], ""
        if not points:
            return
        lat = sum(p.lat for p in points) / len(points)
        lon = sum(p.lon for p in points) / len(points)
        centre = position(lat, lon)
        if isinstance(centre, Position):
            self._place(centre)

    def close(self) -> None:
        return None


def read_kml(stream: BinaryIO, content: KmlContent) -> None:
    """Stream one KML document into ``content`` (stops with a note on a break)."""
    from exposure.sources.exports.tracks import stream_xml

    content.problem = stream_xml(stream, _KmlTarget(content))


def kmz_documents(stream: BinaryIO, cap: int) -> Iterator[tuple[str, BinaryIO]]:
    """The ``.kml`` members of a KMZ (a zip) read from ``stream``, at most ``cap`` bytes in
    all (the zip is held in memory: it needs random access); raises ReadProblem."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise ReadProblem(M_("the KMZ file is larger than the limit for one file; not read"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if i.filename.lower().endswith(".kml")]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        error = str(exc)
        said = M_("the KMZ file is not a readable zip archive ({error})", error=error)
        raise ReadProblem(said) from exc
    budget = cap
    for info in infos:
        if info.file_size > budget:
            raise ReadProblem(M_("the KML inside the KMZ is larger than the limit; not read"))
        budget -= info.file_size
        try:
            inner = io.BytesIO(archive.read(info))
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            name, error = info.filename, str(exc)
            said = M_("could not read {name} inside the KMZ ({error})", name=name, error=error)
            raise ReadProblem(said) from exc
        yield info.filename, inner


def place_detail(place: MarkedPlace) -> str:
    """``Home: 52.52, 13.405``: a placemark in words."""
    return f"{place.name or 'a placemark'}: {place.position.as_text()}"
