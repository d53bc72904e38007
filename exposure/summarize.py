"""``exposure summarize REPORT.json...``: an anonymous summary of a room, for the slides.

A workshop facilitator collects the participants' JSON reports (or each participant runs
this on their own) and gets counts only: how many people had each kind of leak, on which
platform, at which severity, and how many had a home that could be worked out.

Anonymous by construction, not by filtering: every word in the summary comes from
exposure's own vocabulary (finding kinds of the catalogue, the fixed platform labels of
the sources, the severities).  Nothing read from a report is ever copied into the output:
no coordinates, names, file paths, URLs, titles, details or dates; a kind or platform the
vocabulary does not know is counted as "other".  ``tests/workshop/test_summarize.py``
seeds unique markers in every field of the input reports and checks none comes out.
"""

from __future__ import annotations

import gettext
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exposure.i18n import N_
from exposure.i18n.message import M_, Message, Mn_
from exposure.model import Severity
from exposure.textsafe import neutralise_bidi

OTHER = "other"
"""The kind or platform of anything outside exposure's vocabulary."""

PHOTOS = N_("Photos and videos")
"""Photo folders' groups start with these words (then name the folder, never shown)."""
WEB = N_("Websites and public profiles")
OTHER_PLATFORM = N_("Other")

HOME_ROLE = "home"
"""The role the inference step gives a place that looks like someone's home."""

MAX_REPORT_BYTES = 2 * 1024**3
"""A larger file is not read (no exposure report of a person's material comes near it)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table: a label from the vocabulary, people and findings counted."""

    key: str
    """The kind id, platform label or severity value (``other`` for the unknown)."""
    label: str
    """The words shown."""
    people: int
    """Reports holding at least one such finding."""
    findings: int
    """Findings of this key over all reports."""


@dataclass(frozen=True)
class RoomSummary:
    """Counts over a set of reports; nothing else."""

    people: int
    """Distinct exposure reports read (identical files count once)."""
    with_findings: int
    """Reports with at least one finding."""
    findings: int
    """Findings over all reports."""
    severities: tuple[Row, ...]
    kinds: tuple[Row, ...]
    platforms: tuple[Row, ...]
    home: int | None
    """Reports in which a likely home was worked out; None when this version of exposure
    does not work out places."""
    could_not_check: int
    """Reports that say some items could not be checked."""
    redacted: int
    """Reports that were redacted copies."""

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""

        def rows(items: tuple[Row, ...]) -> list[dict[str, Any]]:
            return [
                {"key": r.key, "label": r.label, "people": r.people, "findings": r.findings}
                for r in items
            ]

        return {
            "summary_of": "exposure reports",
            "version": 1,
            "people": self.people,
            "people_with_findings": self.with_findings,
            "findings": self.findings,
            "severities": rows(self.severities),
            "kinds": rows(self.kinds),
            "platforms": rows(self.platforms),
            "people_with_inferable_home": self.home,
            "people_with_items_not_checked": self.could_not_check,
            "redacted_reports": self.redacted,
        }


@dataclass
class Loaded:
    """The reports read, and what was given that was not one (named for the person running
    the command, on standard error; never in the summary)."""

    reports: list[Mapping[str, Any]] = field(default_factory=list)
    problems: list[tuple[str, Message]] = field(default_factory=list)
    """(what was given, why it was not read), the why to be said in the user's language."""
    duplicates: int = 0


def load_reports(paths: Iterable[str | Path]) -> Loaded:
    """Read each exposure JSON report (a folder: every ``*.json`` directly inside it)."""
    loaded = Loaded()
    seen: set[bytes] = set()
    for given in paths:
        path = Path(given).expanduser()
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        if not files:
            loaded.problems.append((str(given), M_("no .json file in this folder")))
        for file in files:
            report, problem, digest = _read(file)
            if report is None:
                loaded.problems.append((str(file), problem))
            elif digest in seen:
                loaded.duplicates += 1
            else:
                seen.add(digest)
                loaded.reports.append(report)
    return loaded


def _read(path: Path) -> tuple[Mapping[str, Any] | None, Message, bytes]:
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            return None, M_("larger than any exposure report; not read"), b""
        data = path.read_bytes()
    except OSError as exc:
        return None, M_("could not be read ({error})", error=str(exc.strerror or exc)), b""
    try:
        report = json.loads(data)
    except (ValueError, RecursionError):
        why = M_("not a JSON report (write one with: exposure audit ... --json FILE)")
        return None, why, b""
    if not _is_report(report):
        return None, M_("not an exposure JSON report"), b""
    return report, Message(""), hashlib.sha256(data).digest()


def _is_report(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("tool"), dict)
        and value["tool"].get("name") == "exposure"
        and value.get("schema_version") == 1
        and isinstance(value.get("findings"), list)
    )


def _vocabulary() -> tuple[dict[str, str], set[str]]:
    """Known finding kinds -> their plural heading words, and known platform labels."""
    from exposure.catalogue import CATALOGUE
    from exposure.report.wording import KIND_HEADING
    from exposure.sources.exports.source import EXPORT_SOURCES

    kinds = {
        kind: _capital(KIND_HEADING[kind][1] if kind in KIND_HEADING else info.summary.rstrip(". "))
        for kind, info in CATALOGUE.items()
    }
    return kinds, {source.group for source in EXPORT_SOURCES}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _platform(finding: Mapping[str, Any], platforms: set[str]) -> str:
    group = finding.get("group")
    if isinstance(group, str) and group in platforms:
        return group
    if isinstance(group, str) and group.startswith(PHOTOS):
        return PHOTOS
    locator = finding.get("locator")
    if isinstance(locator, str) and locator.lower().startswith(("http://", "https://")):
        return WEB
    return OTHER_PLATFORM


def _has_home(report: Mapping[str, Any]) -> bool:
    places = report.get("places")
    if not isinstance(places, list):
        return False
    return any(isinstance(p, dict) and p.get("role") == HOME_ROLE for p in places)


def works_out_places() -> bool:
    """Whether this version of exposure works out places (the inference step)."""
    import importlib.util

    return importlib.util.find_spec("exposure.inference") is not None


def summarize(reports: Iterable[Mapping[str, Any]], *, places: bool | None = None) -> RoomSummary:
    """Count ``reports`` (parsed exposure JSON reports) into a :class:`RoomSummary`."""
    kind_words, platform_labels = _vocabulary()
    severities = [s.value for s in Severity]
    people = {"kind": Counter[str](), "platform": Counter[str](), "severity": Counter[str]()}
    counts = {"kind": Counter[str](), "platform": Counter[str](), "severity": Counter[str]()}
    total = with_findings = homes = not_checked = redacted = findings_total = 0
    for report in reports:
        total += 1
        seen: dict[str, set[str]] = {"kind": set(), "platform": set(), "severity": set()}
        for finding in report.get("findings") or ():
            if not isinstance(finding, dict):
                continue
            kind = finding.get("kind")
            severity = finding.get("severity")
            keys = {
                "kind": kind if isinstance(kind, str) and kind in kind_words else OTHER,
                "platform": _platform(finding, platform_labels),
                "severity": severity if severity in severities else OTHER,
            }
            for axis, key in keys.items():
                counts[axis][key] += 1
                seen[axis].add(key)
            findings_total += 1
        for axis, keys_seen in seen.items():
            people[axis].update(keys_seen)
        with_findings += bool(seen["kind"])
        homes += _has_home(report)
        summary = report.get("summary")
        if isinstance(summary, dict) and summary.get("could_not_check"):
            not_checked += 1
        redacted += report.get("redacted") is True

    def rows(
        axis: str, label: Mapping[str, str], order: list[str] | None = None
    ) -> tuple[Row, ...]:
        keys = order or sorted(
            counts[axis], key=lambda k: (k in (OTHER, OTHER_PLATFORM), -people[axis][k], k)
        )
        return tuple(
            Row(k, label.get(k, k), people[axis][k], counts[axis][k])
            for k in keys
            if k in counts[axis]
        )

    from exposure.report.wording import SEVERITY_LABEL

    severity_labels = {s.value: SEVERITY_LABEL[s] for s in Severity} | {OTHER: N_("Other")}
    kind_labels = {**kind_words, OTHER: N_("Other kinds of finding")}
    platform_names = {p: p for p in (*platform_labels, PHOTOS, WEB, OTHER_PLATFORM)}
    return RoomSummary(
        people=total,
        with_findings=with_findings,
        findings=findings_total,
        severities=rows("severity", severity_labels, [*severities, OTHER]),
        kinds=rows("kind", kind_labels),
        platforms=rows("platform", platform_names),
        home=homes if (works_out_places() if places is None else places) else None,
        could_not_check=not_checked,
        redacted=redacted,
    )


def render_text(summary: RoomSummary, translation: gettext.NullTranslations | None = None) -> str:
    """The summary as plain text for a terminal (and for a facilitator's notes); English
    unless ``translation`` is given."""
    t = translation or gettext.NullTranslations()

    def people(count: int) -> str:
        return t.ngettext("{count} person", "{count} people", count).format(count=count)

    n = summary.people
    lines = [
        t.ngettext(
            "Room summary: the report of {count} person",
            "Room summary: the reports of {count} people",
            n,
        ).format(count=n),
        "  "
        + t.gettext("{some} of {all} had at least one leak ({findings} findings in all).").format(
            some=summary.with_findings, all=n, findings=summary.findings
        ),
    ]
    if summary.home is None:
        lines.append("  " + t.gettext("Likely homes: not worked out by this version of exposure."))
    else:
        lines.append(
            "  "
            + t.gettext("A likely home could be worked out for {some} of {all}.").format(
                some=summary.home, all=n
            )
        )
    for title, rows in (
        (N_("By severity (people, findings):"), summary.severities),
        (N_("By kind of leak (people, findings):"), summary.kinds),
        (N_("By where it is (people, findings):"), summary.platforms),
    ):
        if not rows:
            continue
        lines.append(t.gettext(title))
        width = max(len(people(r.people)) for r in rows)
        lines.extend(
            f"  {people(r.people):>{width}}  {t.gettext(r.label)} ({r.findings})" for r in rows
        )
    if summary.could_not_check:
        lines.append(
            t.gettext(
                "{some} of {all} reports say some items could not be checked: "
                "the real numbers may be higher."
            ).format(some=summary.could_not_check, all=n)
        )
    if summary.redacted:
        lines.append(
            t.gettext("{some} of {all} reports were redacted copies.").format(
                some=summary.redacted, all=n
            )
        )
    return "\n".join(lines) + "\n"


def render_json(summary: RoomSummary) -> str:
    """The summary as JSON (counts and exposure's own labels only)."""
    return json.dumps(summary.to_dict(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


SUMMARY_TEMPLATE = "summary.html"
SUMMARY_STYLE = "_summary_style.css.j2"


def render_html(summary: RoomSummary, lang: str = "en") -> str:
    """The summary as one self-contained page for slides (no script, strict CSP)."""
    from exposure.i18n import translations
    from exposure.report.html import environment, inline_policy

    t = translations(lang)
    csp = inline_policy(SUMMARY_STYLE)
    return (
        environment()
        .get_template(SUMMARY_TEMPLATE)
        .render(s=summary, csp=csp, bar=_bar, _=t.gettext, ngettext=t.ngettext, lang=lang)
    )


def _bar(part: int, whole: int) -> int:
    """Width in percent of a bar showing ``part`` of ``whole`` (0-100, at least 1 if any)."""
    if whole <= 0 or part <= 0:
        return 0
    return max(1, round(100 * part / whole))


def summarize_command(
    inputs: list[str],
    *,
    html: str | None,
    json_path: str | None,
    quiet: bool,
    lang: str | None = None,
) -> int:
    """``exposure summarize``: read, count, print; write the HTML/JSON copies if asked."""
    import sys

    from exposure.errors import InputError
    from exposure.report.files import check_target, write_private_text

    for given in inputs:
        if not Path(given).expanduser().exists():
            raise InputError(given, M_("no such file or folder; give exposure JSON reports"))
    targets = [(p, render) for p, render in ((html, render_html), (json_path, render_json)) if p]
    for target, _ in targets:
        check_target(target)
    from exposure.i18n import choose, translations

    language = choose(lang)
    t = translations(language)
    loaded = load_reports(inputs)
    for name, problem in loaded.problems:
        line = M_("skipped {name}: {problem}", name=name, problem=problem).render(t)
        print(neutralise_bidi(f"exposure: {line}"), file=sys.stderr)
    if loaded.duplicates:
        copies = Mn_(  # the English has said "file(s)" since it was written
            "{count} file(s) were copies of a report already read, counted once",
            "{count} file(s) were copies of a report already read, counted once",
            loaded.duplicates,
        )
        print(f"exposure: {copies.render(t)}", file=sys.stderr)
    if not loaded.reports:
        nothing = t.gettext("no exposure JSON report to summarise")
        print(f"exposure: {nothing}", file=sys.stderr)
        return 3
    summary = summarize(loaded.reports)
    if not quiet:
        sys.stdout.write(render_text(summary, t))
    for target, render in targets:
        text = render_html(summary, language) if render is render_html else render_json(summary)
        written = write_private_text(target, text, what="room summary")
        if not quiet:
            print(t.gettext("Summary: {path}").format(path=written), file=sys.stderr)
    return 0
