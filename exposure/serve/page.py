"""The web page of ``exposure serve``: one template, its inline style and script by hash."""

from __future__ import annotations

from functools import cache

PAGE_TEMPLATE = "serve.html"
STYLE_TEMPLATE = "_serve.css.j2"
SCRIPT_TEMPLATE = "_serve.js.j2"


@cache
def page_csp() -> str:
    """The page's policy: its own style and script only; requests only to this server."""
    from exposure.report.html import csp_hash, environment

    env = environment()
    style = env.get_template(STYLE_TEMPLATE).render()
    script = env.get_template(SCRIPT_TEMPLATE).render()
    return (
        "default-src 'none'; img-src data:; "
        f"style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'"
    )


@cache
def render_page() -> str:
    """The whole page (the same for every visitor of this session)."""
    from exposure.report.html import environment

    return environment().get_template(PAGE_TEMPLATE).render(csp=page_csp())
