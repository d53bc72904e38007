"""The library's public names: sorted, complete, importable, and cheap to import."""

from __future__ import annotations

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


def test_a_json_photo_audit_loads_only_what_it_uses(tmp_path) -> None:
    # Start-up time is most of a small audit: no templates, no progress bar when quiet,
    # no text patterns and no platform parsers when there is no text or export to read.
    from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo

    write_photo(tmp_path / "a.jpg", PhotoSpec(gps=GpsSpec(lat=48.8566, lon=2.3522)), "jpeg")
    code = (
        "import sys; from exposure.cli import main; "
        f"code = main(['audit', {str(tmp_path)!r}, '--json', {str(tmp_path / 'r.json')!r}, '-q']); "
        "print(code, sorted(m for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    status, loaded = out.split(" ", 1)
    assert status == "1"  # the photo's position was found
    unwanted = (
        "'jinja2",
        "'rich",
        "'exposure.report.html'",
        "'exposure.detectors.text'",
        "'exposure.sources.exports.reader'",
    )
    assert [name for name in unwanted if name in loaded] == []


def test_library_round_trip(tmp_path) -> None:
    from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo

    write_photo(tmp_path / "a.jpg", PhotoSpec(gps=GpsSpec(lat=48.8566, lon=2.3522)), "jpeg")
    report = exposure.run(exposure.Options(inputs=(str(tmp_path),), workers=1))
    assert exposure.exit_status(report) == exposure.ExitCode.FOUND
    assert report.findings[0].severity == exposure.Severity.HIGH
    assert "48.8566" in exposure.render_json(report)
