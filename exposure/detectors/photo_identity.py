"""Device serial numbers and owner names in photo metadata."""

from __future__ import annotations

import os
from collections.abc import Iterator

from exposure.detectors.base import PhotoDetector, make_finding
from exposure.metadata import Identifier, PhotoMetadata
from exposure.model import Evidence, Finding, Severity, SourceItem


def _evidence(item: SourceItem, found: tuple[Identifier, ...]) -> list[Evidence]:
    return [
        Evidence(locator=item.locator, detail=f"{i.label}: {i.value}", field=i.label) for i in found
    ]


def _value(found: tuple[Identifier, ...]) -> str:
    return "|".join(sorted(f"{i.label}={i.value}" for i in found))


class SerialDetector(PhotoDetector):
    """Camera body, lens and phone serial numbers: they tie photos to one device."""

    name = "serial"
    kinds = ("photo-device-serial",)

    def detect(self, item: SourceItem, meta: PhotoMetadata) -> Iterator[Finding]:
        if not meta.serials:
            return
        name = os.path.basename(item.locator) or item.locator
        noun = "serial number is" if len(meta.serials) == 1 else "serial numbers are"
        yield make_finding(
            "photo-device-serial",
            content=meta.content_key,
            value=_value(meta.serials),
            title=f"{name}: the camera's {noun} stored in the file",
            severity=Severity.MEDIUM,
            group=item.group,
            evidence=_evidence(item, meta.serials),
        )


class OwnerDetector(PhotoDetector):
    """Artist, owner, creator and copyright names written by cameras and editing apps."""

    name = "owner"
    kinds = ("photo-owner-name",)

    def detect(self, item: SourceItem, meta: PhotoMetadata) -> Iterator[Finding]:
        if not meta.owners:
            return
        name = os.path.basename(item.locator) or item.locator
        yield make_finding(
            "photo-owner-name",
            content=meta.content_key,
            value=_value(meta.owners),
            title=f"{name}: a name is stored in the file ({meta.owners[0].value[:60]})",
            severity=Severity.MEDIUM,
            group=item.group,
            evidence=_evidence(item, meta.owners),
        )
