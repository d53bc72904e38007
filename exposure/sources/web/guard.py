"""Where the crawler may connect, checked on the resolved address, and how long a response may take.

A page must not be able to turn the crawler against the user's own network (a router's
admin page, a printer, a cloud metadata service).  So every connection goes through
:class:`GuardedBackend`, which resolves the host name itself, refuses loopback, private,
link-local and other non-public addresses, and then connects to exactly the address it
checked (a name cannot resolve to a public address for the check and a private one for
the connection).  Hosts the user named directly, and the addresses they resolve to, are
allowed: auditing ``http://localhost:8000/`` or a home server by name is the user's choice.

The backend also enforces a per-response deadline on every read and write, so a server
that drips one byte a second (in the headers or the body) is cut off in time.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import httpcore
import httpx

Resolver = Callable[[str, int], Sequence[str]]
"""``(host, port) -> IP addresses``; the system resolver unless a test injects one."""


class AddressRefused(Exception):
    """A host resolves to an address the crawler must not visit; ``str()`` is the reason."""


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, in the system's order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def bare_host(host: str) -> str:
    """Lower case, without IPv6 brackets or a trailing dot."""
    return host.strip().strip("[]").rstrip(".").lower()


def is_public(address: str) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local...)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


Named = str | tuple[str, int]
"""A host the user named: ``"localhost"`` (any port) or ``("localhost", 8080)`` (that port)."""


class AddressPolicy:
    """Resolves hosts once per crawl and says which addresses may be visited.

    A private or loopback address is visited only on the host AND port the user named: a
    page at ``http://127.0.0.1:8080/`` does not open the door to ``127.0.0.1:631`` (a
    printer's admin page) or any other service on that machine.
    """

    def __init__(self, named_hosts: Iterable[Named], resolver: Resolver | None = None) -> None:
        any_port: set[str] = set()
        pairs: set[tuple[str, int]] = set()
        for named in named_hosts:
            if isinstance(named, tuple):
                pairs.add((bare_host(named[0]), named[1]))
            else:
                any_port.add(bare_host(named))
        self._named = frozenset(any_port)
        self._pairs = frozenset(pairs)
        self._resolver = resolver or system_resolver
        self._cache: dict[tuple[str, int], list[str]] = {}
        self._named_ips: dict[int, frozenset[str]] = {}
        self._lock = threading.Lock()

    def _resolve(self, host: str, port: int) -> list[str]:
        if _is_ip(host):
            return [host]
        with self._lock:
            known = self._cache.get((host, port))
        if known is None:
            known = list(self._resolver(host, port))
            with self._lock:
                self._cache[(host, port)] = known
        return known

    def _is_named(self, host: str, port: int) -> bool:
        return host in self._named or (host, port) in self._pairs

    def _allowed_private(self, port: int) -> frozenset[str]:
        """Addresses of the hosts the user named for ``port`` (``localhost`` -> 127.0.0.1
        and ::1)."""
        known = self._named_ips.get(port)
        if known is None:
            names = self._named | {h for h, p in self._pairs if p == port}
            found: set[str] = set()
            for name in names:
                try:
                    found.update(self._resolve(name, port))
                except (OSError, UnicodeError):
                    continue
            known = self._named_ips[port] = frozenset(found)
        return known

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for ``host``.

        Raises :class:`AddressRefused` when one of them is not public (unless the user named
        the host or its address, on that port), and ``OSError`` when the name does not
        resolve.
        """
        host = bare_host(host)
        found = self._resolve(host, port)
        if not found:
            raise OSError(f"no address found for {host}")
        if self._is_named(host, port) and all(is_public(a) for a in found):
            return found
        for address in found:
            if not is_public(address) and address not in self._allowed_private(port):
                raise AddressRefused(
                    f"it leads to a private or local network address ({address}) on port "
                    f"{port}; exposure only goes there when you name that host and port "
                    "yourself"
                )
        return found


class Deadlines(threading.local):
    """The deadline (``time.monotonic()`` value) of the response this thread is reading."""

    at: float | None = None

    def remaining(self, timeout: float | None) -> float | None:
        """``timeout`` shortened to what is left before the deadline; raises when it passed."""
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the response took longer than its time limit")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write stops at the current deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadlines: Deadlines) -> None:
        self._inner = inner
        self._deadlines = deadlines

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadlines.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadlines.remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, self._deadlines.remaining(timeout)
        )
        return _DeadlineStream(inner, self._deadlines)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, connecting only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, deadlines: Deadlines) -> None:
        self._policy = policy
        self._deadlines = deadlines
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self._policy.addresses(host, port)
        except AddressRefused as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"the name {host} could not be found") from exc
        failure: Exception | None = None
        for address in addresses:  # the checked address itself: no second lookup
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    timeout=self._deadlines.remaining(timeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
                continue
            return _DeadlineStream(stream, self._deadlines)
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("exposure only connects over TCP")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on :class:`GuardedBackend`.

    No proxy settings from the environment are used: the address check must see the
    address that is really connected to.
    """

    def __init__(self, policy: AddressPolicy, deadlines: Deadlines, limits: httpx.Limits) -> None:
        super().__init__(trust_env=False, limits=limits)
        # httpx offers no public way to pass a network backend; its pool is rebuilt here
        # with the same settings (tests/sources/web/test_guard.py fails if this stops working).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy, deadlines),
        )


def refusal_in(exc: BaseException) -> AddressRefused | None:
    """The :class:`AddressRefused` somewhere in ``exc``'s chain of causes, if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, AddressRefused):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
