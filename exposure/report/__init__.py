"""Renderers: turn a :class:`~exposure.model.Report` into a document.

:data:`FORMATS` maps each format of :mod:`exposure.report.formats` (the registry the CLI
offers as ``--html``, ``--json``) to its pure function ``Report -> str`` (see
:mod:`exposure.report.base`).  :func:`redact` makes
the shareable copy of a report before rendering.

Names load on first use: writing a JSON report never imports Jinja2 and the HTML code, nor
the redaction code unless asked for.  (Redaction lives in ``redaction.py``, not
``redact.py``: a submodule named like the function would replace it here once imported.)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from exposure.lazy import lazy_names

_NAMES = {
    "Renderer": "exposure.report.base",
    "ReportContext": "exposure.report.context",
    "build_context": "exposure.report.context",
    "redact": "exposure.report.redaction",
    "render_html": "exposure.report.html",
    "render_json": "exposure.report.json",
    "to_dict": "exposure.report.json",
}

__all__ = [
    "FORMATS",
    "Renderer",
    "ReportContext",
    "build_context",
    "redact",
    "render_html",
    "render_json",
    "to_dict",
]

if TYPE_CHECKING:
    from exposure.report.base import Renderer
    from exposure.report.context import ReportContext, build_context
    from exposure.report.html import render_html
    from exposure.report.json import render_json, to_dict
    from exposure.report.redaction import redact

    FORMATS: Mapping[str, Renderer]


_load = lazy_names(__name__, _NAMES)


def __getattr__(name: str) -> Any:
    if name == "FORMATS":
        # Output format name -> render function (read-only), from report/formats.py.
        from exposure.report.formats import REPORT_FORMATS

        return MappingProxyType({fmt.name: fmt.renderer() for fmt in REPORT_FORMATS})
    return _load(name)
