"""The findings the inference makes: a privacy zone undone, a routine that shows."""

from __future__ import annotations

from collections.abc import Mapping

from exposure.detectors.base import make_finding
from exposure.geo import distance_m
from exposure.i18n.message import M_
from exposure.inference.cluster import Cluster
from exposure.inference.zones import Zone
from exposure.model import Evidence, Finding

ZONE_KIND = "route-privacy-zone"
PATTERN_KIND = "time-pattern"
ROUTES_GROUP = "Activity routes"
ROUTINE_GROUP = "Your routine, seen across your data"
MAX_ENDS_SHOWN = 30


def zone_finding(zone: Zone, groups: Mapping[str, str]) -> Finding:
    """A high finding: the estimated centre, radius, routes, and each route end on it."""
    centre = zone.centre
    radius = int(round(zone.radius_m, -1))
    routes = zone.routes
    evidence = [
        Evidence(
            zone.ends[0].locator,
            f"Estimated hidden centre {centre.as_text(5)}: {len(zone.ends)} ends of {routes} "
            f"routes lie on a circle of about {radius} m around it (within "
            f"{zone.rms_m:.0f} m on average)",
            position=centre,
            field="circle fit",
        )
    ]
    evidence.extend(
        Evidence(
            end.locator,
            f"route end {distance_m(centre, end.position):.0f} m from the estimated centre",
            position=end.position,
            observed_at=end.observed_at,
        )
        for end in zone.ends[:MAX_ENDS_SHOWN]
    )
    return make_finding(
        ZONE_KIND,
        content="routes:privacy-zone",
        value=f"{centre.lat:.3f},{centre.lon:.3f}",
        title=M_(
            "{routes} routes start or end on a circle of about {radius} m: its hidden centre "
            "can be worked out ({where})",
            routes=routes,
            radius=radius,
            where=centre.as_text(4),
        ),
        group=groups.get(zone.ends[0].finding_id, ROUTES_GROUP),
        evidence=evidence,
    )


def pattern_finding(work: Cluster, hours: tuple[int, int, int], home: Cluster | None) -> Finding:
    """A medium finding: the weekday hours the person is usually away from home."""
    start, end, days = hours
    begins, ends = f"{start:02d}:00", f"{end:02d}:00"
    span = f"weekdays, about {start:02d}:00 to {end:02d}:00"
    where = work.examples[0] if work.examples else "several sources"
    evidence = [
        Evidence(
            where,
            f"At the likely work or school place in every hour from {start:02d}:00 to "
            f"{end:02d}:00 on at least half of {days} weekdays",
            position=work.centre,
            field="time pattern",
        )
    ]
    if home is not None:
        evidence.append(
            Evidence(
                home.examples[0] if home.examples else where,
                "The likely home, which is then usually empty",
                position=home.centre,
                field="time pattern",
            )
        )
    return make_finding(
        PATTERN_KIND,
        content="routine",
        value=span,
        title=M_(
            "Your traces show when you are usually away from home: weekdays, about {start} to "
            "{end}",
            start=begins,
            end=ends,
        ),
        group=ROUTINE_GROUP,
        evidence=evidence,
    )
