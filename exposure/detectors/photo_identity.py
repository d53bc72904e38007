"""Device serial numbers and owner names in photo metadata."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import ClassVar

from exposure.detectors.base import PhotoDetector, make_finding
from exposure.i18n.message import M_, Message, Mn_
from exposure.metadata import Identifier, PhotoMetadata
from exposure.model import Evidence, Finding, SourceItem


class _IdentifierDetector(PhotoDetector):
    """One medium-severity finding per file listing the identifiers of one family."""

    kind: ClassVar[str]

    def identifiers(self, meta: PhotoMetadata) -> tuple[Identifier, ...]:
        raise NotImplementedError

    def title(self, name: str, found: tuple[Identifier, ...]) -> Message:
        raise NotImplementedError

    def detect(self, item: SourceItem, meta: PhotoMetadata) -> Iterator[Finding]:
        found = self.identifiers(meta)
        if not found:
            return
        name = os.path.basename(item.locator) or item.locator
        yield make_finding(
            self.kind,
            content=meta.content_key,
            value="|".join(sorted(f"{i.label}={i.value}" for i in found)),
            title=self.title(name, found),
            group=item.group,
            evidence=[
                Evidence(locator=item.locator, detail=f"{i.label}: {i.value}", field=i.label)
                for i in found
            ],
        )


class SerialDetector(_IdentifierDetector):
    """Camera body, lens and phone serial numbers: they tie photos to one device."""

    name = "serial"
    kind = "photo-device-serial"
    kinds = (kind,)

    def identifiers(self, meta: PhotoMetadata) -> tuple[Identifier, ...]:
        return meta.serials

    def title(self, name: str, found: tuple[Identifier, ...]) -> Message:
        return Mn_(
            "{name}: the camera's serial number is stored in the file",
            "{name}: the camera's serial numbers are stored in the file",
            len(found),
            name=name,
        )


class OwnerDetector(_IdentifierDetector):
    """Artist, owner, creator and copyright names written by cameras and editing apps."""

    name = "owner"
    kind = "photo-owner-name"
    kinds = (kind,)

    def identifiers(self, meta: PhotoMetadata) -> tuple[Identifier, ...]:
        return meta.owners

    def title(self, name: str, found: tuple[Identifier, ...]) -> Message:
        return M_(
            "{name}: a name is stored in the file ({owner})", name=name, owner=found[0].value[:60]
        )
