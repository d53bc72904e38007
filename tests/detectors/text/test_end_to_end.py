"""``exposure audit`` on photos whose description holds a place: text findings in the report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from exposure.testing.photofactory import PhotoSpec, write_photo

LINK = "https://www.google.com/maps/@48.8583701,2.2944813,17z"


@pytest.mark.parametrize("fmt", ["jpeg", "png", "heic"])
def test_map_link_in_photo_description(cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "pics"
    folder.mkdir()
    name = f"picnic.{'jpg' if fmt == 'jpeg' else fmt}"
    write_photo(folder / name, PhotoSpec(description=f"Picnic spot, join us! {LINK}"), fmt)
    result = cli("audit", "pics", "--json", "r.json", "--html", "r.html", "-q")
    assert result.code == 1, result.err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    (finding,) = [f for f in report["findings"] if f["kind"] == "text-map-link"]
    assert finding["locator"] == os.path.join("pics", name)
    assert finding["location"] == {"lat": 48.8583701, "lon": 2.2944813}
    assert finding["severity"] == "high"
    assert finding["title"] == "A Google Maps link to 48.85837, 2.29448 in a photo's description"
    (evidence,) = finding["evidence"]
    assert LINK in evidence["detail"] and evidence["field"] == "ImageDescription"
    fix = report["remediations"][finding["remediation"]]
    assert "inside the photo file" in fix["steps"][0]["text"]
    assert not [f for f in report["findings"] if f["kind"] == "photo-gps"]
    assert LINK in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_plain_description_gives_no_text_finding(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "pics"
    folder.mkdir()
    write_photo(folder / "a.jpg", PhotoSpec(description="Birthday cake, version 2.3.4, 12.99 EUR"))
    result = cli("audit", "pics", "--json", "r.json", "-q")
    assert result.code in (0, 1), result.err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert not [f for f in report["findings"] if f["kind"].startswith("text-")]


def test_redacted_report_rounds_the_link_position(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "pics"
    folder.mkdir()
    write_photo(folder / "a.jpg", PhotoSpec(description=f"here {LINK}"))
    cli("audit", "pics", "--json", "r.json", "--redact", "-q")
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    (finding,) = [f for f in report["findings"] if f["kind"] == "text-map-link"]
    assert finding["location"] == {"lat": 48.86, "lon": 2.29}
    assert "48.8583701" not in json.dumps(finding)
