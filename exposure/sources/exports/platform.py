"""The declaration of one export platform: everything exposure needs to recognise and read
its "download your data" export, as data.

One module per platform in :mod:`.platforms` holds one :class:`Platform`; the registries
(layout markers in :mod:`.layout`, file rules, JSON shapes and the platform of a lone file
in :mod:`.detect`, handlers in :mod:`.reader`, the sources in :mod:`.source`) are built
from them.  A declaration is cheap to import: every audit of a folder reads the markers.
The code that reads the files (the handlers) is either in the declaration's own module, as
functions that import what they need when called (Garmin: :attr:`Platform.handlers`), or in
parser modules named in :attr:`Platform.parsers`, loaded only when an export is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exposure.sources.exports.document import Handler


@dataclass(frozen=True, slots=True)
class Platform:
    """One export platform (see CONTRIBUTING.md, "A new export platform")."""

    name: str
    """Stable short name (the source name in reports): ``garmin``."""
    title: str
    """What the source is, in a line (its docstring): ``Garmin Connect's "Export Your Data" zip``."""
    description: str
    """What the user can give, in words for messages: ``a Garmin Connect data export``."""
    group: str
    """Where the user acts on what is found (the report groups findings by it)."""
    kinds: tuple[str, ...]
    """Finding kinds its handlers can produce (each has a KindInfo in exposure/catalogue)."""
    translated_group: bool = False
    """True when ``group`` holds words to translate (``Route and map files``), not only
    brand names (``Garmin Connect``, shown as they are in every language): it then joins the
    ``exposure`` translation catalogue and needs its Spanish and French in exposure.po."""
    handlers: tuple[tuple[str, Handler], ...] = ()
    """``(content kind, reader function)``: the functions that read its files, written in the
    declaration's module; they import what they use inside their bodies, so listing the
    platforms stays cheap (copy ``platforms/garmin.py``)."""
    parsers: tuple[str, ...] = ()
    """Modules whose ``HANDLERS`` (content kind -> reader function) read its files, for a
    reader too large for the declaration's module; imported only when an export is read."""
    markers: tuple[str, ...] = ()
    """Layout markers: regular expressions (matched ignoring case) on the names an archive or
    folder holds (``/`` separated, folders end with ``/``) that only this export has."""
    paired_markers: tuple[frozenset[str], ...] = ()
    """Sets of file names too common to be markers alone: all of one set in one folder."""
    rank: int = 50
    """Order in which layouts are tried (lower first): an export whose markers can turn up
    inside another's goes later (Facebook before Instagram, Google Takeout last)."""
    files: tuple[tuple[str, str], ...] = ()
    """``(regular expression on a member name, content kind)``: names that say what a file is
    (tried before the JSON shapes)."""
    shapes: tuple[tuple[tuple[str, ...], str], ...] = ()
    """``(JSON paths, content kind)``: a JSON file holding any of these paths (see
    :class:`~exposure.sources.exports.jsonstream.Shape`) is of that kind."""
    lone_files: str | None = None
    """A regular expression on a file name that makes a lone file this platform's without
    looking inside (``.gpx`` for GPS tracks)."""
    read_first: tuple[str, ...] = ()
    """Content kinds read before the rest (their facts name the others: Strava's
    ``activities.csv`` names the tracks)."""

    def content_kinds(self) -> tuple[str, ...]:
        """Every content kind its file rules and JSON shapes name."""
        return tuple(dict.fromkeys([k for _, k in self.files] + [k for _, k in self.shapes]))
