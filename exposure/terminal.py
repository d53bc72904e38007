"""What ``audit``, ``verify`` and ``demo`` say in the terminal after the summary line, in the
user's language (domain ``report`` of :mod:`exposure.i18n`).

The summary line itself is :func:`exposure.summary.summary_line`; the lines after ``verify``
are :func:`exposure.baseline.baseline_lines`; ``exposure clean`` words its own lines
(:mod:`exposure.clean.command`).  Each takes the catalogue of the language as ``t``
(:func:`exposure.i18n.translations`; English when left out).  What findings and "could not
check" reasons say comes from the readers, in their own words.
"""

from __future__ import annotations

import gettext
from collections import Counter

from exposure.i18n import N_
from exposure.i18n.message import grouped
from exposure.model import Report, Severity
from exposure.summary import TOP_REASONS, reason_key

ENGLISH = gettext.NullTranslations()
SHOW = 10
"""Lines listed per state after ``verify`` before "and N more"."""


def not_checked_line(report: Report, t: gettext.NullTranslations = ENGLISH) -> str | None:
    """The terminal's one line on files not read, when some were not (None otherwise, and
    when nothing was read at all: the summary line then says what the INPUTs hold)."""
    if not report.not_checked or report.items_checked == 0:
        return None
    total = sum(n.total for n in report.not_checked)
    # TRANSLATORS: between the INPUTs of the not-checked line (French: " ; ").
    held = t.gettext("; ").join(
        t.gettext("{input} holds {files}").format(input=n.input, files=n.words(translations=t))
        for n in report.not_checked
    )
    return t.ngettext(
        "Not checked ({count} file exposure does not read, listed in the report): {held}.",
        "Not checked ({count} files exposure does not read, listed in the report): {held}.",
        total,
    ).format(count=grouped(total, t), held=held)


def reasons_line(
    report: Report, top: int = TOP_REASONS, t: gettext.NullTranslations = ENGLISH
) -> str | None:
    """``Could not check: 12 × the server answered 404 Not Found, 3 × could not connect.``
    The most frequent reasons with their counts (None when everything was checked)."""
    if not report.skipped:
        return None
    counted = Counter(reason_key(s.reason) for s in report.skipped)
    # A kind whose reasons all carry the same numbers shows them ("deeper than 512 levels").
    wording: dict[str, set[str]] = {}
    for skipped in report.skipped:
        wording.setdefault(reason_key(skipped.reason), set()).add(
            reason_key(skipped.reason, numbers=False)
        )
    # In another language, a kind whose items all give the same reason shows it translated
    # (the kinds are found from the English, which the readers write).
    said: dict[str, str | None] = {}
    for skipped in report.skipped:
        key = reason_key(skipped.reason)
        whole = None
        if skipped.message is not None and type(t) is not gettext.NullTranslations:
            whole = skipped.message.render(t)
        if key in said and said[key] != whole:
            whole = None  # said differently by items of one kind: the English kind
        said[key] = whole
    shown = ", ".join(
        f"{n} × {said.get(key) or (next(iter(wording[key])) if len(wording[key]) == 1 else key)}"
        for key, n in counted.most_common(top)
    )
    rest = len(counted) - top
    if rest > 0:
        return t.ngettext(
            "Could not check: {reasons}, and {count} other reason (each is listed in the report).",
            "Could not check: {reasons}, and {count} other reasons (each is listed in the report).",
            rest,
        ).format(reasons=shown, count=rest)
    return t.gettext("Could not check: {reasons} (each is listed in the report).").format(
        reasons=shown
    )


def report_written(path: str, t: gettext.NullTranslations = ENGLISH) -> str:
    """``Report: PATH``: where a report was written."""
    return t.gettext("Report: {path}").format(path=path)


def keep_private(t: gettext.NullTranslations = ENGLISH) -> str:
    """The reminder after the reports were written."""
    return t.gettext("The report holds private information: keep it somewhere only you can open.")


def stopped(t: gettext.NullTranslations = ENGLISH) -> str:
    """What Ctrl-C during a command says."""
    return t.gettext("exposure: stopped; no report was written")


def baseline_lines(
    report: Report, fail_on: Severity, t: gettext.NullTranslations = ENGLISH
) -> list[str]:
    """What the terminal says after ``verify``: counts, then the lines that matter."""
    baseline = report.baseline
    if baseline is None:
        return []
    counts = {
        "fixed": len(baseline.fixed),
        "still": len(baseline.still_there),
        "new": len(baseline.new),
    }
    if baseline.previous_generated_at:
        first = t.gettext(
            "Compared with the earlier report ({day}): {fixed} fixed, {still} still there, "
            "{new} new."
        ).format(day=baseline.previous_generated_at[:10], **counts)
    else:
        first = t.gettext(
            "Compared with the earlier report: {fixed} fixed, {still} still there, {new} new."
        ).format(**counts)
    lines = [first]
    ordered = sorted(report.findings, key=lambda f: (f.sort_key(), f.id))
    for label, items in (
        (t.gettext("fixed"), [(i.severity, i.title) for i in baseline.fixed]),
        (
            t.gettext("still there"),
            [(f.severity, f.title) for f in ordered if f.id in baseline.still_there],
        ),
        (t.gettext("new"), [(f.severity, f.title) for f in ordered if f.id in baseline.new]),
    ):
        for severity, title in items[:SHOW]:
            level = t.gettext(LEVEL_WORDS[severity])
            lines.append(f"  {label}: [{level}] {' '.join(title.split())[:100]}")
        if len(items) > SHOW:
            more = t.gettext("and {count} more (see the report)").format(count=len(items) - SHOW)
            lines.append(f"  {label}: {more}")
    remaining = sum(1 for f in report.findings if f.severity.rank <= fail_on.rank)
    level = t.gettext(LEVEL_WORDS[fail_on])
    if remaining:
        lines.append(
            t.gettext("Not done yet: {count} at {level} risk or above remain.").format(
                count=remaining, level=level
            )
        )
    else:
        lines.append(
            t.gettext("Done: nothing at {level} risk or above remains.").format(level=level)
        )
    return lines


LEVEL_WORDS = {
    Severity.HIGH: N_("high"),
    Severity.MEDIUM: N_("medium"),
    Severity.LOW: N_("low"),
}
"""A severity as the terminal names it (``[high]``, ``at low risk or above``)."""
