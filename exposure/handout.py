"""The one-page handout for workshop participants: ``python -m exposure.handout``.

Rendered from ``templates/handout.html`` (no script; a strict policy allowing only its own
style), served by ``exposure serve`` at ``/handout`` and shipped, pre-rendered, as
``docs/handouts/handout.LANG.html`` for facilitators to print (a test checks the shipped
files match and print on one A4 and one Letter page).
"""

from __future__ import annotations

from pathlib import Path

HANDOUT_TEMPLATE = "handout.html"
STYLE_TEMPLATE = "_handout.css.j2"
LANGUAGES = ("en", "es", "fr")
"""Languages the handout is shipped in."""
DOCS = Path(__file__).resolve().parent.parent / "docs" / "handouts"


def handout_csp() -> str:
    from exposure.report.html import inline_policy

    return inline_policy(STYLE_TEMPLATE)


def render_handout(lang: str = "en") -> str:
    """The handout as one self-contained HTML page."""
    from exposure.catalogue import CHECKED
    from exposure.i18n import translations
    from exposure.report.html import environment

    t = translations(lang)
    page = environment().get_template(HANDOUT_TEMPLATE)
    checked = CHECKED.strftime("%Y-%m-%d")  # the same in every language
    return page.render(csp=handout_csp(), checked=checked, lang=lang, _=t.gettext)


def build(target: Path = DOCS) -> list[Path]:
    """Write ``handout.LANG.html`` for every shipped language into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in LANGUAGES:
        path = target / f"handout.{lang}.html"
        path.write_text(render_handout(lang), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build():
        print(f"wrote {path}")
