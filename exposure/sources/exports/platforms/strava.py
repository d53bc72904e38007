"""A Strava bulk export: ``activities.csv`` and the original activity files."""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="strava",
    title="A Strava bulk export: ``activities.csv`` and the original activity files.",
    description="a Strava bulk export (activities.csv with GPX/FIT/TCX files)",
    group="Strava",
    kinds=("route-endpoint",),
    parsers=("exposure.sources.exports.strava", "exposure.sources.exports.tracks"),
    markers=(r"(^|/)activities\.csv$",),
    rank=40,
    files=((r"(^|/)activities\.csv$", "strava-csv"),),
    read_first=("strava-csv",),
)
