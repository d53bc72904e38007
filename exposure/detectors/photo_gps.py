"""GPS positions in photo and video metadata (EXIF, XMP, QuickTime)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

from exposure.detectors.base import PhotoDetector, make_finding
from exposure.geo import Position, PositionProblem, distance_m, make_position
from exposure.i18n.message import M_
from exposure.metadata import GpsReading, PhotoMetadata
from exposure.model import Confidence, Evidence, Finding, SourceItem

# Two readings closer than this are the same place written twice (EXIF and XMP copies).
SAME_PLACE_M = 25.0

_PROBLEM_WORDS = {
    PositionProblem.EMPTY: "the GPS tags are there but empty",
    PositionProblem.ZERO: "the GPS tags hold (0, 0), a placeholder written when there was no fix",
    PositionProblem.OUT_OF_RANGE: "the GPS tags hold values that are not on Earth",
    PositionProblem.NOT_A_NUMBER: "the GPS tags hold values that are not numbers",
    PositionProblem.DAMAGED_NEAR_ZERO: "the GPS tags of a damaged file hold a value next to "
    "(0, 0), a placeholder garbled by the damage rather than a place",
}


ORIGIN_LABELS = {
    "xmp-location-created": "XMP LocationCreated",
    "xmp-location-shown": "XMP LocationShown",
}
"""How a reading's origin is named in evidence (default: the origin in capitals)."""
SHOWN = "xmp-location-shown"
"""The origin of a position the photo shows, which need not be where it was taken."""
SHOWN_FIELD = "XMP LocationShown GPS"
"""The evidence field of such a position: not a place the person was (inference skips it)."""


def origin_label(origin: str) -> str:
    """``"EXIF"``, ``"XMP"``, ``"XMP LocationShown"``...: a reading's origin in evidence."""
    return ORIGIN_LABELS.get(origin) or origin.upper()


def describe_capture(meta: PhotoMetadata) -> str:
    """``"taken 2024-05-01 10:12 with Apple iPhone 12"`` (or the parts that are known)."""
    parts = []
    if meta.captured_at is not None:
        parts.append(f"taken {meta.captured_at.isoformat(sep=' ', timespec='minutes')}")
    camera = camera_name(meta)
    if camera:
        parts.append(f"with {camera}")
    return " ".join(parts)


def camera_name(meta: PhotoMetadata) -> str:
    """Make and model, without the make repeated (``Apple iPhone 12``, not ``Apple Apple iPhone 12``)."""
    return _camera_name(meta.make, meta.model)


@functools.lru_cache(maxsize=256)
def _camera_name(make: str | None, model: str | None) -> str:
    # Cached: a library holds thousands of photos from a handful of cameras.
    make = (make or "").strip()
    model = (model or "").strip()
    brand = make.split()[0].lower() if make else ""
    if brand and model.lower().startswith(brand):  # "NIKON CORPORATION" + "NIKON D7500"
        return model
    return " ".join(p for p in (make, model) if p)


def _detail(reading: GpsReading, position: Position, meta: PhotoMetadata) -> str:
    bits = [f"GPS {position.as_text()} ({origin_label(reading.origin)})"]
    if reading.origin == SHOWN:
        bits.append("a place the photo shows, not necessarily where it was taken")
    if position.altitude_m is not None:
        bits.append(f"altitude {position.altitude_m:.0f} m")
    if reading.gps_time is not None:
        bits.append(f"GPS time {reading.gps_time.isoformat(sep=' ', timespec='minutes')}")
    capture = describe_capture(meta)
    if capture:
        bits.append(capture)
    return "; ".join(bits)


def observed_at(captured: datetime | None, gps_time: datetime | None) -> datetime | None:
    """When a photo was taken, in local time with its offset when that can be known.

    A capture time with an offset (EXIF ``OffsetTime``) is kept.  A camera's naive local
    time next to the GPS time (UTC) gives the offset: their difference, when it is a whole
    quarter of an hour give or take two minutes.  When they disagree more than that, the
    camera's clock is wrong and the GPS time is kept.
    """
    if captured is None or captured.tzinfo is not None or gps_time is None:
        return captured or gps_time
    utc = gps_time.astimezone(UTC).replace(tzinfo=None)
    seconds = (captured - utc).total_seconds()
    quarters = round(seconds / 900) * 900
    if abs(quarters) > 14 * 3600 or abs(seconds - quarters) > 120:
        return gps_time
    return captured.replace(tzinfo=timezone(timedelta(seconds=quarters)))


class GpsDetector(PhotoDetector):
    """Reports a real position as a high-severity leak; placeholders as a low note."""

    name = "gps"
    kinds = ("photo-gps", "video-gps", "photo-gps-placeholder")

    def detect(self, item: SourceItem, meta: PhotoMetadata) -> Iterator[Finding]:
        located: list[tuple[GpsReading, Position]] = []
        for reading in meta.gps:
            if reading.problem is not None:
                continue
            pos = make_position(reading.lat, reading.lon, reading.altitude_m)
            if isinstance(pos, Position) and not any(
                distance_m(pos, p) < SAME_PLACE_M for _, p in located
            ):
                located.append((reading, pos))
        name = os.path.basename(item.locator) or item.locator
        if located:
            yield self._located(item, meta, name, located)
        elif meta.gps:
            yield self._placeholder(item, meta, name)

    def _located(
        self,
        item: SourceItem,
        meta: PhotoMetadata,
        name: str,
        located: list[tuple[GpsReading, Position]],
    ) -> Finding:
        is_video = item.kind == "video"
        kind = "video-gps" if is_video else "photo-gps"
        first = located[0][1]
        where = first.as_text(4)
        if is_video:
            title = M_(
                "{name}: this video shows where it was recorded ({where})", name=name, where=where
            )
        elif all(r.origin == SHOWN for r, _ in located):
            title = M_(
                "{name}: the position of a place this photo shows is written in it ({where})",
                name=name,
                where=where,
            )
        elif item.kind == "xmp-sidecar":
            title = M_(
                "{name}: this sidecar file (it travels with a photo) shows where it was taken ({where})",
                name=name,
                where=where,
            )
        else:
            title = M_(
                "{name}: this photo shows where it was taken ({where})", name=name, where=where
            )
        evidence = [
            Evidence(
                locator=item.locator,
                detail=_detail(reading, pos, meta),
                position=pos,
                observed_at=observed_at(meta.captured_at, reading.gps_time),
                field=SHOWN_FIELD
                if reading.origin == SHOWN
                else f"{origin_label(reading.origin)} GPS",
            )
            for reading, pos in located
        ]
        return make_finding(
            kind,
            content=meta.content_key,
            value=f"{first.lat:.6f},{first.lon:.6f}",
            title=title,
            group=item.group,
            evidence=evidence,
        )

    def _placeholder(self, item: SourceItem, meta: PhotoMetadata, name: str) -> Finding:
        problems = sorted({r.problem for r in meta.gps if r.problem is not None})
        words = "; ".join(_PROBLEM_WORDS[p] for p in problems)
        raw = "; ".join(r.raw for r in meta.gps if r.raw)[:300]
        return make_finding(
            "photo-gps-placeholder",
            content=meta.content_key,
            value=",".join(problems),
            title=M_("{name}: GPS tags without a real position", name=name),
            confidence=Confidence.MEDIUM,
            group=item.group,
            evidence=[
                Evidence(
                    locator=item.locator,
                    detail=f"{words}" + (f" ({raw})" if raw else ""),
                    field="GPS",
                )
            ],
        )
