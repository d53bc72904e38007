"""The data model every source, detector and renderer speaks.

::

    Source --yields--> SourceItem | Skipped
    Detector(SourceItem) --yields--> Finding | Skipped      (each Finding holds Evidence)
    inference(located points) ---> Place (home/work/regular roles) + Finding (zones, routine)
    Report = findings + skipped + places + per-source counts  --> renderers (JSON, HTML)

All records are frozen dataclasses.  A problem with one item is never an exception: it is
a :class:`Skipped` record with a reason a person can read, and the audit goes on.
"""

from __future__ import annotations

import gettext
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from exposure.geo import Position
from exposure.i18n.message import Message, Nn_, grouped

SCHEMA_VERSION = 1


class Severity(StrEnum):
    """How much a finding reveals.  Ordered: HIGH first."""

    HIGH = "high"
    """Points at a specific place (a home, a workplace, a routine)."""
    MEDIUM = "medium"
    """Identifies the person or device, or narrows down where they are."""
    LOW = "low"
    """Worth knowing, little risk on its own."""

    @property
    def rank(self) -> int:
        """0 for HIGH, 1 for MEDIUM, 2 for LOW: sorts most serious first."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


class Confidence(StrEnum):
    """How sure the detector is that the leak is real."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One unit a source yields: a photo file, an archive member, a post, a fetched page."""

    source: str
    """Name of the source that produced it (a key of ``exposure.sources.SOURCES``)."""
    locator: str
    """Where the item is, as the user would find it: ``INPUT/sub/path.jpg``,
    ``ARCHIVE!member``, or a URL."""
    kind: str
    """What the item is: ``photo``, ``video``, ``xmp-sidecar``, later ``post``, ``page``..."""
    path: str | None = None
    """Local file to read, when there is one (a plain string: a walk of a large photo
    library holds many of these, and a ``Path`` costs several times the memory)."""
    data: bytes | None = None
    """The item's bytes when it is not a local file (a photo inside an archive, a fetched
    image); read in memory, never written to disk."""
    group: str = "Photos and videos on this device"
    """Where the user has to act on it (the report groups findings by this)."""
    timestamp: datetime | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something that could not be checked, and why, in words for the user."""

    locator: str
    reason: str
    source: str = ""
    message: Message | None = field(default=None, compare=False, repr=False)
    """The reason, translatable (None: shown as written); the JSON report writes
    :attr:`reason`, its English."""

    @classmethod
    def said(cls, locator: str, message: Message, source: str = "") -> Skipped:
        """A record whose reason is ``message`` (its English in :attr:`reason`)."""
        return cls(locator, message.english(), source, message)


@dataclass(frozen=True, slots=True)
class NotChecked:
    """Files of one INPUT that exposure does not read, counted by type and extension (a
    folder of 10,000 empty files is one record, not 10,000 lines)."""

    input: str
    """The INPUT as the user named it."""
    counts: tuple[tuple[str, str, int], ...] = ()
    """``(type, extension, count)`` rows: type is a plural noun (``documents``, ``empty
    files``, ``unknown files``), extension lower-case with its dot (``""`` when none)."""
    examples: tuple[str, ...] = ()
    """A few of the files (locators), at most :data:`NOT_CHECKED_EXAMPLES`."""

    @property
    def total(self) -> int:
        """Files not checked."""
        return sum(n for _, _, n in self.counts)

    def by_type(self) -> dict[str, int]:
        """Type -> count, most first."""
        tally: Counter[str] = Counter()
        for kind, _, n in self.counts:
            tally[kind] += n
        return dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))

    def by_extension(self) -> dict[str, int]:
        """Extension -> count, most first (``""`` for files without one)."""
        tally: Counter[str] = Counter()
        for _, ext, n in self.counts:
            tally[ext] += n
        return dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))

    def merged(self, other: NotChecked) -> NotChecked:
        """This record and ``other`` (of the same INPUT) as one."""
        tally: Counter[tuple[str, str]] = Counter()
        for kind, ext, n in (*self.counts, *other.counts):
            tally[(kind, ext)] += n
        rows = sorted(((k, e, n) for (k, e), n in tally.items()), key=lambda r: (-r[2], r[0], r[1]))
        examples = (*self.examples, *other.examples)[:NOT_CHECKED_EXAMPLES]
        return NotChecked(self.input, tuple(rows), examples)

    def words(self, most: int = 4, translations: gettext.NullTranslations | None = None) -> str:
        """``212 documents (.pdf 120, .docx 92), 3 unknown files`` (in the language of
        ``translations``; a type this version does not know stays as written)."""
        t = translations or gettext.NullTranslations()
        parts = []
        for kind, n in self.by_type().items():
            exts = sorted(
                ((e, c) for k, e, c in self.counts if k == kind and e),
                key=lambda ec: (-ec[1], ec[0]),
            )
            shown = ", ".join(f"{e} {grouped(c, t)}" for e, c in exts[:most])
            if len(exts) > most:
                shown += ", ..."
            name = t.ngettext(_SINGULAR[kind], kind, n) if kind in _SINGULAR else kind
            parts.append(
                f"{grouped(n, t)} {name}" + (f" ({shown})" if shown and len(exts) > 1 else "")
            )
        return ", ".join(parts)


NOT_CHECKED_EXAMPLES = 20
"""Example locators kept per INPUT in :attr:`NotChecked.examples`."""

_PAIRS = (
    Nn_("document", "documents"),
    Nn_("empty file", "empty files"),
    Nn_("unknown file", "unknown files"),
    Nn_("audio file", "audio files"),
    Nn_("data file", "data files"),
    Nn_("program", "programs"),
    Nn_("image exposure does not read", "images exposure does not read"),
    Nn_("video exposure does not read", "videos exposure does not read"),
    Nn_("archive that is not a known export", "archives that are not a known export"),
    Nn_("link to a folder (not followed)", "links to folders (not followed)"),
    Nn_("web page", "web pages"),
    Nn_("link to a file that does not exist", "links to files that do not exist"),
    Nn_("devices, pipes and sockets", "devices, pipes and sockets"),
)
_SINGULAR = {many: one for one, many in _PAIRS}
"""The type words of :attr:`NotChecked.counts` (plural) -> singular, marked for translation."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One observation that backs a finding: the "where exactly"."""

    locator: str
    """The item it came from (same form as :attr:`SourceItem.locator`)."""
    detail: str
    """What was seen, short: ``"GPS 52.520008, 13.404954 (EXIF)"``."""
    position: Position | None = None
    observed_at: datetime | None = None
    """When the observation was made (capture time of a photo, time of a point)."""
    place_name: str | None = None
    field: str | None = None
    """The metadata field or JSON key it was read from."""
    match: tuple[int, int] | None = None
    """For text findings: ``(start, end)`` of the matched words inside :attr:`detail` (an
    excerpt), so a report can highlight them.  None when the detail is not an excerpt."""


@dataclass(frozen=True, slots=True)
class Step:
    """One remediation step, with where the advice comes from and when it was checked."""

    text: str
    source: str = ""
    checked: date | None = None


@dataclass(frozen=True, slots=True)
class Remediation:
    """How to remove a leak: a summary, ordered steps, and rough effort."""

    summary: str
    steps: tuple[Step, ...]
    effort: str = "a few minutes"
    links: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of the checklist."""

    id: str
    """Stable fingerprint: the same leak in the same content gets the same id every run."""
    kind: str
    """Stable documented identifier (see docs/json-report.md); never rename casually."""
    title: str
    severity: Severity
    confidence: Confidence
    why: str
    """Why this matters, in plain words."""
    group: str
    """Where the user has to act (a folder of photos, a platform, a web page)."""
    evidence: tuple[Evidence, ...]
    remediation: Remediation
    title_message: Message | None = field(default=None, compare=False, repr=False)
    """The title, translatable (None: shown as written); the JSON report writes
    :attr:`title`, its English, and the id does not depend on it."""

    @property
    def locator(self) -> str:
        """The first (main) place the leak was seen."""
        return self.evidence[0].locator if self.evidence else ""

    @property
    def position(self) -> Position | None:
        """The first real position among the evidence, if any."""
        return next((e.position for e in self.evidence if e.position is not None), None)

    def sort_key(self) -> tuple[int, int, str, str]:
        """Most severe first, then most confident, then by group and locator."""
        conf = {Confidence.HIGH: 0, Confidence.MEDIUM: 1, Confidence.LOW: 2}[self.confidence]
        return (self.severity.rank, conf, self.group, self.locator)


@dataclass(frozen=True, slots=True)
class LocatedPoint:
    """One located observation with its time, precision and source, kept for the inference
    of places (``exposure.inference``).

    Precision is ``position.accuracy_m`` when the source gives one.  ``observed_at`` says
    what the evidence says about local time: aware with its offset (EXIF ``OffsetTime``, an
    export's ``+01:00``), aware in UTC (a GPS time, an export's ``Z``: local time is then
    estimated from the longitude), or naive (a camera's clock, which is local time).
    """

    position: Position
    observed_at: datetime | None
    locator: str
    finding_id: str
    kind: str = ""
    """Kind of the finding it backs (``photo-gps``, ``google-timeline``...): its source,
    counted per kind when sources converge on a place.  The audit fills it in."""
    label: str = ""
    """``home`` or ``work`` when a platform itself labelled this place so."""


class PlaceRole(StrEnum):
    """What a stranger would take a place to be."""

    HOME = "home"
    WORK = "work"
    """Work or school: weekday daytime over many weeks."""
    REGULAR = "regular"
    """Visited again and again, on different days (a gym, parents', a child's school)."""
    VISITED = "visited"
    """Seen on one or two days only (travel, an outing)."""
    UNKNOWN = "unknown"
    """Not enough dated evidence to say."""

    @property
    def rank(self) -> int:
        """0 for HOME up to 4 for UNKNOWN: sorts what reveals most first (declaration order)."""
        return list(PlaceRole).index(self)


@dataclass(frozen=True, slots=True)
class Near:
    """The nearest town in an offline gazetteer: the place is *near* it, never *at* it."""

    town: str
    country: str


@dataclass(frozen=True, slots=True)
class Place:
    """A cluster of located evidence, with what a stranger would conclude from it."""

    id: str
    label: str
    centre: Position
    radius_m: float
    points: int
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    finding_ids: tuple[str, ...] = ()
    role: PlaceRole = PlaceRole.UNKNOWN
    confidence: Confidence = Confidence.LOW
    reason: str = ""
    """One sentence: why this role (``Seen on 42 nights ...``)."""
    sources: tuple[tuple[str, int], ...] = ()
    """Evidence per finding kind, most first: photos and routes counted as items (files,
    activities), histories as points.  Two kinds or more is convergence."""
    near: Near | None = None
    reason_message: Message | None = field(default=None, compare=False, repr=False)
    """The reason, translatable (None: shown as written)."""


@dataclass(frozen=True, slots=True)
class BaselineItem:
    """A finding of an earlier report that this audit no longer finds (fixed)."""

    id: str
    kind: str
    title: str
    severity: Severity
    group: str


@dataclass(frozen=True, slots=True)
class Baseline:
    """This audit compared with an earlier report of the same inputs (``verify``)."""

    previous_generated_at: str | None
    """When the earlier report was made (ISO 8601 text as it wrote it), None if unknown."""
    fixed: tuple[BaselineItem, ...]
    """Findings of the earlier report that are gone."""
    still_there: frozenset[str]
    """Ids of findings found by both."""
    new: frozenset[str]
    """Ids of findings the earlier report did not have."""


@dataclass(frozen=True, slots=True)
class SourceCount:
    """How many items one source checked in this audit."""

    source: str
    checked: int


@dataclass(frozen=True)
class Report:
    """Everything an audit found.  Renderers take only this."""

    tool_version: str
    inputs: tuple[str, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    places: tuple[Place, ...] = ()
    counts: tuple[SourceCount, ...] = ()
    points: Sequence[LocatedPoint] = field(default=(), repr=False)
    """Every located point the inference read (an ``exposure.pointstore.PointStore`` from
    an audit: columns, each point made on demand)."""
    generated_at: datetime | None = None
    """None in reproducible mode."""
    redacted: bool = False
    schema_version: int = SCHEMA_VERSION
    baseline: Baseline | None = None
    """Set by ``verify``/``--baseline``: what changed since an earlier report."""
    not_checked: tuple[NotChecked, ...] = ()
    """Per INPUT, the files exposure does not read (documents, unknown files...)."""

    @property
    def items_checked(self) -> int:
        """Total items looked at, over all sources."""
        return sum(c.checked for c in self.counts)

    def severity_counts(self) -> dict[Severity, int]:
        """Number of findings at each severity (every severity present as a key)."""
        counted = Counter(f.severity for f in self.findings)
        return {s: counted.get(s, 0) for s in Severity}
