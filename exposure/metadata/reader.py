"""``read_metadata``: open a file, read its head once, pick the parser, build the result."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from typing import BinaryIO

import xxhash

from exposure.i18n import N_
from exposure.i18n.message import M_, Message, known
from exposure.metadata.collect import Collector
from exposure.metadata.containers.isobmff import parse_heif
from exposure.metadata.containers.jpeg import parse_jpeg
from exposure.metadata.containers.png import parse_png
from exposure.metadata.containers.quicktime import parse_quicktime
from exposure.metadata.containers.tiff_file import parse_tiff
from exposure.metadata.containers.webp import parse_webp
from exposure.metadata.errors import Malformed, MetadataError
from exposure.metadata.model import PhotoMetadata
from exposure.metadata.sniff import NAMES, SUFFIX_FORMATS, sniff_format, suffix_of
from exposure.metadata.source import HEAD_SIZE, ForwardFile, Source, read_fully
from exposure.metadata.xmp import decode_xmp

Parser = Callable[[Source, Collector], None]

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
"""Read-only; binary on Windows; non-blocking, so a FIFO cannot hang the open (it changes
nothing for regular files)."""


def _parse_xmp_file(src: Source, out: Collector) -> None:
    decode_xmp(src.read(0, src.size), out)


PARSERS: dict[str, Parser] = {
    "jpeg": parse_jpeg,
    "png": parse_png,
    "webp": parse_webp,
    "tiff": parse_tiff,
    "dng": parse_tiff,
    "raw": parse_tiff,
    "heic": parse_heif,
    "avif": parse_heif,
    "mp4": parse_quicktime,
    "mov": parse_quicktime,
    "xmp": _parse_xmp_file,
}


KEY_BYTES = 16384
"""Bytes of the head that go into the content key: enough to tell files apart (the
metadata, its thumbnail and the start of the image data)."""


def content_key(size: int, head: bytes) -> str:
    """Stable identity of a file's content: XXH3-128 (hex) of the 8-byte big-endian
    ``size`` and the first 16 KiB of ``head``.

    Not a security hash, and it needs not be: it names a file's content in finding ids so
    a moved or copied photo keeps its id.  XXH3 hashes 16 KiB in about 0.5 µs, SHA-256 in
    12-14 µs, which was a sixth of the time a worker spends on a phone photo."""
    digest = xxhash.xxh3_128(size.to_bytes(8, "big"))
    digest.update(head[:KEY_BYTES])
    return digest.hexdigest()


def read_metadata(path: os.PathLike[str] | str) -> PhotoMetadata:
    """Read location and identifying metadata from the photo, video or sidecar at ``path``.

    Raises :class:`MetadataError` (and nothing else) when the file cannot be read or its
    metadata cannot be checked; a partly damaged file gives a result with ``notes``.
    """
    try:
        return _read(os.fspath(path))
    except MetadataError:
        raise
    except Exception as exc:  # the promise: never any other exception type
        raise MetadataError(M_("could not read it ({error})", error=type(exc).__name__)) from exc


class _Descriptor:
    """An open file descriptor as :class:`~exposure.metadata.source.Seekable`: a photo is
    read through ``os`` calls directly, without a file object for each of thousands of
    files (a file object costs ~1.5 µs a file, a tenth of reading its head)."""

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def seek(self, offset: int) -> int:
        return os.lseek(self.fd, offset, os.SEEK_SET)

    def read(self, size: int) -> bytes:
        return os.read(self.fd, size)


def _read(path: str) -> PhotoMetadata:
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise MetadataError(_os_reason(exc)) from exc
    try:
        fh = _Descriptor(fd)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise MetadataError(N_("not a regular file"))
            size = info.st_size
            if size == 0:
                raise MetadataError(N_("empty file (0 bytes)"))
            head = read_fully(fh, HEAD_SIZE)
        except OSError as exc:
            raise MetadataError(_os_reason(exc)) from exc
        if not head:
            raise MetadataError(N_("empty file (0 bytes)"))
        return _parse(Source(fh, max(size, len(head)), head), path)
    finally:
        os.close(fd)


def read_metadata_bytes(data: bytes, name: str) -> PhotoMetadata:
    """Like :func:`read_metadata`, for bytes already in memory (a photo inside an archive,
    a fetched image).  ``name`` is used for messages and as a format hint only."""
    if not data:
        raise MetadataError(N_("empty file (0 bytes)"))
    try:
        return _parse(Source(None, len(data), data), name)
    except MetadataError:
        raise
    except Exception as exc:  # the promise: never any other exception type
        raise MetadataError(M_("could not read it ({error})", error=type(exc).__name__)) from exc


def read_metadata_stream(stream: BinaryIO, size: int, name: str) -> PhotoMetadata:
    """Like :func:`read_metadata`, for a forward-only stream of ``size`` bytes (a member of
    an archive read in place): only the bytes the metadata needs are read, usually the
    first 64 KiB, so a photo in an export costs no more than one on disk.  ``name`` is used
    for messages and as a format hint only.

    An exception the stream raises (an archive reader's cap, a damaged member) propagates
    unchanged, whether it comes with the head or later: its reason is the caller's to give.
    """
    head = read_fully(stream, HEAD_SIZE)
    if not head:
        raise MetadataError(N_("empty file (0 bytes)"))
    forward = ForwardFile(stream, head)
    try:
        result: PhotoMetadata | MetadataError = _parse(
            Source(forward, max(size, len(head)), head), name
        )
    except MetadataError as exc:
        result = exc
    except Exception as exc:  # the promise: never any other exception type
        result = MetadataError(M_("could not read it ({error})", error=type(exc).__name__))
    if forward.error is not None:
        raise forward.error
    if isinstance(result, MetadataError):
        raise result
    return result


def _parse(src: Source, path: str) -> PhotoMetadata:
    """Sniff the format from the cached head, run its parser, build the result."""
    head, size = src.head, src.size
    fmt = sniff_format(head, path)
    if fmt is None:
        raise MetadataError(_unknown_reason(path))
    out = Collector()
    expected = SUFFIX_FORMATS.get(suffix_of(path))
    if expected is not None and expected != fmt and {expected, fmt} - {"tiff", "dng", "raw"}:
        out.note(
            M_(
                "named like {named} but it is {actual}",
                named=known(NAMES[expected]),
                actual=known(NAMES[fmt]),
            )
        )
    try:
        PARSERS[fmt](src, out)
    except Malformed as exc:
        out.fail(exc.reason)
    except OSError as exc:
        out.fail(_os_reason(exc))
    except Exception as exc:  # struct.error, MemoryError, RecursionError, a parser bug…
        # Keep what was read before the failure; the reason says what stopped us.
        out.fail(M_("its metadata is damaged ({error})", error=type(exc).__name__))
    if out.failure is not None and not out.has_content():
        raise MetadataError(out.failure)
    return out.build(fmt, content_key(size, head), size)


def _unknown_reason(path: str) -> str | Message:
    expected = SUFFIX_FORMATS.get(suffix_of(path))
    if expected is not None:
        return M_(
            "not {format} although named {suffix}",
            format=known(NAMES[expected]),
            suffix=suffix_of(path),
        )
    return N_("not a photo or video format this tool reads")


def _os_reason(exc: OSError) -> str | Message:
    if isinstance(exc, FileNotFoundError):
        return N_("file not found")
    if isinstance(exc, PermissionError):
        return N_("permission denied")
    if isinstance(exc, IsADirectoryError):
        return N_("a folder, not a file")
    return M_("could not read the file ({error})", error=exc.strerror or type(exc).__name__)
