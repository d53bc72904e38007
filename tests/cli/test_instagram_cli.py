"""``exposure audit`` on Instagram exports (today's and the 2018 layout), end to end."""

from __future__ import annotations

import json
from pathlib import Path

from exposure.testing.exportwriters import write_folder, write_zip
from tests.sources.exports import fixtures


def test_profile_inferred_places_and_old_place_tags(cli, tmp_path: Path) -> None:
    write_zip(tmp_path / "instagram-me.zip", fixtures.instagram())
    write_folder(tmp_path / "instagram-2018", fixtures.instagram_2018())
    result = cli(
        "audit", "instagram-me.zip", "instagram-2018",
        "--json", "r.json", "--html", "r.html", "--workers", "1", "-q",
    )  # fmt: skip
    assert result.code == 1, result.err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    findings = report["findings"]
    remediations = report["remediations"]
    inferred = [f for f in findings if f["kind"] == "instagram-inferred-location"]
    assert len(inferred) == 3 and {f["group"] for f in inferred} == {"Instagram"}
    account = next(f for f in inferred if "account is based in" in f["title"])
    assert (
        account["title"].endswith("Köln, Nordrhein-Westfalen") and account["severity"] == "medium"
    )
    assert account["evidence"][0]["locator"] == (
        "instagram-me.zip!personal_information/information_about_you/account_based_in.json"
    )
    steps = remediations[account["remediation"]]["steps"]
    assert all(s["source"] and s["checked"] for s in steps)
    places = [f for f in findings if f["kind"] == "instagram-post-place"]
    assert {p["evidence"][0]["locator"] for p in places} == {"instagram-2018/media.json"}
    assert any("Café de la Tour, Paris" in p["title"] for p in places)
    bio = next(f for f in findings if f["kind"] == "text-street-address")
    assert bio["group"] == "Instagram" and bio["locator"].endswith("personal_information.json#Bio")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "own guesses of where you are" in html and "Köln, Nordrhein-Westfalen" in html
    assert "Instagram posts are tagged with a place" in html
    assert "About_this_account_Instagram" in html and "pdpl-cli" in html
