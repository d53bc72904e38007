"""The export sources: one class per declared platform (:mod:`.platforms`), all sharing the
member loop in :mod:`.reader`.

Each recognises an INPUT by its layout (see :mod:`.detect`), so a folder holding an
unpacked export is read as that export rather than as a folder of photos.  An archive that
matches no known export is refused up front with an InputError naming the exports exposure
knows; a damaged archive becomes one "could not check" record and the audit goes on (a zip
cut short is read up to the cut, see :mod:`.recovered`).

Only the folder probe (:mod:`.layout`) loads with this module: every audit of a folder runs
it.  The archive readers, the JSON sniffing (:mod:`.detect`) and the platform parsers load
when a file is looked into or an export is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from exposure.errors import InputError
from exposure.i18n.message import M_
from exposure.model import Skipped
from exposure.options import Options
from exposure.sources.base import Entry, Source
from exposure.sources.exports.layout import platform_of_folder
from exposure.sources.exports.platform import Platform
from exposure.sources.exports.platforms import PLATFORMS

if TYPE_CHECKING:
    from exposure.sources.exports.container import Container, ReadSettings


def read_settings(options: Options) -> ReadSettings:
    """The archive caps from the options."""
    from exposure.sources.exports.container import ReadSettings

    return ReadSettings(
        member_cap=options.exports.member_limit,
        total_cap=options.exports.total_limit,
        max_ratio=options.exports.max_ratio,
        nested_cap=options.exports.nested_limit,
    )


def identify(given: str) -> str | None:
    """The platform (a source name) that made INPUT ``given``, or None: a folder by the names
    it holds, a file (an archive, a lone export file) by looking inside it."""
    path = Path(given).expanduser()
    if path.is_dir():
        return platform_of_folder(path)
    if not path.is_file():
        return None
    from exposure.sources.exports.detect import identify_file

    return identify_file(given, read_settings(Options(inputs=("-",))))  # the default caps


class ExportSource(Source):
    """Base class: a platform's "download your data" export (archive, folder or file)."""

    name: ClassVar[str]
    description: ClassVar[str]
    group: ClassVar[str]
    """Where the user acts on what is found (the report groups findings by it)."""
    kinds: ClassVar[tuple[str, ...]]
    """Finding kinds this source can produce (documented in docs/finding-kinds.md)."""

    @classmethod
    def recognise(cls, given: str) -> bool:
        return identify(given) == cls.name

    @staticmethod
    def which(given: str) -> type[ExportSource] | None:
        """The export source for INPUT ``given``, probing it once (not once per platform)."""
        name = identify(given)
        return next((c for c in EXPORT_SOURCES if c.name == name), None) if name else None

    def iter_items(self) -> Iterator[Entry]:
        # The archive readers and the platform parsers load only when an export is read.
        from exposure.sources.exports.context import ExportRun
        from exposure.sources.exports.limits import ReadProblem
        from exposure.sources.exports.reader import read_export

        settings = read_settings(self.options)
        try:
            container = self.container(settings)
        except ReadProblem as exc:
            yield Skipped(self.given, str(exc), self.name, exc.message)
            return
        container.watch = self.activity
        run = ExportRun(self.name, self.options, self.given, container.locator, self.group)
        try:
            yield from read_export(container, run, self.group)
        finally:
            container.close()

    def container(self, settings: ReadSettings) -> Container:
        """The INPUT as a container (an archive, a folder or one file).  A file the platform
        reads whole as a lone file (its ``lone_files``) is one, even a zip (a KMZ track)."""
        from exposure.sources.exports.archive import FileContainer, open_container
        from exposure.sources.exports.detect import LONE_FILES

        path = Path(self.given).expanduser()
        lone = any(name == self.name and rule.search(path.name) for rule, name in LONE_FILES)
        if lone and path.is_file():
            return FileContainer(self.given, settings)
        return open_container(self.given, settings)


def _source(platform: Platform) -> type[ExportSource]:
    """The ExportSource of one declared platform."""
    words = "".join(part.capitalize() for part in platform.name.split("-"))
    return type(
        f"{words}Source",
        (ExportSource,),
        {
            "__doc__": platform.title,
            "__module__": __name__,
            "name": platform.name,
            "description": platform.description,
            "group": platform.group,
            "kinds": platform.kinds,
        },
    )


EXPORT_SOURCES: tuple[type[ExportSource], ...] = tuple(_source(p) for p in PLATFORMS)
"""One source per platform of :data:`.platforms.PLATFORMS`, in the same order."""


def supported() -> str:
    """The exports exposure reads, in words."""
    return "; ".join(source.description for source in EXPORT_SOURCES)


class ArchiveSource(Source):
    """Any other archive or JSON file: damaged archives are reported, unknown ones refused."""

    name = "archive"
    description = "a zip or tar archive of a supported export"
    kinds: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def recognise(cls, given: str) -> bool:
        path = Path(given).expanduser()
        if not path.is_file():
            return False
        from exposure.sources.exports.archive import archive_format, is_archive_name

        return (
            archive_format(path) is not None
            or is_archive_name(path.name)
            or path.suffix.lower() in {".json", ".js"}
        )

    def __init__(self, given: str, options: Options) -> None:
        from exposure.sources.exports.archive import archive_format, is_archive_name, open_container
        from exposure.sources.exports.limits import ReadProblem
        from exposure.sources.exports.recovered import RecoveredZipContainer

        super().__init__(given, options)
        self.problem: str | None = None
        path = Path(given).expanduser()
        if archive_format(path) is None and is_archive_name(path.name):
            # A damaged download must not stop the audit of the other INPUTs.
            self.problem = (
                "named like an archive, but its first bytes are not those of a zip or tar "
                "archive: it is damaged or not what its name says; if it was downloaded, "
                "download it again"
            )
            return
        try:
            container = open_container(given, read_settings(options))
        except ReadProblem as exc:
            self.problem = str(exc)
            return
        container.close()
        if isinstance(container, RecoveredZipContainer):
            self.problem = (
                "the zip archive is damaged or incomplete (its table of contents at the end is "
                "missing), and the members before the damage do not show which export it is; "
                "if it was downloaded, the download may have stopped: download it again"
            )
            return
        raise InputError(
            given,
            M_(
                "not an export exposure recognises. It reads: {supported}. If this is one of "
                "those, unpack it and give the folder, or check it is complete",
                supported=supported(),
            ),
        )

    def iter_items(self) -> Iterator[Entry]:
        if self.problem:
            yield Skipped(self.given, self.problem, self.name)
