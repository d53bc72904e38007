"""Lone GPS track and map files: GPX, FIT, TCX, KML or KMZ (also gzipped)."""

from exposure.sources.exports.platform import Platform

TRACK = r"\.(gpx|tcx|fit|kml|kmz)(\.gz)?$"
"""A track file's name, in any export or alone."""

PLATFORM = Platform(
    name="gps-tracks",
    title="Lone GPS track and map files: GPX, FIT, TCX, KML or KMZ (also gzipped).",
    description="a GPX, FIT, TCX, KML or KMZ track or map file",
    group="Route and map files",
    translated_group=True,
    kinds=("route-endpoint", "map-places"),
    parsers=("exposure.sources.exports.tracks",),
    files=((TRACK, "track"),),
    lone_files=TRACK,
)
