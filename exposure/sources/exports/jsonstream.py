"""Streaming JSON: never load a whole file, survive BOMs, other encodings and cut files.

Built on ijson with its C backend (``yajl2_c``; :func:`backend_name` says which one is in
use).  Numbers come back as ``int`` or ``float`` (never ``Decimal``).  A file that breaks
part-way yields every object before the break; the reader then keeps the reason in
:attr:`JsonReader.problem` instead of raising, so the caller can report what it read plus
a note.  X/Twitter's ``window.YTD.name.part0 = [...]`` wrapper is skipped transparently.
"""

from __future__ import annotations

import codecs
import copy
import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO, cast

import ijson

from exposure.sources.exports.limits import ReadProblem, megabytes

SNIFF_BYTES = 64 * 1024
CHUNK = 256 * 1024
MAX_DEPTH = 512
"""Deepest nesting of arrays and objects read: exports nest a dozen levels; ijson's memory
grows with the square of the depth, so a file nested 100,000 deep would take all memory."""
MAX_VALUE_BYTES = 8 * 1024 * 1024
"""Longest single JSON value (a text or a number) read: the parser keeps a value whole in
memory, so one 2 GB string would take 2 GB (no export field comes near 8 MiB)."""
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


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
"""A whole JSON string (escapes included)."""
_STRING_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
"""The rest of a string begun in an earlier chunk, up to its closing quote."""
_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_PASSES = 16
"""Pair-dropping passes tried before a chunk's brackets are walked one by one."""
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_QUOTED = re.compile(rb'"[^"]*"')
_NUMBER = b"0123456789+-.eE"


class TooDeep(ReadProblem):
    """The JSON nests deeper than :data:`MAX_DEPTH`, or holds a value over the length cap."""


class Bounds:
    """Tracks nesting depth and value length over JSON bytes fed chunk by chunk.

    Works at C speed on ordinary data: whole strings are removed with one regex pass and
    brackets counted with ``bytes.count``; only a chunk whose bracket count could pass the
    cap is walked bracket by bracket.  :meth:`feed` raises :class:`TooDeep`.
    """

    def __init__(self, max_depth: int = MAX_DEPTH, max_value: int = MAX_VALUE_BYTES) -> None:
        self.max_depth = max_depth
        self.max_value = max_value
        self.depth = 0
        self._in_string = False
        self._escape = False
        """Inside a string, the chunk ended on a lone backslash."""
        self._run = 0
        """Length of the string or number still open at the end of the last chunk."""

    def feed(self, data: bytes) -> None:
        """Account for the next bytes of the document."""
        start = 0
        if self._in_string:
            match = _STRING_REST.match(data, 1 if self._escape else 0)
            if match is None:
                self._escape = _odd_backslashes(data[1:] if self._escape else data)
                self._grow(len(data))
                return
            self._grow(match.end())
            self._in_string, self._escape, self._run = False, False, 0
            start = match.end()
        body = data[start:] if start else data
        tail: bytes | None = None
        if b"\\" in body:  # escapes: strings found by the full pattern
            outside = _STRING.sub(b"", body)
            quote = outside.find(b'"')
            if quote >= 0:  # a string that continues in the next chunk
                outside, tail = outside[:quote], outside[quote + 1 :]
            self._numbers(outside)
            self._depth(outside)
        else:  # the common case: quotes alternate, so only quotes and brackets matter
            structure = body.translate(None, _NOT_STRUCTURE)
            if structure.count(b'"') % 2:
                last = body.rfind(b'"')
                body, tail = body[:last], body[last + 1 :]
                structure = structure[: structure.rfind(b'"')]
            self._numbers(body)
            brackets = structure.replace(b'""', b"")  # right unless a string holds a bracket
            if b'"' in brackets:
                brackets = _QUOTED.sub(b"", structure)
            self._depth(brackets)
        if tail is not None:
            self._in_string, self._run = True, 0
            self._escape = _odd_backslashes(tail)
            self._grow(len(tail))

    def _numbers(self, outside: bytes) -> None:
        """Numbers (and stray words) running across chunks are bounded like strings."""
        lead = len(outside) - len(outside.lstrip(_NUMBER))
        self._grow(lead)
        if lead != len(outside):
            self._run = len(outside) - len(outside.rstrip(_NUMBER))
            self._grow(0)

    def _depth(self, outside: bytes) -> None:
        """Brackets outside strings: the depth, walked one by one only near the cap."""
        opens = outside.count(b"[") + outside.count(b"{")
        if not opens and not self.depth:
            return
        closes = outside.count(b"]") + outside.count(b"}")
        if self.depth + opens > self.max_depth and not self._shallow(outside):
            depth = self.depth
            for byte in outside.translate(None, _BRACKETS):
                depth += 1 if byte in b"[{" else -1
                if depth > self.max_depth:
                    raise TooDeep(
                        f"it nests deeper than {self.max_depth} levels, which no export does "
                        "(a damaged or hostile file); it was not read further"
                    )
        self.depth = max(0, self.depth + opens - closes)

    def _shallow(self, outside: bytes) -> bool:
        """True when the brackets of ``outside`` surely stay within the cap (at C speed).

        A chunk of a big flat file holds thousands of ``{...}``: their opens add up, their
        depth does not.  Each pass drops the innermost pairs; after ``passes`` passes what is
        left is unmatched, so the deepest point is at most the depth before, plus the opens
        left, plus ``passes``."""
        brackets = outside.translate(None, _BRACKETS)
        for passes in range(1, _PASSES + 1):
            fewer = brackets.replace(b"{}", b"").replace(b"[]", b"")
            if len(fewer) == len(brackets):
                left = fewer.count(b"[") + fewer.count(b"{")
                return self.depth + left + passes <= self.max_depth
            brackets = fewer
        return False  # deeply nested here: walk it

    def _grow(self, n: int) -> None:
        self._run += n
        if self._run > self.max_value:
            raise TooDeep(
                f"it holds a single value longer than {megabytes(self.max_value)}, which no "
                "export does (a damaged or hostile file); it was not read further"
            )


def _odd_backslashes(body: bytes) -> bool:
    """Inside a string, from a point that is not mid-escape: does ``body`` end on an
    unpaired backslash (whose escaped character comes in the next chunk)?"""
    run = len(body) - len(body.rstrip(b"\\"))
    return run % 2 == 1


class Bounded(io.RawIOBase):
    """A stream that checks every chunk it hands out against :class:`Bounds`."""

    def __init__(self, source: BinaryIO, bounds: Bounds | None = None) -> None:
        super().__init__()
        self._source = source
        self.bounds = bounds or Bounds()
        self._stop: TooDeep | None = None

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._stop is not None:
            raise self._stop
        data = self._source.read(size if size is not None and size >= 0 else CHUNK)
        if data:
            before = copy.copy(self.bounds)
            try:
                self.bounds.feed(data)
            except TooDeep as exc:  # hand out what comes before the break, stop next time
                self._stop = exc
                return data[: _fits(before, data)] or self.read(size)
        return data

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def cut_at_depth(head: bytes, max_depth: int = MAX_DEPTH) -> bytes:
    """``head`` up to the byte where it would pass the caps (all of it when it never does)."""
    bounds = Bounds(max_depth)
    try:
        bounds.feed(head)
    except TooDeep:
        return head[: _fits(Bounds(max_depth), head)]
    return head


def _fits(bounds: Bounds, data: bytes) -> int:
    """How many bytes of ``data`` ``bounds`` accepts (it rejects the whole): by bisection,
    so a hostile chunk costs a few passes, not one per byte.  ``bounds`` is not changed."""
    low, high = 0, len(data)  # data[:low] fits, data[:high] does not
    while high - low > 1:
        middle = (low + high) // 2
        try:
            copy.copy(bounds).feed(data[:middle])
        except TooDeep:
            high = middle
        else:
            low = middle
    return low


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
    values: int | None = field(default=0)
    """Values handed out by :meth:`items` and :meth:`multi` (None after :meth:`raw_items`,
    which does not count): with a :attr:`problem`, 0 means nothing of the file was used."""

    def __post_init__(self) -> None:
        # Every document is read within the depth and value caps, whatever ijson does.
        if not isinstance(self.stream, Bounded):
            self.stream = cast(BinaryIO, Bounded(self.stream))

    def items(self, prefix: str) -> Iterator[Any]:
        """Every value at ``prefix`` (ijson syntax: ``locations.item``), streamed."""
        with self.guard():
            for value in ijson.items(self.stream, prefix, use_float=True, buf_size=CHUNK):
                if self.values is not None:
                    self.values += 1
                yield value

    def raw_items(self, prefix: str) -> Iterator[Any]:
        """Like :meth:`items` without the error capture (the hot loop of a huge file saves a
        generator layer per value): iterate it inside :meth:`guard`."""
        self.values = None
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
                    if self.values is not None:
                        self.values += len(sinks[prefix])
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
        for prefix, event, value in ijson.parse(io.BytesIO(cut_at_depth(head)), use_float=True):
            if top is None:
                top = {"start_map": "object", "start_array": "array"}.get(event, "scalar")
            if event == "map_key" and prefix.count(".") < max_depth:
                paths.add(f"{prefix}.{value}" if prefix else str(value))
    except ijson.JSONError:
        pass
    return Shape(top if top != "scalar" else None, frozenset(paths))
