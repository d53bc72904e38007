"""A Foursquare / Swarm check-in export."""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="swarm",
    title="A Foursquare / Swarm check-in export.",
    description="a Foursquare / Swarm check-in export",
    group="Foursquare / Swarm",
    kinds=("swarm-checkin",),
    parsers=("exposure.sources.exports.swarm",),
    markers=(r"(^|/)checkins\d*\.json$",),
    rank=70,
    shapes=(
        (
            ("venue", "items.item.venue", "checkins.items.item.venue", "item.venue"),
            "swarm-checkins",
        ),
    ),
)
