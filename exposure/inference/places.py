"""The final :class:`~exposure.model.Place` records, made from the clusters."""

from __future__ import annotations

import hashlib

from exposure.geo import Position
from exposure.i18n.message import english, joined
from exposure.inference.cluster import Cluster
from exposure.inference.sources import counted
from exposure.model import Place, PlaceRole

MAX_PLACES = 100
"""Places reported: every home, work and regular place, then the busiest others."""
_LABELS = {
    PlaceRole.HOME: "Likely home",
    PlaceRole.WORK: "Likely work or school",
    PlaceRole.REGULAR: "Regular place",
    PlaceRole.VISITED: "Visited place",
    PlaceRole.UNKNOWN: "Place",
}


def place_order(cluster: Cluster) -> tuple[int, int, int, float, float]:
    """Home, work, regular places (most days first), then the rest by size."""
    return (
        cluster.role.rank,
        -len(cluster.days),
        -cluster.points,
        cluster.centre.lat,
        cluster.centre.lon,
    )


def place_id(centre: Position) -> str:
    """``p-`` and 12 hex digits from the centre rounded to about 10 m: stable across runs
    over the same evidence."""
    text = f"{centre.lat:.4f},{centre.lon:.4f}"
    return "p-" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def to_places(clusters: tuple[Cluster, ...]) -> tuple[Place, ...]:
    """At most :data:`MAX_PLACES` places, in :func:`place_order`, labelled for people."""
    ranked = sorted(clusters, key=place_order)[:MAX_PLACES]
    numbers: dict[PlaceRole, int] = {}
    ids: set[str] = set()
    out = []
    for cluster in ranked:
        role = cluster.role
        numbers[role] = numbers.get(role, 0) + 1
        label = _LABELS[role]
        if role in (PlaceRole.REGULAR, PlaceRole.VISITED, PlaceRole.UNKNOWN):
            label = f"{label} {numbers[role]}"
        parts = [p for p in (cluster.reason, *cluster.extra) if p]
        reason = " ".join(english(p) for p in parts)
        ident = place_id(cluster.centre)
        while ident in ids:  # two centres within 10 m of one another: rare, kept apart
            ident += "x"
        ids.add(ident)
        out.append(
            Place(
                id=ident,
                label=label,
                centre=cluster.centre,
                radius_m=cluster.radius_m,
                points=cluster.points,
                first_seen=cluster.first,
                last_seen=cluster.last,
                finding_ids=cluster.finding_ids,
                role=role,
                confidence=cluster.confidence,
                reason=reason,
                reason_message=joined(parts),
                sources=tuple(counted(cluster.kinds, cluster.item_counts)),
                near=cluster.near,
            )
        )
    return tuple(out)
