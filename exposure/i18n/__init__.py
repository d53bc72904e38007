"""Languages: gettext catalogues for the workshop tools (English, Spanish, French).

What is translated: the web page of ``exposure serve`` (its text and its script's
messages), the participants' handout, the room summary of ``exposure summarize``, the
messages of ``exposure wipe`` and ``exposure serve``, and the summary line of a check
(domain ``exposure``); the HTML checklist's own words and the messages of ``audit``,
``verify``, ``demo`` and ``clean`` (domain ``report``; see :mod:`exposure.report.html` for
what its templates get).  The JSON report stays English.

Catalogues live in ``exposure/i18n/locale/LANG/LC_MESSAGES/DOMAIN.po`` with their
compiled ``.mo`` beside them (shipped in the wheel; the standard library reads them).
The messages are split into a few domains (:data:`DOMAINS`) by the area they belong to,
so each area's catalogue can be kept apart; :func:`translations` chains them, so callers
never choose a domain. ``python -m exposure.i18n.tools`` (needs Babel, a test dependency)
extracts the messages of each domain, updates the catalogues and compiles them;
``tests/test_translations.py`` fails on a missing, fuzzy or stale entry.

No global state: callers get a :class:`gettext.NullTranslations` for a language with
:func:`translations` and pass it (or the language) along.
"""

from __future__ import annotations

import gettext
import os
from dataclasses import dataclass
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
"""Files whose messages the workshop catalogue holds (paths from the top of the checkout)."""


@dataclass(frozen=True, slots=True)
class Domain:
    """One catalogue: the files whose marked messages it holds, and where to find the
    messages that live in tables rather than in marked calls."""

    name: str
    sources: tuple[str, ...] = ()
    """Files (paths from the top of the checkout) whose ``_``/``gettext``/``ngettext``/``N_``
    calls and Jinja ``{% trans %}``/``_()`` uses are extracted."""
    vocabulary: str | None = None
    """``module:function`` returning ``[(message, where), ...]``: messages kept as data."""


DOMAINS: tuple[Domain, ...] = (
    Domain(DOMAIN, SOURCES, "exposure.i18n.tools:vocabulary"),
    # The report: its templates, its wording and the messages of audit, demo, verify, clean.
    Domain(
        "report",
        (
            "exposure/report/context.py",
            "exposure/report/html.py",
            "exposure/report/places_view.py",
            "exposure/report/wording.py",
            "exposure/report/worldmap.py",
            "templates/report.html",
            "templates/_baseline.html",
            "templates/_checklist.html",
            "templates/_footer.html",
            "templates/_kind.html",
            "templates/_map.html",
            "templates/_places.html",
            "templates/_private.html",
            "templates/_redacted.html",
            "templates/_safety.html",
            "templates/_skipped.html",
            "templates/_start_here.html",
            "templates/_summary.html",
            "exposure/terminal.py",
            "exposure/progress.py",
            "exposure/errors.py",
            "exposure/sources/__init__.py",
            "exposure/report/files.py",
            "exposure/baseline.py",
            "exposure/clean/command.py",
            # Usage errors (exit code 2) said by the library.
            "exposure/options.py",
            "exposure/clean/run.py",
            "exposure/sources/exports/source.py",
            "exposure/flags.py",
            "exposure/sources/web/arguments.py",
            "exposure/i18n/parser.py",
            # --help: the commands' and flags' help lines.
            "exposure/cli.py",
            "exposure/report/formats.py",
            "exposure/sources/photos.py",
            "exposure/sources/exports/arguments.py",
        ),
        # argparse's own words (exposure.i18n.parser).
        "exposure.i18n.parser:vocabulary",
    ),
    # What a finding says: titles, "could not check" reasons, evidence labels.
    Domain(
        "findings",
        (
            "exposure/audit.py",
            "exposure/detectors/camera_details.py",
            "exposure/detectors/photo_gps.py",
            "exposure/detectors/photo_identity.py",
            "exposure/detectors/photo_places.py",
            "exposure/detectors/text/addresses.py",
            "exposure/detectors/text/checkins.py",
            "exposure/detectors/text/coordinates.py",
            "exposure/detectors/text/findings.py",
            "exposure/detectors/text/maplinks.py",
            "exposure/detectors/text/pluscodes.py",
            "exposure/inference/findings.py",
            "exposure/inference/roles.py",
            "exposure/inference/steps.py",
            "exposure/metadata/containers/boxes.py",
            "exposure/metadata/containers/cr3.py",
            "exposure/metadata/containers/isobmff.py",
            "exposure/metadata/containers/jpeg.py",
            "exposure/metadata/containers/png.py",
            "exposure/metadata/containers/quicktime.py",
            "exposure/metadata/containers/tiff_file.py",
            "exposure/metadata/containers/webp.py",
            "exposure/metadata/errors.py",
            "exposure/metadata/exif.py",
            "exposure/metadata/iptc.py",
            "exposure/metadata/makernotes.py",
            "exposure/metadata/reader.py",
            "exposure/metadata/sniff.py",
            "exposure/metadata/source.py",
            "exposure/clean/reasons.py",
            "exposure/clean/state.py",
            "exposure/clean/stills.py",
            "exposure/clean/tiffblock.py",
            "exposure/clean/trailers.py",
            "exposure/clean/video.py",
            "exposure/clean/xmpblank.py",
            "exposure/sources/exports/listing.py",
            "exposure/metadata/xmp.py",
            "exposure/model.py",
            "exposure/sources/exports/archive.py",
            "exposure/sources/exports/container.py",
            "exposure/sources/exports/context.py",
            "exposure/sources/exports/document.py",
            "exposure/sources/exports/facebook.py",
            "exposure/sources/exports/google_maps.py",
            "exposure/sources/exports/google_photos.py",
            "exposure/sources/exports/google_takeout.py",
            "exposure/sources/exports/google_timeline.py",
            "exposure/sources/exports/history.py",
            "exposure/sources/exports/instagram_profile.py",
            "exposure/sources/exports/kml.py",
            "exposure/sources/exports/limits.py",
            "exposure/sources/exports/loose.py",
            "exposure/sources/exports/meta.py",
            "exposure/sources/exports/nested.py",
            "exposure/sources/exports/reader.py",
            "exposure/sources/exports/recovered.py",
            "exposure/sources/exports/snapchat.py",
            "exposure/sources/exports/swarm.py",
            "exposure/sources/exports/tracks.py",
            "exposure/sources/exports/twitter.py",
            "exposure/sources/folder.py",
            "exposure/sources/web/adapters/github.py",
            "exposure/sources/web/adapters/mastodon.py",
            "exposure/sources/web/adapters/pixelfed.py",
            "exposure/sources/web/adapters/wordpress.py",
            "exposure/sources/web/crawl.py",
            "exposure/sources/web/fetch.py",
            "exposure/sources/web/images.py",
            "exposure/sources/web/findings.py",
            "exposure/sources/web/saved.py",
        ),
    ),
    # The remediation catalogue: each kind's headings, why, summary and steps.
    Domain("catalogue", vocabulary="exposure.catalogue.translate:vocabulary"),
)
"""Every catalogue, the first one tried first."""


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Mark ``message`` for extraction without translating it here (module constants)."""
    return message


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (English: the messages as written)."""
    if lang not in LANGUAGES or lang == DEFAULT:
        return gettext.NullTranslations()
    first: gettext.NullTranslations | None = None
    for domain in DOMAINS:
        found = gettext.translation(domain.name, LOCALE_DIR, languages=[lang], fallback=True)
        if first is None:
            first = found
        elif type(found) is not gettext.NullTranslations:
            first.add_fallback(found)
    assert first is not None
    return first


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
