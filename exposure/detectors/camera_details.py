"""Capture times and camera models, summarised per folder instead of one line per photo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from exposure.detectors.base import PhotoDetector, make_finding
from exposure.detectors.photo_gps import camera_name
from exposure.i18n.message import Mn_
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


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


class CameraDetailsDetector(PhotoDetector):
    """One low-severity line per folder: how many files record capture time and camera model.

    Its id is made from the folder (the group) alone, not from how many files or which:
    after one photo is fixed or removed, ``verify`` finds the same line still there with a
    smaller count, and fixed when no file in the folder records either."""

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
            yield make_finding(  # its id: the folder only, so a count that changes keeps it
                "photo-camera-details",
                content=group,
                value="",
                title=Mn_(  # the same English for one and many: the JSON report's title stays
                    "{count} file(s) record when they were taken and with which camera",
                    "{count} file(s) record when they were taken and with which camera",
                    tally.files,
                ),
                confidence=Confidence.HIGH,
                group=group,
                evidence=evidence,
            )
