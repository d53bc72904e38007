"""The web page of ``exposure serve``: one template, its inline style and script by hash,
in each shipped language (the script's messages travel in a ``data-texts`` attribute, so
the script, and its hash, are the same in every language)."""

from __future__ import annotations

import json
from functools import cache

from exposure.i18n import LANGUAGES, N_, translations

PAGE_TEMPLATE = "serve.html"
STYLE_TEMPLATE = "_serve.css.j2"
SCRIPT_TEMPLATE = "_serve.js.j2"

SCRIPT_TEXTS = {
    "nothing": N_("Nothing chosen yet."),
    "chosen_one": N_("1 file chosen ({size})."),
    "chosen_many": N_("{count} files chosen ({size})."),
    "uploading": N_("Reading your files into exposure: {done} of {total}"),
    "checked_of": N_("{done} of {total} files checked"),
    "checked": N_("{done} files checked"),
    "looking": N_("Looking through what you chose…"),
    "starting": N_("Starting…"),
    "failed": N_("The check could not finish: {error}"),
    "nothing_given": N_("Choose files or a folder, type where they are, or give an address."),
    "cleaning": N_("Making clean copies: {count} files so far…"),
    "cleaning_start": N_("Making clean copies…"),
    "clean_failed": N_("The clean copies could not be made: {error}"),
    "confirm_wipe": N_("Remove every report and copy exposure wrote on this computer?"),
    "stopped": N_("exposure has stopped."),
    "stopped_kept": N_(
        "exposure has stopped. Your reports are kept; run “exposure wipe” to remove them later."
    ),
    "no_answer": N_("exposure stopped answering"),
    "could_not_read": N_("could not read {name}"),
}
"""Messages the page's script shows, by key (translated into the page's language)."""


@cache
def page_csp() -> str:
    """The page's policy: its own style and script only; requests only to this server."""
    from exposure.report.html import inline_policy

    return inline_policy(STYLE_TEMPLATE, SCRIPT_TEMPLATE, connect_self=True)


@cache
def render_page(lang: str = "en") -> str:
    """The whole page in ``lang`` (the same for every visitor who reads that language)."""
    from exposure.report.html import environment

    t = translations(lang)
    texts = json.dumps({k: t.gettext(v) for k, v in SCRIPT_TEXTS.items()}, ensure_ascii=False)
    languages = [(code, name, code == lang) for code, name in LANGUAGES.items()]
    return (
        environment()
        .get_template(PAGE_TEMPLATE)
        .render(csp=page_csp(), lang=lang, _=t.gettext, texts=texts, languages=languages)
    )
