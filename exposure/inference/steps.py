"""The built-in inference steps (registered in ``INFERENCE_STEPS``, run in that order)."""

from __future__ import annotations

from dataclasses import replace

from exposure.geo import Position, distance_m
from exposure.i18n.message import M_
from exposure.inference.base import Inference, InferenceStep
from exposure.inference.cluster import Cluster, merge
from exposure.inference.collect import LABEL_KINDS
from exposure.inference.findings import PATTERN_KIND, ZONE_KIND, pattern_finding, zone_finding
from exposure.inference.grid import RADIUS_M, cluster_points
from exposure.inference.pattern import away_hours
from exposure.inference.places import MAX_PLACES, place_order
from exposure.inference.roles import assign_roles
from exposure.inference.zones import ROUTE_KIND, Zone, find_zones, route_ends
from exposure.model import PlaceRole

JOIN_M = 250.0
"""A platform's label joins the nearest place within this distance (labels are a platform's
own rounded guess: Snapchat's come with an accuracy of tens of metres)."""


class PlacesStep(InferenceStep):
    """Clusters every located point into places of tens of metres (grid + haversine)."""

    name = "places"

    def run(self, state: Inference) -> Inference:
        return replace(state, clusters=cluster_points(state.points).clusters)


class PrivacyZoneStep(InferenceStep):
    """Finds routes whose ends ring a hidden centre (a fitness app's privacy zone), reports
    the estimated centre, and moves those route ends to it."""

    name = "privacy-zone"
    kinds = (ZONE_KIND,)

    def run(self, state: Inference) -> Inference:
        return with_zones(state, find_zones(route_ends(state.points)))


def with_zones(state: Inference, zones: list[Zone]) -> Inference:
    """``state`` with a finding per privacy zone and the route ends on each ring gathered
    into one place at its centre."""
    if not zones:
        return state
    clusters = state.clusters
    findings = list(state.findings)
    for zone in zones:
        finding = zone_finding(zone, state.groups)
        findings.append(finding)
        clusters = _gather_ring(clusters, zone, finding.id)
    return replace(state, clusters=clusters, findings=tuple(findings))


def _gather_ring(clusters: tuple[Cluster, ...], zone: Zone, finding_id: str) -> tuple[Cluster, ...]:
    """The route-end clusters on the ring, moved into one place at its centre (joining a
    place already there)."""
    band = max(RADIUS_M, 0.35 * zone.radius_m)
    ring = [
        c
        for c in clusters
        if c.kind_names == {ROUTE_KIND}
        and abs(distance_m(c.centre, zone.centre) - zone.radius_m) <= band
    ]
    rest = [c for c in clusters if not any(c is r for r in ring)]
    near = [
        c for c in rest if distance_m(c.centre, zone.centre) <= max(RADIUS_M, zone.radius_m / 4)
    ]
    host = min(near, key=lambda c: distance_m(c.centre, zone.centre)) if near else None
    parts = ([host] if host else []) + ring
    sentence = M_(
        "{routes} routes start or end on a circle of about {radius} m around it: a privacy "
        "zone's hidden centre.",
        routes=zone.routes,
        radius=int(round(zone.radius_m, -1)),
    )
    if parts:
        centre = host.centre if host else zone.centre
        joined = merge(parts, centre, host.radius_m if host else RADIUS_M / 2)
    else:
        joined = Cluster(centre=zone.centre, radius_m=RADIUS_M / 2, points=0)
    joined = replace(
        joined,
        zone_routes=zone.routes,
        extra=(*joined.extra, sentence),
        finding_ids=tuple(sorted({*joined.finding_ids, finding_id})),
    )
    out = [joined if c is host else c for c in rest]
    if host is None:
        out.insert(0, joined)
    return tuple(out)


class PlatformLabelStep(InferenceStep):
    """Joins a place a platform labelled home or work (Google, Snapchat) to the place the
    rest of the evidence shows there, when it is within :data:`JOIN_M`."""

    name = "platform-labels"

    def run(self, state: Inference) -> Inference:
        clusters = list(state.clusters)
        for label in [c for c in clusters if c.kind_names and c.kind_names <= LABEL_KINDS]:
            others = [c for c in clusters if c is not label and not c.kind_names <= LABEL_KINDS]
            close = [c for c in others if distance_m(c.centre, label.centre) <= JOIN_M]
            if not close:
                continue
            host = min(close, key=lambda c: (distance_m(c.centre, label.centre), -c.points))
            joined = merge([host, label], host.centre, host.radius_m)
            clusters = [joined if c is host else c for c in clusters if c is not label]
        return replace(state, clusters=tuple(clusters))


class RolesStep(InferenceStep):
    """Says which place is home, work, regular or a one-off visit, with a reason."""

    name = "roles"

    def run(self, state: Inference) -> Inference:
        return replace(state, clusters=assign_roles(state.clusters))


class TimePatternStep(InferenceStep):
    """Reports the weekday hours a person is reliably at work, so away from home."""

    name = "time-pattern"
    kinds = (PATTERN_KIND,)

    def run(self, state: Inference) -> Inference:
        work = next((c for c in state.clusters if c.role is PlaceRole.WORK), None)
        hours = away_hours(work) if work is not None else None
        if work is None or hours is None:
            return state
        home = next((c for c in state.clusters if c.role is PlaceRole.HOME), None)
        finding = pattern_finding(work, hours, home)
        clusters = tuple(
            replace(c, finding_ids=tuple(sorted({*c.finding_ids, finding.id})))
            if c is work or c is home
            else c
            for c in state.clusters
        )
        return replace(state, clusters=clusters, findings=(*state.findings, finding))


class NamesStep(InferenceStep):
    """Names the nearest town of each reported place, from a bundled offline table."""

    name = "names"

    def run(self, state: Inference) -> Inference:
        if not state.clusters:
            return state
        from exposure.inference.names import gazetteer

        towns = gazetteer()
        shown = {id(c) for c in sorted(state.clusters, key=place_order)[:MAX_PLACES]}
        return replace(
            state,
            clusters=tuple(
                replace(c, near=towns.near(Position(c.centre.lat, c.centre.lon)))
                if id(c) in shown
                else c
                for c in state.clusters
            ),
        )
