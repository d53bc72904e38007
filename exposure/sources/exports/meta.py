"""What Instagram and Facebook exports share (both are Meta's "Download your information").

Meta stores text as UTF-8 bytes each escaped as ``\\u00XX`` ("café" arrives as "cafÃ©");
:func:`~exposure.sources.exports.values.meta_text` repairs it before anything is shown.
Uploaded photos keep part of their camera metadata in the export (``exif_data``):
sometimes the GPS position, often a device id that links every upload to one phone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from exposure.detectors.base import make_finding
from exposure.geo import Position
from exposure.i18n.message import Mn_
from exposure.model import Evidence
from exposure.sources.base import Entry
from exposure.sources.exports.context import Aggregate
from exposure.sources.exports.values import meta_text, position


def exif_entries(media: Any) -> list[dict[str, Any]]:
    """The ``media_metadata.photo_metadata.exif_data`` (or video) entries of one media item."""
    if not isinstance(media, dict):
        return []
    meta = media.get("media_metadata")
    if not isinstance(meta, dict):
        return []
    found: list[dict[str, Any]] = []
    for key in ("photo_metadata", "video_metadata"):
        block = meta.get(key)
        exif = block.get("exif_data") if isinstance(block, dict) else None
        if isinstance(exif, list):
            found.extend(e for e in exif if isinstance(e, dict))
    return found


def labelled(entries: Any, depth: int = 0) -> Iterator[tuple[str, str]]:
    """``(label, value)`` pairs of Meta's newer ``label_values`` layout, repaired.

    An entry is ``{"label", "value"}``, or groups more entries under ``dict`` (labelled
    fields: ``[{"label": "City", "value": "Berlin"}]``) or ``vec`` (a plain list:
    ``[{"value": "Berlin"}]``).  Labels follow the account's language, so callers should
    not depend on them.  Entries of the wrong type are skipped; nesting is bounded.
    """
    if not isinstance(entries, list) or depth > 4:
        return
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        label = meta_text(entry.get("label") or entry.get("title"))
        value = meta_text(entry.get("value"))
        if value.strip():
            yield label, value.strip()
        for key in ("dict", "vec"):
            yield from labelled(entry.get(key), depth + 1)


def exif_position(entries: list[dict[str, Any]]) -> Position | None:
    """The first real GPS position among exif entries."""
    for entry in entries:
        if "latitude" in entry or "longitude" in entry:
            pos = position(entry.get("latitude"), entry.get("longitude"))
            if isinstance(pos, Position):
                return pos
    return None


@dataclass
class DeviceLog(Aggregate):
    """Device ids and lens models Meta kept from uploads: one summary finding."""

    kind: str
    platform: str
    group: str
    locator: str
    devices: Counter[str] = field(default_factory=Counter)
    lenses: Counter[str] = field(default_factory=Counter)

    def add(self, entries: list[dict[str, Any]]) -> None:
        """The exif entries of one upload."""
        for entry in entries:
            device = entry.get("device_id")
            if isinstance(device, str) and device.strip():
                self.devices[device.strip()] += 1
            lens = entry.get("lens_model")
            if isinstance(lens, str) and lens.strip() and len(self.lenses) < 100:
                self.lenses[lens.strip()] += 1

    def entries(self) -> Iterator[Entry]:
        if not self.devices:
            return
        uploads = sum(self.devices.values())
        shown = f"{uploads:,}"
        evidence = [
            Evidence(
                self.locator,
                f"device id {device}: {n} upload{'s' if n != 1 else ''}",
                field="device_id",
            )
            for device, n in self.devices.most_common(5)
        ]
        evidence += [
            Evidence(
                self.locator, f"lens {lens}: {n} upload{'s' if n != 1 else ''}", field="lens_model"
            )
            for lens, n in self.lenses.most_common(3)
        ]
        yield make_finding(
            self.kind,
            content=self.platform,
            value=" ".join(sorted(self.devices)),
            title=Mn_(  # the same English for one and many: the JSON report's title stays
                "{platform} kept the device id of the phone or camera behind {uploads} uploads",
                "{platform} kept the device id of the phone or camera behind {uploads} uploads",
                uploads,
                platform=self.platform,
                uploads=shown,
            ),
            group=self.group,
            evidence=evidence,
        )
