"""Garmin Connect's "Export Your Data" zip: activity summaries and the original FIT files."""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="garmin",
    title='Garmin Connect\'s "Export Your Data" zip: activity summaries and the original FIT files.',
    description="a Garmin Connect data export (DI_CONNECT: activity summaries and FIT files)",
    group="Garmin Connect",
    kinds=("route-endpoint",),
    parsers=("exposure.sources.exports.garmin", "exposure.sources.exports.tracks"),
    markers=(r"(^|/)di_connect/", r"(^|/)[^/]*_summarizedactivities\.json$"),
    rank=50,
    files=((r"(^|/)[^/]*summarizedactivities\.json$", "garmin-activities"),),
)
