"""Catalogue upkeep (needs Babel, a test dependency): ``python -m exposure.i18n.tools``.

Extracts the messages of :data:`exposure.i18n.SOURCES` into ``locale/exposure.pot``,
merges them into each language's ``.po`` (new entries come in empty and must be
translated; nothing is marked fuzzy by guessing) and compiles the ``.mo`` files.
:func:`problems` is what ``tests/test_translations.py`` checks.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from exposure.i18n import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR, SOURCES

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
JINJA = "jinja2.ext:babel_extract"


def template() -> Catalog:
    """Every message the sources mark, with where it is used."""
    catalog = Catalog(domain=DOMAIN, project="exposure", charset="utf-8")
    for relative in SOURCES:
        method = "python" if relative.endswith(".py") else JINJA
        for line, message, comments, context in extract_from_file(
            method, str(ROOT / relative), keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            catalog.add(message, None, [(relative, line)], auto_comments=comments, context=context)
    for message, where in vocabulary():
        catalog.add(message, None, [(where, 0)])
    return catalog


def vocabulary() -> list[tuple[str, str]]:
    """Words the room summary shows that live in tables, not in marked calls: each finding
    kind's heading (for many), the platforms' labels and the severity labels."""
    from exposure.report.wording import SEVERITY_LABEL
    from exposure.summarize import _vocabulary

    kinds, platforms = _vocabulary()
    words = [(label, "exposure/catalogue") for label in kinds.values()]
    words += [(label, "exposure/sources/exports/platforms") for label in sorted(platforms)]
    words += [(label, "exposure/report/wording.py") for label in SEVERITY_LABEL.values()]
    return words


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str) -> Catalog:
    with _po(lang).open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def update() -> None:
    """Write the template, merge it into every language, compile."""
    pot = template()
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as fh:
        write_po(fh, pot, omit_header=True, sort_by_file=True, width=100)
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        path = _po(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read(lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with path.open("wb") as fh:
            write_po(fh, catalog, omit_header=False, sort_by_file=True, width=100)
        path.with_suffix(".mo").write_bytes(compiled(read(lang)))


def problems() -> list[str]:
    """Missing, fuzzy, unknown or untranslated entries, and stale ``.mo`` files."""
    pot = template()
    found: list[str] = []
    wanted = {m.id for m in pot if m.id}
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        catalog = read(lang)
        have = {m.id: m for m in catalog if m.id}
        found.extend(f"{lang}: missing {key!r}" for key in sorted(wanted - set(have), key=str))
        found.extend(
            f"{lang}: not used any more {key!r}" for key in sorted(set(have) - wanted, key=str)
        )
        for key, message in have.items():
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                found.append(f"{lang}: fuzzy {key!r}")
            if not all(strings):
                found.append(f"{lang}: untranslated {key!r}")
        mo = _po(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            found.append(f"{lang}: {mo.name} is not compiled from {_po(lang).name}")
    return found


if __name__ == "__main__":
    update()
    for line in problems():
        print(line)
