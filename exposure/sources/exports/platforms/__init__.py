"""The export platforms exposure reads: one declaration per platform (see
:class:`~exposure.sources.exports.platform.Platform` and CONTRIBUTING.md).

:data:`PLATFORMS` is the explicit registry (no package walking), in the order exposure names
them (help and messages); recognition follows each platform's ``rank``.  Everything else
about exports is built from these declarations.
"""

from __future__ import annotations

from exposure.sources.exports.platform import Platform
from exposure.sources.exports.platforms import (
    facebook,
    garmin,
    google_takeout,
    gps_tracks,
    instagram,
    snapchat,
    strava,
    swarm,
    x_twitter,
)

PLATFORMS: tuple[Platform, ...] = (
    google_takeout.PLATFORM,
    instagram.PLATFORM,
    facebook.PLATFORM,
    x_twitter.PLATFORM,
    strava.PLATFORM,
    garmin.PLATFORM,
    gps_tracks.PLATFORM,
    snapchat.PLATFORM,
    swarm.PLATFORM,
)

BY_RANK: tuple[Platform, ...] = tuple(sorted(PLATFORMS, key=lambda p: p.rank))
"""The order in which layouts are tried (a stable sort: equal ranks keep PLATFORMS order)."""

__all__ = ["BY_RANK", "PLATFORMS", "Platform"]
