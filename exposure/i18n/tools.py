"""Catalogue upkeep (needs Babel, a test dependency): ``python -m exposure.i18n.tools``.

For each domain of :data:`exposure.i18n.DOMAINS`: extracts its messages into
``locale/DOMAIN.pot``, merges them into each language's ``DOMAIN.po`` (new entries come in
empty and must be translated; nothing is marked fuzzy by guessing) and compiles the ``.mo``
files. ``python -m exposure.i18n.tools report`` does one domain only.
:func:`problems` is what ``tests/test_translations.py`` checks.
"""

from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from exposure.i18n import DEFAULT, DOMAIN, DOMAINS, LANGUAGES, LOCALE_DIR, Domain

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "N_plural": (1, 2),
    "M_": None,
    "Mn_": (1, 2),
    "Nn_": (1, 2),
}
JINJA = "jinja2.ext:babel_extract"
CREATED = datetime(2026, 11, 30, tzinfo=UTC)


def _domain(name: str) -> Domain:
    for domain in DOMAINS:
        if domain.name == name:
            return domain
    raise KeyError(name)


def template(name: str = DOMAIN) -> Catalog:
    """Every message of domain ``name``, with where it is used."""
    domain = _domain(name)
    # A fixed date and no line numbers: a catalogue changes only when its messages do.
    catalog = Catalog(domain=name, project="exposure", charset="utf-8", creation_date=CREATED)
    for relative in domain.sources:
        method = "python" if relative.endswith(".py") else JINJA
        for line, message, comments, context in extract_from_file(
            method, str(ROOT / relative), keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            catalog.add(message, None, [(relative, line)], auto_comments=comments, context=context)
    if domain.vocabulary:
        module, _, function = domain.vocabulary.partition(":")
        # A message is a text, or a (one, many) pair for a plural entry.
        words: Callable[[], list[tuple[str | tuple[str, str], str]]] = getattr(
            importlib.import_module(module), function
        )
        for message, where in words():
            catalog.add(message, None, [(where, 0)])
    return catalog


def vocabulary() -> list[tuple[str, str]]:
    """Words the room summary shows that live in tables, not in marked calls: each finding
    kind's heading (for many), the platforms' labels that are words, not only brand names
    (``Platform.translated_group``), and the severity labels."""
    from exposure.report.wording import SEVERITY_LABEL
    from exposure.sources.exports.platforms import PLATFORMS
    from exposure.summarize import _vocabulary

    kinds, _ = _vocabulary()
    platforms = sorted(p.group for p in PLATFORMS if p.translated_group)
    words = [(label, "exposure/catalogue") for label in kinds.values()]
    words += [(label, "exposure/sources/exports/platforms") for label in platforms]
    words += [(label, "exposure/report/wording.py") for label in SEVERITY_LABEL.values()]
    return words


def _po(lang: str, name: str = DOMAIN) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{name}.po"


def read(lang: str, name: str = DOMAIN) -> Catalog:
    with _po(lang, name).open("rb") as fh:
        return read_po(fh, locale=lang, domain=name)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def update(name: str = DOMAIN) -> None:
    """Write domain ``name``'s template, merge it into every language, compile."""
    pot = template(name)
    with (LOCALE_DIR / f"{name}.pot").open("wb") as fh:
        write_po(fh, pot, omit_header=True, sort_by_file=True, width=100, include_lineno=False)
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        path = _po(lang, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read(lang, name) if path.exists() else Catalog(locale=lang, domain=name)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with path.open("wb") as fh:
            write_po(
                fh, catalog, omit_header=False, sort_by_file=True, width=100, include_lineno=False
            )
        path.with_suffix(".mo").write_bytes(compiled(read(lang, name)))


def problems(names: tuple[str, ...] | None = None) -> list[str]:
    """Missing, fuzzy, unknown or untranslated entries, and stale ``.mo`` files, in every
    domain (or those named)."""
    found: list[str] = []
    for domain in DOMAINS:
        if names is None or domain.name in names:
            found.extend(_problems(domain.name))
    return found


def _problems(name: str) -> list[str]:
    pot = template(name)
    found: list[str] = []
    wanted = {m.id for m in pot if m.id}
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        if not _po(lang, name).exists():
            if wanted:
                found.append(f"{lang}: {name}.po is missing")
            continue
        catalog = read(lang, name)
        have = {m.id: m for m in catalog if m.id}
        found.extend(
            f"{lang}/{name}: missing {key!r}" for key in sorted(wanted - set(have), key=str)
        )
        found.extend(
            f"{lang}/{name}: not used any more {key!r}"
            for key in sorted(set(have) - wanted, key=str)
        )
        for key, message in have.items():
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                found.append(f"{lang}/{name}: fuzzy {key!r}")
            if not all(strings):
                found.append(f"{lang}/{name}: untranslated {key!r}")
        mo = _po(lang, name).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            found.append(f"{lang}: {mo.name} is not compiled from {_po(lang, name).name}")
    return found


if __name__ == "__main__":
    chosen = tuple(sys.argv[1:]) or tuple(domain.name for domain in DOMAINS)
    for domain_name in chosen:
        update(domain_name)
    for line in problems(chosen):
        print(line)
