"""The report's offline map: located points and inferred places as inline SVG.

No tiles, no network, no script: the outlines are Natural Earth's 1:110m land and country
borders (public domain), bundled as SVG path text in ``world-110m.txt`` (made once by
``tools/make_world.py``, ~37 KB), defined once in the page and reused by each map.

* The overview frames every located point and inferred place over the land outlines, in
  an equirectangular projection corrected for the latitude in view (so a country keeps its
  shape), at least a few hundred kilometres across, so it shows where, not which street.
* A local view per inferred place (home, work and regular places first, at most
  :data:`MAX_LOCAL`) is a few hundred metres across, in metres: its points, the place's
  circle, a grid and a scale bar.  No street data: the point is how close the evidence
  sits, not the way there.
* A shareable copy has only rounded positions (the redaction rounds points and places to
  about 1 km); its local views are at least :data:`REDACTED_SPAN_M` across and say so.

Everything is computed here; the template only writes the numbers out
(``templates/_map.html``).
"""

from __future__ import annotations

import bisect
import gettext
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from exposure.geo import Position
from exposure.i18n import N_
from exposure.model import Place, PlaceRole, Report
from exposure.pointstore import positions_of
from exposure.report.base import has_real_position
from exposure.report.wording import ENGLISH, number, separators

WORLD_FILE = Path(__file__).with_name("world-110m.txt")
MAX_DOTS = 3000
"""Dots drawn at most per map (nearby points share a dot)."""
MAX_LOCAL = 6
"""Local views at most (most telling places first)."""
MIN_SPAN_DEG = 6.0
"""The overview shows at least this many degrees of latitude (~670 km)."""
LOCAL_SPAN_M = 600.0
"""A local view is at least this many metres across."""
REDACTED_SPAN_M = 4000.0
"""...and at least this many in a shareable copy (its positions are rounded to ~1 km)."""
_M_PER_DEG_LAT = 110_574.0
_M_PER_DEG_LON = 111_320.0
ROLE_WORDS = {
    PlaceRole.HOME: N_("Likely home"),
    PlaceRole.WORK: N_("Likely work or school"),
    PlaceRole.REGULAR: N_("A place visited often"),
    PlaceRole.VISITED: N_("A place visited once or twice"),
    PlaceRole.UNKNOWN: N_("A place"),
}


@dataclass(frozen=True, slots=True)
class Dot:
    """One drawn point (coordinates in the map's own units, as text)."""

    x: str
    """Horizontal position in the map's units."""
    y: str
    """Vertical position in the map's units."""


@dataclass(frozen=True, slots=True)
class PlaceMark:
    """An inferred place on the overview: a ring and its number."""

    x: str
    """Horizontal position of its centre."""
    y: str
    """Vertical position of its centre."""
    r: str
    """Ring radius in map units."""
    size: str
    """Font size of its number, in map units."""
    number: str
    """``1``, ``2``...: the number of its close-up (on an overview where the places
    overlap, one ring for all, with their count)."""
    role: str
    """``home``, ``work``... (CSS class); ``together`` for the one ring of overlapping
    places."""
    href: str
    """``#map-place-1``: its local view."""
    label_x: str
    """Where its number is written (on the ring, up and to the right, in close-ups)."""
    label_y: str
    """Likewise, vertically."""


@dataclass(frozen=True, slots=True)
class ScaleBar:
    """A scale bar: a line of a round length with its label."""

    x1: str
    """Left end."""
    x2: str
    """Right end."""
    y: str
    """Height of the line."""
    label: str
    """``200 m``."""
    label_x: str
    """Where the label starts."""
    label_y: str
    """The label's baseline."""
    size: str
    """The label's font size."""


@dataclass(frozen=True, slots=True)
class OverviewMap:
    """Every located point and place over the land outlines."""

    view_box: str
    """The SVG ``viewBox``: the part of the world shown."""
    land_transform: str
    """``scale(0.61 1)``: the latitude correction applied to the outlines."""
    dot_r: str
    """Radius of a dot."""
    dots: tuple[Dot, ...]
    """Located traces (nearby ones share a dot)."""
    places: tuple[PlaceMark, ...]
    """Inferred places, numbered like their close-ups."""
    description: str
    """What the map shows, in words (its accessible name)."""


@dataclass(frozen=True, slots=True)
class GridLine:
    """One line of a close-up's grid (one per scale-bar length)."""

    x1: str
    """Start, horizontal."""
    y1: str
    """Start, vertical."""
    x2: str
    """End, horizontal."""
    y2: str
    """End, vertical."""


@dataclass(frozen=True, slots=True)
class LocalMap:
    """A zoomed view around one inferred place, in metres."""

    dom_id: str
    """``map-place-1``: target of the overview's numbered rings."""
    title: str
    """``1. Likely home, near Lyon``."""
    view_box: str
    """The SVG ``viewBox``, in metres around the place's centre."""
    dot_r: str
    """Radius of a dot, in metres."""
    dots: tuple[Dot, ...]
    """Located traces near the place (nearby ones share a dot)."""
    rings: tuple[PlaceMark, ...]
    """The numbered places in view (a close-up's own place is at 0, 0)."""
    grid: tuple[GridLine, ...]
    """Grid lines, one scale-bar length apart."""
    scale: ScaleBar
    """The scale bar."""
    note: str
    """``12 points within 60 m.`` or, in a shareable copy, that positions are rounded."""


@dataclass(frozen=True, slots=True)
class MapView:
    """Everything the map section draws."""

    land: str
    """The land outline (SVG path data, tenths of a degree), defined once in the page."""
    borders: str
    """Borders between countries, likewise."""
    overview: OverviewMap
    """The map of everything."""
    local: tuple[LocalMap, ...]
    """The places together (when two or more), then one close-up per inferred place (most
    telling first)."""
    redacted: bool
    """True in a shareable copy (rounded positions)."""


class _Traces:
    """Located traces sorted by latitude, so a close-up reads only its own band."""

    def __init__(self, positions: Iterable[Position]) -> None:
        pairs = sorted((p.lat, p.lon) for p in positions)
        self.lats: list[float] = [pair[0] for pair in pairs]
        self.lons: list[float] = [pair[1] for pair in pairs]
        self.lon_range = [min(self.lons), max(self.lons)] if self.lons else []

    def band(self, south: float, north: float) -> Iterator[tuple[float, float]]:
        """The traces between two latitudes."""
        start = bisect.bisect_left(self.lats, south)
        end = bisect.bisect_right(self.lats, north)
        return zip(self.lats[start:end], self.lons[start:end], strict=True)


@lru_cache(maxsize=1)
def world_paths() -> tuple[str, str]:
    """``(land, borders)`` path data from the bundled file."""
    parts = {}
    for line in WORLD_FILE.read_text(encoding="ascii").splitlines():
        name, _, data = line.partition(" ")
        parts[name] = data
    return parts["land"], parts["borders"]


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def build_map(report: Report, t: gettext.NullTranslations = ENGLISH) -> MapView | None:
    """The map of ``report``'s located points and places; None when nothing is located."""
    positions = _Traces(p for p in positions_of(report.points) if has_real_position(p))
    places = sorted(
        (p for p in report.places if has_real_position(p.centre)),
        key=lambda p: (p.role.rank, -p.points, p.id),
    )
    if not positions.lats and not places:
        return None
    land, borders = world_paths()
    numbered = places[:MAX_LOCAL]
    return MapView(
        land=land,
        borders=borders,
        overview=_overview(positions, numbered, t),
        local=((_area(numbered, positions, report.redacted, t),) if len(numbered) > 1 else ())
        + tuple(
            _local(n, place, numbered, positions, report.redacted, t)
            for n, place in enumerate(numbered, 1)
        ),
        redacted=report.redacted,
    )


def _overview(positions: _Traces, places: list[Place], t: gettext.NullTranslations) -> OverviewMap:
    lats = positions.lats[:1] + positions.lats[-1:] + [p.centre.lat for p in places]
    lons = positions.lon_range + [p.centre.lon for p in places]
    south, north = min(lats), max(lats)
    west, east = min(lons), max(lons)
    mid_lat = (south + north) / 2
    k = max(math.cos(math.radians(mid_lat)), 0.2)
    span_lat = max((north - south) * 1.3, MIN_SPAN_DEG)
    span_lon = max((east - west) * 1.3, span_lat * 1.6 / k)  # landscape, at least
    span_lat = max(span_lat, span_lon * k / 2.2)  # not wider than ~2.2 : 1
    centre_lat = max(min(mid_lat, 90 - span_lat / 2), -90 + span_lat / 2)
    centre_lon = (west + east) / 2
    # map units: x = lon * 10 * k, y = -lat * 10
    width, height = span_lon * 10 * k, span_lat * 10
    left, top = centre_lon * 10 * k - width / 2, -centre_lat * 10 - height / 2
    dot_r = height / 160
    cells: dict[tuple[int, int], Dot] = {}
    for lat, lon in zip(positions.lats, positions.lons, strict=True):
        x, y = lon * 10 * k, -lat * 10
        cell = (int(x // dot_r), int(y // dot_r))
        if cell not in cells and len(cells) < MAX_DOTS:
            cells[cell] = Dot(_num(x), _num(y))
    xs = [place.centre.lon * 10 * k for place in places]
    ys = [-place.centre.lat * 10 for place in places]
    ring = dot_r * 3
    if len(places) > 1 and max(max(xs) - min(xs), max(ys) - min(ys)) < ring * 2:
        # the places overlap at this scale: one ring, leading to the view of them together
        spots = [
            (
                (min(xs) + max(xs)) / 2,
                (min(ys) + max(ys)) / 2,
                str(len(places)),
                "together",
                "#map-area",
            )
        ]
    else:
        spots = [
            (x, y, str(n), place.role.value, f"#map-place-{n}")
            for n, (place, x, y) in enumerate(zip(places, xs, ys, strict=True), 1)
        ]
    marks = tuple(
        PlaceMark(
            x=_num(x),
            y=_num(y),
            r=_num(ring),
            size=_num(dot_r * 3.2),
            number=number,
            role=role,
            href=href,
            label_x=_num(x),
            label_y=_num(y),
        )
        for x, y, number, role, href in spots
    )
    traces = t.ngettext("{count} located trace", "{count} located traces", len(positions.lats))
    traces = traces.format(count=number(len(positions.lats), t))
    if places:
        found = t.ngettext(
            "{count} place a stranger could work out",
            "{count} places a stranger could work out",
            len(places),
        ).format(count=len(places))
        described = t.gettext("A map of {traces} and {places}, over country outlines.").format(
            traces=traces, places=found
        )
    else:
        described = t.gettext("A map of {traces}, over country outlines.").format(traces=traces)
    return OverviewMap(
        view_box=f"{_num(left)} {_num(top)} {_num(width)} {_num(height)}",
        land_transform=f"scale({_num_k(k)} 1)",
        dot_r=_num(dot_r),
        dots=tuple(cells.values()),
        places=marks,
        description=described,
    )


def _num_k(k: float) -> str:
    return f"{k:.4f}".rstrip("0").rstrip(".")


_NICE = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000)


def _local(
    n: int,
    place: Place,
    places: list[Place],
    positions: _Traces,
    redacted: bool,
    t: gettext.NullTranslations,
) -> LocalMap:
    span = max(place.radius_m * 6, REDACTED_SPAN_M if redacted else LOCAL_SPAN_M)
    title = t.gettext(ROLE_WORDS.get(place.role, ROLE_WORDS[PlaceRole.UNKNOWN]))
    if place.near is not None:
        title = t.gettext("{place}, near {town}").format(place=title, town=place.near.town)
    return _zoom(
        f"map-place-{n}",
        f"{n}. {title}",
        place.centre,
        span,
        places,
        positions,
        redacted,
        t.gettext("the circle marks the place")
        if redacted
        else t.gettext("the circle shows the place ({metres} m around its middle)").format(
            metres=number(round(place.radius_m), t)
        ),
        t,
    )


def _area(
    places: list[Place], positions: _Traces, redacted: bool, t: gettext.NullTranslations
) -> LocalMap:
    """All the places together, when there are two or more (they overlap on the overview)."""
    lats = [p.centre.lat for p in places]
    lons = [p.centre.lon for p in places]
    centre = Position((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    k = max(math.cos(math.radians(centre.lat)), 0.01)
    extent = max(
        (max(lats) - min(lats)) * _M_PER_DEG_LAT, (max(lons) - min(lons)) * k * _M_PER_DEG_LON
    )
    span = max(extent * 1.3, 3 * REDACTED_SPAN_M if redacted else 2000.0)
    return _zoom(
        "map-area",
        t.gettext("The places together"),
        centre,
        span,
        places,
        positions,
        redacted,
        t.gettext("the numbered circles are the places above"),
        t,
    )


def _zoom(
    dom_id: str,
    title: str,
    centre: Position,
    span: float,
    places: list[Place],
    positions: _Traces,
    redacted: bool,
    circles: str,
    t: gettext.NullTranslations,
) -> LocalMap:
    """A square ``span`` metres across around ``centre``: traces, numbered places, grid."""
    k = max(math.cos(math.radians(centre.lat)), 0.01)
    half = span / 2
    dot_r = span / 120

    def local(position: Position) -> tuple[float, float]:
        return (
            (position.lon - centre.lon) * k * _M_PER_DEG_LON,
            -(position.lat - centre.lat) * _M_PER_DEG_LAT,
        )

    cells: dict[tuple[int, int], Dot] = {}
    inside = 0
    band = half / _M_PER_DEG_LAT
    lon_scale = k * _M_PER_DEG_LON
    for lat, lon in positions.band(centre.lat - band, centre.lat + band):
        x, y = (lon - centre.lon) * lon_scale, -(lat - centre.lat) * _M_PER_DEG_LAT
        if abs(x) > half or abs(y) > half:
            continue
        inside += 1
        cell = (int(x // dot_r), int(y // dot_r))
        if cell not in cells and len(cells) < MAX_DOTS:
            cells[cell] = Dot(_num(x), _num(y))
    rings = []
    for n, place in enumerate(places, 1):
        x, y = local(place.centre)
        r = max(place.radius_m, dot_r * 2.5)
        if abs(x) - r > half or abs(y) - r > half:
            continue
        rings.append(
            PlaceMark(
                x=_num(x),
                y=_num(y),
                r=_num(r),
                size=_num(span / 18),
                number=str(n),
                role=place.role.value,
                href=f"#map-place-{n}",
                label_x=_num(x + r * 0.75 + span / 60),
                label_y=_num(y - r * 0.75 - span / 60),
            )
        )
    step = next((n for n in _NICE if n >= span / 5), _NICE[-1])
    lines = []
    value = math.ceil(-half / step) * step
    while value <= half:
        lines.append(GridLine(_num(value), _num(-half), _num(value), _num(half)))
        lines.append(GridLine(_num(-half), _num(value), _num(half), _num(value)))
        value += step
    bar_y = half - span / 14
    bar_x1 = -half + span / 20
    scale = ScaleBar(
        x1=_num(bar_x1),
        x2=_num(bar_x1 + step),
        y=_num(bar_y),
        label=f"{step / 1000:g} km" if step >= 1000 else f"{step} m",
        label_x=_num(bar_x1),
        label_y=_num(bar_y - span / 40),
        size=_num(span / 16),
    )
    across = f"{span / 1000:,.1f} km" if span >= 1000 else f"{span:,.0f} m"
    across = separators(across, t)
    note = t.ngettext(
        "{count} trace in this square, {across} across; {circles}.",
        "{count} traces in this square, {across} across; {circles}.",
        inside,
    ).format(count=number(inside, t), across=across, circles=circles)
    if redacted:
        note += " " + t.gettext(
            "Positions in this copy are rounded to about 1 km: traces that were apart are "
            "drawn together."
        )
    return LocalMap(
        dom_id=dom_id,
        title=title,
        view_box=f"{_num(-half)} {_num(-half)} {_num(span)} {_num(span)}",
        dot_r=_num(dot_r),
        dots=tuple(cells.values()),
        rings=tuple(rings),
        grid=tuple(lines),
        scale=scale,
        note=note,
    )
