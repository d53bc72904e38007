"""Places written into a photo by name: the IPTC location fields (City, Sub-location,
Province-State, Country) and their XMP copies, and the IPTC Extension LocationCreated /
LocationShown structures."""

from __future__ import annotations

import os
from collections.abc import Iterator

from exposure.detectors.base import PhotoDetector, make_finding
from exposure.i18n.message import M_
from exposure.metadata import PhotoMetadata, PlaceName
from exposure.model import Evidence, Finding, Severity, SourceItem

_ORIGIN_WORDS = {
    "IPTC": "IPTC location fields",
    "XMP": "XMP location fields",
    "XMP LocationCreated": "XMP LocationCreated: where the photo was taken",
    "XMP LocationShown": "XMP LocationShown: a place the photo shows",
}


def _evidence(item: SourceItem, text: str, places: list[PlaceName]) -> Evidence:
    """One line for one place, however many blocks (IPTC, XMP) write it."""
    words = "; ".join(dict.fromkeys(_ORIGIN_WORDS.get(p.origin, p.origin) for p in places))
    labels = ", ".join(dict.fromkeys(label for p in places for label, _ in p.fields()))
    # ``match`` marks the place in the detail: a report highlights it, a redacted copy
    # hides it (a sub-location can be a street address).
    return Evidence(
        locator=item.locator,
        detail=f"{text} ({words})",
        place_name=text,
        field=labels,
        match=(0, len(text)),
    )


class PlaceNameDetector(PhotoDetector):
    """A place written into the file by name: medium when it names a town, a sub-location
    or a named location; low when it names only a region or a country."""

    name = "place-name"
    kind = "photo-place-name"
    kinds = (kind,)

    def detect(self, item: SourceItem, meta: PhotoMetadata) -> Iterator[Finding]:
        if not meta.places:
            return
        grouped: dict[str, tuple[str, list[PlaceName]]] = {}
        for place in meta.places:
            text = place.as_text()
            grouped.setdefault(text.casefold(), (text, []))[1].append(place)
        specific = any(p.specific for p in meta.places)
        name = os.path.basename(item.locator) or item.locator
        # (the title leaves the place out: a redacted copy keeps titles)
        if all(p.origin == "XMP LocationShown" for p in meta.places):
            title = M_("{name}: a place the photo shows is written in the file by name", name=name)
        elif specific:
            title = M_("{name}: a place is written in the file by name", name=name)
        else:
            title = M_("{name}: the region or country is written in the file", name=name)
        yield make_finding(
            self.kind,
            content=meta.content_key,
            value="|".join(sorted(grouped)),
            title=title,
            severity=Severity.MEDIUM if specific else Severity.LOW,
            group=item.group,
            evidence=[_evidence(item, text, places) for text, places in grouped.values()],
        )
