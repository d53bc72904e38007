"""GPS tracks: GPX, TCX, FIT, KML and KMZ files, also gzipped (Strava exports ``.fit.gz``).

What matters for stalking is where a route starts and ends (often a front door), so each
track gives its first and last point.  Findings are keyed by the ~100 m cell of the point,
so every activity that starts or ends at the same place joins one finding, its evidence
naming each activity.  Files are streamed: XML through defusedxml's expat callbacks (no tree
is built; documents with a DOCTYPE or entities are refused), FIT through fitdecode.  A file
that breaks part-way still gives the points before the break, plus a note.

gpxpy was considered and not used: it parses a whole document in memory, gives nothing for
a cut file, and does not read TCX.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO

import fitdecode
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n.message import M_, Mn_
from exposure.model import Evidence, LocatedPoint
from exposure.sources.base import Entry
from exposure.sources.exports.context import Aggregate, ExportRun
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.limits import Budget, CappedReader, ReadProblem, buffered
from exposure.sources.exports.values import day, number, position, when

if TYPE_CHECKING:
    from exposure.sources.exports.kml import KmlContent

KIND = "route-endpoint"
MAP_KIND = "map-places"
_GPX_POINTS = frozenset({"wpt", "trkpt", "rtept"})
"""GPX points in document order: waypoints (often places the user marked) come first."""
SEMICIRCLE = 180.0 / 2**31
_CHUNK = 256 * 1024


@dataclass
class Track:
    """What one track file says: its name and its first and last valid points."""

    name: str = ""
    points: int = 0
    invalid: int = 0
    first: tuple[Position, datetime | None] | None = None
    last: tuple[Position, datetime | None] | None = None
    problem: str | None = None
    _pending_time: dict[str, Any] = field(default_factory=dict)

    def add(self, pos: Position | None, moment: datetime | None) -> None:
        """One point (None: the file had an invalid one)."""
        if pos is None:
            self.invalid += 1
            return
        self.points += 1
        if self.first is None:
            self.first = (pos, moment)
        self.last = (pos, moment)


class _XmlTarget:
    """expat callbacks for GPX (``wpt``/``trkpt``/``rtept`` lat/lon attributes) and TCX
    (``Trackpoint`` with ``LatitudeDegrees``/``LongitudeDegrees``); keeps no tree."""

    def __init__(self, track: Track) -> None:
        self.track = track
        self.text: list[str] = []
        self.point: dict[str, Any] | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition("}")[2]
        self.text = []
        if local in _GPX_POINTS:
            self.point = {"lat": attrs.get("lat"), "lon": attrs.get("lon")}
        elif local == "Trackpoint":
            self.point = {}

    def data(self, text: str) -> None:
        if len(self.text) < 64:
            self.text.append(text)

    def end(self, tag: str) -> None:
        local = tag.rpartition("}")[2]
        value = "".join(self.text).strip()
        if self.point is not None:
            if local in {"time", "Time"}:
                self.point["time"] = value
            elif local == "LatitudeDegrees":
                self.point["lat"] = value
            elif local == "LongitudeDegrees":
                self.point["lon"] = value
            elif local in _GPX_POINTS or local == "Trackpoint":
                point, self.point = self.point, None
                if (
                    "lat" in point or local != "Trackpoint"
                ):  # TCX points without position are pauses
                    pos = position(point.get("lat"), point.get("lon"))
                    self.track.add(
                        pos if isinstance(pos, Position) else None, when(point.get("time"))
                    )
        elif local in {"name", "Id"} and not self.track.name:
            self.track.name = value[:200]
        self.text = []

    def doctype(self, name: str, pubid: str, system: str) -> None:
        raise ReadProblem(M_("the file declares a DOCTYPE, which GPS tracks never need; not read"))

    def close(self) -> None:
        return None


def read_xml(stream: BinaryIO, track: Track) -> None:
    """Stream a GPX or TCX document into ``track`` (stops with a note on a break)."""
    track.problem = stream_xml(stream, _XmlTarget(track))


def stream_xml(stream: BinaryIO, target: Any) -> str | None:
    """Feed ``stream`` to defusedxml's expat parser with callbacks ``target`` (GPX, TCX,
    KML); the reason it stopped early, or None when the whole document was read."""
    parser = DefusedXMLParser(target=target, forbid_dtd=True)
    try:
        while chunk := stream.read(_CHUNK):
            parser.feed(chunk)
        parser.close()
    except DefusedXmlException:
        return "the file declares entities or a DOCTYPE; not read"
    except ET.ParseError as exc:
        return f"the file stops being valid XML part-way ({exc}); the rest could not be read"
    except ReadProblem as exc:
        return str(exc)
    return None


def read_fit(stream: BinaryIO, track: Track) -> None:
    """Stream a FIT file's ``record`` messages into ``track``."""
    try:
        with fitdecode.FitReader(
            stream,
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as fit:
            for frame in fit:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "session" and not track.name and frame.has_field("sport"):
                    track.name = str(frame.get_value("sport"))
                if frame.name != "record" or not frame.has_field("position_lat"):
                    continue
                lat = number(frame.get_value("position_lat"))
                lon = number(frame.get_value("position_long", fallback=None))
                if lat is None or lon is None:
                    continue  # a record without a fix (indoor, paused)
                pos = position(lat * SEMICIRCLE, lon * SEMICIRCLE)
                stamp = frame.get_value("timestamp") if frame.has_field("timestamp") else None
                track.add(pos if isinstance(pos, Position) else None, when(stamp))
    except fitdecode.FitEOFError:
        track.problem = "the FIT file ends in the middle (cut short); the rest could not be read"
    except (fitdecode.FitError, ReadProblem) as exc:
        track.problem = f"the FIT file is damaged part-way ({exc}); the rest could not be read"


def _opened(doc: Doc, run: ExportRun) -> tuple[BinaryIO, str]:
    name = doc.member.name.lower()
    if not name.endswith(".gz") and not _peek(doc.stream).startswith(b"\x1f\x8b"):
        return doc.stream, name
    limits = run.options.exports
    inflated = CappedReader(
        gzip.GzipFile(fileobj=doc.stream),  # type: ignore[arg-type]
        member_cap=limits.member_limit,
        budget=Budget.of(limits.total_limit),
        ratio_basis=doc.member.size,
        max_ratio=limits.max_ratio,
    )
    return buffered(inflated), name.removesuffix(".gz")


@dataclass(frozen=True)
class Activity:
    """What an export's index says about one track file (Strava's activities.csv)."""

    activity_id: str
    name: str
    started: datetime | None
    kind: str = ""


def read_track(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """A GPX, TCX, FIT, KML or KMZ file (maybe gzipped), told apart by its first bytes
    (the name breaks ties): findings for its start and end places (and a map's places)."""
    stream, name = _opened(doc, run)
    head = _peek(stream)
    if head.startswith(b"PK") or (not head and name.endswith(".kmz")):
        yield from read_map(doc, run, stream, kmz=True)
        return
    if head[8:12] != b".FIT" and (b"<kml" in head or (name.endswith(".kml") and not head)):
        yield from read_map(doc, run, stream, kmz=False)
        return
    track = Track()
    fit = head[8:12] == b".FIT" or (name.endswith(".fit") and b"<" not in head[:64])
    (read_fit if fit else read_xml)(stream, track)
    activity = run.state(INDEX, ActivityIndex).lookup(doc.member.name)
    yield run.checked(doc.locator, run.group)
    yield from endpoint_findings(doc.locator, track, activity, run.group)
    if track.problem:
        note = track.problem + (
            f" ({track.points} points were read before it)" if track.points else ""
        )
        yield run.partly(doc.locator, note)


def _peek(stream: BinaryIO) -> bytes:
    """The first bytes of a stream without consuming them (b"" when it cannot tell)."""
    peek = getattr(stream, "peek", None)
    try:
        return bytes(peek(1024)[:1024]) if peek is not None else b""
    except (OSError, EOFError, ValueError, ReadProblem):
        return b""


def read_map(doc: Doc, run: ExportRun, stream: BinaryIO, *, kmz: bool) -> Iterator[Entry]:
    """A KML document, or a KMZ's: its paths' ends and its marked places."""
    from exposure.sources.exports.kml import KmlContent, kmz_documents, read_kml

    content = KmlContent()
    if kmz:
        for _name, inner in kmz_documents(stream, run.options.exports.nested_limit):
            read_kml(inner, content)
    else:
        read_kml(stream, content)
    yield run.checked(doc.locator, run.group)
    for line in content.lines:
        track = Track(name=line.name or content.title, points=line.points)
        track.first, track.last = line.first, line.last
        yield from endpoint_findings(doc.locator, track, None, run.group)
    yield from map_places(doc, run, content)
    notes = [content.problem] if content.problem else []
    if content.more_lines:
        notes.append(f"{content.more_lines:,} more paths than the {len(content.lines):,} read")
    if notes:
        yield run.partly(doc.locator, "; ".join(notes))


_HOME_WORDS = ("home", "house", "flat", "work", "office", "school", "mum", "mom", "dad",
               "parents", "zuhause", "maison", "casa", "kita", "gym")  # fmt: skip


def map_places(doc: Doc, run: ExportRun, content: KmlContent) -> Iterator[Entry]:
    """One finding for the places a map file marks (the named ones most telling first), its
    points for inference, and placemark descriptions for the text detectors."""
    from exposure.sources.exports.kml import place_detail

    places = content.places
    for place in places[:1000]:
        if place.description:
            yield from run.text(doc.locator, "map-description", place.description, run.group)
    if not places:
        return
    total = len(places) + content.more_places
    telling = sorted(
        places, key=lambda p: not any(w in p.name.lower() for w in _HOME_WORDS) if p.name else 2
    )
    names = ", ".join(dict.fromkeys(f"\u2018{p.name}\u2019" for p in telling if p.name))
    file_name = doc.member.name.rpartition("/")[2]
    count = f"{total:,}"
    finding = make_finding(
        MAP_KIND,
        content=f"map:{file_name}:{content.title}",
        value=doc.locator,  # not its places: with one removed, the map stays the same item
        title=Mn_(
            "A map file marks {count} place: {names}",
            "A map file marks {count} places: {names}",
            total,
            count=count,
            names=names[:120],
        )
        if names
        else Mn_(
            "A map file marks {count} place",
            "A map file marks {count} places",
            total,
            count=count,
        ),
        group=run.group,
        evidence=tuple(
            Evidence(
                doc.locator,
                place_detail(p),
                position=p.position,
                observed_at=p.when,
                place_name=p.name or None,
                field="Placemark",
            )
            for p in telling[:10]
        ),
    )
    yield finding
    for place in places:
        yield LocatedPoint(place.position, place.when, doc.locator, finding.id)


def endpoint_findings(
    locator: str, track: Track, activity: Activity | None, group: str
) -> Iterator[Entry]:
    """One finding per place where the track starts or ends, and the two points (only the
    start when the end is not known, as in an activity summary)."""
    if track.first is None:
        return
    label = (
        f"\u2018{activity.name}\u2019"
        if activity and activity.name
        else (f"\u2018{track.name}\u2019" if track.name else "this track")
    )
    started = (activity.started if activity else None) or track.first[1]
    label += f" {day(started)}" if started else ""
    ends = [("starts", track.first)]
    if track.last is not None:
        if _cell(track.first[0]) == _cell(track.last[0]):
            ends = [("starts and ends", track.first)]
        else:
            ends.append(("ends", track.last))
    points = f" ({track.points:,} points)" if track.points else ""
    for verb, (pos, moment) in ends:
        cell = _cell(pos)
        finding = make_finding(
            KIND,
            content=f"routes:{group}",
            value=cell,
            title=M_("Activity routes start or end here: {where}", where=cell.replace(",", ", ")),
            group=group,
            evidence=(
                Evidence(
                    locator,
                    f"{label}: {verb} here{points}",
                    position=pos,
                    observed_at=moment,
                ),
            ),
        )
        yield finding
        yield LocatedPoint(pos, moment, locator, finding.id, finding.kind)


def _cell(pos: Position) -> str:
    """The ~100 m grid cell of a position, as text."""
    return f"{pos.lat:.3f},{pos.lon:.3f}"


INDEX = "strava:index"
"""Where the run keeps the :class:`ActivityIndex`."""


class ActivityIndex(Aggregate):
    """Activity facts by file name (from Strava's ``activities.csv``), looked up per track."""

    def __init__(self) -> None:
        self.by_file: dict[str, Activity] = {}

    def add(self, filename: str, activity: Activity) -> None:
        """Record the activity stored in ``filename`` (a path like ``activities/1.gpx.gz``)."""
        if len(self.by_file) < 100_000:
            self.by_file[filename.strip().lower()] = activity

    def lookup(self, name: str) -> Activity | None:
        """The activity for a member name (matched on its last two path parts)."""
        tail = "/".join(name.lower().split("/")[-2:])
        return self.by_file.get(tail) or self.by_file.get(tail.rpartition("/")[2])

    def entries(self) -> Iterator[Entry]:
        return iter(())


HANDLERS: dict[str, Handler] = {"track": read_track}
