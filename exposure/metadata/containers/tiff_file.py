"""TIFF, DNG and TIFF-based camera raw files (NEF, CR2, ARW, ORF, RW2, PEF…), Fujifilm
RAF, whose metadata lives in an embedded JPEG preview, and Canon CR3 (see
:mod:`exposure.metadata.containers.cr3`).

A TIFF file is read by seeking to the IFDs it needs: raw files are often 20-80 MB and
only a few KiB of them are metadata.
"""

from __future__ import annotations

from exposure.i18n import N_
from exposure.metadata.collect import Collector
from exposure.metadata.containers.cr3 import parse_cr3
from exposure.metadata.containers.jpeg import walk_jpeg
from exposure.metadata.errors import Malformed
from exposure.metadata.exif import decode_exif
from exposure.metadata.source import Source


def parse_tiff(src: Source, out: Collector) -> None:
    """Read a TIFF-structured file (TIFF, DNG, most raw formats) into ``out``."""
    if src.head[:16] == b"FUJIFILMCCD-RAW ":
        parse_raf(src, out)
    elif src.head[4:8] == b"ftyp":
        parse_cr3(src, out)
    elif src.head[:4] in (b"II+\x00", b"MM\x00+"):
        raise Malformed(N_("BigTIFF files are not supported yet"))
    else:
        decode_exif(src, 0, out)


def parse_raf(src: Source, out: Collector) -> None:
    """Fujifilm RAF: a fixed header whose bytes 84-91 give the JPEG preview's place."""
    header = src.read(84, 8)
    if len(header) < 8:
        raise Malformed(N_("its RAF header is cut short"))
    offset = int.from_bytes(header[:4], "big")
    walk_jpeg(src, offset, out)
