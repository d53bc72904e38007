"""Helpers for export tests: audit a path with the library and index the report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from exposure.audit import run
from exposure.model import Finding, Report
from exposure.options import ExportOptions, Options


def audit_path(*paths: Path, **export: int | float) -> Report:
    """Audit ``paths`` in this process (one worker) with optional export caps."""
    options = Options(
        inputs=tuple(str(p) for p in paths),
        workers=1,
        exports=ExportOptions(**export),  # type: ignore[arg-type]
    )
    return run(options)


def by_kind(report: Report) -> dict[str, list[Finding]]:
    """Findings grouped by kind."""
    found: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        found[finding.kind].append(finding)
    return dict(found)


def unread(report: Report) -> dict[str, dict[str, int]]:
    """Files not read: INPUT -> counts by extension."""
    return {n.input: n.by_extension() for n in report.not_checked}


def reasons(report: Report) -> dict[str, str]:
    """Skipped records: locator -> reason."""
    return {s.locator: s.reason for s in report.skipped}


@pytest.fixture
def audit() -> Callable[..., Report]:
    """The :func:`audit_path` helper as a fixture."""
    return audit_path
