"""Text scrubbing for redacted reports: coarse coordinates and pseudonymous file labels.

Two tools, both pure:

* :func:`coarsen_coordinates` rewrites every coordinate-looking number in free text to two
  decimals (about 1 km): decimal degrees, degrees-minutes-seconds, Google's ``E7``
  integers, and Open Location Codes ("plus codes") are removed outright.
* :class:`Pseudonyms` turns file paths into labels such as ``photo-3f9a.jpg``: the kind of
  file (from its extension), a short hash, and the extension.  The same path always gets
  the same label within one report.  The hash is keyed with a digest of *all* the report's
  locators, so a person holding only the shared copy cannot confirm a guessed path by
  hashing it, while re-running the same audit still gives the same labels.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePosixPath, PureWindowsPath

REDACT_DECIMALS = 2
"""Decimal places kept in a redacted coordinate (0.01 degree is about 1.1 km)."""

_MIN_HASH = 4
_PLUS_CODE_REMOVED = "[location code removed]"

# Decimal degrees with more precision than we keep: "52.520008".  Not part of a longer
# number ("1.2.345", "1234.5678") so version strings and large values are left alone.
_DECIMAL = re.compile(r"(?<![\d.])(-?\d{1,3}\.\d{3,})(?![\d.])")
# Degrees, minutes, optional seconds, optional hemisphere: 52°31'12.03"N, 52 deg 31' 12.03" N.
_DMS = re.compile(
    r"(?P<deg>\d{1,3})\s*(?:°|º|\s*deg\b)\s*(?P<min>\d{1,2}(?:\.\d+)?)\s*(?:'|′|’)\s*"
    r"(?:(?P<sec>\d{1,2}(?:\.\d+)?)\s*(?:\"|″|”|'')\s*)?(?P<hem>[NSEWnsew](?![a-z]))?"
)
# Google exports store degrees times 10^7 as integers: "latitudeE7": 525200080.
_E7 = re.compile(
    r"(?i)(?P<name>\b(?:latitude|longitude|lat|lng|lon)E7)(?P<sep>\W{0,4})(?P<val>-?\d{4,11})"
)
# Open Location Codes: 8 code digits, "+", 2-3 more (or the shortened 4-7 + 2-3 form).
_PLUS_CODE = re.compile(
    r"(?<![\w+])[23456789CFGHJMPQRVWX]{4,8}\+[23456789CFGHJMPQRVWX]{2,3}(?![\w+])"
)

# what3words addresses: three words after "///" (each names a 3 m square).
_W3W = re.compile(r"///\w+\.\w+\.\w+")

# An absolute path in free text (POSIX, home-relative or Windows), two segments or more.
# The look-behind keeps URL paths ("https://host/a/b") and words like "and/or" out.
_ABS_PATH = re.compile(
    r"(?<![\w:/.\\])(?:~|[A-Za-z]:)?[/\\][^\s/\\\"'<>|]+(?:[/\\][^\s/\\\"'<>|]+)+[/\\]?"
)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_ARCHIVE_SUFFIXES = (".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz", ".7z", ".gz")
_EXTENSION = re.compile(r"^\.[a-z0-9]{1,5}$")
_EXTENSION_END = re.compile(r"\.[A-Za-z0-9]{1,5}(?![A-Za-z0-9])")
_KIND_BY_EXTENSION = {
    **dict.fromkeys(
        ".jpg .jpeg .jpe .heic .heif .png .tif .tiff .dng .webp .gif .avif .cr2 .cr3 .nef .arw "
        ".orf .rw2 .raf".split(),
        "photo",
    ),
    **dict.fromkeys(".mp4 .mov .m4v .avi .mkv .3gp .webm .mts".split(), "video"),
    **dict.fromkeys(_ARCHIVE_SUFFIXES, "archive"),
    **dict.fromkeys(".json .csv .kml .kmz .gpx .xml .html .htm".split(), "data"),
    ".xmp": "sidecar",
}


def coarsen_coordinates(text: str) -> str:
    """``text`` with every coordinate rounded to :data:`REDACT_DECIMALS` places."""
    text = _PLUS_CODE.sub(_PLUS_CODE_REMOVED, text)
    text = _W3W.sub(_PLUS_CODE_REMOVED, text)
    text = _DMS.sub(_coarse_dms, text)
    text = _E7.sub(_coarse_e7, text)
    return _DECIMAL.sub(
        lambda m: f"{round(float(m.group(1)), REDACT_DECIMALS):.{REDACT_DECIMALS}f}", text
    )


def is_url(locator: str) -> bool:
    """True for ``scheme://...`` locators (web pages), which are not file paths."""
    return bool(_URL.match(locator)) and not locator.lower().startswith("file:")


class Pseudonyms:
    """Stable, short labels for the file paths of one report."""

    def __init__(self, paths: Iterable[str]) -> None:
        """Prepare labels for ``paths`` (every locator and input of the report)."""
        known = sorted({p for p in paths if p})
        self._key = hashlib.sha256("\n".join(known).encode("utf-8", "surrogatepass")).digest()
        self._length = _MIN_HASH
        self._labels: dict[str, str] = {}
        self._scrubbed: dict[str, str] = {}
        """Texts already scrubbed: advice and group names repeat on thousands of findings."""
        parts = {part for p in known if not is_url(p) for part in _locator_parts(p)}
        while len({self._digest(p) for p in parts}) < len(parts) and self._length < 64:
            self._length += 2  # a collision between two different files: use longer hashes
        # Text is searched through an index of file names, so scrubbing one text costs about
        # the same with ten paths or ten thousand; paths without a file extension (the
        # input folders, usually a handful) are searched for directly.
        self._by_name: dict[str, list[str]] = defaultdict(list)
        self._folders: list[str] = []
        for path in sorted(parts):
            name = _basename(path)
            if _suffix(name):
                self._by_name[name].append(path)
            else:
                self._folders.append(path)
        self._name_lengths = sorted({len(n) for n in self._by_name}, reverse=True)

    def locator(self, locator: str) -> str:
        """The redacted form of a locator: URLs keep their shape, paths become labels."""
        if is_url(locator):
            return coarsen_coordinates(locator)
        archive, member = _split_archive(locator)
        if member is None:
            return self.label(locator)
        return f"{self.label(archive)}!{self.label(locator)}"

    def label(self, path: str) -> str:
        """``photo-3f9a.jpg``: kind of file, short keyed hash, extension."""
        if path not in self._labels:
            suffix = _suffix(_basename(path))
            kind = _KIND_BY_EXTENSION.get(suffix, "file" if suffix else "folder")
            self._labels[path] = f"{kind}-{self._digest(path)}{suffix}"
        return self._labels[path]

    def scrub(self, text: str) -> str:
        """``text`` with known paths, file names and absolute paths replaced by labels,
        and coordinates coarsened."""
        done = self._scrubbed.get(text)
        if done is None:
            done = self._scrubbed[text] = self._scrub(text)
        return done

    def _scrub(self, text: str) -> str:
        names = self._names_in(text)
        candidates = [p for n in names for p in self._by_name[n]] + self._folders
        for path in sorted(candidates, key=len, reverse=True):
            if path in text:
                # A known folder followed by more path is labelled whole, further down.
                label = self.locator(path).replace("\\", "\\\\")  # literal in re.sub
                text = re.sub(re.escape(path) + r"(?![/\\]\w)", label, text)
        for name in sorted(names, key=len, reverse=True):
            if len(name) >= 5 and name in text:
                text = text.replace(name, self.locator(self._by_name[name][0]))
        text = _ABS_PATH.sub(self._label_match, text)
        return coarsen_coordinates(text)

    def _names_in(self, text: str) -> set[str]:
        """Known file names that occur in ``text`` (found from where extensions end)."""
        found = set()
        for match in _EXTENSION_END.finditer(text):
            end = match.end()
            for length in self._name_lengths:
                if length <= end and text[end - length : end] in self._by_name:
                    found.add(text[end - length : end])
        return found

    def _label_match(self, match: re.Match[str]) -> str:
        """Label a path found in text, leaving sentence punctuation after it in place."""
        path = match.group(0)
        kept = path.rstrip(".,;:!?)]")
        return self.label(kept) + path[len(kept) :]

    def _digest(self, path: str) -> str:
        mac = hashlib.blake2s(path.encode("utf-8", "surrogatepass"), key=self._key[:32])
        return mac.hexdigest()[: self._length]


def _locator_parts(locator: str) -> tuple[str, ...]:
    archive, member = _split_archive(locator)
    return (locator,) if member is None else (archive, locator)


def _split_archive(locator: str) -> tuple[str, str | None]:
    """``("ARCHIVE", "member")`` for ``ARCHIVE!member`` locators, else ``(locator, None)``."""
    head, sep, tail = locator.partition("!")
    if sep and head.lower().endswith(_ARCHIVE_SUFFIXES):
        return head, tail
    return locator, None


def _basename(path: str) -> str:
    """The file name of a path, or of the member for ``ARCHIVE!member`` locators."""
    archive, member = _split_archive(path)
    name = archive if member is None else member
    if "\\" in name:
        return PureWindowsPath(name).name
    tail = name.rpartition("/")[2]
    if tail not in ("", "."):
        return tail  # what PurePosixPath(name).name gives, without building a path
    return PurePosixPath(name).name


def _suffix(name: str) -> str:
    lowered = name.lower()
    for double in (".tar.gz", ".tar.bz2", ".tar.xz"):
        if lowered.endswith(double):
            return double
    if "/" in lowered:
        suffix = PurePosixPath(lowered).suffix
    else:  # the same as PurePosixPath(lowered).suffix, without building a path
        dot = lowered.rfind(".")
        suffix = lowered[dot:] if 0 < dot < len(lowered) - 1 else ""
    return suffix if _EXTENSION.match(suffix) else ""


def _coarse_dms(match: re.Match[str]) -> str:
    value = float(match["deg"]) + float(match["min"]) / 60 + float(match["sec"] or 0) / 3600
    hemisphere = (match["hem"] or "").upper()
    text = f"{round(value, REDACT_DECIMALS):.{REDACT_DECIMALS}f}°"
    return f"{text} {hemisphere}" if hemisphere else text


def _coarse_e7(match: re.Match[str]) -> str:
    step = 10 ** (7 - REDACT_DECIMALS)
    value = round(int(match["val"]) / step) * step
    return f"{match['name']}{match['sep']}{value}"
