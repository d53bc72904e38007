"""Capture times and camera models, summarised per folder instead of one line per photo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from hashlib import blake2b

from exposure.detectors.base import PhotoDetector, make_finding
from exposure.detectors.photo_gps import camera_name
from exposure.metadata import PhotoMetadata
from exposure.model import Confidence, Evidence, Finding, SourceItem


@dataclass
class _Tally:
    files: int = 0
    timed: int = 0
    first: datetime | None = None
    last: datetime | None = None
    first_timed_locator: str = ""
    cameras: dict[str, tuple[int, str]] = field(default_factory=dict)
    """camera name -> (number of files, first file's locator)"""
    content: int = 0
    """Order-independent digest of the files' content keys (their sum), for a stable id."""


def _key_number(content_key: str) -> int:
    """64 bits of a content key: the key itself when it is a hash in hex, as the reader
    makes it (no need to hash it again for every photo), else a hash of it."""
    try:
        return int(content_key[:16], 16)
    except ValueError:
        return int.from_bytes(blake2b(content_key.encode(), digest_size=8).digest(), "big")


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


class CameraDetailsDetector(PhotoDetector):
    """One low-severity line per folder: how many files record capture time and camera model."""

    name = "camera-details"
    kinds = ("photo-camera-details",)

    def __init__(self) -> None:
        self._groups: dict[str, _Tally] = {}

    def detect(self, item: SourceItem, meta: PhotoMetadata) -> Iterator[Finding]:
        camera = camera_name(meta)
        if meta.captured_at is None and not camera:
            return iter(())
        tally = self._groups.setdefault(item.group, _Tally())
        tally.files += 1
        tally.content = (tally.content + _key_number(meta.content_key)) % (1 << 64)
        if meta.captured_at is not None:
            moment = _naive(meta.captured_at)
            tally.timed += 1
            if tally.first is None or moment < tally.first:
                tally.first = moment
            if tally.last is None or moment > tally.last:
                tally.last = moment
            tally.first_timed_locator = tally.first_timed_locator or item.locator
        if camera:
            count, first = tally.cameras.get(camera, (0, item.locator))
            tally.cameras[camera] = (count + 1, first)
        return iter(())

    def finish(self) -> Iterator[Finding]:
        for group, tally in sorted(self._groups.items()):
            evidence = []
            if tally.timed and tally.first and tally.last:
                span = f"{tally.first:%Y-%m-%d}" + (
                    f" to {tally.last:%Y-%m-%d}" if tally.last.date() != tally.first.date() else ""
                )
                evidence.append(
                    Evidence(
                        locator=tally.first_timed_locator,
                        detail=f"{tally.timed} file(s) record when they were taken ({span})",
                        field="DateTimeOriginal",
                    )
                )
            for camera, (count, first) in sorted(tally.cameras.items(), key=lambda kv: -kv[1][0]):
                evidence.append(
                    Evidence(
                        locator=first,
                        detail=f"{count} file(s) made with {camera}",
                        field="Make/Model",
                    )
                )
            yield make_finding(
                "photo-camera-details",
                content=group,
                value=f"{tally.files}:{tally.content:016x}",
                title=f"{tally.files} file(s) record when they were taken and with which camera",
                confidence=Confidence.HIGH,
                group=group,
                evidence=evidence,
            )
