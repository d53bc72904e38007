"""Which container a file is, from its first bytes (the name only breaks ties)."""

from __future__ import annotations

import struct

from exposure.i18n import N_
from exposure.metadata.tiff import TIFF_HEADERS

RAW_SUFFIXES = frozenset(
    {
        ".nef", ".nrw", ".cr2", ".arw", ".srf", ".sr2", ".orf", ".rw2", ".rwl", ".pef",
        ".srw", ".raf", ".3fr", ".erf", ".kdc", ".dcr", ".mef", ".mos", ".iiq", ".cr3",
    }
)  # fmt: skip
PHOTO_SUFFIXES = frozenset(
    {
        ".jpg", ".jpeg", ".jpe", ".jfif", ".heic", ".heif", ".hif", ".avif", ".tif",
        ".tiff", ".dng", ".png", ".webp", ".xmp", ".mp4", ".mov", ".m4v", ".3gp", ".3g2",
    }
    | RAW_SUFFIXES
)  # fmt: skip
"""Lower-case file name suffixes :func:`~exposure.metadata.read_metadata` handles."""

HEIC_BRANDS = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1",
     b"msf1", b"mif2", b"miaf"}
)  # fmt: skip
AVIF_BRANDS = frozenset({b"avif", b"avis"})
QUICKTIME_ATOMS = frozenset({b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})
_TIFF_MAGIC = (*TIFF_HEADERS, b"II+\x00", b"MM\x00+")  # the last two: BigTIFF
_XMP_MARKS = (b"<x:xmpmeta", b"<x:xapmeta", b"<rdf:RDF", b"<?xpacket")
_DNG_VERSION = 0xC612

NAMES = {
    "jpeg": N_("a JPEG"),
    "heic": N_("a HEIC/HEIF image"),
    "avif": N_("an AVIF image"),
    "tiff": N_("a TIFF image"),
    "dng": N_("a DNG raw image"),
    "raw": N_("a camera raw image"),
    "png": N_("a PNG"),
    "webp": N_("a WebP image"),
    "xmp": N_("an XMP sidecar"),
    "mp4": N_("an MP4 video"),
    "mov": N_("a QuickTime video"),
}
SUFFIX_FORMATS = {
    ".jpg": "jpeg", ".jpeg": "jpeg", ".jpe": "jpeg", ".jfif": "jpeg",
    ".heic": "heic", ".heif": "heic", ".hif": "heic", ".avif": "avif",
    ".tif": "tiff", ".tiff": "tiff", ".dng": "dng", ".png": "png", ".webp": "webp",
    ".xmp": "xmp", ".mp4": "mp4", ".m4v": "mp4", ".3gp": "mp4", ".3g2": "mp4", ".mov": "mov",
} | dict.fromkeys(RAW_SUFFIXES, "raw")  # fmt: skip


def suffix_of(name: str) -> str:
    """The lower-case suffix of ``name`` (``""`` when it has none)."""
    dot = name.rfind(".")
    return "" if dot < 0 or "/" in name[dot:] or "\\" in name[dot:] else name[dot:].lower()


def sniff_format(head: bytes, name: str) -> str | None:
    """The container of a file starting with ``head`` and called ``name``, or ``None``.

    One of ``"jpeg"``, ``"heic"``, ``"avif"``, ``"tiff"``, ``"dng"``, ``"raw"`` (TIFF-based
    camera raw, Fujifilm RAF and Canon CR3), ``"png"``, ``"webp"``, ``"xmp"``, ``"mp4"``, ``"mov"``.
    """
    suffix = suffix_of(name)
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] in _TIFF_MAGIC:
        return _tiff_kind(head, suffix)
    if head[:16] == b"FUJIFILMCCD-RAW ":
        return "raw"
    if head[4:8] == b"ftyp":
        return _ftyp_kind(head)
    if head[4:8] in QUICKTIME_ATOMS and int.from_bytes(head[:4], "big") not in range(2, 8):
        return "mov"
    return _text_kind(head, suffix)


def _tiff_kind(head: bytes, suffix: str) -> str:
    if head[:4] in (b"IIRO", b"IIRS", b"MMOR", b"IIU\x00") or head[8:10] == b"CR":
        return "raw"
    if _has_dng_version(head):
        return "dng"
    if suffix == ".dng":
        return "dng"
    return "raw" if suffix in RAW_SUFFIXES else "tiff"


def _has_dng_version(head: bytes) -> bool:
    """True when IFD0, if it lies inside ``head``, has a DNGVersion tag."""
    order = "<" if head[:2] == b"II" else ">"
    try:
        (first,) = struct.unpack_from(order + "I", head, 4)
        (count,) = struct.unpack_from(order + "H", head, first)
        entries = head[first + 2 : first + 2 + 12 * min(count, 1024)]
    except struct.error:
        return False
    tags = struct.unpack_from(f"{order}{len(entries) // 12 * 6}H", entries)[0::6]
    return _DNG_VERSION in tags


def _ftyp_kind(head: bytes) -> str | None:
    size = int.from_bytes(head[:4], "big")
    major = head[8:12]
    brands = {major} | {head[i : i + 4] for i in range(16, min(size, len(head), 256) - 3, 4)}
    if major in AVIF_BRANDS:
        return "avif"
    if major in HEIC_BRANDS:
        return "avif" if brands & AVIF_BRANDS and not brands & {b"heic", b"heix"} else "heic"
    if major == b"qt  ":
        return "mov"
    if major == b"crx ":  # Canon CR3 (its CRM videos share the brand but not the suffix)
        return "raw"
    if major in (b"jxl ", b"jp2 ", b"jpx ", b"jpm "):
        return None
    if brands & AVIF_BRANDS:
        return "avif"
    if brands & HEIC_BRANDS - {b"miaf"}:
        return "heic"
    return "mp4"


def _text_kind(head: bytes, suffix: str) -> str | None:
    start = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<") and any(mark in head[:65536] for mark in _XMP_MARKS):
        return "xmp"
    if suffix == ".xmp" and start.startswith(b"<"):
        return "xmp"
    return None
