"""Every export platform is one declaration, and the registries are built from them."""

from __future__ import annotations

import importlib
import io
import json
import os
import pkgutil
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from exposure.catalogue import CATALOGUE
from exposure.demo import DOWNLOADS_DIR
from exposure.sources.exports import EXPORT_SOURCES, platforms
from exposure.sources.exports.detect import NAME_RULES, PLATFORM_OF_KIND, SHAPE_RULES, route
from exposure.sources.exports.jsonstream import prepare, sniff
from exposure.sources.exports.layout import MARKERS, platform_of_names
from exposure.sources.exports.platform import Platform
from exposure.sources.exports.platforms import BY_RANK, PLATFORMS
from exposure.sources.exports.reader import FIRST, HANDLERS


def test_every_module_of_the_package_is_a_declaration() -> None:
    listed = sorted(m.name for m in pkgutil.iter_modules(platforms.__path__))
    assert platforms.module_names() == listed  # the quick listing agrees with the import system
    assert [p.name.replace("-", "_") for p in PLATFORMS] == listed  # module named for its platform
    for name in listed:
        module = importlib.import_module(f"{platforms.__name__}.{name}")
        assert isinstance(module.PLATFORM, Platform), name


def test_a_package_inside_a_zip_is_listed_by_the_import_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for name in ("b_platform.py", "a_platform.py", "__init__.py", "notes.txt"):
            archive.writestr(f"pkg/{name}", "")
    monkeypatch.setattr(platforms, "__path__", [f"{bundle}/pkg"])
    assert platforms.module_names() == ["a_platform", "b_platform"]


def test_the_order_is_deterministic() -> None:
    names = [p.name for p in PLATFORMS]
    assert names == sorted(names)
    code = (
        "from exposure.sources.exports.platforms import PLATFORMS as P; print([p.name for p in P])"
    )
    for seed in ("0", "1"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout
        assert out.strip() == repr(names)


def _members(data: bytes) -> list[tuple[str, bytes]]:
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            inner = archive.read(info)
            if info.filename.endswith(".zip"):
                found += _members(inner)
            else:
                found.append((info.filename, inner))
    return found


def test_no_file_is_claimed_by_two_platforms() -> None:
    """The rules are tried in module-name order: they must not depend on it."""
    files: list[tuple[str, bytes]] = []
    for path in sorted(Path(DOWNLOADS_DIR).iterdir()):
        data = path.read_bytes()
        files += _members(data) if path.suffix == ".zip" else [(path.name, data)]
    assert len(files) > 20
    for name, data in files:
        by_name = {kind for pattern, kind in NAME_RULES if pattern.search(name)}
        assert len({PLATFORM_OF_KIND[k.split("-")[0]] for k in by_name}) <= 1, name
        if name.endswith((".json", ".js")):
            shape = sniff(prepare(io.BytesIO(data)).head)
            by_shape = {kind for paths, kind in SHAPE_RULES if shape.has(*paths)}
            assert len({PLATFORM_OF_KIND[k.split("-")[0]] for k in by_shape}) <= 1, name


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


def test_listing_the_platforms_loads_no_reader() -> None:
    """Every audit lists the platforms: their readers load only when an export is read."""
    code = (
        "import json, sys; from exposure.sources.exports.platforms import PLATFORMS; "
        "print(json.dumps([m for m in sys.modules if m.startswith(('exposure', 'fitdecode'))]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert {f"{platforms.__name__}.{name}" for name in platforms.module_names()} <= loaded
    heavy = {"exposure.sources.exports.document", "exposure.sources.exports.tracks", "fitdecode"}
    assert not loaded & heavy
    assert not {m for m in loaded if m.startswith("exposure.detectors")}


def test_each_content_kind_has_one_reader() -> None:
    readers: dict[str, object] = {}
    for platform in PLATFORMS:
        for module in platform.parsers:
            for kind, handler in importlib.import_module(module).HANDLERS.items():
                assert readers.setdefault(kind, handler) is handler, kind
        for kind, handler in platform.handlers:
            assert readers.setdefault(kind, handler) is handler, kind
    assert readers == HANDLERS


def test_every_content_kind_has_a_handler_in_its_platforms_parsers() -> None:
    for platform in PLATFORMS:
        own = {
            kind for module in platform.parsers for kind in importlib.import_module(module).HANDLERS
        } | {kind for kind, _ in platform.handlers}
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


def test_only_group_labels_made_of_words_are_translated() -> None:
    """Brand names are shown as they are in every language: a new platform needs no
    translation of its label, unless its label is words ("Route and map files")."""
    from exposure.i18n.tools import vocabulary

    words = {message for message, _ in vocabulary()}
    assert (
        {p.group for p in PLATFORMS if p.group in words}
        == {p.group for p in PLATFORMS if p.translated_group}
        == {"Route and map files", "Google account (Takeout)"}
    )
