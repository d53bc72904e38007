"""argparse's own words (``usage:``, "invalid choice", "the following arguments are
required", the help headings) in the language of the command line.

argparse looks its words up, when it says them, through the ``_`` and ``ngettext`` of its
own module (gettext's default domain ``argparse``, which no system ships for us).  While
:func:`speaking` is active they are our catalogue's (domain ``report``: :data:`ARGPARSE`
holds the message ids a person can meet, as Python 3.11+ writes them; an id a later Python
changes is shown in English, never wrong).  The language has to be known before argparse
reads ``--lang``: :func:`language_of` looks for it in the arguments, else the environment.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from exposure.i18n import LANGUAGES, choose

ARGPARSE: tuple[str | tuple[str, str], ...] = (
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "invalid %(type)s value: %(value)r",
    "unrecognized arguments: %s",
    "the following arguments are required: %s",
    "one of the arguments %s is required",
    "not allowed with argument %s",
    "ignored explicit argument %r",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    ("expected %s argument", "expected %s arguments"),
    "ambiguous option: %(option)s could match %(matches)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
)
"""argparse's message ids (``%``-placeholders, kept as they are in every language)."""


def vocabulary() -> list[tuple[str | tuple[str, str], str]]:
    """The ``report`` domain's messages that live in argparse, not in our code."""
    return [(message, "argparse") for message in ARGPARSE]


def language_of(argv: Sequence[str]) -> str:
    """The language of the command line ``argv``, read before argparse does: a shipped
    ``--lang X`` / ``--lang=X``, else the environment's (:func:`exposure.i18n.choose`)."""
    given = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            given = argv[index + 1]
        elif word.startswith("--lang="):
            given = word.partition("=")[2]
    if given is not None and given not in LANGUAGES:
        return choose("en")  # argparse refuses it: say so in English
    return choose(given)


@contextmanager
def speaking(t: gettext.NullTranslations) -> Iterator[None]:
    """argparse's words come from ``t`` while this is active (building a parser, parsing,
    printing help); English (argparse's own) again after it."""
    if type(t) is gettext.NullTranslations:
        yield
        return
    saved = vars(argparse)["_"], vars(argparse)["ngettext"]
    setattr(argparse, "_", t.gettext)  # noqa: B010 (a private name of argparse)
    setattr(argparse, "ngettext", t.ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


def see_help(problem: str, command: str, t: gettext.NullTranslations) -> str:
    """A usage error and where to read more: ``PROBLEM (see 'exposure audit --help')``."""
    return t.gettext("{problem} (see '{help}')").format(problem=problem, help=command)
