"""What a finding says, kept translatable: a :class:`Message` is an English template with
its values, rendered in English for the JSON report (:meth:`Message.english`) and in the
reader's language for the HTML report (:meth:`Message.render`).

Producers write ``M_("Swarm check-ins show you at {name}", name=venue)`` (or
``Mn_(one, many, count, ...)`` when the sentence depends on a number) where they used to
write an f-string; ``python -m exposure.i18n.tools findings`` extracts the templates into
the ``findings`` catalogue.  Values are never translated (place names, file names, URLs,
coordinates, a library's error text), except a value that is itself a :class:`Message`
(a word chosen from a few, like ``home`` or ``work``), which is rendered in the same
language.  Placeholders are ``{name}`` (``str.format``; ``{count:,}`` groups thousands) and
stay the same in every language.

Numbers are written the language's way when rendered in another language than English: a
whole-number value (and ``{count}``) of 1,000 or more, and a value already written the
English way (``"12,345"``), take the thousands separator of the ``report`` catalogue
(``1 234`` in French, with a narrow no-break space; ``1.234`` in Spanish).  English is
rendered exactly as written.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Message:
    """An English sentence with ``{name}`` placeholders and their values."""

    template: str
    """The message id (English, singular form when :attr:`plural` is set)."""
    args: tuple[tuple[str, str | int | Message], ...] = ()
    """Placeholder name -> value, in the order given (a tuple: records stay hashable)."""
    plural: str | None = None
    """The English plural form, for a sentence that depends on :attr:`count`."""
    count: int = 1
    """The number that chooses between singular and plural (also ``{count}``)."""
    capital: bool = False
    """Begin with a capital letter (a sentence made of a value-word and more words)."""
    tidy: bool = False
    """Squash runs of spaces (an empty value leaves two) and, unless the language puts a
    space before a colon, the space an empty value leaves before one."""

    def english(self) -> str:
        """The sentence as the JSON report writes it."""
        return self.render(None)

    def render(self, translations: gettext.NullTranslations | None) -> str:
        """The sentence in the language of ``translations`` (None or a null catalogue:
        English)."""
        t = translations or gettext.NullTranslations()
        if not self.template:  # gettext("") is a catalogue's header, not an empty text
            return ""
        if self.plural is None:
            text = t.gettext(self.template)
        else:
            text = t.ngettext(self.template, self.plural, self.count)
        values: dict[str, object] = {"count": self.count} if self.plural is not None else {}
        for name, value in self.args:
            values[name] = value.render(t) if isinstance(value, Message) else value
        if type(t) is not gettext.NullTranslations:
            values = {name: _number(value, t) for name, value in values.items()}
        spaced = " :" in text
        text = text.format(**values)
        if self.tidy:
            text = " ".join(text.split())
            text = text if spaced else text.replace(" :", ":")
        return text[:1].upper() + text[1:] if self.capital else text

    def mapped(self, change: Callable[[str], str]) -> Message:
        """This message with ``change`` applied to every text value (a redaction, a
        renamed folder), nested messages included; the templates stay."""
        args = tuple(
            (
                name,
                value.mapped(change)
                if isinstance(value, Message)
                else change(value)
                if isinstance(value, str)
                else value,
            )
            for name, value in self.args
        )
        return Message(self.template, args, self.plural, self.count, self.capital, self.tidy)


def M_(template: str, /, **args: str | int | Message) -> Message:  # noqa: N802 (a marker)
    """A translatable sentence: ``M_("A map file marks {places}", places=names)``."""
    return Message(template, tuple(args.items()))


def Mn_(one: str, many: str, count: int, /, **args: str | int | Message) -> Message:  # noqa: N802
    """A sentence whose words depend on ``count`` (available as ``{count}``):
    ``Mn_("{count} file records ...", "{count} files record ...", n)``."""
    return Message(one, tuple(args.items()), many, count)


def Nn_(one: str, many: str) -> tuple[str, str]:  # noqa: N802 (a marker)
    """Mark a singular/plural pair kept in a table for extraction (rendered later with
    ``ngettext``)."""
    return one, many


class Said(str):
    """A message's English as a plain ``str`` (for code that keeps reasons as text: a photo
    reader's notes, :class:`~exposure.metadata.MetadataError`), still carrying the message,
    so :func:`known` gives it back to be said in another language.  Built only when there
    is something to say (a file that fails), so reading photos costs nothing more."""

    message: Message

    def __new__(cls, message: Message) -> Said:
        said = super().__new__(cls, message.english())
        said.message = message
        return said

    def __reduce__(self) -> tuple[type[Said], tuple[Message]]:
        return Said, (self.message,)  # crosses the photo scan's process boundary whole


def said(text: str | Message) -> str:
    """``text`` as a ``str``: a message as its :class:`Said` English."""
    return Said(text) if isinstance(text, Message) else text


def known(text: str | Message) -> Message:
    """A fixed English sentence written elsewhere (a photo reader's note, marked there with
    ``N_``): shown translated when the catalogue has it, else as written; a message (or
    the :class:`Said` English of one) as it is."""
    if isinstance(text, Message):
        return text
    if isinstance(text, Said):
        return text.message
    return Message(text.replace("{", "{{").replace("}", "}}"))


def english(text: str | Message) -> str:
    """``text`` as written, or a message's English."""
    return text.english() if isinstance(text, Message) else text


def joined(parts: Sequence[str | Message], separator: str = " ") -> Message:
    """Sentences (or words) one after the other, each rendered in the same language."""
    names = [f"p{i}" for i in range(len(parts))]
    template = separator.join("{" + name + "}" for name in names)
    return Message(template, tuple(zip(names, parts, strict=True)))


def say(text: str, message: Message | None, translations: gettext.NullTranslations | None) -> str:
    """``message`` in the language of ``translations``; ``text`` (the English the record
    holds) when there is no message."""
    return text if message is None else message.render(translations)


_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+")
"""A whole number written the English way, with commas between groups of three."""


def _number(value: object, t: gettext.NullTranslations) -> object:
    """``value`` with the thousands separator of ``t``'s language when it is a number."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _Grouped(value, t) if abs(value) >= 1000 else value
    if isinstance(value, str) and _GROUPED.fullmatch(value):
        return value.replace(",", _thousands(t))
    return value


def grouped(value: int, t: gettext.NullTranslations | None = None) -> str:
    """``12,345`` in English; with the thousands separator of ``t``'s language otherwise
    (for a number written outside a message)."""
    if t is None or type(t) is gettext.NullTranslations:
        return f"{value:,}"
    return format(_Grouped(value, t), ",")


def _thousands(t: gettext.NullTranslations) -> str:
    # the report catalogue's word for it (exposure.report.wording.separators)
    return t.gettext(",")


class _Grouped:
    """A whole number formatted with the language's thousands separator (``{n}`` and
    ``{n:,}``; any other format spec as the number)."""

    __slots__ = ("t", "value")

    def __init__(self, value: int, t: gettext.NullTranslations) -> None:
        self.value, self.t = value, t

    def __format__(self, spec: str) -> str:
        if spec in ("", ","):
            return f"{self.value:,}".replace(",", _thousands(self.t))
        return format(self.value, spec)
