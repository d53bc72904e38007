"""Regenerate the demo persona's files: ``python -m exposure.demo.build``.

The story: "Alex Example" (made up) lives at a made-up home and works at a made-up office.
Both are placed on public landmarks in Berlin (Tempelhofer Feld, a public park; the square
by the central station), so no real person's home is ever shown.  Alex's phone tags photos
with GPS; a few files show the other leaks: a camera serial number, an owner name, a video
with its recording place, a Lightroom sidecar, a (0, 0) placeholder, a place name the photo
editor wrote into the camera's photo (IPTC City), and one corrupt file.
Captions saved in five photos' descriptions write places in words: an address, a check-in,
a map link, a plus code, coordinates, a what3words address and a postcode.

The output is deterministic: running the build again gives byte-identical files (a test
checks the shipped files against a fresh build).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from exposure.demo import DOWNLOADS_DIR, PERSONA_DIR
from exposure.testing.makernotes import apple_maker_note, nikon_maker_note
from exposure.testing.photofactory import GpsSpec, PhotoSpec, PlaceSpec, make_photo

HOME = (52.47330, 13.40310)
WORK = (52.52480, 13.36910)
PARK = (52.48420, 13.41260)

PHONE = PhotoSpec(make="Apple", model="iPhone 13", software="17.4.1", offset_time="+01:00")
CAMERA = PhotoSpec(make="NIKON CORPORATION", model="NIKON D7500", offset_time="+01:00")


def _near(place: tuple[float, float], step: int) -> tuple[float, float]:
    """A few metres off ``place``: phones never report the same spot twice."""
    return place[0] + (step % 5 - 2) * 0.00004, place[1] + (step % 3 - 1) * 0.00006


def _gps(place: tuple[float, float], when: datetime, step: int) -> GpsSpec:
    lat, lon = _near(place, step)
    return GpsSpec(
        lat=lat,
        lon=lon,
        altitude_m=38.0 + step % 7,
        time=(when - timedelta(hours=1)).replace(tzinfo=UTC),
    )


def _phone(when: datetime, place: tuple[float, float] | None, step: int) -> PhotoSpec:
    gps = _gps(place, when, step) if place else None
    return replace(PHONE, datetime_original=when, gps=gps, maker_note=apple_maker_note())


# Captions Alex typed into a photo app, which saved them in the files' descriptions:
# places written in words leak as surely as GPS tags.
CAPTIONS = {
    "IMG_0101.jpg": (
        "Finally unpacked! We moved back to Neukölln. Post goes to Musterstraße 12, 12049 Berlin"
    ),
    "IMG_0131.jpg": (
        "Monday again. I'm at Café Europa (Europaplatz) in Berlin https://swarmapp.com/c/demo0131"
    ),
    "IMG_0150.jpg": "Found an old one from the flat in London, NW1 6XE",
    "IMG_0151.jpg": (
        "Picnic on Saturday, here: https://www.google.com/maps/@52.4842,13.4126,17z "
        "(or 9F4MFCM7+M2)"
    ),
    "DSC_2041.jpg": "Kites over Tempelhofer Feld, 52°29'03.1\"N 13°24'45.4\"E, ///kites.flying.high",
}


def _captioned(name: str, spec: PhotoSpec) -> PhotoSpec:
    """``spec`` with Alex's caption for ``name``, if there is one."""
    return replace(spec, description=CAPTIONS.get(name))


def files() -> Iterator[tuple[str, bytes]]:
    """``(relative path, bytes)`` for every demo file, in a fixed order."""
    d = datetime
    roll = "Phone camera roll"
    homes = [
        d(2024, 3, 2, 9, 14),
        d(2024, 3, 3, 19, 40),
        d(2024, 3, 5, 7, 42),
        d(2024, 3, 9, 21, 5),
    ]
    for i, when in enumerate(homes[:3]):
        name = f"IMG_{101 + i:04d}.jpg"
        yield f"{roll}/{name}", make_photo(_captioned(name, _phone(when, HOME, i)), "jpeg")
    yield f"{roll}/IMG_0104.HEIC", make_photo(_phone(homes[3], HOME, 3), "heic")
    works = [d(2024, 3, 5, 12, 31), d(2024, 3, 7, 13, 5), d(2024, 3, 12, 12, 48)]
    for i, when in enumerate(works[:2]):
        name = f"IMG_{131 + i:04d}.jpg"
        yield f"{roll}/{name}", make_photo(_captioned(name, _phone(when, WORK, i)), "jpeg")
    yield f"{roll}/IMG_0133.webp", make_photo(_phone(works[2], WORK, 2), "webp")
    yield (
        f"{roll}/IMG_0150.jpg",
        make_photo(
            PhotoSpec(
                make="samsung",
                model="SM-A525F",
                datetime_original=d(2024, 3, 14, 17, 2),
                gps=GpsSpec(lat=0.0, lon=0.0),
                description=CAPTIONS["IMG_0150.jpg"],
            ),
            "jpeg",
        ),
    )
    picnic = _captioned("IMG_0151.jpg", _phone(d(2024, 3, 15, 18, 20), None, 0))
    yield f"{roll}/IMG_0151.jpg", make_photo(picnic, "jpeg")
    yield f"{roll}/Screenshot_2024-03-16.png", make_photo(PhotoSpec(make=None, model=None), "png")
    run = d(2024, 3, 16, 7, 3)
    yield (
        f"{roll}/IMG_0160.MOV",
        make_photo(
            replace(PHONE, datetime_original=run, gps=_gps(_near(HOME, 4), run, 4)),
            "mov",
        ),
    )
    good = make_photo(_phone(d(2024, 3, 17, 10, 0), PARK, 1), "jpeg")
    yield f"{roll}/IMG_0161.jpg", good[: len(good) // 3]  # cut short, like an interrupted copy
    camera = "Camera card"
    shot = d(2024, 3, 10, 15, 22)
    dslr = replace(
        CAMERA,
        datetime_original=shot,
        body_serial="3015874",
        lens_serial="62117453",
        artist="Alex Example",
        copyright="(c) Alex Example",
        maker_note=nikon_maker_note("3015874"),
        iptc=True,  # the photo editor filled the IPTC location from the GPS position
        place=PlaceSpec(sublocation="Tempelhofer Feld", city="Berlin", country="Deutschland"),
    )
    yield f"{camera}/DSC_2041.jpg", make_photo(_captioned("DSC_2041.jpg", dslr), "jpeg")
    lat, lon = _near(PARK, 2)
    yield (
        f"{camera}/DSC_2041.xmp",
        make_photo(
            PhotoSpec(
                make=CAMERA.make,
                model=CAMERA.model,
                datetime_original=shot,
                gps=GpsSpec(lat=lat, lon=lon),
            ),
            "xmp",
        ),
    )


def build(target: Path = PERSONA_DIR) -> None:
    """Write the demo files into ``target`` (replacing what is there)."""
    if target.exists():
        shutil.rmtree(target)
    for relative, data in files():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def build_downloads(target: Path = DOWNLOADS_DIR) -> None:
    """Write the persona's platform exports into ``target`` (replacing what is there)."""
    from exposure.demo.exports import export_files

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name, data in export_files():
        (target / name).write_bytes(data)


if __name__ == "__main__":
    build()
    build_downloads()
    for folder in (PERSONA_DIR, DOWNLOADS_DIR):
        total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"wrote {folder} ({total:,} bytes)")
