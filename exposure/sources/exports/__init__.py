"""Platform data exports: the user's own "download your data" archives, unpacked folders and
lone export files (a phone's Timeline.json, a .gpx track).

Each platform is one declaration in :mod:`.platforms`; ``EXPORT_SOURCES`` holds one source
per platform, built from them.  They go before the photo source in
``exposure.sources.SOURCES`` so an unpacked export folder is read as that export.
``ArchiveSource`` comes after them: it reports damaged archives and refuses unknown ones.
"""

from __future__ import annotations

from exposure.sources.exports.source import EXPORT_SOURCES, ArchiveSource, ExportSource

__all__ = ["EXPORT_SOURCES", "ArchiveSource", "ExportSource"]
