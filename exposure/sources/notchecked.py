"""Counting what an INPUT holds that exposure does not read, so nothing is ignored in silence.

A folder walk (or an export's member loop) calls :meth:`Tally.add` for every file it does
not read; the tally keeps counts by type and extension and a few examples, in memory that
does not grow with the number of files, and becomes one :class:`~exposure.model.NotChecked`
record per INPUT at the end.
"""

from __future__ import annotations

from collections import Counter

from exposure.model import NOT_CHECKED_EXAMPLES, NotChecked

EMPTY = "empty files"
UNKNOWN = "unknown files"
ARCHIVE = "archives that are not a known export"
LINKED_FOLDER = "links to folders (not followed)"

_TYPES: dict[str, tuple[str, ...]] = {
    "documents": (
        ".pdf", ".doc", ".docx", ".docm", ".odt", ".rtf", ".txt", ".md", ".pages", ".tex",
        ".epub", ".mobi", ".xls", ".xlsx", ".xlsm", ".ods", ".numbers", ".csv", ".tsv", ".ppt",
        ".pptx", ".odp", ".key", ".log", ".eml", ".msg", ".mbox", ".vcf", ".ics", ".one",
    ),
    "images exposure does not read": (
        ".gif", ".bmp", ".svg", ".ico", ".psd", ".xcf", ".ai", ".eps", ".jxl", ".jp2", ".tga",
        ".pcx", ".cr3", ".icns", ".emf", ".wmf",
    ),
    "audio files": (
        ".mp3", ".m4a", ".wav", ".flac", ".ogg", ".oga", ".opus", ".aac", ".wma", ".aiff",
        ".aif", ".amr", ".mid", ".midi",
    ),
    "videos exposure does not read": (
        ".avi", ".mkv", ".webm", ".wmv", ".flv", ".mpg", ".mpeg", ".mts", ".m2ts", ".vob",
        ".ogv", ".insv", ".lrv",
    ),
    ARCHIVE: (
        ".zip", ".7z", ".rar", ".tgz", ".gz", ".tar", ".bz2", ".tbz2", ".xz", ".txz", ".zst",
        ".iso",
    ),
    "programs": (
        ".exe", ".msi", ".dmg", ".pkg", ".deb", ".rpm", ".apk", ".aab", ".appimage", ".dll",
        ".so", ".dylib", ".bin", ".jar", ".sh", ".bat", ".cmd", ".ps1", ".py", ".pyc",
    ),
    "data files": (
        ".json", ".js", ".xml", ".yaml", ".yml", ".db", ".sqlite", ".sqlite3", ".dat",
        ".plist", ".ini", ".cfg", ".conf", ".css", ".toml", ".torrent", ".lnk", ".url",
        ".ds_store", ".tmp", ".part", ".crdownload",
    ),
    "web pages": (".html", ".htm", ".xhtml", ".mhtml", ".mht", ".webarchive"),
}  # fmt: skip
TYPE_OF_EXTENSION = {ext: kind for kind, exts in _TYPES.items() for ext in exts}
"""Lower-case extension -> the plural noun the report counts such files under."""

MAX_EXTENSIONS = 200
"""Distinct extensions counted per INPUT; the rest are counted as ``"(other)"``."""


def extension(name: str) -> str:
    """The lower-case extension of a file name (``""`` for none; ``.ds_store`` for a dot file)."""
    base = name.rpartition("/")[2]
    dot = base.rfind(".")
    if dot < 0 or dot == len(base) - 1:
        return ""
    ext = base[dot:].lower()
    return ext if len(ext) <= 16 else ""


def type_of(name: str, *, empty: bool = False) -> str:
    """The type a file not read is counted under."""
    if empty:
        return EMPTY
    return TYPE_OF_EXTENSION.get(extension(name), UNKNOWN)


class Tally:
    """Files of one INPUT not read: counts by (type, extension) and a few examples."""

    def __init__(self, given: str) -> None:
        self.given = given
        self.counts: Counter[tuple[str, str]] = Counter()
        self.examples: list[str] = []

    def add(self, locator: str, name: str, kind: str | None = None, *, empty: bool = False) -> None:
        """One file not read: ``name`` gives its extension; ``kind`` its type when the caller
        knows better than the extension (an empty file, an archive of no known export)."""
        ext = extension(name)
        kind = kind or type_of(name, empty=empty)
        key = (kind, ext)
        if key not in self.counts and len(self.counts) >= MAX_EXTENSIONS:
            key = (kind, "(other)")
        self.counts[key] += 1
        if len(self.examples) < NOT_CHECKED_EXAMPLES:
            self.examples.append(locator)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def record(self) -> NotChecked | None:
        """The :class:`NotChecked` record, or None when every file was read."""
        if not self.counts:
            return None
        rows = sorted(
            ((kind, ext, n) for (kind, ext), n in self.counts.items()),
            key=lambda row: (-row[2], row[0], row[1]),
        )
        return NotChecked(self.given, tuple(rows), tuple(self.examples))
