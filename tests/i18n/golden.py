"""The golden English of what findings say (``golden.json``): finding ids and titles and
place reasons of the demo and of generated personas.  A test compares a run with it, so a
change to a title, a reason or an id is seen; regenerate it only when one is meant to
change: ``python -m tests.i18n.golden``."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import exposure
from exposure.model import Finding, Report

GOLDEN = Path(__file__).with_name("golden.json")
ROOT = Path(exposure.__file__).resolve().parent.parent
PORT = re.compile(r"127\.0\.0\.1:\d+")
PERSONAS = [(s, None) for s in range(8)] + [(2000 + s, "zone") for s in range(3)]
PERSONAS += [(1000, "traveller"), (1001, "photographer")]


@contextmanager
def demo_report() -> Iterator[Report]:
    """The demo's report, its INPUTs named from the top of the checkout (text and map ids
    carry the INPUT as named, so this way they do not depend on where the checkout is)."""
    from exposure.audit import run
    from exposure.demo import demo_session
    from exposure.options import Options

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        with demo_session() as session:
            inputs = tuple(
                i if i.startswith("http") else os.path.relpath(i, ROOT) for i in session.inputs
            )
            yield run(Options(inputs=inputs, web=session.web, reproducible=True))
    finally:
        os.chdir(here)


def demo_rows(report: Report) -> list[dict[str, str | None]]:
    def row(f: Finding) -> dict[str, str | None]:
        stable = "127.0.0.1" not in f.locator  # the loopback site's port is in its ids
        title = PORT.sub("127.0.0.1:PORT", f.title)
        return {"kind": f.kind, "id": f.id if stable else None, "title": title}

    rows = (row(f) for f in report.findings)
    return sorted(rows, key=lambda r: (r["kind"] or "", r["title"] or "", r["id"] or ""))


def persona_rows() -> list[dict[str, object]]:
    from exposure.inference import infer
    from exposure.testing.personas import make

    rows: list[dict[str, object]] = []
    for seed, story in PERSONAS:
        result = infer(make(seed, story).points)
        rows += [
            {"seed": seed, "kind": f.kind, "id": f.id, "title": f.title} for f in result.findings
        ]
        rows += [{"seed": seed, "place": p.id, "reason": p.reason} for p in result.places]
    return rows


def write() -> None:
    with demo_report() as report:
        golden = {
            "demo": demo_rows(report),
            "demo_places": sorted(p.reason for p in report.places),
            "personas": persona_rows(),
        }
    text = json.dumps(golden, indent=1, ensure_ascii=False, sort_keys=True)
    GOLDEN.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write()
