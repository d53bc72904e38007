"""Fetching an image for its metadata: the head first, the whole file only when needed.

A JPEG keeps its EXIF and XMP in segments before the image data, so the first few hundred
kilobytes are enough, and a ``Range`` request asks for just those.  Other formats may keep
metadata at the end (WebP's EXIF chunk, HEIC's ``exif-at-eof``, a video's ``moov``), so
for them, or when a JPEG's metadata does not end inside the head, the file is fetched
whole, up to the byte cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from exposure.errors import FetchError
from exposure.i18n.message import M_
from exposure.metadata import sniff_format
from exposure.sources.web.fetch import Fetcher, Response, megabytes

HEAD_BYTES = 256 * 1024
"""Asked for first; JPEG metadata segments are at most 64 KiB each."""
ACCEPT_IMAGES = "image/avif,image/webp,image/heic,image/*;q=0.9,*/*;q=0.5"
NO_LOCATION_TYPES = frozenset({"image/gif", "image/svg+xml", "image/x-icon", "image/bmp"})
"""Image formats that cannot carry a position: skipped without a "could not check" line."""


@dataclass(frozen=True, slots=True)
class Image:
    """The bytes of an image that matter for its metadata."""

    url: str
    data: bytes
    kind: str
    """``photo`` or ``video`` (for the detectors' wording)."""
    note: str | None = None
    """Set when only part of the file could be read (it passed the byte cap)."""


def jpeg_metadata_ends(head: bytes) -> bool:
    """True when every JPEG segment before the image data (SOS) lies inside ``head``."""
    pos = 2
    while pos + 4 <= len(head):
        if head[pos] != 0xFF:
            return False
        marker = head[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xDA:  # start of scan: all metadata segments came before
            return True
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:
            pos += 2
            continue
        pos += 2 + int.from_bytes(head[pos + 2 : pos + 4], "big")
    return False


def fetch_image(fetcher: Fetcher, url: str) -> Image | None:
    """The image's metadata-bearing bytes; None for formats that cannot hold a location.

    Raises FetchError when it cannot be fetched or is not a photo or video at all.
    """
    first = fetcher.get(url, accept=ACCEPT_IMAGES, head_bytes=HEAD_BYTES)
    if first.media_type in NO_LOCATION_TYPES:
        return None
    fmt = sniff_format(first.body[:64], _name(url))
    if fmt is None:
        said = (
            M_(
                "not a photo or video format exposure reads (the server sent {type})",
                type=first.media_type,
            )
            if first.media_type
            else M_("not a photo or video format exposure reads (the server sent no type given)")
        )
        raise FetchError(url, said)
    response = first
    if not first.complete and not (fmt == "jpeg" and jpeg_metadata_ends(first.body)):
        response = _whole(fetcher, url)
    kind = "video" if fmt in ("mp4", "mov") else "photo"
    note = None
    if not response.complete and fmt != "jpeg":
        note = (
            f"only the first {megabytes(len(response.body))} of this file were read "
            "(see --max-bytes); a location stored after that was not checked"
        )
    return Image(url=response.url, data=response.body, kind=kind, note=note)


def _whole(fetcher: Fetcher, url: str) -> Response:
    """The whole file, or its first ``max_bytes`` when it is larger."""
    return fetcher.get(url, accept=ACCEPT_IMAGES, head_bytes=fetcher.web.max_bytes)


def _name(url: str) -> str:
    """The file name part of ``url``, as a format hint."""
    return url.split("?", 1)[0].rsplit("/", 1)[-1]
