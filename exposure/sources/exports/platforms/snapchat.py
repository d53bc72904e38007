"""Snapchat's "My Data" export (``location_history.json``)."""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="snapchat",
    title='Snapchat\'s "My Data" export (``location_history.json``).',
    description="a Snapchat 'My Data' export",
    group="Snapchat",
    kinds=("snapchat-home-work", "snapchat-location-history"),
    parsers=("exposure.sources.exports.snapchat",),
    markers=(r"(^|/)(json/)?(location_history|memories_history|snap_history)\.json$",),
    rank=60,
    shapes=(
        (
            (
                "Home & Work",
                "Location History",
                "Frequent Locations",
                "Daily Top Locations",
                "Saved Media",
            ),
            "snapchat-location",
        ),
    ),
)
