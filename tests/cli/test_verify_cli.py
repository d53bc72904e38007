"""``exposure verify --baseline OLD.json INPUT...``: fixed, still there, new; exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from exposure.testing.photofactory import PhotoSpec, write_photo
from tests.helpers import BERLIN, photo_folder


def audit_json(cli, name: str, *extra: str) -> dict:
    result = cli("audit", "photos", "--json", name, "-q", *extra)
    assert result.code in (0, 1), result.err
    return json.loads(Path(name).read_text())


def test_verify_says_fixed_still_there_and_new(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    old = audit_json(cli, "old.json")
    home = os.path.join("photos", "2024", "May", "home.jpg")
    fixed_ids = {f["id"] for f in old["findings"] if f["locator"] == home}
    assert fixed_ids
    (tmp_path / home).unlink()  # the user deleted the photo
    write_photo(tmp_path / "photos" / "new.jpg", PhotoSpec(gps=BERLIN), "jpeg")

    result = cli(
        "verify", "--baseline", "old.json", "photos", "--json", "new.json", "--html", "new.html"
    )
    assert result.code == 1  # leaks remain
    new = json.loads((tmp_path / "new.json").read_text())
    baseline = new["baseline"]
    status = {e["id"]: e["status"] for e in baseline["findings"]}
    now = {f["id"] for f in new["findings"]}
    before = {f["id"] for f in old["findings"]}
    assert {i for i, s in status.items() if s == "fixed"} == before - now
    assert fixed_ids <= before - now
    assert {i for i, s in status.items() if s == "still_there"} == before & now
    assert {i for i, s in status.items() if s == "new"} == now - before
    assert any(
        f["locator"].endswith("new.jpg") and status[f["id"]] == "new" for f in new["findings"]
    )
    assert baseline["counts"] == {
        "fixed": len(before - now),
        "still_there": len(before & now),
        "new": len(now - before),
    }
    assert baseline["previous_generated_at"] == old["generated_at"]
    # the terminal says it
    assert f"{len(before - now)} fixed, {len(before & now)} still there" in result.err
    assert "  fixed: [high] home.jpg: this photo shows where it was taken" in result.err
    assert "Not done yet:" in result.err
    # the page shows the fixed items done, and marks the rest
    doc = LexborHTMLParser((tmp_path / "new.html").read_text())
    fixed_rows = doc.css("#since-last-check li.is-fixed")
    assert len(fixed_rows) == len(before - now)
    assert any("home.jpg" in row.text() for row in fixed_rows)
    tags = [t.text() for t in doc.css("li.item .status-tag")]
    assert "New since your last check" in tags and "Still there" in tags


def test_verify_exits_0_when_nothing_at_fail_on_remains(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    old = audit_json(cli, "old.json")
    for finding in old["findings"]:
        if finding["severity"] == "high":
            for evidence in finding["evidence"]:
                (tmp_path / evidence["locator"]).unlink(missing_ok=True)
    result = cli("verify", "--baseline", "old.json", "photos", "--fail-on", "high", "--json", "-")
    assert result.code == 0, result.err
    assert "Done: nothing at high risk or above remains." in result.err
    assert json.loads(result.out)["baseline"]["counts"]["fixed"] >= 2
    # the same with the plain audit and --baseline
    result = cli(
        "audit", "--baseline", "old.json", "photos", "--fail-on", "high", "-q", "--json", "-"
    )
    assert result.code == 0 and "baseline" in json.loads(result.out)
    # medium findings (the serial, the name) remain: at --fail-on low it is not done
    assert cli("verify", "--baseline", "old.json", "photos", "-q", "--json", "-").code == 1


def test_a_redacted_baseline_works_and_a_redacted_result_hides_old_titles(
    cli, tmp_path: Path
) -> None:
    photo_folder(tmp_path)
    audit_json(cli, "old.json", "--redact")
    (tmp_path / "photos" / "2024" / "May" / "home.jpg").unlink()
    result = cli("verify", "--baseline", "old.json", "photos", "--redact", "-q", "--json", "-")
    data = json.loads(result.out)
    fixed = [e for e in data["baseline"]["findings"] if e["status"] == "fixed"]
    assert fixed and all("title" not in e for e in fixed)
    assert "home.jpg" not in result.out


def test_bad_baselines_are_usage_errors(cli, tmp_path: Path) -> None:
    photo_folder(tmp_path)
    result = cli("verify", "photos")
    assert result.code == 2 and "--baseline" in result.err
    result = cli("verify", "--baseline", "missing.json", "photos")
    assert result.code == 2 and "missing.json does not exist" in result.err
    for name, text in (("a.json", "not json"), ("b.json", '{"findings": [1]}'), ("c.json", "[]")):
        (tmp_path / name).write_text(text)
        result = cli("verify", "--baseline", name, "photos")
        assert result.code == 2, result.err
        assert "is not an exposure JSON report" in result.err
        assert not Path("exposure-report.html").exists()  # nothing was audited


def _camera_photos(folder: Path, count: int) -> None:
    """``count`` phone photos with a position, a serial number and an owner's name."""
    from dataclasses import replace

    from exposure.testing.photofactory import make_photo, phone_spec

    folder.mkdir(parents=True)
    for index in range(count):
        spec = replace(phone_spec(index), body_serial="SN-4711", owner_name="Alex Example")
        (folder / f"IMG_{index}.jpg").write_bytes(make_photo(spec, "jpeg"))


def _statuses(cli, tmp_path: Path, *clean_args: str) -> tuple[dict[str, str], dict, str]:
    """verify after the clean copy of IMG_0 took the original's place: (kind:locator ->
    status, the new report, the terminal's words)."""
    result = cli("clean", os.path.join("photos", "IMG_0.jpg"), "--out", "copies", *clean_args)
    assert result.code == 0, result.out + result.err
    (tmp_path / "copies" / "IMG_0.jpg").replace(tmp_path / "photos" / "IMG_0.jpg")
    result = cli("verify", "--baseline", "old.json", "photos", "--json", "new.json")
    new = json.loads((tmp_path / "new.json").read_text())
    old = json.loads((tmp_path / "old.json").read_text())
    where = {f["id"]: f"{f['kind']}:{os.path.basename(f['locator'])}" for f in old["findings"]}
    where |= {f["id"]: f"{f['kind']}:{os.path.basename(f['locator'])}" for f in new["findings"]}
    status = {where[e["id"]]: e["status"] for e in new["baseline"]["findings"]}
    return status, new, result.err


def test_cleaning_one_photo_keeps_the_ids_of_what_it_still_carries(cli, tmp_path: Path) -> None:
    """Location removed from one photo (the clean copy replaces it): its position is fixed;
    its serial number, its owner's name and the folder's camera line are still there, not
    "fixed" and again "new" under another id."""
    _camera_photos(tmp_path / "photos", 4)
    audit_json(cli, "old.json")
    status, new, err = _statuses(cli, tmp_path)
    assert status["photo-gps:IMG_0.jpg"] == "fixed"
    assert status["photo-device-serial:IMG_0.jpg"] == "still_there"
    assert status["photo-owner-name:IMG_0.jpg"] == "still_there"
    camera = [s for k, s in status.items() if k.startswith("photo-camera-details:")]
    assert camera == ["still_there"]
    assert "new" not in status.values(), status
    assert new["baseline"]["counts"] == {"fixed": 1, "still_there": 12, "new": 0}
    assert " 0 new." in err


def test_identity_removed_from_one_photo_leaves_the_line_with_a_smaller_count(
    cli, tmp_path: Path
) -> None:
    _camera_photos(tmp_path / "photos", 3)
    audit_json(cli, "old.json")
    status, new, _err = _statuses(cli, tmp_path, "--also-identity")
    for kind in ("photo-gps", "photo-device-serial", "photo-owner-name"):
        assert status[f"{kind}:IMG_0.jpg"] == "fixed"
        assert status[f"{kind}:IMG_1.jpg"] == status[f"{kind}:IMG_2.jpg"] == "still_there"
    assert "new" not in status.values(), status
    serials = [f for f in new["findings"] if f["kind"] == "photo-device-serial"]
    assert len(serials) == 2  # the checklist's one line now says 2 files


def test_the_camera_line_counts_down_and_is_fixed_when_no_photo_records_it(
    cli, tmp_path: Path
) -> None:
    """The folder's camera-details line keeps its id whatever the number of files; it is
    fixed once no file records a capture time or a camera."""
    photos = tmp_path / "photos"
    _camera_photos(photos, 3)
    old = audit_json(cli, "old.json")
    (camera,) = [f for f in old["findings"] if f["kind"] == "photo-camera-details"]
    assert camera["title"].startswith("3 file(s)")
    (photos / "IMG_2.jpg").unlink()
    result = cli("verify", "--baseline", "old.json", "photos", "--json", "-", "-q")
    report = json.loads(result.out)
    (now,) = [f for f in report["findings"] if f["kind"] == "photo-camera-details"]
    assert now["id"] == camera["id"] and now["title"].startswith("2 file(s)")
    status = {e["id"]: e["status"] for e in report["baseline"]["findings"]}
    assert status[camera["id"]] == "still_there"
    for name in ("IMG_0.jpg", "IMG_1.jpg"):  # no camera, no time: nothing to summarise
        write_photo(photos / name, PhotoSpec(make=None, model=None, gps=BERLIN), "jpeg")
    result = cli("verify", "--baseline", "old.json", "photos", "--json", "-", "-q")
    report = json.loads(result.out)
    assert not [f for f in report["findings"] if f["kind"] == "photo-camera-details"]
    status = {e["id"]: e["status"] for e in report["baseline"]["findings"]}
    assert status[camera["id"]] == "fixed"
