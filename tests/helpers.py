"""Small builders shared by tests: folders of generated photos."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from exposure.testing.photofactory import GpsSpec, PhotoSpec, write_photo

BERLIN = GpsSpec(
    lat=52.520008, lon=13.404954, altitude_m=34.0, time=datetime(2024, 5, 1, 8, 12, tzinfo=UTC)
)
SYDNEY = GpsSpec(lat=-33.868820, lon=151.209296)


def photo_folder(root: Path) -> Path:
    """A folder with every case: GPS, no GPS, (0, 0), serial, owner, a video, a corrupt file."""
    folder = root / "photos"
    (folder / "2024" / "May").mkdir(parents=True)
    when = datetime(2024, 5, 1, 10, 12)
    write_photo(
        folder / "2024" / "May" / "home.jpg",
        PhotoSpec(make="Apple", model="iPhone 12", datetime_original=when, gps=BERLIN),
        "jpeg",
    )
    write_photo(folder / "2024" / "trip.heic", PhotoSpec(gps=SYDNEY), "heic")
    write_photo(folder / "plain.jpg", PhotoSpec(datetime_original=when), "jpeg")
    write_photo(folder / "placeholder.jpg", PhotoSpec(gps=GpsSpec(lat=0.0, lon=0.0)), "jpeg")
    write_photo(
        folder / "camera.jpg", PhotoSpec(body_serial="SN-778812", artist="Jamie Example"), "jpeg"
    )
    write_photo(folder / "run.mov", PhotoSpec(gps=GpsSpec(lat=48.8566, lon=2.3522)), "mov")
    (folder / "corrupt.jpg").write_bytes(
        b"\xff\xd8\xff\xe1\x00\x40Exif\x00\x00MM\x00*" + b"\x00" * 6
    )
    (folder / "notes.txt").write_text("not a photo")
    return folder
