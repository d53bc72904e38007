"""Sources: each recognises one kind of INPUT and yields its items.

``SOURCES`` is tried in order; the first that recognises an INPUT reads it.  The platform
exports go first, so that a folder that is an unpacked export is read as that export; any
other folder is walked by ``folder``, which routes each file by what it is (photos, export
files and archives, tracks, saved pages) and reads folders inside that are unpacked exports
as those exports.
"""

from __future__ import annotations

import os
from pathlib import Path

from exposure.errors import InputError
from exposure.flags import FlagGroup
from exposure.i18n.message import M_
from exposure.options import Options
from exposure.sources.base import Source
from exposure.sources.exports import EXPORT_SOURCES, ArchiveSource, ExportSource
from exposure.sources.exports.arguments import EXPORT_FLAGS
from exposure.sources.folder import FolderSource
from exposure.sources.photos import PHOTO_FLAGS, PhotoSource
from exposure.sources.web import WEB_FLAGS, WebSource

SOURCES: tuple[type[Source], ...] = (
    WebSource,
    *EXPORT_SOURCES,
    ArchiveSource,
    FolderSource,
    PhotoSource,
)

SOURCE_FLAGS: tuple[FlagGroup, ...] = (PHOTO_FLAGS, WEB_FLAGS, EXPORT_FLAGS)
"""The ``exposure audit`` flags the sources declare, in ``--help`` order (see
:mod:`exposure.flags`; the CLI builds them)."""


def resolve(given: str, options: Options) -> Source:
    """The source that reads INPUT ``given``, or an InputError that says what to do."""
    _check_readable(given)
    probed_exports = False
    for source_cls in SOURCES:
        if issubclass(source_cls, ExportSource):
            # The platforms share one layout probe: run it once for all of them.
            if not probed_exports:
                probed_exports = True
                export = ExportSource.which(given)
                if export is not None:
                    return export(given, options)
            continue
        if source_cls.recognise(given):
            return source_cls(given, options)
    path = Path(given).expanduser()
    if not path.exists():
        raise InputError(given, M_("no such file or folder; check the spelling and path"))
    accepted = "; ".join(s.description for s in SOURCES)
    raise InputError(
        given, M_("not something exposure can check (it reads: {accepted})", accepted=accepted)
    )


def _check_readable(given: str) -> None:
    """An INPUT that exists but cannot be opened is bad command-line input (exit code 2, as
    the README says), not an audit that found nothing to check."""
    path = Path(given).expanduser()
    try:
        if path.is_dir():
            with os.scandir(path) as entries:
                next(entries, None)
        elif path.is_file():
            os.close(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)))
    except PermissionError:
        raise InputError(
            given,
            M_(
                "cannot be read (permission denied); check its permissions, or audit a copy "
                "you can open"
            ),
        ) from None
    except OSError:
        return  # other trouble is for the source to report item by item


__all__ = ["SOURCES", "SOURCE_FLAGS", "Source", "resolve"]
