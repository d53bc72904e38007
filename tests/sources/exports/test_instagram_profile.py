"""Instagram's profile, inferred places and the older export's place tags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exposure.catalogue import CATALOGUE
from exposure.model import Severity, SourceItem
from exposure.options import Options
from exposure.sources import resolve
from exposure.testing.exportwriters import (
    as_json,
    instagram_based_in,
    instagram_legacy_media,
    meta_labels,
    mojibake,
    write_folder,
    write_zip,
)
from tests.sources.exports import fixtures
from tests.sources.exports.conftest import audit_path, by_kind, reasons

PERSONAL = "personal_information/personal_information/personal_information.json"
ABOUT = "personal_information/information_about_you"


def _inferred(found: dict[str, list], member: str) -> object:
    (finding,) = [
        f for f in found["instagram-inferred-location"] if f.evidence[0].locator.endswith(member)
    ]
    return finding


@pytest.mark.parametrize("form", ["zip", "folder"])
def test_inferred_places_with_mojibake_repaired(tmp_path: Path, form: str) -> None:
    members = fixtures.instagram()
    given = (
        write_zip(tmp_path / "ig.zip", members)
        if form == "zip"
        else write_folder(tmp_path / "ig", members)
    )
    found = by_kind(audit_path(given))
    account = _inferred(found, "account_based_in.json")
    assert account.title == "Instagram thinks your account is based in: Köln, Nordrhein-Westfalen"  # type: ignore[attr-defined]
    assert account.severity is Severity.MEDIUM and account.group == "Instagram"  # type: ignore[attr-defined]
    assert account.evidence[0].detail == "City Name: Köln, Nordrhein-Westfalen"  # type: ignore[attr-defined]
    profile = _inferred(found, "profile_based_in.json")
    shown = [e.detail for e in profile.evidence]  # type: ignore[attr-defined]
    assert shown == ["Country: Germany", "Region: Berlin", "City: Berlin-Köpenick, Berlin"]
    assert "profile is based in" in profile.title  # type: ignore[attr-defined]
    interests = _inferred(found, "locations_of_interest.json")
    assert interests.title == "Instagram links 2 places to you: Berlin, Berlin; München, Bavaria"  # type: ignore[attr-defined]
    # the description entry real files carry is not a place
    assert not any("personalise" in e.detail for e in interests.evidence)  # type: ignore[attr-defined]


def test_bio_and_website_go_to_the_text_detectors(tmp_path: Path) -> None:
    report = audit_path(write_zip(tmp_path / "ig.zip", fixtures.instagram()))
    found = by_kind(report)
    (address,) = found["text-street-address"]
    assert address.evidence[0].locator.endswith(f"{PERSONAL}#Bio")
    assert "Café owner ☕ Home: 221B Baker Street" in address.evidence[0].detail  # repaired
    assert address.group == "Instagram" and "profile" in address.title
    (link,) = found["text-map-link"]
    assert link.evidence[0].locator.endswith(f"{PERSONAL}#Website")
    # email, phone and date of birth are not sent anywhere
    items = list(resolve(str(tmp_path / "ig.zip"), Options(inputs=("x",))).iter_items())
    texts = [i.text for i in items if isinstance(i, SourceItem) and i.text]
    assert not any("alex@example.com" in t or "1990-01-01" in t for t in texts)
    assert "Alex Example" in texts


def test_localised_keys_and_the_newer_layout(tmp_path: Path) -> None:
    """A Turkish export: "Biyografi" is the bio; the based-in labels are Turkish too."""
    bio = {
        "profile_user": [
            {"string_map_data": {"Biyografi": {"value": "Ev: 221B Baker Street, London NW1 6XE"}}}
        ]
    }
    members = {
        PERSONAL: as_json(bio),
        f"{ABOUT}/profile_based_in.json": meta_labels("Konum", [(mojibake("Şehir"), "Nakhchivan")]),
    }
    found = by_kind(audit_path(write_zip(tmp_path / "tr.zip", members)))
    assert found["text-street-address"][0].evidence[0].locator.endswith("#Biyografi")
    assert found["instagram-inferred-location"][0].evidence[0].detail == "Şehir: Nakhchivan"


def test_wrong_types_in_fields_are_skipped(tmp_path: Path) -> None:
    members = {
        PERSONAL: as_json({"profile_user": [{"string_map_data": ["Bio"]}, "x", {"string_map_data": {"Bio": 7, "Name": {"value": None}}}]}),
        f"{ABOUT}/account_based_in.json": as_json({"inferred_data_primary_location": [{"string_map_data": "Berlin"}, {"string_map_data": {"City Name": {"value": 5}}}, 3]}),
        f"{ABOUT}/profile_based_in.json": as_json({"label_values": [{"dict": "Berlin"}, {"dict": [1, {"value": ["x"]}]}]}),
        f"{ABOUT}/locations_of_interest.json": as_json({"label_values": "Berlin"}),
        "media.json": as_json({"photos": ["x", {"location": 52.5, "path": 3}, {"location": "", "caption": 1}], "videos": {"a": 1}}),
    }  # fmt: skip
    report = audit_path(write_zip(tmp_path / "odd.zip", members))
    assert not report.findings
    assert not reasons(report), reasons(report)  # no file broke: each was read to the end
    assert report.items_checked == len(members)


def test_a_cut_file_keeps_what_came_before(tmp_path: Path) -> None:
    media = fixtures.instagram_2018()["media.json"]
    cut = media[: media.index(b"no tag here")]
    based = instagram_based_in({"City Name": "Berlin, Berlin"})
    members = {"media.json": cut, f"{ABOUT}/account_based_in.json": based[: based.rindex(b"]")]}
    report = audit_path(write_zip(tmp_path / "cut.zip", members))
    found = by_kind(report)
    (place,) = found["instagram-post-place"]
    assert "Café de la Tour, Paris" in place.title
    assert found["instagram-inferred-location"][0].title.endswith("Berlin, Berlin")
    notes = [r for r in reasons(report).values() if r.startswith("partly read")]
    assert len(notes) == 2 and all("cut short" in n for n in notes)


def test_the_older_export_place_tags(tmp_path: Path) -> None:
    given = write_zip(tmp_path / "instagram-2018.zip", fixtures.instagram_2018())
    assert resolve(str(given), Options(inputs=(str(given),))).name == "instagram"
    report = audit_path(given)
    places = {f.title: f for f in by_kind(report)["instagram-post-place"]}
    assert set(places) == {
        "Instagram post of 2018-12-31 shows where it was made: Café de la Tour, Paris",
        "Instagram post of 2018-10-01 shows where it was made: West End, Vancouver",
    }
    cafe = places["Instagram post of 2018-12-31 shows where it was made: Café de la Tour, Paris"]
    assert cafe.severity is Severity.MEDIUM and cafe.position is None
    evidence = cafe.evidence[0]
    assert evidence.field == "location" and evidence.place_name == "Café de la Tour, Paris"
    assert "photos/201812/abc.jpg" in evidence.detail and "Brunch at our café ☕" in evidence.detail
    # a lone media.json is recognised by its content
    lone = tmp_path / "media.json"
    lone.write_bytes(instagram_legacy_media([{"location": "Somewhere", "path": "p.jpg"}], []))
    assert by_kind(audit_path(lone))["instagram-post-place"][0].title.endswith("Somewhere")


@pytest.mark.parametrize("kind", ["instagram-post-place", "instagram-inferred-location"])
def test_remediation_has_dated_sources(kind: str) -> None:
    info = CATALOGUE[kind]
    steps = info.remediation.steps
    assert "evidence" in steps[0].text  # save evidence first
    assert all(s.source and s.checked for s in steps)
    cited = " ".join(s.source for s in steps)
    expected = "pdpl-cli" if kind == "instagram-post-place" else "iVerify_V1_Project"
    assert expected in cited and "https://" in cited
    assert info.why and info.summary


def test_finding_carries_its_remediation(tmp_path: Path) -> None:
    found = by_kind(audit_path(write_zip(tmp_path / "ig.zip", fixtures.instagram())))
    finding = found["instagram-inferred-location"][0]
    assert finding.remediation == CATALOGUE["instagram-inferred-location"].remediation
    assert "cannot" in finding.remediation.summary
    assert json.dumps([s.text for s in finding.remediation.steps])


@pytest.mark.corpus
def test_corpus_export_has_no_place_tags_or_profile(corpus: Path) -> None:
    """The real 2024 export in the corpus (MANIFEST section 2) holds no place tags and no
    profile files: nothing of these kinds may come out of it."""
    folder = corpus / "exports/instagram/yummyhopper-personal_instagram_analysis"
    found = by_kind(audit_path(folder))
    assert not {"instagram-post-place", "instagram-inferred-location"} & set(found)
    assert "instagram-photo-device" in found  # the export was read


def test_a_lone_media_json_does_not_make_a_folder_an_instagram_export(tmp_path: Path) -> None:
    from exposure.sources.exports.layout import platform_of_names

    assert platform_of_names(["holiday/media.json", "holiday/IMG_1.jpg"]) is None
    assert platform_of_names(["media.json", "profile.json", "comments.json"]) == "instagram"
    assert platform_of_names(["me/Media.json", "me/profile.json"]) == "instagram"
    assert platform_of_names(["a/media.json", "b/profile.json"]) is None
