"""Languages: gettext catalogues for the workshop tools (English, Spanish, French).

What is translated: the web page of ``exposure serve`` (its text and its script's
messages), the participants' handout, the room summary of ``exposure summarize``, the
messages of ``exposure wipe`` and ``exposure serve``, and the summary line of a check.
What is not (yet): the HTML/JSON report itself, its remediation catalogue, and the other
commands' messages; a page in another language says so where it links to the report.

Catalogues live in ``exposure/i18n/locale/LANG/LC_MESSAGES/exposure.po`` with their
compiled ``.mo`` beside them (shipped in the wheel; the standard library reads them).
``python -m exposure.i18n.tools`` (needs Babel, a test dependency) extracts the messages
of :data:`SOURCES`, updates the catalogues and compiles them;
``tests/test_translations.py`` fails on a missing, fuzzy or stale entry.

No global state: callers get a :class:`gettext.NullTranslations` for a language with
:func:`translations` and pass it (or the language) along.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "exposure"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"en": "English", "es": "Español", "fr": "Français"}
"""Language code -> its own name."""
DEFAULT = "en"

SOURCES = (
    "exposure/i18n/__init__.py",
    "exposure/serve/__init__.py",
    "exposure/serve/app.py",
    "exposure/serve/inputs.py",
    "exposure/serve/jobs.py",
    "exposure/serve/page.py",
    "exposure/summarize.py",
    "exposure/summary.py",
    "exposure/wipe.py",
    "templates/serve.html",
    "templates/handout.html",
    "templates/summary.html",
)
"""Files whose messages the catalogues hold (paths from the top of the checkout)."""


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Mark ``message`` for extraction without translating it here (module constants)."""
    return message


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (English: the messages as written)."""
    if lang not in LANGUAGES or lang == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def supported(code: str | None) -> str | None:
    """``es`` for ``es``, ``es-MX``, ``es_ES.UTF-8``; None when not a language we ship."""
    if not code:
        return None
    base = code.strip().replace("_", "-").split(".")[0].split("-")[0].lower()
    return base if base in LANGUAGES else None


def choose(given: str | None = None) -> str:
    """The language to use: ``given`` (``--lang``) if shipped, else the environment's
    (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English."""
    if given:
        return supported(given) or DEFAULT
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        for part in value.split(":"):
            found = supported(part)
            if found:
                return found
        if value and value not in ("C", "POSIX"):
            break  # a language we do not ship: English, not the next variable's
    return DEFAULT


def negotiate(accept_language: str | None) -> str:
    """The best shipped language for a browser's ``Accept-Language`` header."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        code, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        found = supported(code)
        if found and quality > 0:
            ranked.append((-quality, index, found))
    return min(ranked)[2] if ranked else DEFAULT


def language_error(given: str) -> str:
    """The one-line message for an unknown ``--lang``."""
    return f"--lang {given}: choose one of {', '.join(LANGUAGES)}"
