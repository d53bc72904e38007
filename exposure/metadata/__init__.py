"""Read location and identifying metadata from photos, videos and XMP sidecars.

Fast and defensive: the first 16 KiB of a file are read once and parsed in place; more
is read by seeking only when the metadata lies further in, never more than 16 MiB.  A
damaged file raises :class:`MetadataError` with a plain-English reason, or gives a
:class:`PhotoMetadata` whose ``notes`` say what could not be read.

>>> meta = read_metadata("IMG_0001.jpg")            # doctest: +SKIP
>>> [(g.lat, g.lon) for g in meta.real_positions]    # doctest: +SKIP
[(52.52, 13.405)]
"""

from __future__ import annotations

from exposure.metadata.errors import MetadataError
from exposure.metadata.model import GpsReading, Identifier, PhotoMetadata, PlaceName, TextField
from exposure.metadata.reader import read_metadata, read_metadata_bytes, read_metadata_stream
from exposure.metadata.sniff import PHOTO_SUFFIXES, sniff_format

__all__ = [
    "GpsReading",
    "Identifier",
    "MetadataError",
    "PHOTO_SUFFIXES",
    "PhotoMetadata",
    "PlaceName",
    "TextField",
    "read_metadata",
    "read_metadata_bytes",
    "read_metadata_stream",
    "sniff_format",
]
