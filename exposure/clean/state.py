"""What one cleaning pass carries: the options, what was removed, and the refusal exception."""

from __future__ import annotations

from exposure.i18n.message import M_, Message, said


class Unsafe(Exception):
    """A copy cannot be made safely; ``reason`` says why in plain words (the copy is refused):
    the English as before, a :class:`~exposure.i18n.message.Said` carrying its message when
    given one, so ``known(reason)`` says it in another language."""

    def __init__(self, reason: str | Message) -> None:
        text = said(reason)
        super().__init__(text)
        self.reason = text


class PlacesInText(Unsafe):
    """The copy's free-text fields ``labels`` name a place: clean again without them."""

    def __init__(self, labels: frozenset[str]) -> None:
        super().__init__(M_("a place written in {fields}", fields=", ".join(sorted(labels))))
        self.labels = labels


class NoTiff(Unsafe):
    """An EXIF payload without a valid TIFF header: nothing in it can be read or edited."""


class Pass:
    """One file's cleaning: whether identity goes too, and the labels of what was removed.

    ``removed`` holds short labels (``"EXIF GPS block"``, ``"XMP photoshop:City"``,
    ``"IPTC City"``, ``"QuickTime ©xyz"``), each once, in the order they were found.
    """

    __slots__ = ("identity", "identity_removed", "maker_note_ids", "removed", "texts")

    def __init__(
        self,
        identity: bool = False,
        maker_note_ids: tuple[tuple[str, str], ...] = (),
        texts: frozenset[str] = frozenset(),
    ) -> None:
        self.identity = identity
        self.maker_note_ids = maker_note_ids
        """(label, value) of the serial numbers and names the reader found in maker notes:
        with identity they are overwritten wherever they appear inside the maker note."""
        self.texts = texts
        """Free-text fields to remove whole, by the reader's label (``"XPComment"``, ``"IPTC
        Caption-Abstract"``, ``"XMP dc:description"``): those in which exposure's text
        detectors found a place."""
        self.removed: list[str] = []
        self.identity_removed: list[str] = []

    def location(self, label: str) -> None:
        """Note that a location item was removed."""
        if label not in self.removed:
            self.removed.append(label)

    def person(self, label: str) -> None:
        """Note that an identity item (serial number, owner name) was removed."""
        if label not in self.identity_removed:
            self.identity_removed.append(label)

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.identity_removed)
