"""``exposure platforms``: the "download your data" exports this version reads, and what it
looks for in each, written from the declarations (:mod:`.platforms`) and the catalogue.

This is where users (and the README, which points here) learn what is supported: a new
platform's declaration is all it takes to be listed.
"""

from __future__ import annotations

import sys
import textwrap

INTRO = (
    'exposure reads these "download your data" exports. Give the archive as downloaded, '
    "its unpacked folder, or a lone export file: exposure recognises which one it is."
)
OUTRO = (
    "Photos, videos, folders and web addresses are read too (see 'exposure audit --help'). "
    "Anything exposure could not read is listed in the report as not checked."
)
WIDTH = 88


def platforms_text() -> str:
    """Each platform (in :data:`.platforms.PLATFORMS` order): where the user acts, what to
    give, and the leaks it can show (each finding kind's summary)."""
    from exposure.catalogue import CATALOGUE
    from exposure.sources.exports.platforms import PLATFORMS

    lines = [*textwrap.wrap(INTRO, WIDTH), ""]
    for platform in PLATFORMS:
        lines.append(f"{platform.group}: {platform.description}")
        for kind in platform.kinds:
            lines.extend(
                textwrap.wrap(
                    CATALOGUE[kind].summary, WIDTH, initial_indent="  - ", subsequent_indent="    "
                )
            )
        lines.append("")
    lines += textwrap.wrap(OUTRO, WIDTH)
    return "\n".join(lines) + "\n"


def platforms_command() -> int:
    """``exposure platforms``: print the list; exit code 0."""
    sys.stdout.write(platforms_text())
    return 0
