"""The kind tables of docs/finding-kinds.md, written from the catalogue.

Each area of :data:`exposure.catalogue.AREAS` has one table in that file, between the lines
``<!-- begin kinds: AREA -->`` and ``<!-- end kinds: AREA -->``; the prose around them is
written by hand.  ``python -m exposure.catalogue.docs`` rewrites the tables in place;
``tests/test_docs.py`` fails while they are out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from exposure.catalogue import AREAS, KindInfo

DOC = Path(__file__).resolve().parents[2] / "docs" / "finding-kinds.md"
"""docs/finding-kinds.md in a checkout."""

HEADER = "| kind | severity | found by | what it means |\n| --- | --- | --- | --- |\n"


def producers() -> dict[str, list[str]]:
    """Kind -> the names of the detectors and sources that produce it, in registry order."""
    from exposure.detectors import PHOTO_DETECTORS, TEXT_DETECTORS
    from exposure.inference import INFERENCE_STEPS
    from exposure.sources import SOURCES

    found: dict[str, list[str]] = {}
    named: list[tuple[str, tuple[str, ...]]] = [(d.name, d.kinds) for d in PHOTO_DETECTORS]
    named += [(d.name, d.kinds) for d in TEXT_DETECTORS]
    named += [(s.name, getattr(s, "kinds", ())) for s in SOURCES]
    named += [(f"inference: {s.name}", s.kinds) for s in INFERENCE_STEPS]
    for name, kinds in named:
        for kind in kinds:
            found.setdefault(kind, []).append(name)
    return found


def table(entries: tuple[KindInfo, ...], found: dict[str, list[str]]) -> str:
    """The Markdown table of one area."""
    rows = []
    for entry in entries:
        severity = " / ".join(s.value for s in entry.severities)
        by = ", ".join(f"`{name}`" for name in found.get(entry.kind, ()))
        text = " ".join(entry.docs.split()).replace("|", "\\|")
        rows.append(f"| `{entry.kind}` | {severity} | {by} | {text} |\n")
    return HEADER + "".join(rows)


def render(markdown: str) -> str:
    """``markdown`` with every area's table replaced by the one the catalogue gives; a
    ValueError names an area whose marker lines are missing."""
    found = producers()
    for area, entries in AREAS.items():
        begin, end = f"<!-- begin kinds: {area} -->\n", f"<!-- end kinds: {area} -->"
        start = markdown.find(begin)
        stop = markdown.find(end, start)
        if start < 0 or stop < 0:
            raise ValueError(f"docs/finding-kinds.md needs the lines '{begin.strip()}' and '{end}'")
        markdown = markdown[: start + len(begin)] + table(entries, found) + markdown[stop:]
    return markdown


def main() -> int:
    """Rewrite the tables of docs/finding-kinds.md; print whether it changed."""
    before = DOC.read_text(encoding="utf-8")
    after = render(before)
    if after != before:
        DOC.write_text(after, encoding="utf-8")
        print(f"updated {DOC}")
    else:
        print(f"{DOC} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
