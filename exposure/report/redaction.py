"""Make a copy of a report that can be shared with an advocate or helper.

What changes (and what does not) is listed in :func:`redact`.  The result is an ordinary
:class:`~exposure.model.Report` with ``redacted=True``, so every renderer handles it; the
renderers show its times as dates only.

How it is built, so that a record type added later is covered without thinking about it:
:class:`Redactor` walks the report generically.  Every ``str`` goes through
:meth:`Redactor.text` (unless its field is an identifier listed in :data:`KEPT_FIELDS`),
every :class:`~exposure.geo.Position` is rounded, every ``datetime`` becomes a date, and
every dataclass is rebuilt field by field.  A type that needs more (a locator that becomes
a label, an excerpt whose match moves) has its own entry in :data:`HANDLERS`: to extend
redaction for a new record type, add a handler there only if the generic walk is not
enough (a place's centre, for instance, is already rounded by the walk).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from exposure.detectors.text.scan import TextScanner
from exposure.geo import Position
from exposure.i18n.message import Message
from exposure.model import Evidence, Finding, LocatedPoint, NotChecked, Report, Skipped
from exposure.pointstore import PointStore, locators_of
from exposure.report.scrub import REDACT_DECIMALS, Pseudonyms, is_url

_T = TypeVar("_T")

HIDDEN = "[hidden in this copy]"
"""What replaces the words a text detector matched (an address, a venue) in a redacted copy."""
TIME_HIDDEN = "[time hidden]"
"""What replaces a time of day written in text."""
KEEP_TAIL = 2
"""Characters of a serial number or a name that a redacted copy still shows (the end)."""
MASK = "•••"
MIN_SECRET = 4
"""Values shorter than this are masked where they were found, not searched for everywhere
(replacing every "12" in a report would make it unreadable and hide nothing)."""

IDENTITY_KINDS = frozenset({"photo-device-serial", "photo-owner-name", "instagram-photo-device"})
"""Kinds whose value names a device or a person: a redacted copy shows its last characters
only, so the helper can still tell two cameras apart."""

KEPT_FIELDS = frozenset(
    {
        "id",
        "kind",
        "finding_id",
        "finding_ids",
        "field",
        "source",
        "effort",
        "links",
        "tool_version",
        "still_there",
        "new",
        "sources",
    }
)
"""Fields that hold identifiers, not user data: the same in both copies, so a checklist
ticked in one matches the other."""
WORDING_FIELDS = frozenset({"why", "summary", "text"})
"""Fields that hold the catalogue's own wording (why it matters, remediation steps): only
paths and coordinates in them are scrubbed, their words stay as written."""
ROLE_NAMES = frozenset({"home", "work", "home area", "work area", "school", "gym", "other"})
"""Place names that are labels, not places: not hidden elsewhere in the text."""

_ISO_MOMENT = re.compile(
    r"\b(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s?(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?(?!\d|:\d)"
)
_CLOCK = re.compile(
    r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:\s?(?:[AaPp]\.?[Mm]\b\.?|Z\b|UTC\b|GMT\b|[+-]\d{2}:?\d{2}))?(?!\d|:\d)"
    r"|(?<![\w.])(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]m\b)"
)
_ALTITUDE = re.compile(
    r"(?i)[;,]?\s*\b(?:altitude|elevation|height above sea level)\b:?\s*[-+]?\d+(?:[.,]\d+)?"
    r"\s*(?:m|metres|meters|ft|feet)\b\.?"
)
_GPS_TIME = re.compile(r"(?i)[;,]?\s*\bGPS (?:time|date ?stamp|time ?stamp)\b[^;,)]*")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_PARTS = re.compile(r"\s+[—–]\s+|\s+\(|\)\s*|;\s+")
_IDENTITY_VALUE = re.compile(r"^(?:device id|lens|serial|owner)\s+(?P<value>.+?):\s+\d+\s")


def mask_tail(value: str) -> str:
    """``•••74``: only the last :data:`KEEP_TAIL` characters of a serial or a name."""
    value = value.strip()
    return MASK + value[-KEEP_TAIL:] if len(value) > KEEP_TAIL + 1 else MASK


def redact(report: Report) -> Report:
    """A shareable copy of ``report``; the original is not modified.

    * Positions are rounded to 2 decimals (about 1 km); altitude and accuracy are dropped.
    * File paths become labels such as ``photo-3f9a.jpg`` (the same file always gets the
      same label); paths and file names inside text are replaced the same way.
    * Every place written in any text is hidden: what any text detector matches (an address
      inside a map-link excerpt too, not only the finding's own match), the place names and
      values that findings name, wherever else they are repeated.  Coordinates in text are
      rounded like positions; place names (which may be street addresses) are dropped.
    * Times become dates (midnight, no time zone); times of day written in text are hidden;
      GPS times and altitudes written in text are removed.
    * Serial numbers, device ids and owner names show only their last 2 characters, in
      every text; IP addresses likewise.
    * Inputs are replaced by counts ("2 folders or files", "1 web address").
    * Finding ids, kinds, severities and remediation advice stay, so a checklist ticked in
      one copy matches the other.

    Redacting a report that is already redacted returns it unchanged.
    """
    if report.redacted:
        return report
    return Redactor(report).report(report)


class Redactor:
    """The redaction of one report: knows its paths and the values its findings name."""

    def __init__(self, report: Report) -> None:
        self.names = Pseudonyms(_all_paths(report))
        self.scanner = TextScanner()
        self.secrets = _secrets(report.findings)
        self._secret_order = sorted(self.secrets, key=len, reverse=True)
        self._done: dict[str, str] = {}
        self._memo: dict[int, Any] = {}
        """Objects shared by many findings (a remediation) are redacted once."""

    # -- the walk -------------------------------------------------------------------------

    def report(self, report: Report) -> Report:
        """The redacted report."""
        walked = self.value(report)
        assert isinstance(walked, Report)
        return dataclasses.replace(
            walked, inputs=_input_counts(report.inputs), tool_version=report.tool_version
        )

    def value(self, obj: Any, field: str | None = None) -> Any:
        """The redacted form of any value of the report."""
        if obj is None or isinstance(obj, bool | int | float | Enum):
            return obj
        if isinstance(obj, str):
            if field in KEPT_FIELDS:
                return obj
            return self.names.scrub(obj) if field in WORDING_FIELDS else self.text(obj)
        if isinstance(obj, datetime):
            return _day(obj)
        if isinstance(obj, date):
            return obj
        if isinstance(obj, Position):
            return obj.rounded(REDACT_DECIMALS)
        if isinstance(obj, PointStore):
            return _points(self, obj)
        if isinstance(obj, tuple):
            return tuple(self.value(v, field) for v in obj)
        if isinstance(obj, frozenset):
            return frozenset(self.value(v, field) for v in obj)
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            key = id(obj)
            if key not in self._memo:
                handler = HANDLERS.get(type(obj), Redactor.fields)
                self._memo[key] = (obj, handler(self, obj))
            return self._memo[key][1]
        raise TypeError(f"redaction does not know {type(obj).__name__}: add it to HANDLERS")

    def fields(self, obj: _T, **given: Any) -> _T:
        """``obj`` with every field redacted by the generic rules, except those ``given``."""
        changes = {
            f.name: given[f.name] if f.name in given else self.value(getattr(obj, f.name), f.name)
            for f in dataclasses.fields(obj)  # type: ignore[arg-type]
            if f.init
        }
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]

    # -- text -----------------------------------------------------------------------------

    def text(self, text: str) -> str:
        """``text`` as a redacted copy may show it (see :func:`redact`)."""
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._text(text)
        return done

    def _text(self, text: str) -> str:
        text = self.names.scrub(text)  # paths to labels, coordinates rounded
        text = self._hide_secrets(text)
        text = _GPS_TIME.sub("", text)
        text = _ALTITUDE.sub("", text)
        text = _ISO_MOMENT.sub(r"\1", text)
        text = _CLOCK.sub(TIME_HIDDEN, text)
        text = _IPV4.sub(lambda m: mask_tail(m.group(0)), text)
        text = _IPV6.sub(
            lambda m: mask_tail(m.group(0)) if m.group(0).count(":") > 2 else m.group(0), text
        )
        return self._hide_hits(text)

    def _hide_secrets(self, text: str) -> str:
        for secret in self._secret_order:
            if secret in text:
                text = text.replace(secret, self.secrets[secret])
        return text

    def _hide_hits(self, text: str) -> str:
        """Every text detector's matches, whichever finding they belong to."""
        hits = self.scanner.scan(text)
        spans = _merged(
            (h.start, h.end) for h in hits if not _coarse(h.kind, text[h.start : h.end])
        )
        for start, end in reversed(spans):
            text = text[:start] + HIDDEN + text[end:]
        return text


_FINE = re.compile(r"\.\d{3}")


def _coarse(kind: str, matched: str) -> bool:
    """Coordinates already rounded to a redacted copy's precision (they stay readable)."""
    return kind == "text-coordinates" and _FINE.search(matched) is None


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# -- per-type handlers (the generic walk does the rest) ----------------------------------


def _evidence(r: Redactor, evidence: Evidence) -> Evidence:
    detail, match = evidence.detail, None
    if evidence.match is not None:  # the finding's own match: hidden, and still marked
        start, end = evidence.match
        before, after = r.text(detail[:start]), r.text(detail[end:])
        detail, match = before + HIDDEN + after, (len(before), len(before) + len(HIDDEN))
    else:
        detail = r.text(detail)
    return r.fields(
        evidence,
        locator=r.names.locator(evidence.locator),
        detail=detail,
        place_name=None,
        match=match,
    )


def _skipped(r: Redactor, skipped: Skipped) -> Skipped:
    return r.fields(skipped, locator=r.names.locator(skipped.locator))


def _point(r: Redactor, point: LocatedPoint) -> LocatedPoint:
    return r.fields(point, locator=r.names.locator(point.locator))


def _points(r: Redactor, store: PointStore) -> PointStore:
    """The audit's points (columns) redacted as :func:`_point` does one point: each
    identity once, positions rounded, times made dates."""

    def ident(values: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
        kind, locator, finding_id, label = values
        return (
            r.value(kind, "kind"),
            r.names.locator(locator),
            r.value(finding_id, "finding_id"),
            r.value(label, "label"),
        )

    return store.redacted(ident, REDACT_DECIMALS)


def _not_checked(r: Redactor, record: NotChecked) -> NotChecked:
    return dataclasses.replace(
        record,
        input=r.names.locator(record.input),
        examples=tuple(r.names.locator(e) for e in record.examples),
    )


def _message(r: Redactor, message: Message) -> Message:
    """A translatable title or reason: its words stay, its values are redacted as text."""
    return message.mapped(r.text)


def _report(r: Redactor, report: Report) -> Report:
    return r.fields(report, redacted=True, schema_version=report.schema_version)


HANDLERS: dict[type, Callable[[Redactor, Any], Any]] = {
    Evidence: _evidence,
    Skipped: _skipped,
    LocatedPoint: _point,
    NotChecked: _not_checked,
    Message: _message,
    Report: _report,
}
"""Record types that need more than the generic walk (see the module docstring)."""


# -- what findings name ------------------------------------------------------------------


def _secrets(findings: Iterable[Finding]) -> dict[str, str]:
    """Values named by the findings -> what replaces them in every text of the report (a
    name that is also an owner name shows its last characters, wherever it appears)."""
    hidden: dict[str, str] = {}
    identities: dict[str, str] = {}
    for finding in findings:
        for evidence in finding.evidence:
            for value, replacement in _named(finding.kind, evidence):
                value = value.strip(" \t“”\"'‘’,.:")
                if (
                    len(value) >= MIN_SECRET
                    and not is_url(value)
                    and value.lower() not in ROLE_NAMES
                ):
                    (hidden if replacement == HIDDEN else identities).setdefault(value, replacement)
    return {**hidden, **identities}


def _named(kind: str, evidence: Evidence) -> Iterator[tuple[str, str]]:
    """The sensitive values one piece of evidence names, with their replacement."""
    if evidence.place_name:
        yield evidence.place_name, HIDDEN
        for part in evidence.place_name.split(", "):  # "Tempelhofer Feld" of "..., Germany"
            yield part, HIDDEN
    if evidence.match is not None:
        yield evidence.detail[evidence.match[0] : evidence.match[1]], HIDDEN
    value = _field_value(evidence)
    if kind in IDENTITY_KINDS:
        if value is None and (found := _IDENTITY_VALUE.match(evidence.detail)) is not None:
            value = found["value"]
        if value:
            yield value, mask_tail(value)
            for part in _PARTS.split(value):  # "(c) Alex Example" also hides "Alex Example"
                yield part, mask_tail(part)
    elif value:
        yield value, HIDDEN
        for part in _PARTS.split(value):  # "address — name": each part wherever it appears
            yield part, HIDDEN


def _field_value(evidence: Evidence) -> str | None:
    """The value of a ``"Field: value"`` detail (how identity and page findings read)."""
    if evidence.field and evidence.detail.startswith(f"{evidence.field}: "):
        return evidence.detail[len(evidence.field) + 2 :]
    return None


def _all_paths(report: Report) -> list[str]:
    paths = list(report.inputs)
    paths += [e.locator for f in report.findings for e in f.evidence]
    paths += [s.locator for s in report.skipped]
    paths += [p for n in report.not_checked for p in (n.input, *n.examples)]
    paths += locators_of(report.points)
    return paths


def _input_counts(inputs: tuple[str, ...]) -> tuple[str, ...]:
    kinds = Counter("web" if is_url(i) else "file" for i in inputs)
    out = []
    if kinds["file"]:
        n = kinds["file"]
        out.append(f"{n} folder or file" if n == 1 else f"{n} folders or files")
    if kinds["web"]:
        n = kinds["web"]
        out.append(f"{n} web address" if n == 1 else f"{n} web addresses")
    return tuple(out)


def _day(value: datetime | None) -> datetime | None:
    """Midnight of the same calendar day, without a time zone (the offset says where)."""
    if value is None:
        return None
    return datetime(value.year, value.month, value.day)
