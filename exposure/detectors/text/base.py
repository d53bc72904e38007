"""The pattern-detector convenience base and what every text detector shares.

A text detector has two faces:

* :meth:`PatternDetector.find` is pure: text in, :class:`TextHit` list out (sorted by
  position, no overlaps).  ``exposure.detectors.text.scan_text`` runs every detector's
  ``find``, so the crawler and the export parsers can reuse the detectors on any string.
* :meth:`PatternDetector.detect` is the :class:`~exposure.detectors.base.TextDetector`
  contract the audit engine calls: it turns each hit into a Finding for the item the text
  came from (see :mod:`exposure.detectors.text.findings`).

A new pattern detector is a kind name, a ``screen``, a few compiled ``patterns`` (each
with a comment on why it looks that way) and, when the whole match is not the answer, a
:meth:`PatternDetector.decode` that turns a match into a hit or refuses it.

Speed: the ``screen`` (RE2 syntax) of every registered detector is matched in one pass
(:mod:`exposure.detectors.text.screen`), so a text without any candidate costs one RE2
call however many detectors there are.  Matches inside code (Markdown
fences and backticks, ``<code>``/``<pre>``) are never personal and are dropped; matches
inside web links are dropped too for every detector except the map-link one, which owns
links (so a Google Maps URL is one finding, not also "coordinates" and "a plus code").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import ClassVar

from exposure.detectors.base import TextDetector
from exposure.detectors.text.findings import text_finding
from exposure.detectors.text.hit import TextHit, squash
from exposure.detectors.text.screen import candidates, may_match, registered
from exposure.model import Finding, SourceItem

# Web links: a scheme, "www.", or a host name followed by a path ("maps.app.goo.gl/x").
# Apostrophes stay inside (Google writes 52°31'12" into place URLs); a closing quote is
# trimmed with the sentence punctuation.  A bare host name only starts where a dotted word
# starts, so a long "a.a.a.a..." is tried once, not from every letter.
URL = re.compile(
    r"(?:\bhttps?://|\bwww\.|(?<![\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,12}/)[^\s<>\"`\]\[{}|\\^]*", re.I
)
_URL_HINT = re.compile(r"://|www\.|\.[a-z]{2,12}/", re.I)
# Code is not personal: Markdown fences (an unclosed fence runs to the end), inline
# backticks, HTML code and pre elements.
_CODE = re.compile(
    r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)|`[^`\n]+`|<code\b.*?</code>|<pre\b.*?</pre>", re.S | re.I
)
_TRAILING = ".,;:!?'\"”’)]}>»"


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where the web links in ``text`` are (trailing sentence punctuation left out)."""
    if _URL_HINT.search(text) is None:
        return []
    return [(m.start(), m.start() + len(trim_url(m.group(0)))) for m in URL.finditer(text)]


def trim_url(url: str) -> str:
    """A link found in prose without the punctuation that ends the sentence around it.

    A closing parenthesis stays when the link itself opened one (Wikipedia-style links).
    """
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where code is in ``text``: fenced blocks, inline backticks, ``<code>`` and ``<pre>``."""
    if "`" not in text and "~~~" not in text and "<" not in text:
        return []
    return [m.span() for m in _CODE.finditer(text)]


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def without_overlaps(hits: Sequence[TextHit]) -> list[TextHit]:
    """Hits sorted by position; of two that overlap, the longer (then the earlier) stays.

    Kept hits never overlap, so sorted by start they are sorted by end too: each new hit
    only has to be checked against its two neighbours (n log n, whatever the text).
    """
    starts: list[int] = []
    kept: list[TextHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        index = bisect.bisect_left(starts, hit.start)
        if index > 0 and kept[index - 1].end > hit.start:
            continue
        if index < len(kept) and kept[index].start < hit.end:
            continue
        starts.insert(index, hit.start)
        kept.insert(index, hit)
    return kept


class PatternDetector(TextDetector):
    """Convenience base for detectors made of compiled patterns (style guide, practice 4).

    Subclasses set ``name``, ``kinds`` (the first is the default kind of a hit),
    ``screen`` and ``patterns``, and override :meth:`decode` when a match needs checking
    or decoding.
    """

    screen: ClassVar[str]
    """RE2 pattern implied by every hit: a text it does not match has no hit at all (see
    :mod:`exposure.detectors.text.screen`)."""
    patterns: ClassVar[tuple[re.Pattern[str], ...]]
    """The patterns whose matches are candidate hits."""
    owns_links: ClassVar[bool] = False
    """False: matches inside web links are dropped (they belong to the map-link detector)."""

    def __init__(self) -> None:
        self._shared_screen = registered(self.name)

    def decode(self, match: re.Match[str]) -> TextHit | None:
        """The hit for one match, or None to refuse it.  Default: the whole match."""
        found = match.group(0)
        return TextHit(
            kind=self.kinds[0],
            start=match.start(),
            end=match.end(),
            text=found,
            value=squash(found).casefold(),
            label=squash(found),
        )

    def find(self, text: str) -> list[TextHit]:
        """Every hit in ``text``, sorted by position, without overlaps."""
        if self._shared_screen:  # the hot path: one set lookup per text and detector
            if self.name not in candidates(text):
                return []
        elif not may_match(self.name, self.screen, text):
            return []
        return self.find_unscreened(text)

    def find_unscreened(self, text: str) -> list[TextHit]:
        """:meth:`find` without the screen (what the screen must never change)."""
        hits = [
            hit
            for pattern in self.patterns
            for match in pattern.finditer(text)
            if (hit := self.decode(match)) is not None
        ]
        if not hits:
            return []
        excluded = code_spans(text) + ([] if self.owns_links else url_spans(text))
        if excluded:
            hits = [h for h in hits if not _overlaps_any(excluded, h, self.owns_links)]
        return without_overlaps(hits)

    def detect(self, item: SourceItem, text: str) -> Iterator[Finding]:
        """A finding for each hit, worded for where the text lives (a post, a bio...)."""
        hits = self.find(text)
        if not hits:  # most texts: no generator to build
            return iter(())
        return (text_finding(hit, item, text) for hit in hits)


def _overlaps_any(spans: Sequence[tuple[int, int]], hit: TextHit, links_ok: bool) -> bool:
    """True when ``hit`` lies in code, or (for detectors that do not own links) touches a link."""
    if links_ok:
        return _inside(spans, hit.start, hit.end)
    return any(hit.start < e and s < hit.end for s, e in spans)


def with_span(hit: TextHit, start: int, end: int, text: str) -> TextHit:
    """The same hit stretched to ``text[start:end]`` (used to merge neighbouring parts)."""
    return replace(hit, start=start, end=end, text=text[start:end])
