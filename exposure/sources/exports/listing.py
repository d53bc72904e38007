"""``exposure platforms``: the "download your data" exports this version reads, and what it
looks for in each, written from the declarations (:mod:`.platforms`) and the catalogue.

This is where users (and the README, which points here) learn what is supported: a new
platform's declaration is all it takes to be listed.

Its own sentences are said in the chosen language (``--lang``; domain ``findings``); the
platforms' descriptions and the leaks' summaries are English data and stay English.
"""

from __future__ import annotations

import gettext
import sys
import textwrap

from exposure.i18n import N_

INTRO = N_(
    'exposure reads these "download your data" exports. Give the archive as downloaded, '
    "its unpacked folder, or a lone export file: exposure recognises which one it is."
)
OUTRO = N_(
    "Photos, videos, folders and web addresses are read too (see 'exposure audit --help'). "
    "Anything exposure could not read is listed in the report as not checked."
)
WIDTH = 88


def platforms_text(t: gettext.NullTranslations | None = None) -> str:
    """Each platform (in :data:`.platforms.PLATFORMS` order): where the user acts, what to
    give, and the leaks it can show (each finding kind's summary)."""
    from exposure.catalogue import CATALOGUE
    from exposure.sources.exports.platforms import PLATFORMS

    t = t or gettext.NullTranslations()
    lines = [*textwrap.wrap(t.gettext(INTRO), WIDTH), ""]
    for platform in PLATFORMS:
        lines.append(f"{platform.group}: {platform.description}")
        for kind in platform.kinds:
            lines.extend(
                textwrap.wrap(
                    CATALOGUE[kind].summary, WIDTH, initial_indent="  - ", subsequent_indent="    "
                )
            )
        lines.append("")
    lines += textwrap.wrap(t.gettext(OUTRO), WIDTH)
    return "\n".join(lines) + "\n"


def platforms_command(lang: str | None = None) -> int:
    """``exposure platforms``: print the list (in ``lang``, else the system's language);
    exit code 0."""
    from exposure.i18n import choose, translations

    sys.stdout.write(platforms_text(translations(choose(lang))))
    return 0
