"""The HTML renderer: one self-contained, offline checklist page.

One Jinja2 :class:`~jinja2.Environment` (autoescape on for every template,
``StrictUndefined``) loads ``report.html`` and its underscore partials.  CSS and
JavaScript live in template files (``_style.css.j2``, ``_script.js.j2``) and are included
inline; their SHA-256 hashes go into a Content-Security-Policy that allows nothing else:
no remote request, no other script, no inline ``style=`` attribute.

Templates are looked up first inside the installed package (``exposure/templates``, where
the wheel ships them) and then in the checkout's top-level ``templates/`` folder.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path

import jinja2
import markupsafe

from exposure.model import Report
from exposure.report.context import build_context
from exposure.textsafe import neutralise_bidi

STYLE_TEMPLATE = "_style.css.j2"
SCRIPT_TEMPLATE = "_script.js.j2"
PAGE_TEMPLATE = "report.html"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def template_dirs() -> list[Path]:
    """Folders searched for templates, in order: installed package, then checkout."""
    candidates = [_PACKAGE_DIR / "templates", _PACKAGE_DIR.parent / "templates"]
    return [d for d in candidates if (d / PAGE_TEMPLATE).is_file()]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one template environment (built on first use)."""
    dirs = template_dirs()
    if not dirs:
        raise RuntimeError(
            f"The report templates were not found (looked for {PAGE_TEMPLATE} in "
            f"{_PACKAGE_DIR / 'templates'} and {_PACKAGE_DIR.parent / 'templates'}). "
            "Reinstall exposure, or run it from a complete checkout."
        )
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        finalize=_finalize,
    )


def _finalize(value: object) -> object:
    """Every value a template prints: bidi controls removed (see :mod:`exposure.textsafe`)."""
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(neutralise_bidi(str(value)))
    if isinstance(value, str):
        return neutralise_bidi(value)
    return value


def csp_hash(text: str) -> str:
    """``'sha256-…'`` source expression for one inline ``<style>`` or ``<script>`` body."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy() -> str:
    """The page's policy: only its own inline style and script, nothing from anywhere."""
    env = environment()
    style = env.get_template(STYLE_TEMPLATE).render()
    script = env.get_template(SCRIPT_TEMPLATE).render()
    return (
        "default-src 'none'; img-src data:; "
        f"style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )


def inline_policy(style: str, script: str | None = None, *, connect_self: bool = False) -> str:
    """A policy for another page of exposure's (the serve page, the handout, the room
    summary): only the inline style and script templates named, by hash; nothing from
    anywhere, or requests to its own server with ``connect_self``."""
    env = environment()
    rules = [
        "default-src 'none'",
        "img-src data:",
        f"style-src {csp_hash(env.get_template(style).render())}",
    ]
    if script is not None:
        rules.append(f"script-src {csp_hash(env.get_template(script).render())}")
    if connect_self:
        rules.append("connect-src 'self'")
    return "; ".join([*rules, "base-uri 'none'", "form-action 'none'"])


def render_html(report: Report) -> str:
    """The report as a single self-contained HTML page."""
    page = environment().get_template(PAGE_TEMPLATE)
    return page.render(ctx=build_context(report), csp=content_security_policy())
