"""The inference as it was before the point store: one ``LocatedPoint`` object per point.

Kept only to prove the columnar code (``exposure.pointstore``, ``grid.cluster_points``,
``zones.route_ends``, ``collect``) gives the same result: these functions read lists of
objects and ``datetime`` values the way the code did before, and share everything that did
not change (the grid's growth, the freezing of a place, the later steps).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from exposure.detectors.photo_gps import SHOWN_FIELD
from exposure.inference import INFERENCE_STEPS
from exposure.inference.base import Inference
from exposure.inference.clock import HOUR_S, LocalClock
from exposure.inference.cluster import Cluster, Tally
from exposure.inference.collect import platform_label
from exposure.inference.grid import (
    _ROWS_PER_DEG,
    _SHIFT,
    _SKIP,
    MAX_ACCURACY_M,
    _Cells,
    _freeze,
    _grow,
)
from exposure.inference.places import to_places
from exposure.inference.steps import PlacesStep, PrivacyZoneStep, with_zones
from exposure.inference.zones import ROUTE_KIND, RouteEnd, find_zones
from exposure.model import Finding, LocatedPoint
from exposure.pointstore import PointStore


def cluster_points(points: Sequence[LocatedPoint]) -> tuple[Cluster, ...]:
    """The places of ``points``, read one object at a time (the former ``grid`` loop)."""
    cells = _Cells()
    keys = array("q")
    for point in points:
        pos = point.position
        if pos.accuracy_m is not None and pos.accuracy_m > MAX_ACCURACY_M:
            keys.append(_SKIP)
            continue
        row = math.floor(pos.lat * _ROWS_PER_DEG)
        key = row * _SHIFT + math.floor(pos.lon * cells.scale(row))
        keys.append(key)
        if key in cells.count:
            cells.count[key] += 1
            cells.lat[key] += pos.lat
            cells.lon[key] += pos.lon
        else:
            cells.count[key], cells.lat[key], cells.lon[key] = 1, pos.lat, pos.lon
    owner, members = _grow(cells)
    tallies = [Tally() for _ in members]
    idents: dict[tuple[str, str, str, str], int] = {}
    clock = LocalClock()
    for i, (point, key) in enumerate(zip(points, keys, strict=True)):
        index = owner.get(key)
        if index is None:
            continue
        tally = tallies[index]
        ident = (point.kind, point.locator, point.finding_id, point.label)
        code = idents.setdefault(ident, len(idents))
        tally.idents[code] = tally.idents.get(code, 0) + 1
        moment = point.observed_at
        if moment is None:
            continue
        seconds, estimated = clock.seconds(moment, point.position.lon)
        tally.hours.add(int(seconds // HOUR_S))
        tally.estimated += estimated
        if tally.first is None or seconds < tally.first[0]:
            tally.first = (seconds, i)
        if tally.last is None or seconds > tally.last[0]:
            tally.last = (seconds, i)
    table = list(idents)

    def moment(i: int) -> datetime | None:
        return points[i].observed_at

    return tuple(_freeze(t, cells, m, table, moment) for t, m in zip(tallies, members, strict=True))


def route_ends(points: Iterable[LocatedPoint]) -> list[RouteEnd]:
    """The former ``zones.route_ends``."""
    return [
        RouteEnd(p.position, p.locator, p.finding_id, p.observed_at)
        for p in points
        if p.kind == ROUTE_KIND
    ]


def infer(points: Sequence[LocatedPoint], groups: Mapping[str, str] | None = None) -> Inference:
    """The whole inference with the former places and privacy-zone steps."""
    assert INFERENCE_STEPS[:2] == (PlacesStep, PrivacyZoneStep)
    state = Inference(points=PointStore(), groups=groups or {}, clusters=cluster_points(points))
    state = with_zones(state, find_zones(route_ends(points)))
    for step in INFERENCE_STEPS[2:]:
        state = step().run(state)
    return replace(state, places=to_places(state.clusters))


def evidence_points(findings: Iterable[Finding]) -> list[LocatedPoint]:
    """The former ``collect.evidence_points``."""
    out: list[LocatedPoint] = []
    for finding in findings:
        label = platform_label(finding)
        out.extend(
            LocatedPoint(e.position, e.observed_at, e.locator, finding.id, finding.kind, label)
            for e in finding.evidence
            if e.position is not None and e.field != SHOWN_FIELD
        )
    return out


def join_points(
    evidence: list[LocatedPoint], kept: Sequence[LocatedPoint], findings: Mapping[str, Finding]
) -> list[LocatedPoint]:
    """The former ``collect.join_points``."""
    keys = {(p.finding_id, p.locator, p.position.lat, p.position.lon) for p in evidence}
    ids = {key[0] for key in keys}
    out = list(evidence)
    for point in kept:
        if point.finding_id in ids:
            pos = point.position
            if (point.finding_id, point.locator, pos.lat, pos.lon) in keys:
                continue
        if not point.kind:
            finding = findings.get(point.finding_id)
            point = replace(point, kind=finding.kind if finding else "")
        out.append(point)
    return out
