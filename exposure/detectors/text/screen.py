"""The shared screen: one RE2 pass says which text detectors may find something in a text.

Python's ``re`` tries every alternative at every position, so a prefilter of a dozen
alternatives runs at a few MB/s.  RE2 (``google-re2``) matches all the detectors'
screens in one linear-time DFA pass (about 90 MB/s on short posts, with the call
overhead), through an ``re2.Set``.  Most texts (posts without a place) stop here.

Each detector's ``screen`` (RE2 syntax) sits next to its patterns and must be implied by
them: a text the screen rejects has no hit.  A test runs every labelled and table string
through each detector with and without the screen and compares.

The engine asks each registered detector about the same text in turn, so the answer for
the last text is remembered (a one-entry cache of a pure function: it changes speed, not
results).  Texts longer than :data:`LONG_TEXT` skip the screen (every detector runs), so
RE2's DFA memory limit can never hide a hit in a huge page.
"""

from __future__ import annotations

import functools
from typing import Any

import re2

LONG_TEXT = 1024 * 1024
"""Characters above which every detector runs without screening."""

_MAX_MEM = 64 * 1024 * 1024


@functools.lru_cache(maxsize=1)
def _registered() -> tuple[Any, tuple[str, ...]]:
    """The RE2 set of every registered detector's screen, and the detectors' names."""
    from exposure.detectors.text.scan import LOCATION_TEXT_DETECTORS  # built once, on first use

    options = re2.Options()
    options.max_mem = _MAX_MEM
    screens = re2.Set.SearchSet(options)
    for cls in LOCATION_TEXT_DETECTORS:
        screens.Add(cls.screen)
    screens.Compile()
    return screens, tuple(cls.name for cls in LOCATION_TEXT_DETECTORS)


_NONE: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def candidates(text: str) -> frozenset[str]:
    """Names of the registered detectors whose screen matches ``text``."""
    screens, names = _registered()
    if len(text) > LONG_TEXT:
        return frozenset(names)
    found = screens.Match(text.encode("utf-8", "surrogatepass"))
    return frozenset(names[index] for index in found) if found else _NONE


def registered(name: str) -> bool:
    """Whether the detector ``name`` is screened by the shared set."""
    return name in _registered()[1]


@functools.lru_cache(maxsize=32)
def _own(screen: str) -> Any:
    return re2.compile(screen)


def may_match(name: str, screen: str, text: str) -> bool:
    """Whether the detector ``name`` (with ``screen``) may find something in ``text``.

    Registered detectors share the one-pass set; any other detector uses its own screen.
    """
    if registered(name):
        return name in candidates(text)
    if len(text) > LONG_TEXT:
        return True
    return _own(screen).search(text.encode("utf-8", "surrogatepass")) is not None
