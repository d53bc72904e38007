"""Manners: a limit on requests in flight per host, a pause between them, and robots.txt.

:class:`HostGates` keeps at most ``concurrency`` requests open to one host and spaces
their starts by ``delay`` seconds (longer when robots.txt asks for a Crawl-delay, or when
the server answered 429/503 with a Retry-After).  :class:`RobotsRules` reads each site's
robots.txt once, through the same polite, bounded fetcher, and answers per URL.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

ROBOTS_AGENT = "exposure"
"""The product token matched against robots.txt ``User-agent`` lines."""
MAX_CRAWL_DELAY = 10.0
"""The longest robots.txt Crawl-delay honoured (a larger one would stall every audit)."""


class _Host:
    def __init__(self, concurrency: int) -> None:
        self.slots = threading.BoundedSemaphore(concurrency)
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.delay: float | None = None


class HostGates:
    """Per-host concurrency and spacing of requests."""

    def __init__(self, concurrency: int, delay: float) -> None:
        self._concurrency = concurrency
        self._delay = delay
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> _Host:
        with self._lock:
            found = self._hosts.get(host)
            if found is None:
                found = self._hosts[host] = _Host(self._concurrency)
            return found

    def set_delay(self, host: str, delay: float) -> None:
        """Space requests to ``host`` by at least ``delay`` seconds (robots.txt Crawl-delay)."""
        gate = self._host(host)
        with gate.lock:
            gate.delay = max(self._delay, min(delay, MAX_CRAWL_DELAY))

    def pause(self, host: str, seconds: float) -> None:
        """No new request to ``host`` for ``seconds`` (the server asked us to wait)."""
        gate = self._host(host)
        with gate.lock:
            gate.next_start = max(gate.next_start, time.monotonic() + seconds)

    @contextmanager
    def slot(self, host: str, deadline: float) -> Iterator[bool]:
        """Hold one of ``host``'s slots once its turn comes; yields False if that is after ``deadline``."""
        gate = self._host(host)
        if not gate.slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            yield False
            return
        try:
            with gate.lock:
                now = time.monotonic()
                start = max(now, gate.next_start)
                gate.next_start = start + (gate.delay if gate.delay is not None else self._delay)
            if start > deadline:
                yield False
                return
            if start > now:
                time.sleep(start - now)
            yield True
        finally:
            gate.slots.release()


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (a number or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass(frozen=True, slots=True)
class RobotsAnswer:
    """What a site's robots.txt says about one URL."""

    allowed: bool
    reason: str = ""


RobotsFetch = Callable[[str], tuple[int, str]]
"""Fetch a robots.txt URL: ``(status, text)``; status 0 when the server could not be reached,
with the reason as the text."""


class RobotsRules:
    """robots.txt of every site visited, read once each (RFC 9309)."""

    def __init__(self, fetch: RobotsFetch, gates: HostGates) -> None:
        self._fetch = fetch
        self._gates = gates
        self._sites: dict[str, urllib.robotparser.RobotFileParser | RobotsAnswer] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> RobotsAnswer:
        """May ``url`` be fetched?  Reads the site's robots.txt the first time."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            rules = self._sites.get(origin)
            if rules is None:
                rules = self._sites[origin] = self._load(origin, parts.hostname or "")
        if isinstance(rules, RobotsAnswer):
            return rules
        if rules.can_fetch(ROBOTS_AGENT, url):
            return RobotsAnswer(True)
        return RobotsAnswer(
            False,
            "the site's robots.txt asks tools not to fetch this; if it is your own site, "
            "add --ignore-robots to check it anyway",
        )

    def _load(self, origin: str, host: str) -> urllib.robotparser.RobotFileParser | RobotsAnswer:
        status, text = self._fetch(origin + "/robots.txt")
        if status == 0:  # the site itself cannot be reached: say why, for every page
            return RobotsAnswer(False, text)
        if status >= 500:
            # RFC 9309 section 2.3.1.4: an unreachable robots.txt means "fetch nothing".
            return RobotsAnswer(
                False,
                "the site's robots.txt could not be read (server error), which means no tool "
                "should fetch from it; add --ignore-robots to check your own site",
            )
        if status >= 400:  # no robots.txt: everything is allowed
            return RobotsAnswer(True)
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            self._gates.set_delay(host, float(delay))
        return parser
