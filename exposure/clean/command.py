"""``exposure clean``: the run, the printed lines and summary, and the exit code."""

from __future__ import annotations

import gettext
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from exposure.i18n import choose, translations
from exposure.i18n.message import known
from exposure.summary import ExitCode
from exposure.textsafe import neutralise_bidi

if TYPE_CHECKING:
    from exposure.clean.run import CleanResult


def clean_command(
    inputs: Sequence[str],
    out: str,
    *,
    also_identity: bool = False,
    workers: int = 1,
    quiet: bool = False,
    stream: TextIO | None = None,
    lang: str | None = None,
) -> int:
    """``exposure clean``: clean ``inputs`` into ``out``, print what was done (in ``lang``,
    default: the system's language), the exit code."""
    from exposure.clean.run import clean  # the cleaners load only when cleaning

    result = clean(inputs, out, also_identity=also_identity, workers=workers)
    print_result(result, stream or sys.stdout, quiet=quiet, t=translations(choose(lang)))
    return exit_code(result)


def exit_code(result: CleanResult) -> ExitCode:
    """0: every photo and video has a clean copy; 1: some were refused (their originals
    still carry location and have no copy); 3: no copy was written at all."""
    if not result.copied:
        return ExitCode.FAILED
    return ExitCode.FOUND if result.refused else ExitCode.CLEAN


ENGLISH = gettext.NullTranslations()


def print_result(
    result: CleanResult,
    stream: TextIO,
    *,
    quiet: bool = False,
    t: gettext.NullTranslations = ENGLISH,
) -> None:
    """One line per copy (what was removed), one per refusal (why), then the summary.
    The names of the removed fields stay as they are (EXIF, XMP...: what other tools show)."""
    if not quiet:
        for copy in result.copied:
            parts = []
            if copy.removed:
                parts.append(t.gettext("removed {fields}").format(fields=", ".join(copy.removed)))
            if copy.identity_removed:
                parts.append(
                    t.gettext("also removed {fields}").format(
                        fields=", ".join(copy.identity_removed)
                    )
                )
            what = "; ".join(parts) if parts else t.gettext("no location found; copied as it was")
            print(neutralise_bidi(f"  {copy.target}: {what}"), file=stream)
        for refusal in result.refused:
            line = t.gettext("NOT COPIED {file}: {reason}").format(
                file=refusal.source, reason=known(refusal.reason).render(t)
            )
            print(neutralise_bidi(f"  {line}"), file=stream)
    print(summary(result, t), file=stream)


def summary(result: CleanResult, t: gettext.NullTranslations = ENGLISH) -> str:
    """``Wrote 12 clean copies to OUT (location removed from 9); 1 refused; 3 other files left alone.``"""
    copies = len(result.copied)
    text = t.ngettext(
        "Wrote {count} clean copy to {folder} (location removed from {removed})",
        "Wrote {count} clean copies to {folder} (location removed from {removed})",
        copies,
    ).format(count=copies, folder=result.out, removed=result.location_removed)
    if result.refused:
        text += "; " + t.gettext("{count} not copied (see above)").format(count=len(result.refused))
    if result.ignored:
        count = len(result.ignored)
        text += "; " + t.ngettext(
            "{count} other file left alone", "{count} other files left alone", count
        ).format(count=count)
    return text + "."
