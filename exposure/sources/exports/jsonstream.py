"""Streaming JSON: never load a whole file, survive BOMs, other encodings and cut files.

Built on ijson with its C backend (``yajl2_c``; :func:`backend_name` says which one is in
use).  Numbers come back as ``int`` or ``float`` (never ``Decimal``).  A file that breaks
part-way yields every object before the break; the reader then keeps the reason in
:attr:`JsonReader.problem` instead of raising, so the caller can report what it read plus
a note.  X/Twitter's ``window.YTD.name.part0 = [...]`` wrapper is skipped transparently.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import ijson

from exposure.sources.exports.limits import ReadProblem

SNIFF_BYTES = 64 * 1024
CHUNK = 256 * 1024
_YTD = re.compile(rb"^\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=\s*")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def backend_name() -> str:
    """The ijson backend in use; ``yajl2_c`` is the fast C one."""
    return str(ijson.backend_name)


class _Chain(io.RawIOBase):
    """Bytes already read (``head``), then the rest of ``tail``."""

    def __init__(self, head: bytes, tail: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._tail.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Transcode(io.RawIOBase):
    """UTF-16/32 text re-encoded as UTF-8, chunk by chunk."""

    def __init__(self, source: BinaryIO, encoding: str) -> None:
        super().__init__()
        self._source = source
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = self._source.read(CHUNK)
            self._pending = self._decoder.decode(chunk, final=not chunk).encode("utf-8")
            if not chunk:
                break
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


@dataclass
class Prepared:
    """A stream made ready for ijson, and what its first bytes said."""

    stream: BinaryIO
    head: bytes
    """The first bytes (UTF-8, after any BOM and wrapper): used for sniffing."""
    ytd_name: str | None = None
    """For an X archive ``window.YTD.<name>.partN = `` file: ``<name>``."""


def prepare(stream: BinaryIO) -> Prepared:
    """Drop a BOM, transcode UTF-16/32, skip an X archive wrapper; nothing is consumed."""
    head = stream.read(SNIFF_BYTES)
    encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
    if encoding is not None and encoding != "utf-8":
        text = io.BufferedReader(_Transcode(io.BufferedReader(_Chain(head, stream)), encoding))
        return prepare(text)
    if encoding == "utf-8":
        head = head[len(codecs.BOM_UTF8) :]
    name = None
    wrapper = _YTD.match(head)
    if wrapper:
        name = wrapper.group(1).decode("ascii")
        head = head[wrapper.end() :]
    return Prepared(io.BufferedReader(_Chain(head, stream)), head, name)


def describe(exc: Exception) -> str:
    """A JSON error in words."""
    if isinstance(exc, ijson.IncompleteJSONError) and "premature" in str(exc).lower():
        return "the file ends in the middle (cut short); the rest could not be read"
    if isinstance(exc, ReadProblem):
        return str(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"the file stops being valid JSON part-way ({text[:120]}); the rest could not be read"


@dataclass
class JsonReader:
    """Iterate objects inside one JSON document, keeping any break as :attr:`problem`."""

    stream: BinaryIO
    problem: str | None = field(default=None)

    def items(self, prefix: str) -> Iterator[Any]:
        """Every value at ``prefix`` (ijson syntax: ``locations.item``), streamed."""
        with self.guard():
            yield from self.raw_items(prefix)

    def raw_items(self, prefix: str) -> Iterator[Any]:
        """Like :meth:`items` without the error capture (the hot loop of a huge file saves a
        generator layer per value): iterate it inside :meth:`guard`."""
        return ijson.items(self.stream, prefix, use_float=True, buf_size=CHUNK)  # type: ignore[no-any-return]

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn a break in the JSON (or a cap reached) into :attr:`problem`."""
        try:
            yield
        except (ijson.JSONError, ReadProblem) as exc:
            self.problem = describe(exc)

    def multi(self, prefixes: Sequence[str]) -> Iterator[tuple[str, Any]]:
        """Values at any of ``prefixes``, in one pass over the stream."""
        sinks = {p: ijson.sendable_list() for p in prefixes}
        coros = {p: ijson.items_coro(sinks[p], p, use_float=True) for p in prefixes}
        try:
            while True:
                chunk = self.stream.read(CHUNK)
                for prefix, coro in coros.items():
                    if chunk:
                        coro.send(chunk)
                    else:
                        coro.close()
                    yield from ((prefix, obj) for obj in sinks[prefix])
                    del sinks[prefix][:]
                if not chunk:
                    return
        except (ijson.JSONError, ReadProblem) as exc:
            self.problem = describe(exc)


@dataclass(frozen=True)
class Shape:
    """What the start of a JSON document looks like: its top type and the key paths seen."""

    top: str | None
    """``object``, ``array``, or None when it is not JSON."""
    paths: frozenset[str]
    """Dotted key paths seen in the first bytes, ijson style: ``locations``,
    ``item.startTime``, ``checkins.items.item.venue``."""

    def has(self, *paths: str) -> bool:
        """True when any of ``paths`` was seen."""
        return any(p in self.paths for p in paths)


def sniff(head: bytes, max_depth: int = 4) -> Shape:
    """The :class:`Shape` of a document from its first bytes (a cut at the end is fine)."""
    top: str | None = None
    paths: set[str] = set()
    try:
        for prefix, event, value in ijson.parse(io.BytesIO(head), use_float=True):
            if top is None:
                top = {"start_map": "object", "start_array": "array"}.get(event, "scalar")
            if event == "map_key" and prefix.count(".") < max_depth:
                paths.add(f"{prefix}.{value}" if prefix else str(value))
    except ijson.JSONError:
        pass
    return Shape(top if top != "scalar" else None, frozenset(paths))
