"""The offline map: bundled outlines, framing, close-ups, rounding in the shareable copy."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser

from exposure.geo import Position
from exposure.model import LocatedPoint
from exposure.report import redact, render_html
from exposure.report.worldmap import (
    LOCAL_SPAN_M,
    REDACTED_SPAN_M,
    WORLD_FILE,
    build_map,
    world_paths,
)

from .factories import make_report, mapped_report


def test_outlines_are_bundled_and_small() -> None:
    assert WORLD_FILE.is_file()
    assert 20_000 < WORLD_FILE.stat().st_size < 120_000
    land, borders = world_paths()
    assert land.startswith("M") and land.count("z") > 100  # the land rings, closed
    assert borders.startswith("M")
    # tenths of a degree: every absolute move stays on Earth
    for x, y in re.findall(r"M(-?\d+) (-?\d+)", land):
        assert -1800 <= int(x) <= 1800 and -900 <= int(y) <= 900


def test_no_located_trace_no_map() -> None:
    assert build_map(make_report()) is None
    assert 'id="map"' not in render_html(make_report())


def numbers(text: str) -> list[float]:
    return [float(v) for v in text.split()]


def test_overview_frames_the_traces_and_close_ups_follow_the_places() -> None:
    view = build_map(mapped_report())
    assert view is not None
    left, top, width, height = numbers(view.overview.view_box)
    assert height >= 60  # at least 6 degrees: a region, not a street
    assert 1.5 <= width / height <= 2.3
    k = float(view.overview.land_transform.removeprefix("scale(").split()[0])
    assert abs(k - 0.609) < 0.01  # cos(52.5 degrees)
    for dot in view.overview.dots:
        assert left <= float(dot.x) <= left + width and top <= float(dot.y) <= top + height
    # home and work are 3 km apart: at this scale they share one ring, leading to the area view
    (mark,) = view.overview.places
    assert mark.href == "#map-area" and mark.number == "2"
    area, home, work = view.local
    assert area.dom_id == "map-area" and [r.number for r in area.rings] == ["1", "2"]
    assert home.title == "1. Likely home" and work.title == "2. Likely work or school"
    assert numbers(home.view_box)[2] == LOCAL_SPAN_M
    assert home.rings[0].x == "0" and home.rings[0].y == "0" and home.rings[0].r == "40"
    assert len(home.dots) >= 5 and "20 traces in this square, 600 m across" in home.note
    assert home.scale.label == "200 m"
    assert "3" in area.scale.label or "1 km" in area.scale.label


def test_places_far_apart_get_their_own_rings() -> None:
    report = mapped_report()
    far = replace(report.places[1], centre=Position(48.85, 2.35))  # work in Paris
    view = build_map(replace(report, places=(report.places[0], far)))
    assert view is not None
    assert [m.href for m in view.overview.places] == ["#map-place-1", "#map-place-2"]


def test_many_points_share_dots() -> None:
    report = mapped_report()
    points = tuple(
        LocatedPoint(Position(52.52 + (n % 100) * 1e-5, 13.4), None, "x", "f")
        for n in range(20_000)
    )
    view = build_map(replace(report, points=points))
    assert view is not None
    assert len(view.overview.dots) < 10  # 20,000 traces in 100 m: a dot or two on a region map


def test_shareable_copy_has_only_rounded_positions() -> None:
    shared = redact(mapped_report())
    view = build_map(shared)
    assert view is not None
    # drawn from the rounded points only: the same map as from points rounded by hand
    report = mapped_report()
    by_hand = replace(
        report,
        points=tuple(replace(p, position=p.position.rounded(2)) for p in report.points),
        places=tuple(replace(p, centre=p.centre.rounded(2)) for p in report.places),
        redacted=True,
    )
    assert view == build_map(by_hand)
    home = view.local[1]
    metres_per_step = 0.01 * 111_320 * math.cos(math.radians(52.52))
    for dot in home.dots:  # every dot of a close-up sits on the 0.01-degree grid
        steps = float(dot.x) / metres_per_step
        assert abs(steps - round(steps)) < 0.01
    for close_up in view.local:
        assert numbers(close_up.view_box)[2] >= REDACTED_SPAN_M
        assert "rounded to about 1 km" in close_up.note
    html = render_html(shared)
    assert "52.5201" not in html and "13.4051" not in html  # no unrounded position leaks


def test_map_in_the_page_is_inline_and_offline() -> None:
    html = render_html(mapped_report())
    doc = LexborHTMLParser(html)
    section = doc.css_first("#map")
    assert section is not None
    uses = [u.attributes.get("href") for u in section.css("use")]
    assert uses == ["#map-land", "#map-borders"]
    assert doc.css_first("path#map-land") is not None
    for node in section.css("[href]"):
        assert (node.attributes.get("href") or "").startswith("#")
    assert html.count(world_paths()[0]) == 1  # the outlines once, however many maps
    overview = section.css_first("svg.map-overview")
    assert overview.attributes.get("role") == "img"
    assert "located trace" in (section.css_first("title").text() or "")
    assert len(section.css("figure.map-local")) == 3
