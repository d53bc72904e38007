"""Why ``exposure clean`` refused (or left alone) a file, as translatable messages (domain
``findings``): :class:`~exposure.clean.state.Unsafe` keeps their English as before, and
``clean``'s lines say them in the chosen language.  Kept apart from :mod:`exposure.clean.run`
(whose other messages belong to the ``report`` domain)."""

from __future__ import annotations

from collections.abc import Sequence

from exposure.i18n.message import M_, Message, joined, known

RAW = M_(
    "camera raw files other than DNG are not cleaned: their maker notes are not fully "
    "understood, so a clean copy could not be promised (convert to DNG or export a JPEG)"
)
NOT_READABLE = M_("not a photo or video format exposure can read (damaged?)")
TOO_LARGE = M_("larger than 1 GiB; not cleaned in memory")
ENDED_EARLY = M_("the file ended early while it was copied")
NOT_REGULAR = M_("not a regular file")
NOT_MEDIA = M_("not a photo or video")


def not_a_folder(path: str) -> Message:
    return M_("{path} exists and is not a folder (or is a link); not written", path=path)


def not_opened(error: str) -> Message:
    return M_("could not be opened ({error})", error=error)


def still_carried(what: Sequence[str]) -> Message:
    """``what`` (field names, reasons) joined with commas, each said in the same language."""
    return M_(
        "the copy still carried {what} when read back; it was removed",
        what=joined([known(item) for item in what], ", "),
    )


def not_written(error: str) -> Message:
    return M_("the copy could not be written ({error})", error=error)


def unreadable_copy(reason: str) -> Message:
    return M_("exposure could not read the copy back ({reason})", reason=known(reason))


def place_written(label: str) -> Message:
    return M_("a place written in {fields}", fields=label)


def link(target: str) -> Message:
    return M_("{path} is a symbolic link; exposure does not write through links", path=target)


def being_cleaned(target: str) -> Message:
    return M_("{path} is one of the files being cleaned; it was not replaced", path=target)
