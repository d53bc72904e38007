"""Turning response bytes into content: bounded decompression and text decoding.

httpx would decompress a response for us, but a single 64 KiB piece of a gzip bomb can
inflate to tens of megabytes before anyone counts.  :class:`BoundedDecoder` inflates with
an output limit instead, so no more than the byte cap is ever held in memory.
"""

from __future__ import annotations

import codecs
import re
import zlib

from exposure.errors import FetchError

ACCEPT_ENCODING = "gzip, deflate"
"""The only encodings asked for, and so the only ones decoded."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class TooLarge(Exception):
    """The decoded content passed the byte cap."""


class BoundedDecoder:
    """Decodes ``Content-Encoding`` (identity, gzip or deflate) without passing ``limit`` bytes."""

    def __init__(self, url: str, content_encoding: str, limit: int, *, cut: bool = False) -> None:
        coding = content_encoding.strip().lower()
        self._limit = limit
        self._cut = cut
        self.exceeded = False
        """With ``cut``: the answer went past the limit, and what came before it was given."""
        self._size = 0
        self._may_be_raw = coding == "deflate"
        if coding in ("", "identity"):
            self._inflater = None
        elif coding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(
                url, f"the server compressed it in a way exposure does not read ({coding})"
            )
        self._url = url

    @property
    def size(self) -> int:
        """Decoded bytes given out so far."""
        return self._size

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes of ``chunk``; past the limit, raises :class:`TooLarge` (or, with
        ``cut``, gives the bytes up to the limit and sets :attr:`exceeded`)."""
        room = self._limit - self._size
        if self._inflater is None:
            out = chunk
        else:
            out = self._inflate(chunk, room + 1)
        self._size += len(out)
        if self._size > self._limit:
            if not self._cut:
                raise TooLarge
            out = out[: len(out) - (self._size - self._limit)]
            self._size, self.exceeded = self._limit, True
        return out

    def _inflate(self, chunk: bytes, most: int) -> bytes:
        assert self._inflater is not None
        try:
            out = self._inflater.decompress(chunk, most)
        except zlib.error:
            if not (self._may_be_raw and self._size == 0):
                raise FetchError(self._url, "the compressed content is damaged") from None
            # Some servers send raw deflate data without the zlib header.
            self._may_be_raw = False
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._inflate(chunk, most)
        return out


def charset_of(content_type_charset: str | None, body: bytes) -> str:
    """The charset to decode a page with: the header's, a ``<meta charset>``, a BOM, or UTF-8."""
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for candidate in (content_type_charset, _meta_charset(body)):
        if candidate:
            try:
                return codecs.lookup(candidate).name
            except LookupError:
                continue
    return "utf-8"


def _meta_charset(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:2048])
    return found.group(1).decode("ascii", "replace") if found else None


def decode_text(body: bytes, charset: str) -> tuple[str, str | None]:
    """``(text, problem)``: strict decoding, or a lenient one and the reason it was needed."""
    try:
        return body.decode(charset), None
    except UnicodeDecodeError:
        label = "UTF-8" if charset.startswith("utf-8") else charset
        problem = f"parts of it are not valid {label} text; unreadable characters were replaced"
        return body.decode(charset, errors="replace"), problem
