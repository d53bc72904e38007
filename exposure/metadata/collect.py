"""The accumulator that parsers fill while walking one file, and its final build step."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from exposure.geo import NEAR_ZERO_DEGREES, PositionProblem
from exposure.i18n.message import Message, said
from exposure.metadata.model import GpsReading, Identifier, PhotoMetadata, PlaceName, TextField
from exposure.metadata.text import (
    clean,
    is_placeholder_serial,
    is_placeholder_text,
    looks_like_name,
)

MAX_NOTES = 8
MAX_IDENTIFIERS = 32
MAX_TEXTS = 32
MAX_PLACES = 16

# Ranks for the capture time: the lowest rank offered wins.
RANK_ORIGINAL = 0
"""EXIF DateTimeOriginal."""
RANK_CREATED = 1
"""EXIF CreateDate (DateTimeDigitized)."""
RANK_XMP = 2
"""XMP exif:DateTimeOriginal / photoshop:DateCreated / xmp:CreateDate."""
RANK_CONTAINER = 3
"""QuickTime creation date."""
RANK_CONTAINER_UTC = 4
"""QuickTime movie header (mvhd) creation time."""


def _value(text: str | None) -> str | None:
    return (clean(text) or None) if text else None


class Collector:
    """Everything found so far in one file; first value wins for single-valued fields."""

    __slots__ = (
        "_captured",
        "_captured_rank",
        "_gps_seen",
        "_ids_seen",
        "damaged",
        "failure",
        "gps",
        "make",
        "model",
        "notes",
        "owners",
        "places",
        "serials",
        "software",
        "texts",
    )

    def __init__(self) -> None:
        self.gps: list[GpsReading] = []
        self._gps_seen: set[tuple[object, ...]] = set()
        self.serials: list[Identifier] = []
        self.owners: list[Identifier] = []
        self._ids_seen: set[str] = set()
        self.make: str | None = None
        self.model: str | None = None
        self.software: str | None = None
        self.texts: list[TextField] = []
        self.places: list[PlaceName] = []
        self._captured: datetime | None = None
        self._captured_rank = 99
        self.notes: list[str] = []
        self.damaged = False
        """The file's structure is broken somewhere (positions near (0, 0) are suspect)."""
        self.failure: str | None = None
        """The first reason a part of the file could not be read."""

    # -- adding -----------------------------------------------------------------------
    def add_gps(self, reading: GpsReading) -> None:
        """Record a GPS reading unless an identical one from the same origin is known."""
        key = (
            reading.lat,
            reading.lon,
            reading.altitude_m,
            reading.gps_time,
            reading.origin,
            reading.problem,
        )
        if key not in self._gps_seen:
            self._gps_seen.add(key)
            self.gps.append(reading)

    def add_serial(self, label: str, value: str | None) -> None:
        """Record a serial number unless it is a placeholder like ``"0000000"``."""
        if value is None:
            return
        value = clean(value)
        if not is_placeholder_serial(value):
            self._add_id(self.serials, label, value)

    def add_owner(self, label: str, value: str | None) -> None:
        """Record a person's or organisation's name unless it is empty boilerplate."""
        if value is None:
            return
        value = clean(value)
        if looks_like_name(value):
            self._add_id(self.owners, label, value)

    def _add_id(self, target: list[Identifier], label: str, value: str) -> None:
        """Add unless the same value is already known (under any label)."""
        key = ("s:" if target is self.serials else "o:") + value.casefold()
        if key not in self._ids_seen and len(target) < MAX_IDENTIFIERS:
            self._ids_seen.add(key)
            target.append(Identifier(label, value))

    def set_make(self, value: str | None) -> None:
        """Camera maker, first non-empty value wins."""
        if self.make is None and value:
            self.make = clean(value) or None

    def set_model(self, value: str | None) -> None:
        """Camera model, first non-empty value wins."""
        if self.model is None and value:
            self.model = clean(value) or None

    def set_software(self, value: str | None) -> None:
        """Writing software, first non-empty value wins."""
        if self.software is None and value:
            self.software = clean(value) or None

    def add_text(self, label: str, value: str | None) -> None:
        """Free text read from the field ``label``; placeholders are filtered when building,
        and a text already known (under any label) is kept once, with its first label."""
        if value:
            value = clean(value)
            if value and len(self.texts) < MAX_TEXTS:
                folded = value.casefold()
                if all(t.value.casefold() != folded for t in self.texts):
                    self.texts.append(TextField(label, value))

    def add_place(
        self,
        origin: str,
        *,
        sublocation: str | None = None,
        city: str | None = None,
        state: str | None = None,
        country: str | None = None,
        country_code: str | None = None,
        name: str | None = None,
    ) -> None:
        """A place written by name in the fields of ``origin`` (see :class:`PlaceName`);
        values are cleaned, and a place without any value, or known already, is dropped."""
        place = PlaceName(
            origin,
            _value(sublocation),
            _value(city),
            _value(state),
            _value(country),
            _value(country_code),
            _value(name),
        )
        if place.as_text() and place not in self.places and len(self.places) < MAX_PLACES:
            self.places.append(place)

    def offer_captured(self, when: datetime | None, rank: int) -> None:
        """A candidate capture time; the one with the lowest ``rank`` wins."""
        if when is not None and rank < self._captured_rank:
            self._captured = when
            self._captured_rank = rank

    def note(self, text: str | Message, *, damage: bool = False) -> None:
        """A short remark about a part that could not be read (deduplicated, capped);
        ``damage`` when it says the file's structure is broken."""
        self.damaged = self.damaged or damage
        text = said(text)  # a message carrying a value: its English, keeping the message
        if text not in self.notes and len(self.notes) < MAX_NOTES:
            self.notes.append(text)

    def fail(self, reason: str | Message, note: str | Message | None = None) -> None:
        """A part of the file could not be read: remember ``reason`` and add a note.

        ``reason`` becomes the :class:`MetadataError` reason when nothing else is read;
        ``note`` (default: ``reason``) is what a partial result says about the part.
        """
        if self.failure is None:
            self.failure = said(reason)
        self.note(note or reason, damage=True)

    # -- result -----------------------------------------------------------------------
    def has_content(self) -> bool:
        """True when anything at all was read from the file's metadata."""
        return bool(
            self.gps
            or self.serials
            or self.owners
            or self.make
            or self.model
            or self.software
            or self.texts
            or self.places
            or self._captured is not None
        )

    def build(self, fmt: str, content_key: str, size: int) -> PhotoMetadata:
        """The frozen result."""
        make, model = self.make, self.model
        texts = tuple(t for t in self.texts if not is_placeholder_text(t.value, make, model))
        return PhotoMetadata(
            format=fmt,
            content_key=content_key,
            size=size,
            gps=tuple(_suspect_near_zero(r) for r in self.gps) if self.damaged else tuple(self.gps),
            captured_at=self._captured,
            make=self.make,
            model=self.model,
            serials=tuple(self.serials),
            owners=tuple(o for o in self.owners if not is_placeholder_text(o.value, make, model)),
            description=texts[0].value if texts else None,
            software=self.software,
            notes=tuple(self.notes),
            texts=texts,
            places=tuple(self.places),
        )


def _suspect_near_zero(reading: GpsReading) -> GpsReading:
    """A position next to (0, 0) read from a damaged file is a placeholder: mutated bytes
    turn a (0, 0) placeholder into (0.034, 0.046), a place that ExifTool does not read."""
    if (
        reading.problem is None
        and reading.lat is not None
        and reading.lon is not None
        and abs(reading.lat) < NEAR_ZERO_DEGREES
        and abs(reading.lon) < NEAR_ZERO_DEGREES
    ):
        return dataclasses.replace(reading, problem=PositionProblem.DAMAGED_NEAR_ZERO)
    return reading
