"""Writers for synthetic platform exports: archives, folders and the file formats inside.

Everything here is made up from the documented formats (../shared/docs/platforms.md), for
tests and benchmarks; no real person's data.  :func:`write_records` streams a Takeout
``Records.json`` of any size without holding it in memory.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import struct
import tarfile
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO, TextIO

Members = Mapping[str, bytes]
"""Member path inside the export -> its bytes."""


def write_zip(path: Path, members: Members, level: int = 6) -> Path:
    """A zip archive of ``members`` (deflated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def write_tgz(path: Path, members: Members) -> Path:
    """A gzip-compressed tar archive of ``members``."""
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            tar.addfile(info, io.BytesIO(data))
    return path


def write_folder(root: Path, members: Members) -> Path:
    """``members`` as files below ``root`` (an unpacked export)."""
    for name, data in members.items():
        target = root.joinpath(*name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def as_json(value: Any) -> bytes:
    """Pretty-printed UTF-8 JSON, as the platforms write it."""
    return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8")


def ytd(name: str, value: Any) -> bytes:
    """An X archive file: ``window.YTD.<name>.part0 = [...]``."""
    return f"window.YTD.{name}.part0 = ".encode() + as_json(value)


def mojibake(text: str) -> str:
    """Text as Meta stores it: each UTF-8 byte as its own character (\\u00XX)."""
    return text.encode("utf-8").decode("latin-1")


def meta_map(fields: Mapping[str, str]) -> dict[str, Any]:
    """Meta's ``string_map_data``: each field as ``{"href", "value", "timestamp"}``."""
    return {key: {"href": "", "value": value, "timestamp": 0} for key, value in fields.items()}


def instagram_personal(fields: Mapping[str, str]) -> bytes:
    """Instagram's ``personal_information.json`` with these profile fields."""
    user = {"title": "User Information", "media_map_data": {}, "string_map_data": meta_map(fields)}
    return as_json({"profile_user": [user]})


def instagram_based_in(fields: Mapping[str, str]) -> bytes:
    """``account_based_in.json`` (or ``profile_based_in.json``) in the older layout:
    ``inferred_data_primary_location[].string_map_data`` (``{"City Name": "..."}``)."""
    entry = {"title": "", "media_map_data": {}, "string_map_data": meta_map(fields)}
    return as_json({"inferred_data_primary_location": [entry]})


def meta_labels(label: str, pairs: list[tuple[str, str]], key: str = "dict") -> bytes:
    """Meta's newer ``label_values`` layout: one entry ``label`` grouping ``pairs`` as
    labelled fields (``key="dict"``) or as a plain list of values (``key="vec"``, labels
    ignored), plus the description entry real files carry."""
    inner = [
        {"label": name, "value": value} if key == "dict" else {"value": value}
        for name, value in pairs
    ]
    entries = [
        {"label": label, key: inner},
        {"label": "Description", "value": "Used to personalise your experience and ads."},
    ]
    return as_json({"media": [], "label_values": entries, "fbid": "17841400000000000"})


def instagram_legacy_media(photos: list[dict[str, str]], videos: list[dict[str, str]]) -> bytes:
    """The 2018-era Instagram ``media.json``: ``photos[]`` / ``videos[]`` of
    ``{"caption", "taken_at", "location", "path"}``."""
    return as_json({"photos": photos, "videos": videos, "direct": []})


def e7(value: float) -> int:
    """Degrees to Google's E7 integers."""
    return round(value * 1e7)


def gpx(points: list[tuple[float, float, str]], name: str = "Morning Run") -> bytes:
    """A GPX 1.1 track with ``(lat, lon, iso time)`` points."""
    body = "".join(
        f'<trkpt lat="{lat}" lon="{lon}"><ele>34</ele><time>{when}</time></trkpt>'
        for lat, lon, when in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="StravaGPX" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>{name}</name><trkseg>{body}</trkseg></trk></gpx>"
    ).encode()


def tcx(points: list[tuple[float, float, str]]) -> bytes:
    """A TCX activity with ``(lat, lon, iso time)`` trackpoints."""
    body = "".join(
        f"<Trackpoint><Time>{when}</Time><Position><LatitudeDegrees>{lat}</LatitudeDegrees>"
        f"<LongitudeDegrees>{lon}</LongitudeDegrees></Position></Trackpoint>"
        for lat, lon, when in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Biking"><Id>{points[0][2]}</Id><Lap><Track>{body}'
        "</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()


_FIT_EPOCH = 631_065_600
"""Seconds from 1970-01-01 to FIT's epoch (1989-12-31)."""


def _fit_crc(data: bytes, crc: int = 0) -> int:
    table = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)  # fmt: skip
    for byte in data:
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[byte & 0xF]
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[(byte >> 4) & 0xF]
    return crc


def fit(points: list[tuple[float, float, int]], sport: int = 1) -> bytes:
    """A FIT activity: a session (``sport``, 1 = running) and ``(lat, lon, unix time)`` records."""
    semi = 2**31 / 180.0
    body = bytearray()
    # definition: local 0 = record (global 20): timestamp, position_lat, position_long
    body += struct.pack("<BBBHB", 0x40, 0, 0, 20, 3) + bytes([253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85])
    # definition: local 1 = session (global 18): sport
    body += struct.pack("<BBBHB", 0x41, 0, 0, 18, 1) + bytes([5, 1, 0x00])
    body += struct.pack("<BB", 0x01, sport)
    for lat, lon, unix in points:
        body += struct.pack("<BIii", 0x00, unix - _FIT_EPOCH, round(lat * semi), round(lon * semi))
    header = struct.pack("<BBHI4s", 14, 0x20, 2093, len(body), b".FIT")
    header += struct.pack("<H", _fit_crc(header))
    data = header + bytes(body)
    return data + struct.pack("<H", _fit_crc(data))


def gz(data: bytes) -> bytes:
    """``data`` gzipped (Strava stores ``.fit.gz`` and ``.tcx.gz``)."""
    return gzip.compress(data, mtime=0)


def write_records(
    out: BinaryIO | TextIO, count: int, seed: int = 1, start: int = 1_356_000_000
) -> None:
    """Stream a Takeout ``Records.json`` of ``count`` points: a random walk around Berlin,
    a point every 20 to 60 s, pretty-printed like Google's (about 180 bytes a point)."""
    rng = random.Random(seed)
    lat, lon, moment = 525_200_080, 134_049_540, start
    write = out.write
    text = isinstance(out, io.TextIOBase)

    def emit(chunk: str) -> None:
        write(chunk if text else chunk.encode())  # type: ignore[arg-type]

    emit('{\n  "locations": [')
    batch: list[str] = []
    written = 0
    for index in range(count):
        lat += rng.randint(-900, 900)
        lon += rng.randint(-1500, 1500)
        moment += rng.randint(20, 60)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(moment))
        source = "GPS" if index % 3 == 0 else "WIFI"
        batch.append(
            f'{{\n    "latitudeE7": {lat},\n    "longitudeE7": {lon},\n'
            f'    "accuracy": {rng.randint(3, 60)},\n    "source": "{source}",\n'
            f'    "deviceTag": 1184882232,\n    "timestamp": "{stamp}.{index % 1000:03d}Z"\n  }}'
        )
        if len(batch) == 10_000:
            emit(("," if written else "") + ", ".join(batch))
            written += len(batch)
            batch = []
    if batch:
        emit(("," if written else "") + ", ".join(batch))
    emit("]\n}\n")
