"""Deep and huge JSON: every streamed JSON read stops at the depth and value-length caps,
in seconds and flat memory, with one "could not check" line.  Hostile runs happen only in
a child process under a 2 GB address-space cap (tests/capped.py)."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from exposure.sources.exports.jsonstream import (
    MAX_DEPTH,
    MAX_VALUE_BYTES,
    Bounds,
    JsonReader,
    TooDeep,
    prepare,
    sniff,
)
from tests.capped import HOSTILE, run_capped

PEAK_MB = 400
"""Peak resident memory a capped run may reach (exposure itself takes about 60 MB)."""


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def deep_instagram(root: Path, depth: int = 100_000) -> Path:
    folder = root / "deep_instagram"
    content = folder / "your_instagram_activity" / "content"
    content.mkdir(parents=True)
    (content / "posts_1.json").write_bytes(
        b'[{"media": [{"title": ' + nested(depth) + b', "uri": "a.jpg"}]}]'
    )
    return folder


def deep_takeout(root: Path, depth: int = 30_000) -> Path:
    path = root / "takeout-deep.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Takeout/archive_browser.html", "<html></html>")
        zf.writestr(
            "Takeout/Location History/Semantic Location History/2020/2020_JUN.json",
            nested(depth),
        )
    return path


def _one_line_about(run_result, words: str) -> str:
    skipped = run_result.skipped()
    matching = [r for r in skipped.values() if words in r]
    assert len(matching) == 1, skipped
    return matching[0]


def test_deeply_nested_instagram_posts(tmp_path: Path) -> None:
    deep_instagram(tmp_path)
    result = run_capped("deep_instagram", cwd=tmp_path)
    assert result.report is not None, result.err
    assert result.code == 3, result.err  # nothing of it could be read: never "no leaks"
    reason = _one_line_about(result, "nests deeper than 512 levels")
    assert reason.startswith("not read: ")
    assert "posts_1.json" in next(k for k, v in result.skipped().items() if v == reason)
    assert result.peak_mb < PEAK_MB


def test_deeply_nested_takeout_history_in_a_zip(tmp_path: Path) -> None:
    deep_takeout(tmp_path)
    result = run_capped("takeout-deep.zip", cwd=tmp_path)
    assert result.report is not None, result.err
    _one_line_about(result, "nests deeper than 512 levels")
    assert result.peak_mb < PEAK_MB


def test_huge_string_in_records_json(tmp_path: Path) -> None:
    """A stored string past the value cap (the 2 GB original, scaled down)."""
    big = MAX_VALUE_BYTES + 4 * 1024 * 1024
    path = tmp_path / "Records.json"
    with path.open("wb") as fh:
        fh.write(b'{"locations": [{"latitudeE7": 525200000, "longitudeE7": 134049000}, ')
        fh.write(b'{"note": "')
        fh.write(b"x" * big)
        fh.write(b'"}]}')
    result = run_capped("Records.json", cwd=tmp_path)
    assert result.report is not None, result.err
    _one_line_about(result, "a single value longer than 8 MB")
    assert result.peak_mb < PEAK_MB


class _Endless(io.RawIOBase):
    """``head`` then ``filler`` for ``total`` bytes, made on demand (never held whole)."""

    def __init__(self, head: bytes, filler: bytes, total: int) -> None:
        super().__init__()
        self._head, self._filler, self._left = head, filler, total
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
        else:
            n = min(len(buffer), self._left)
            buffer[:n] = (self._filler * (n // len(self._filler) + 1))[:n]
            self._left -= n
        self.given += n
        return n


@pytest.mark.parametrize(
    ("head", "filler", "words"),
    [
        (b'{"locations": [{"a": "', b"x", "single value longer"),  # a 2 GB string
        (b'{"locations": [{"a": ', b"1", "single value longer"),  # a 2 GB number
        (b'{"locations": ', b"[", "nests deeper"),  # 2 GB of brackets
        (b'{"locations": ', b'[{"a":', "nests deeper"),
    ],
)
def test_two_gigabytes_stop_at_the_cap(head: bytes, filler: bytes, words: str) -> None:
    source = _Endless(head, filler, 2 * 1024**3)
    reader = JsonReader(prepare(io.BufferedReader(source)).stream)  # type: ignore[arg-type]
    assert list(reader.items("locations.item")) == []
    assert reader.problem is not None and words in reader.problem
    assert source.given < MAX_VALUE_BYTES + 2 * 1024 * 1024


def test_multi_prefix_reader_is_capped_too() -> None:
    data = b'{"a": [1, 2], "b": ' + nested(100_000) + b"}"
    reader = JsonReader(io.BytesIO(data))
    got = list(reader.multi(("a.item", "b.item")))
    assert ("a.item", 1) in got
    assert reader.problem is not None and "nests deeper" in reader.problem


def test_sniff_reads_only_the_shallow_part() -> None:
    shape = sniff(b'{"timelineObjects": ' + b"[" * 60_000)
    assert shape.top == "object" and shape.has("timelineObjects")


def test_depth_just_under_the_cap_is_read() -> None:
    data = b'{"item": ' + nested(MAX_DEPTH - 1) + b"}"
    reader = JsonReader(io.BytesIO(data))
    assert len(list(reader.items("item"))) == 1 and reader.problem is None


def _max_depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _value(rng: random.Random, level: int) -> object:
    if level > 10 or rng.random() < 0.3:
        return rng.choice([1, -2.5e3, 'a\\"[[{', "]]}\\", "x" * rng.randint(0, 40), None, True])
    if rng.random() < 0.5:
        return [_value(rng, level + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(["k", "[", '"\\', "]"]): _value(rng, level + 1) for _ in range(3)}


@pytest.mark.parametrize("seed", range(5))
def test_depth_count_ignores_brackets_in_strings_across_any_chunking(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        data = json.dumps(_value(rng, 0)).encode()
        deepest = _max_depth(data.decode())
        for cap in {deepest, max(0, deepest - 1)}:
            bounds, at, raised = Bounds(max_depth=cap), 0, False
            try:
                while at < len(data):
                    step = rng.randint(1, 17)
                    bounds.feed(data[at : at + step])
                    at += step
            except TooDeep:
                raised = True
            assert raised == (cap < deepest), (data, cap)


def test_long_strings_below_the_cap_pass_in_small_chunks() -> None:
    bounds = Bounds(max_value=1000)
    data = b'["' + b"a\\\\" * 300 + b'", "' + b"b" * 990 + b'"]'
    for at in range(0, len(data), 7):
        bounds.feed(data[at : at + 7])
    with pytest.raises(TooDeep):
        Bounds(max_value=1000).feed(b'["' + b"c" * 1001)


@pytest.fixture
def hostile() -> Path:
    """../shared/hostile next to the checkout; skipped where it is absent."""
    if not (HOSTILE / "README.md").is_file():
        pytest.skip("../shared/hostile is not present")
    return HOSTILE


@pytest.mark.parametrize("name", ["deep_instagram", "archive_deep_json_30k_2GB.zip"])
def test_shared_deep_json_reproducers(hostile: Path, tmp_path: Path, name: str) -> None:
    result = run_capped(str(hostile / name), cwd=tmp_path)
    assert result.report is not None, result.err
    _one_line_about(result, "nests deeper than 512 levels")
    assert result.peak_mb < PEAK_MB
