"""Synthetic reports for renderer tests (no real person's data).

``make_report()`` gives two groups with findings of every severity, one finding with a
real position, one full of hostile text, and a few skipped items.  ``many_photos_report(n)``
gives ``n`` realistic geotagged photos sharing the catalogue's advice (one big section).  The constants below
are what the redaction tests look for: none may survive in a redacted rendering.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from exposure.catalogue import info as catalogue_info
from exposure.geo import Position
from exposure.model import (
    Confidence,
    Evidence,
    Finding,
    Remediation,
    Report,
    Severity,
    Skipped,
    SourceCount,
    Step,
)

PHOTO_INPUT = "/home/sam.doe/Pictures"
WEB_INPUT = "https://social.example/@samdoe"
HOME_PHOTO = f"{PHOTO_INPUT}/2023/IMG_0042.jpg"
BEACH_PHOTO = f"{PHOTO_INPUT}/2023/beach trip/DSC_7781.JPG"
HOSTILE_LOCATOR = f"{PHOTO_INPUT}/a&b/\"quoted\" 'name' <x>.jpg"
ARCHIVE = "/home/sam.doe/Downloads/takeout-2024.zip"
ARCHIVE_MEMBER = f"{ARCHIVE}!Takeout/Location History/Records.json"
HOME_LAT, HOME_LON = 52.520008, 13.404954
HOME_TEXT = "52.520008, 13.404954"
ALTITUDE = 34.56
ACCURACY = 4.75

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAK = '"><img src=x onerror=alert(1)>'
TEMPLATE_CODE = "{{ 7*7 }}"
RTL_EMOJI = "مرحبا بالعالم 📍 שלום"
HOSTILE_STRINGS = (SCRIPT, ATTRIBUTE_BREAK, TEMPLATE_CODE, RTL_EMOJI, HOSTILE_LOCATOR)

PHOTOS = "Photos and videos on this device"
PROFILE = "Your public profile at social.example"

CHECKED = date(2024, 11, 2)


def make_step(**overrides: Any) -> Step:
    """One remediation step."""
    base = Step(text="Open the photo in your gallery app.", source="Apple support", checked=CHECKED)
    return replace(base, **overrides)


def make_remediation(**overrides: Any) -> Remediation:
    """A two-step remediation."""
    base = Remediation(
        summary="Remove the location from this photo, or delete the photo.",
        steps=(
            make_step(),
            make_step(text="Choose Info, then Adjust location, then No location.", source=""),
        ),
        effort="a few minutes",
        links=("https://support.example/remove-location",),
    )
    return replace(base, **overrides)


def make_evidence(**overrides: Any) -> Evidence:
    """Evidence with no position (override ``position`` for one)."""
    base = Evidence(locator=BEACH_PHOTO, detail="Camera model: Pixel 7")
    return replace(base, **overrides)


def make_finding(**overrides: Any) -> Finding:
    """A low-severity finding in the photos group; override any field."""
    base = Finding(
        id="f-camera-model",
        kind="camera-model",
        title="A photo names the phone that took it",
        severity=Severity.LOW,
        confidence=Confidence.HIGH,
        why="The phone model can link photos you post in different places to you.",
        group=PHOTOS,
        evidence=(make_evidence(),),
        remediation=make_remediation(),
    )
    return replace(base, **overrides)


def home_finding() -> Finding:
    """The one finding with a real position (with altitude and accuracy)."""
    return make_finding(
        id="f-home-gps",
        kind="exif-gps",
        title="A photo records where it was taken",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        why="Anyone with this photo can see the exact place, which may be your home.",
        evidence=(
            make_evidence(
                locator=HOME_PHOTO,
                detail=f"GPS {HOME_TEXT} (EXIF)",
                position=Position(HOME_LAT, HOME_LON, ALTITUDE, ACCURACY),
                observed_at=datetime(2023, 6, 14, 7, 42, 5, tzinfo=timezone(timedelta(hours=2))),
                place_name="Example Street 12, Berlin",
                field="GPSLatitude",
            ),
        ),
    )


def hostile_finding() -> Finding:
    """A finding whose every text field tries to break out of the page."""
    return make_finding(
        id="f-hostile",
        kind="text-location",
        title=f"{SCRIPT} in a caption {RTL_EMOJI}",
        severity=Severity.MEDIUM,
        confidence=Confidence.LOW,
        why=f"{ATTRIBUTE_BREAK} and {TEMPLATE_CODE}",
        group=PHOTOS,
        evidence=(
            make_evidence(locator=HOSTILE_LOCATOR, detail=f"{TEMPLATE_CODE} {SCRIPT}"),
            make_evidence(locator=HOSTILE_LOCATOR, detail=RTL_EMOJI, field=ATTRIBUTE_BREAK),
        ),
        remediation=make_remediation(
            summary=SCRIPT,
            steps=(make_step(text=ATTRIBUTE_BREAK, source=TEMPLATE_CODE),),
            links=("javascript:alert(1)", "https://evil.example/x.png"),
        ),
    )


def make_findings() -> tuple[Finding, ...]:
    """Findings of each severity in two groups (deliberately not in display order)."""
    return (
        make_finding(),
        make_finding(
            id="f-profile-city",
            kind="profile-location",
            title="Your profile shows your city",
            severity=Severity.MEDIUM,
            confidence=Confidence.HIGH,
            group=PROFILE,
            why="A city narrows down where you live.",
            evidence=(make_evidence(locator=WEB_INPUT, detail="Location field: Berlin"),),
        ),
        hostile_finding(),
        make_finding(
            id="f-takeout-history",
            kind="location-history",
            title="Your data export holds a location history",
            severity=Severity.HIGH,
            confidence=Confidence.MEDIUM,
            why="Thousands of points show your routine.",
            evidence=(
                make_evidence(
                    locator=ARCHIVE_MEMBER,
                    detail='"latitudeE7": 525200080, "longitudeE7": 134049540',
                    observed_at=datetime(2024, 1, 3, 22, 15),
                ),
            ),
        ),
        home_finding(),
        make_finding(
            id="f-profile-bio",
            kind="profile-text",
            title="Your bio mentions a nearby park",
            severity=Severity.LOW,
            confidence=Confidence.MEDIUM,
            group=PROFILE,
            why="Small details add up.",
            evidence=(make_evidence(locator=WEB_INPUT, detail="Bio: walks in the park"),),
        ),
        make_finding(
            id="f-null-island",
            kind="exif-gps-invalid",
            title="A photo has an empty location (0, 0)",
            severity=Severity.LOW,
            confidence=Confidence.LOW,
            why="Not a real place, but the phone tried to save one.",
            evidence=(make_evidence(detail="GPS 0, 0 (placeholder)", position=Position(0.0, 0.0)),),
        ),
    )


def make_skipped() -> tuple[Skipped, ...]:
    """Items that could not be checked."""
    return (
        Skipped(
            locator=f"{PHOTO_INPUT}/broken.jpg", reason="The file is damaged.", source="photos"
        ),
        Skipped(
            locator=HOSTILE_LOCATOR,
            reason=f"Could not read {HOSTILE_LOCATOR}: {SCRIPT}",
            source="photos",
        ),
        Skipped(locator=WEB_INPUT + "/media", reason="The page asked for a login.", source="web"),
    )


def make_report(**overrides: Any) -> Report:
    """The standard test report, reproducible (no generation time) unless overridden."""
    base = Report(
        tool_version="0.1.0",
        inputs=(PHOTO_INPUT, ARCHIVE, WEB_INPUT),
        findings=make_findings(),
        skipped=make_skipped(),
        counts=(SourceCount("web", 3), SourceCount("photos", 40), SourceCount("archive", 2)),
        generated_at=None,
    )
    return replace(base, **overrides)


def generated_report() -> Report:
    """The standard report with a generation time (not reproducible)."""
    return make_report(generated_at=datetime(2024, 11, 5, 9, 30, tzinfo=UTC))


# -- many findings ---------------------------------------------------------------------

PICTURES = "/home/sam.doe/Pictures/2023"
PICTURES_GROUP = f"Photos and videos in {PICTURES}"


def photo_gps_finding(n: int, group: str = PICTURES_GROUP) -> Finding:
    """A realistic ``photo-gps`` finding, with the catalogue's real advice (all share it)."""
    entry = catalogue_info("photo-gps")
    lat = 52.5 + (n % 997) * 1e-4
    lon = 13.4 + (n % 991) * 1e-4
    name = f"IMG_{n:05d}.jpg"
    return Finding(
        id=f"f-{n:020x}",
        kind="photo-gps",
        title=f"{name}: this photo shows where it was taken ({lat:.4f}, {lon:.4f})",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        why=entry.why,
        group=group,
        evidence=(
            Evidence(
                locator=f"{PICTURES}/{name}",
                detail=(
                    f"GPS {lat:.6f}, {lon:.6f} (EXIF); altitude 34 m; "
                    "taken 2023-05-01 08:00 with Apple iPhone 13 Pro"
                ),
                position=Position(lat, lon, 34.0),
                observed_at=datetime(2023, 5, 1, 8, 0) + timedelta(minutes=37 * n),
                field="exif GPS",
            ),
        ),
        remediation=entry.remediation,
    )


def camera_details_finding(group: str = PICTURES_GROUP) -> Finding:
    """The one low ``photo-camera-details`` summary line of a folder."""
    entry = catalogue_info("photo-camera-details")
    return Finding(
        id="f-camera-details",
        kind="photo-camera-details",
        title="3 file(s) record when they were taken and with which camera",
        severity=Severity.LOW,
        confidence=Confidence.HIGH,
        why=entry.why,
        group=group,
        evidence=(
            Evidence(
                locator=f"{PICTURES}/IMG_00000.jpg", detail="3 file(s) made with Apple iPhone"
            ),
        ),
        remediation=entry.remediation,
    )


def many_photos_report(count: int, **overrides: Any) -> Report:
    """``count`` geotagged photos in one folder, plus the folder's camera-details line."""
    findings = tuple(photo_gps_finding(n) for n in range(count)) + (camera_details_finding(),)
    base = make_report(
        inputs=(PICTURES,),
        findings=findings,
        skipped=(),
        counts=(SourceCount("photos", count),),
    )
    return replace(base, **overrides)


# -- one camera, many photos: the same serial and name in every file -------------------


def identity_findings(n: int, group: str = PICTURES_GROUP) -> tuple[Finding, Finding]:
    """The serial-number and owner-name findings of photo ``n``, as the detectors make them
    (same values in every photo, a different file each time)."""
    from exposure.detectors.base import make_finding as detector_finding

    locator = f"{PICTURES}/IMG_{n:05d}.jpg"
    content = f"content-{n}"
    serial = detector_finding(
        "photo-device-serial",
        content=content,
        value="BodySerialNumber=3015874",
        title=f"IMG_{n:05d}.jpg: the camera's serial number is stored in the file",
        severity=Severity.MEDIUM,
        group=group,
        evidence=[
            Evidence(locator=locator, detail="BodySerialNumber: 3015874", field="BodySerialNumber")
        ],
    )
    owner = detector_finding(
        "photo-owner-name",
        content=content,
        value="Artist=Sam Doe",
        title=f"IMG_{n:05d}.jpg: a name is stored in the file (Sam Doe)",
        severity=Severity.MEDIUM,
        group=group,
        evidence=[Evidence(locator=locator, detail="Artist: Sam Doe", field="Artist")],
    )
    return serial, owner


def camera_roll_report(count: int, **overrides: Any) -> Report:
    """``count`` geotagged photos of one camera: each carries its place, the camera's serial
    number and the owner's name (the "20 photos, 62 tick boxes" case of issue 13)."""
    findings: list[Finding] = []
    for n in range(count):
        findings.append(photo_gps_finding(n))
        findings.extend(identity_findings(n))
    findings.append(camera_details_finding())
    return many_photos_report(count, findings=tuple(findings), **overrides)


# -- located traces and inferred places (the map) --------------------------------------


def mapped_report(count: int = 40, **overrides: Any) -> Report:
    """``count`` geotagged photos as located points, with an inferred home around the first
    half and a work place 3 km away around the rest (for the map)."""
    from exposure.model import LocatedPoint, Place, PlaceRole

    photos = [photo_gps_finding(n) for n in range(count)]
    home = Position(52.52, 13.405)
    work = Position(52.547, 13.405)
    points = []
    for n, finding in enumerate(photos):
        base = home if n < count // 2 else work
        position = Position(base.lat + (n % 5) * 1e-4, base.lon + (n % 7) * 1e-4)
        points.append(LocatedPoint(position, None, finding.locator, finding.id, "photo-gps"))
    half = count // 2
    places = (
        Place(
            id="p-home",
            label="Place 1",
            centre=home,
            radius_m=40.0,
            points=half,
            finding_ids=tuple(f.id for f in photos[:half]),
            role=PlaceRole.HOME,
        ),
        Place(
            id="p-work",
            label="Place 2",
            centre=work,
            radius_m=60.0,
            points=count - half,
            finding_ids=tuple(f.id for f in photos[half:]),
            role=PlaceRole.WORK,
        ),
    )
    base = many_photos_report(count, points=tuple(points), places=places)
    return replace(base, **overrides)
