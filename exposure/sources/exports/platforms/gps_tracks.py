"""Lone GPS track files: GPX, FIT or TCX (also gzipped)."""

from exposure.sources.exports.platform import Platform

TRACK = r"\.(gpx|tcx|fit)(\.gz)?$"
"""A track file's name, in any export or alone."""

PLATFORM = Platform(
    name="gps-tracks",
    title="Lone GPS track files: GPX, FIT or TCX (also gzipped).",
    description="a GPX, FIT or TCX track file",
    group="GPS track files",
    kinds=("route-endpoint",),
    parsers=("exposure.sources.exports.tracks",),
    files=((TRACK, "track"),),
    lone_files=TRACK,
)
