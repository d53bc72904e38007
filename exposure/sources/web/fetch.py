"""The polite, bounded HTTP client every web adapter fetches through.

One :class:`Fetcher` serves one INPUT.  For each request it:

- accepts only ``http`` and ``https`` addresses, and checks every hop of a redirect chain
  (scheme, the caller's scope rule, private addresses, robots.txt) before following it;
- names itself in the ``User-Agent``, keeps per-host concurrency and spacing, and retries
  429 and 503 answers (and dropped connections) with backoff, honouring ``Retry-After``
  up to a cap;
- streams the body and stops at the byte cap (after decompression), the per-response
  deadline and the INPUT's overall deadline.

Every failure is a :class:`~exposure.errors.FetchError` with a reason a person can read;
the crawler turns it into a "could not check" line.  The httpx transport can be injected
(``WebOptions.transport``) so tests never need the network.
"""

from __future__ import annotations

import re
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from exposure import __version__
from exposure.errors import FetchError
from exposure.i18n.message import M_, Message, known
from exposure.options import WebOptions
from exposure.sources.web.decode import ACCEPT_ENCODING, BoundedDecoder, TooLarge
from exposure.sources.web.guard import (
    AddressPolicy,
    AddressRefused,
    Deadlines,
    GuardedTransport,
    Named,
    refusal_in,
)
from exposure.sources.web.politeness import HostGates, RobotsRules, retry_after_seconds

USER_AGENT = (
    f"exposure/{__version__} (privacy self-audit of the pages its user named; reads robots.txt)"
)
HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
JSON = "application/json"
ROBOTS_BYTES = 512 * 1024
RETRY_STATUSES = frozenset({429, 503})
REDIRECTS = frozenset({301, 302, 303, 307, 308})

ScopeRule = Callable[[str], str | None]
"""Given a URL, None when it may be fetched, or the reason it is out of bounds."""


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource (the whole of it, or its head when ``complete`` is False)."""

    url: str
    """The final URL, after redirects."""
    status: int
    media_type: str
    """``text/html``, ``image/jpeg``...: the Content-Type without parameters, lower case."""
    charset: str | None
    body: bytes
    headers: httpx.Headers
    complete: bool = True
    total_size: int | None = None
    """The resource's full size when the server said (Content-Length or Content-Range)."""


def megabytes(count: int) -> str:
    """``"20 MB"``: a byte count in words (1 MB = 1024 x 1024 bytes, as --max-bytes reads it)."""
    for unit, size in (("GB", 2**30), ("MB", 2**20)):
        if count >= size:
            return f"{count / size:.3g} {unit}"
    return f"{count / 1024:.3g} KB"


def _transport_reason(exc: httpx.TransportError) -> Message:
    refused = refusal_in(exc)
    if refused is not None:
        return M_("refused: {why}", why=str(refused))
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            error = str(cause.reason or cause)
            return M_("secure connection (TLS) failed: {error}", error=error)
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ConnectError):
        error = str(exc)
        return M_("could not connect ({error})", error=error) if error else M_("could not connect")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return M_("only http and https addresses are fetched")
    return M_("the connection was cut before the answer was complete")


class Fetcher:
    """Fetches URLs for one INPUT within its limits; thread-safe."""

    def __init__(self, web: WebOptions, named_hosts: Iterable[Named], deadline: float) -> None:
        self.web = web
        self.deadline = deadline
        self.policy = AddressPolicy(named_hosts, web.resolver)
        self._deadlines = Deadlines()
        self.gates = HostGates(web.concurrency, web.delay)
        self.robots = RobotsRules(self._fetch_robots, self.gates)
        limits = httpx.Limits(max_connections=4 * web.concurrency + 4)
        transport = web.transport or GuardedTransport(self.policy, self._deadlines, limits)
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(web.timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
            trust_env=False,
        )

    def close(self) -> None:
        """Close every connection."""
        self._client.close()

    def get(
        self,
        url: str,
        *,
        accept: str = HTML,
        head_bytes: int | None = None,
        scope: ScopeRule | None = None,
        headers: dict[str, str] | None = None,
        truncate: bool = False,
    ) -> Response:
        """Fetch ``url`` (following redirects within ``scope``); raises FetchError.

        ``truncate``: an answer over ``--max-bytes`` gives its first ``--max-bytes`` (with
        ``complete`` False) instead of an error (a page is worth reading in part)."""
        return self._get(
            url, accept, head_bytes, scope, headers or {}, robots=True, truncate=truncate
        )

    def _get(
        self,
        url: str,
        accept: str,
        head_bytes: int | None,
        scope: ScopeRule | None,
        headers: dict[str, str],
        *,
        robots: bool,
        limit: int | None = None,
        truncate: bool = False,
    ) -> Response:
        first = url
        for _hop in range(self.web.max_redirects + 1):
            self._check(first, url, scope, robots)
            response = self._exchange(first, url, accept, head_bytes, headers, limit, truncate)
            if isinstance(response, Response):
                return response
            url = response
        most = self.web.max_redirects
        raise FetchError(
            first, M_("too many redirects (more than {most}, see --max-redirects)", most=most)
        )

    def _check(self, first: str, url: str, scope: ScopeRule | None, robots: bool) -> None:
        """Everything decided before a request to ``url`` (``first``, or a redirect from it)."""
        hop = url != first

        def after(reason: Message) -> Message:  # "redirected to URL; " before a reason
            return M_("redirected to {url}; {reason}", url=url, reason=reason) if hop else reason

        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchError(first, after(M_("not a valid web address"))) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(first, after(M_("only http and https addresses are fetched")))
        try:
            self.policy.addresses(parts.hostname, port)
        except AddressRefused as exc:
            raise FetchError(first, after(M_("refused: {why}", why=str(exc)))) from exc
        except (OSError, UnicodeError) as exc:
            host = parts.hostname
            said = M_("the server's name ({host}) could not be found", host=host)
            raise FetchError(first, after(said)) from exc
        problem = scope(url) if hop and scope is not None else None
        if problem:
            raise FetchError(first, f"redirected {problem} ({url}); not followed")
        if robots and not self.web.ignore_robots:
            answer = self.robots.check(url)
            if not answer.allowed:
                raise FetchError(first, after(known(answer.reason)))

    def _exchange(
        self,
        first: str,
        url: str,
        accept: str,
        head_bytes: int | None,
        headers: dict[str, str],
        limit: int | None,
        truncate: bool = False,
    ) -> Response | str:
        """One request with its retries: a Response, or the next URL of a redirect."""
        host = urlsplit(url).netloc
        request_headers = {"Accept": accept, **headers}
        if head_bytes is not None:
            request_headers["Range"] = f"bytes=0-{head_bytes - 1}"
        for attempt in range(self.web.retries + 1):
            with self.gates.slot(host, self.deadline) as started:
                if not started:
                    raise FetchError(
                        first,
                        M_("not checked: the time limit for this address ran out (see --max-time)"),
                    )
                outcome = self._once(
                    first, url, request_headers, head_bytes, limit, attempt, truncate
                )
            if isinstance(outcome, float):
                self.gates.pause(host, outcome)
                continue
            return outcome
        raise AssertionError("unreachable: the last attempt never asks to retry")

    def _once(
        self,
        first: str,
        url: str,
        headers: dict[str, str],
        head_bytes: int | None,
        limit: int | None,
        attempt: int,
        truncate: bool = False,
    ) -> Response | str | float:
        """Send one request: a Response, a redirect target, or seconds to wait before retrying."""
        self._deadlines.at = min(self.deadline, time.monotonic() + self.web.response_seconds)
        last = attempt >= self.web.retries
        try:
            with self._client.stream("GET", url, headers=headers) as reply:
                if reply.status_code in RETRY_STATUSES:
                    return self._retry_wait(first, reply, attempt)
                if reply.status_code in REDIRECTS and "location" in reply.headers:
                    return urljoin(url, reply.headers["location"])
                if reply.status_code >= 400 or reply.status_code < 200:
                    status = f"{reply.status_code} {reply.reason_phrase}".rstrip()
                    raise FetchError(first, M_("the server answered {status}", status=status))
                return self._read(first, reply, head_bytes, limit or self.web.max_bytes, truncate)
        except httpx.TransportError as exc:
            if isinstance(exc, (httpx.ReadError, httpx.RemoteProtocolError)) and not last:
                return min(self.web.max_retry_wait, 2.0**attempt)
            if isinstance(exc, httpx.TimeoutException) and refusal_in(exc) is None:
                if time.monotonic() >= (self._deadlines.at or 0):
                    raise FetchError(first, self._too_slow()) from exc
                seconds = f"{self.web.timeout:g}"
                waited = M_("no answer within {seconds} s (see --timeout)", seconds=seconds)
                raise FetchError(first, waited) from exc
            raise FetchError(first, _transport_reason(exc)) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(first, M_("not a valid web address")) from exc
        finally:
            self._deadlines.at = None

    def _too_slow(self) -> Message:
        if time.monotonic() >= self.deadline:
            return M_("not finished: the time limit for this address ran out (see --max-time)")
        seconds = f"{self.web.response_seconds:g}"
        return M_(
            "the server was too slow: stopped after {seconds} s (see --max-response-time)",
            seconds=seconds,
        )

    def _retry_wait(self, first: str, reply: httpx.Response, attempt: int) -> float:
        status = f"{reply.status_code} {reply.reason_phrase}".strip()
        asked = retry_after_seconds(reply.headers.get("retry-after"))
        if attempt >= self.web.retries:
            tries = self.web.retries + 1
            raise FetchError(
                first,
                M_(
                    "the server kept answering {status} after {tries} tries",
                    status=status,
                    tries=tries,
                ),
            )
        if asked is not None and asked > self.web.max_retry_wait:
            later, most = f"{asked:.0f}", f"{self.web.max_retry_wait:g}"
            said = M_(
                "the server answered {status} and asked to come back in {later} s, longer than "
                "the {most} s limit (see --max-retry-wait)",
                status=status,
                later=later,
                most=most,
            )
            raise FetchError(first, said)
        wait = asked if asked is not None else min(self.web.max_retry_wait, 2.0**attempt)
        if time.monotonic() + wait >= self.deadline:
            said = M_(
                "the server answered {status}, and the time limit ran out before a retry",
                status=status,
            )
            raise FetchError(first, said)
        return wait

    def _read(
        self,
        first: str,
        reply: httpx.Response,
        head_bytes: int | None,
        limit: int,
        truncate: bool = False,
    ) -> Response:
        media, _, params = reply.headers.get("content-type", "").partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset":
                charset = value.strip().strip("\"'") or None
        total = _total_size(reply)
        partial = head_bytes is not None or truncate
        if not partial and total is not None and total > limit and reply.status_code != 206:
            big, most = megabytes(total), megabytes(limit)
            said = M_(
                "too large ({size}; the limit is {most}, see --max-bytes)", size=big, most=most
            )
            raise FetchError(first, said)
        want = limit if head_bytes is None else min(limit, head_bytes)
        chunks: Iterable[bytes]
        if reply.is_stream_consumed:  # an injected transport gave the body read and decoded
            chunks, coding = [reply.content], ""
        else:
            chunks, coding = reply.iter_raw(65536), reply.headers.get("content-encoding", "")
        decoder = BoundedDecoder(first, coding, limit, cut=truncate)
        pieces: list[bytes] = []
        size = 0
        complete = True
        try:
            for chunk in chunks:
                piece = decoder.feed(chunk)
                pieces.append(piece)
                size += len(piece)
                if time.monotonic() > (self._deadlines.at or float("inf")):
                    raise FetchError(first, self._too_slow())
                if (head_bytes is not None and size >= want) or decoder.exceeded:
                    complete = False
                    break
        except TooLarge:
            if partial:
                complete = False
            else:
                most = megabytes(limit)
                said = M_("too large: more than {most} (see --max-bytes)", most=most)
                raise FetchError(first, said) from None
        body = b"".join(pieces)
        if partial and reply.status_code == 200 and total is not None and total > len(body):
            complete = False
        if reply.status_code == 206:
            complete = total is not None and len(body) >= total
        return Response(
            url=str(reply.url),
            status=reply.status_code,
            media_type=media.strip().lower(),
            charset=charset,
            body=body[:want] if not complete else body,
            headers=reply.headers,
            complete=complete,
            total_size=total,
        )

    def _fetch_robots(self, url: str) -> tuple[int, str]:
        try:
            reply = self._get(url, "text/plain", None, None, {}, robots=False, limit=ROBOTS_BYTES)
        except FetchError as exc:
            answered = re.match(r"the server answered (\d{3})", exc.reason)
            if answered:
                return int(answered.group(1)), ""
            if isinstance(
                exc.__cause__, (httpx.TransportError, OSError, UnicodeError, AddressRefused)
            ):
                # The site itself cannot be reached (refused, unknown name, timeout, TLS, a
                # private address): that, not robots.txt, is why nothing was checked.
                return 0, f"the site could not be reached: {exc.reason}"
            return 0, f"the site's robots.txt could not be fetched: {exc.reason}"
        return reply.status, reply.body.decode("utf-8", "replace")


def _total_size(reply: httpx.Response) -> int | None:
    """The full size from Content-Range (``bytes 0-99/1234``) or Content-Length."""
    ranged = reply.headers.get("content-range", "")
    if "/" in ranged:
        total = ranged.rsplit("/", 1)[1].strip()
        return int(total) if total.isdigit() else None
    length = reply.headers.get("content-length", "")
    return (
        int(length)
        if length.strip().isdigit() and "content-encoding" not in reply.headers
        else None
    )
