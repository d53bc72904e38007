"""Every export platform is one declaration, and the registries are built from them."""

from __future__ import annotations

import importlib
import re

from exposure.catalogue import CATALOGUE
from exposure.sources.exports import EXPORT_SOURCES
from exposure.sources.exports.detect import NAME_RULES, PLATFORM_OF_KIND, SHAPE_RULES, route
from exposure.sources.exports.layout import MARKERS, platform_of_names
from exposure.sources.exports.platforms import BY_RANK, PLATFORMS
from exposure.sources.exports.reader import FIRST, HANDLERS


def test_each_platform_is_one_source() -> None:
    assert [s.name for s in EXPORT_SOURCES] == [p.name for p in PLATFORMS]
    assert len({p.name for p in PLATFORMS}) == len(PLATFORMS)
    for source, platform in zip(EXPORT_SOURCES, PLATFORMS, strict=True):
        assert source.group == platform.group and source.kinds == platform.kinds
        assert source.__doc__ == platform.title and source.description == platform.description


def test_every_kind_has_a_catalogue_entry() -> None:
    for platform in PLATFORMS:
        assert platform.kinds, platform.name
        for kind in platform.kinds:
            assert kind in CATALOGUE, (platform.name, kind)


def test_every_content_kind_has_a_handler_in_its_platforms_parsers() -> None:
    for platform in PLATFORMS:
        own = {
            kind for module in platform.parsers for kind in importlib.import_module(module).HANDLERS
        }
        for kind in (*platform.content_kinds(), *platform.read_first):
            assert kind in own, (platform.name, kind)
            assert PLATFORM_OF_KIND[kind.split("-")[0]] == platform.name
    assert set(HANDLERS) >= {k for p in PLATFORMS for k in p.content_kinds()}
    assert FIRST == ("strava-csv",)


def test_rules_and_markers_come_from_the_declarations() -> None:
    assert len(NAME_RULES) == sum(len(p.files) for p in PLATFORMS)
    assert len(SHAPE_RULES) == sum(len(p.shapes) for p in PLATFORMS)
    assert list(MARKERS) == [p.name for p in BY_RANK if p.markers]
    assert list(MARKERS)[:2] == ["facebook", "instagram"] and list(MARKERS)[-1] == "google-takeout"
    for platform in PLATFORMS:
        for pattern in platform.markers:
            re.compile(pattern)


def test_each_platform_is_recognised_by_its_own_markers() -> None:
    examples = {
        "facebook": "your_facebook_activity/posts/your_posts_1.json",
        "instagram": "your_instagram_activity/content/posts_1.json",
        "x-twitter": "data/tweets.js",
        "strava": "activities.csv",
        "garmin": "DI_CONNECT/DI-Connect-Fitness/me_0_summarizedActivities.json",
        "snapchat": "json/location_history.json",
        "swarm": "checkins1.json",
        "google-takeout": "Takeout/Location History/Records.json",
    }
    for name, member in examples.items():
        assert platform_of_names([member]) == name
    assert platform_of_names(["Takeout/", "activities.csv"]) == "strava"  # ranks, not order
    assert route("Takeout/Fit/run.gpx.gz") == "track"
