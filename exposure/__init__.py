"""exposure: find location leaks in your own photos, exports and public profiles.

The library API (the CLI is a thin layer over it)::

    from exposure import Options, run, render_html

    report = run(Options(inputs=("photos/",)))
    html = render_html(report)

Names are loaded on first use, so ``import exposure`` stays cheap (worker processes import
the package too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exposure.lazy import lazy_names

__version__ = "0.1.0"

_EXPORTS = {
    "Confidence": "exposure.model",
    "Evidence": "exposure.model",
    "ExitCode": "exposure.summary",
    "ExposureError": "exposure.errors",
    "Finding": "exposure.model",
    "InputError": "exposure.errors",
    "Options": "exposure.options",
    "Position": "exposure.geo",
    "Report": "exposure.model",
    "Severity": "exposure.model",
    "Skipped": "exposure.model",
    "UsageError": "exposure.errors",
    "exit_status": "exposure.summary",
    "redact": "exposure.report",
    "render_html": "exposure.report",
    "render_json": "exposure.report",
    "run": "exposure.audit",
    "summary_line": "exposure.summary",
}

__all__ = [
    "Confidence",
    "Evidence",
    "ExitCode",
    "ExposureError",
    "Finding",
    "InputError",
    "Options",
    "Position",
    "Report",
    "Severity",
    "Skipped",
    "UsageError",
    "__version__",
    "exit_status",
    "redact",
    "render_html",
    "render_json",
    "run",
    "summary_line",
]

if TYPE_CHECKING:
    from exposure.audit import run
    from exposure.errors import ExposureError, InputError, UsageError
    from exposure.geo import Position
    from exposure.model import Confidence, Evidence, Finding, Report, Severity, Skipped
    from exposure.options import Options
    from exposure.report import redact, render_html, render_json
    from exposure.summary import ExitCode, exit_status, summary_line


__getattr__ = lazy_names(__name__, _EXPORTS)
