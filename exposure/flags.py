"""Command-line flags declared as data, so the library never imports argparse.

The part of the library an option configures declares its flag next to its code (the photo
source in :mod:`exposure.sources.photos`, the web crawler in
:mod:`exposure.sources.web.arguments`, the export readers in
:mod:`exposure.sources.exports.arguments`); :data:`exposure.sources.SOURCE_FLAGS` lists
them, and the CLI (:mod:`exposure.cli`) turns each :class:`Flag` into an argparse flag and
the parsed values into :class:`~exposure.options.Options`.  A flag's default is the
default of the Options field it sets, so ``--help`` can never disagree with the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from exposure.i18n.message import M_, Message
from exposure.options import Options


class BadValue(ValueError):
    """A flag's value cannot be read; the message says how to write it (the CLI shows it,
    in the language of the command line: :attr:`said`)."""

    def __init__(self, said: Message) -> None:
        super().__init__(said.english())
        self.said = said


def shown(value: object) -> str:
    """A default as ``--help`` shows it: ``20M`` for a size in megabytes, ``1.5``, ``200``."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 2**20:
        return f"{value // 2**20}M"
    return f"{value:g}" if isinstance(value, float) else str(value)


@dataclass(frozen=True, slots=True)
class Flag:
    """One command-line flag: what it is called, which Options field it sets, how its value
    is read and what ``--help`` says."""

    flag: str
    """``--max-pages``."""
    field: str
    """The Options field it sets: ``workers``, or ``web.max_pages`` for a field of
    ``Options.web`` (a nested options object)."""
    help: str
    """The help line; ``{default}`` in it is replaced by the default (written by :attr:`show`)."""
    read: Callable[[str], Any] | None = None
    """Turns the text given into the value (``int``, :func:`size`...); it raises
    :class:`BadValue` with a message for the user.  None: an on/off switch."""
    metavar: str | None = None
    """The word for the value in ``--help`` (``SIZE``, ``N``)."""
    repeat: bool = False
    """May be given several times; the values are collected into a tuple."""
    show: Callable[[Any], str] = shown
    """How ``{default}`` is written in the help line."""


@dataclass(frozen=True, slots=True)
class FlagGroup:
    """Flags shown together in ``--help``, under a title (None: among the command's own)."""

    title: str | None
    description: str | None
    flags: tuple[Flag, ...]


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_UNITS = {"": 1024**2, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def size(text: str) -> int:
    """``"8G"``, ``"500M"``, ``"64MB"``, or a plain number of megabytes, in bytes."""
    match = _SIZE.match(text)
    if not match:
        raise BadValue(M_("{text} is not a size; write it like 500M or 8G", text=repr(text)))
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def default_of(field: str) -> Any:
    """The default of the Options field a flag sets (``workers``, ``web.max_pages``)."""
    value: Any = Options(inputs=("-",))
    for part in field.split("."):
        value = getattr(value, part)
    return value


def options_from(values: Mapping[str, Any], **given: Any) -> Options:
    """Options from flag values keyed by field (``{"workers": 2, "web.delay": 0.5}``) and
    the fields ``given`` directly (``inputs``...); a nested options object (``Options.web``)
    is built from its defaults and checked like any other."""
    nested: dict[str, dict[str, Any]] = {}
    for field, value in values.items():
        head, _, rest = field.partition(".")
        if rest:
            nested.setdefault(head, {})[rest] = value
        else:
            given[head] = value
    for head, parts in nested.items():
        given[head] = replace(default_of(head), **parts)
    return Options(**given)
