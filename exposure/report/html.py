"""The HTML renderer: one self-contained, offline checklist page.

One Jinja2 :class:`~jinja2.Environment` (autoescape on for every template,
``StrictUndefined``) loads ``report.html`` and its underscore partials.  CSS and
JavaScript live in template files (``_style.css.j2``, ``_script.js.j2``) and are included
inline; their SHA-256 hashes go into a Content-Security-Policy that allows nothing else:
no remote request, no other script, no inline ``style=`` attribute.

Templates are looked up first inside the installed package (``exposure/templates``, where
the wheel ships them) and then in the checkout's top-level ``templates/`` folder.

Languages.  :func:`render_html` takes the page's language (``en``, ``es``, ``fr``: see
:data:`exposure.i18n.LANGUAGES`); nothing global is set.  Every template of the report
(``report.html`` and each partial it includes) receives these names
(:func:`template_names`), bound to that language's chained catalogue
(:func:`exposure.i18n.translations`):

``lang``
    The language code (``<html lang="{{ lang }}">``).
``text(s)``
    ``s`` translated, as it is: no ``%`` and no ``{}`` formatting, so catalogue text such as
    "95% of phones..." or a finding's title is safe.  For words that come from data (the
    remediation catalogue, finding titles, reasons) whose English is a message id of a
    catalogue.
``ntext(one, many, n)``
    ``ngettext``: the form of ``one``/``many`` for the number ``n``, translated, as it is
    (no formatting either).
``_("words {name}", name=value)``
    The report's own template sentences (extracted into the ``report`` domain from the
    templates): translated, then ``str.format(**values)`` when values are given (never
    ``%``).  Write literal braces as ``{{``/``}}`` only in a message that takes values.
    A value that is markup (``{% set link %}<a href=...>...</a>{% endset %}``) is put in
    as it is and the message's own words are escaped: tags stay out of the catalogue.
``ngettext("{count} item", "{count} items", n, **values)``
    The report's own plural sentences (extracted): the form for ``n`` translated, then
    ``.format(count=n, **values)``.
``gettext(s)``
    Same as ``text(s)``.
``script_texts``
    The page script's words in the language, as JSON (``data-texts`` of ``<main>``).

Autoescape applies to what these return (plain ``str``; markup only from ``_()`` given a
markup value, its other values escaped), so a value put into a message is escaped with it.
A shareable copy's marks (``[hidden in this copy]``: :data:`REDACTION_MARKS`) are shown in
the page's language too.  Python code that words the page (:mod:`exposure.report.context`,
:mod:`exposure.report.wording`) gets the same catalogue through
:func:`~exposure.report.context.build_context`'s ``lang``.  The page's script is the same in
every language (its hash is in the policy); its messages travel translated in the
``data-texts`` attribute of ``<main>``.
"""

from __future__ import annotations

import base64
import gettext
import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import jinja2
import markupsafe

from exposure.i18n import DEFAULT, N_, supported, translations
from exposure.model import Report
from exposure.report.context import build_context
from exposure.report.wording import N_plural
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


def template_names(lang: str = DEFAULT) -> dict[str, object]:
    """What every report template may use besides ``ctx`` and ``csp``, in ``lang`` (see the
    module's docstring)."""
    t = translations(lang)
    return {
        "lang": lang,
        "script_texts": script_texts(t),
        "text": t.gettext,
        "gettext": t.gettext,
        "ntext": t.ngettext,
        "_": _formatting(t),
        "ngettext": _formatting_plural(t),
    }


def script_texts(t: gettext.NullTranslations) -> str:
    """The page script's words in the page's language, as JSON (``data-texts``): plural
    sentences in three forms, for 0, for 1 and for more (what English, Spanish and French
    need)."""

    def forms(one: str, many: str) -> list[str]:
        return [t.ngettext(one, many, n) for n in (0, 1, 2)]

    return json.dumps(
        {
            "done": t.gettext("{done} of {total} done"),
            "ticked": forms(
                *N_plural(
                    "Ticked {count} more item. Undo takes this back.",
                    "Ticked {count} more items. Undo takes this back.",
                )
            ),
            "undone": forms(
                *N_plural("Undone: {count} tick removed.", "Undone: {count} ticks removed.")
            ),
            "forgotten": t.gettext(
                "Done: this browser no longer remembers your ticks for this report."
            ),
        },
        ensure_ascii=False,
    )


def _formatting(t: gettext.NullTranslations) -> Callable[..., str]:
    def translate(message: str, /, **values: object) -> str:
        return _filled(t.gettext(message), values) if values else t.gettext(message)

    return translate


def _formatting_plural(t: gettext.NullTranslations) -> Callable[..., str]:
    def translate(one: str, many: str, n: int, /, **values: object) -> str:
        return _filled(t.ngettext(one, many, n), {"count": n, **values})

    return translate


def _filled(words: str, values: dict[str, object]) -> str:
    """``words.format(**values)``; when a value is markup (a link or a tag made in the
    template with ``{% set %}``), the words are escaped and the result is markup, so the
    other values are escaped as usual."""
    if any(isinstance(v, markupsafe.Markup) for v in values.values()):
        return markupsafe.escape(words).format(**values)
    return words.format(**values)


def render_html(report: Report, lang: str = DEFAULT) -> str:
    """The report as a single self-contained HTML page, in ``lang`` (English by default;
    ``es-MX`` is read as ``es``, a language exposure does not ship as English)."""
    lang = supported(lang) or DEFAULT
    page = environment().get_template(PAGE_TEMPLATE)
    html = page.render(
        ctx=build_context(report, lang), csp=content_security_policy(), **template_names(lang)
    )
    if report.redacted and lang != DEFAULT:
        t = translations(lang)
        for mark in REDACTION_MARKS:
            html = html.replace(mark, t.gettext(mark))
    return html


REDACTION_MARKS = (
    N_("[hidden in this copy]"),
    N_("[time hidden]"),
    N_("[location code removed]"),
)
"""What the shareable copy writes in place of hidden words (English in the report itself,
:mod:`exposure.report.redaction`), shown in the page's language."""
