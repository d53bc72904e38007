"""The library's public names: sorted, complete, importable, and cheap to import."""

from __future__ import annotations

import ast
import subprocess
import sys

import exposure


def test_all_is_sorted_and_importable() -> None:
    assert exposure.__all__ == sorted(exposure.__all__)
    assert set(exposure.__all__) == {*exposure._EXPORTS, "__version__"}
    for name in exposure.__all__:
        assert getattr(exposure, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        exposure.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_import_loads_no_network_or_template_code() -> None:
    code = "import sys, exposure; print(sorted(m for m in sys.modules if m.split('.')[0] in {'httpx', 'jinja2', 'tldextract', 'exposure'}))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "['exposure', 'exposure.lazy']"


def _loaded_after(code: str) -> tuple[str, set[str]]:
    """Run ``code`` in a fresh interpreter; what it printed before the module list, and the
    modules it had loaded (``code`` ends by printing ``sorted(sys.modules)``)."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    printed, _, loaded = out.partition(" ")
    return printed, set(ast.literal_eval(loaded))


def _among(loaded: set[str], unwanted: tuple[str, ...]) -> list[str]:
    """The ``unwanted`` modules (or packages: anything below them too) that were loaded."""
    return sorted(m for m in loaded for u in unwanted if m == u or m.startswith(u + "."))


def test_a_json_photo_audit_loads_only_what_it_uses(tmp_path) -> None:
    # Start-up time is most of a small audit: no templates, no progress bar when quiet,
    # no text patterns and no platform parsers when there is no text or export to read;
    # a folder is probed for an export layout by its names only (no archive or JSON
    # readers), no crawler code without an address, no XMP parser without an XMP packet,
    # no redaction unless asked for, no process pool for a folder too small to need one.
    from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo

    write_photo(tmp_path / "a.jpg", PhotoSpec(gps=GpsSpec(lat=48.8566, lon=2.3522)), "jpeg")
    argv = ["audit", str(tmp_path), "--json", str(tmp_path / "r.json"), "-q", "--workers", "2"]
    status, loaded = _loaded_after(
        f"import sys; from exposure.cli import main; code = main({argv!r}); "
        "print(code, sorted(sys.modules))"
    )
    assert status == "1"  # the photo's position was found
    unwanted = (
        "jinja2",
        "rich",
        "exposure.report.html",
        "exposure.report.redaction",
        "exposure.report.scrub",
        "exposure.detectors.text",
        "exposure.sources.exports.archive",
        "exposure.sources.exports.container",
        "exposure.sources.exports.detect",
        "exposure.sources.exports.jsonstream",
        "exposure.sources.exports.limits",
        "exposure.sources.exports.nested",
        "exposure.sources.exports.reader",
        "exposure.sources.exports.recovered",
        "exposure.sources.exports.zipscan",
        "exposure.sources.web.extract",
        "exposure.sources.web.findings",
        "exposure.sources.web.fetch",
        "ijson",
        "decimal",
        "zipfile",
        "tarfile",
        "html",
        "xml",
        "httpx",
        "concurrent.futures",
        "multiprocessing",
        "logging",
    )
    assert _among(loaded, unwanted) == []
    assert "exposure.sources.exports.layout" in loaded  # the folder was probed


def test_the_metadata_reader_loads_its_fallbacks_on_first_use() -> None:
    # What library callers and the forkserver preload (exposure.metadata): the XMP parser's
    # xml.etree and exifread's logging load only for a file that needs them.  (An audit
    # large enough for the worker pool loads logging anyway, with concurrent.futures.)
    _, loaded = _loaded_after("import sys, exposure.metadata; print('-', sorted(sys.modules))")
    assert _among(loaded, ("logging", "xml", "html", "exifread")) == []


def test_library_round_trip(tmp_path) -> None:
    from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo

    write_photo(tmp_path / "a.jpg", PhotoSpec(gps=GpsSpec(lat=48.8566, lon=2.3522)), "jpeg")
    report = exposure.run(exposure.Options(inputs=(str(tmp_path),), workers=1))
    assert exposure.exit_status(report) == exposure.ExitCode.FOUND
    assert report.findings[0].severity == exposure.Severity.HIGH
    assert "48.8566" in exposure.render_json(report)
