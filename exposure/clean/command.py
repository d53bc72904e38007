"""``exposure clean``: the run, the printed lines and summary, and the exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

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
) -> int:
    """``exposure clean``: clean ``inputs`` into ``out``, print what was done, the exit code."""
    from exposure.clean.run import clean  # the cleaners load only when cleaning

    result = clean(inputs, out, also_identity=also_identity, workers=workers)
    print_result(result, stream or sys.stdout, quiet=quiet)
    return exit_code(result)


def exit_code(result: CleanResult) -> ExitCode:
    """0: every photo and video has a clean copy; 1: some were refused (their originals
    still carry location and have no copy); 3: no copy was written at all."""
    if not result.copied:
        return ExitCode.FAILED
    return ExitCode.FOUND if result.refused else ExitCode.CLEAN


def print_result(result: CleanResult, stream: TextIO, *, quiet: bool = False) -> None:
    """One line per copy (what was removed), one per refusal (why), then the summary."""
    if not quiet:
        for copy in result.copied:
            parts = []
            if copy.removed:
                parts.append("removed " + ", ".join(copy.removed))
            if copy.identity_removed:
                parts.append("also removed " + ", ".join(copy.identity_removed))
            what = "; ".join(parts) if parts else "no location found; copied as it was"
            print(neutralise_bidi(f"  {copy.target}: {what}"), file=stream)
        for refusal in result.refused:
            print(neutralise_bidi(f"  NOT COPIED {refusal.source}: {refusal.reason}"), file=stream)
    print(summary(result), file=stream)


def summary(result: CleanResult) -> str:
    """``Wrote 12 clean copies to OUT (location removed from 9); 1 refused; 3 other files left alone.``"""
    copies = len(result.copied)
    text = f"Wrote {copies} clean {'copy' if copies == 1 else 'copies'} to {result.out}"
    text += f" (location removed from {result.location_removed})"
    if result.refused:
        text += f"; {len(result.refused)} not copied (see above)"
    if result.ignored:
        count = len(result.ignored)
        text += f"; {count} other {'file' if count == 1 else 'files'} left alone"
    return text + "."
