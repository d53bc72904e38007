"""The catalogue's words for translation (domain ``catalogue``).

The catalogue is data built with concatenation and shared constants, so Babel's extractor
cannot read it: :func:`vocabulary` walks, at run time, every :class:`KindInfo` and every
:class:`Remediation` a producer can give (each text kind in each place it can live, each
web platform's steps) and returns every text a person reads: the heading (one and many,
a plural entry), summary, why, the remediation's summary, effort and steps.  Not
translated: ``docs`` (developer documentation) and each step's source and date, shown as
they are.  ``python -m exposure.i18n.tools catalogue`` turns it into
``locale/catalogue.pot`` and the ``catalogue.po`` of each language.

:func:`translated` and :func:`heading_words` look a text up in a translations object
(:func:`exposure.i18n.translations`), with no %-formatting (the texts hold "95%").
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator

from exposure.catalogue import AREAS, CATALOGUE, KindInfo
from exposure.model import Remediation

Message = str | tuple[str, str]
"""A message id: a text, or a (one, many) pair for a plural entry."""

_MODULES = {
    "photos": "exposure/catalogue/photos.py",
    "text": "exposure/catalogue/text.py",
    "web": "exposure/catalogue/web.py",
    "exports": "exposure/catalogue/exports.py",
    "inference": "exposure/catalogue/inference.py",
}


def remediations() -> Iterator[tuple[str, Remediation]]:
    """Every remediation a finding can carry, with the kind it is for: each entry's own,
    the text kinds' advice for every place the text can live, and the web kinds' advice
    for every platform with steps of its own."""
    from exposure.catalogue import text, web

    for kind, entry in CATALOGUE.items():
        yield kind, entry.remediation
    for entry in text.ENTRIES:
        for where in text.Where:
            yield entry.kind, text.remediation_for(entry.kind, where)
    for remediation in web.all_remediations():
        kind = next(
            (e.kind for e in web.ENTRIES if e.remediation.summary == remediation.summary), "web"
        )
        yield kind, remediation


def _where(kind: str) -> str:
    """``exposure/catalogue/photos.py#photo-gps``: the entry's module and kind (the
    location a translator sees)."""
    for area, entries in AREAS.items():
        if any(e.kind == kind for e in entries):
            return f"{_MODULES.get(area, 'exposure/catalogue')}#{kind}"
    return f"exposure/catalogue#{kind}"


def _entry_words(entry: KindInfo) -> Iterator[Message]:
    yield entry.heading
    yield entry.summary
    yield entry.why


def _remediation_words(remediation: Remediation) -> Iterator[Message]:
    yield remediation.summary
    yield remediation.effort
    for step in remediation.steps:
        yield step.text


def vocabulary() -> list[tuple[Message, str]]:
    """Every text of the catalogue a person reads, once, with where it is used (a
    heading is a (one, many) pair)."""
    words: list[tuple[Message, str]] = []
    for kind, entry in CATALOGUE.items():
        words.extend((message, _where(kind)) for message in _entry_words(entry))
    for kind, remediation in remediations():
        words.extend((message, _where(kind)) for message in _remediation_words(remediation))
    return [(message, where) for message, where in words if message]


def translated(t: gettext.NullTranslations, message: str) -> str | None:
    """The translation of a catalogue ``message``, or None when ``t`` has none (English,
    or a text not translated yet): the caller then shows the English as it shows it."""
    found = t.gettext(message)
    return found if found != message else None


def heading_words(t: gettext.NullTranslations, kind: str, count: int) -> str | None:
    """The translated words after the count in ``kind``'s heading, or None (English, or
    no translation)."""
    entry = CATALOGUE.get(kind)
    if entry is None:
        return None
    one, many = entry.heading
    found = t.ngettext(one, many, count)
    return found if found not in (one, many) else None
