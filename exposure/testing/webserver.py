"""A real HTTP server on 127.0.0.1 for the web source's tests and benchmark.

Routes map a path (with or without its query, or a prefix ending in ``*``) to a function
that returns a :class:`Reply`.  Replies can be bytes, a lazy iterator of chunks (sent with
Content-Length when given, chunked otherwise), or a raw function that writes whatever it
wants to the socket (fault injection).  Every request is logged with its headers, and the
server counts how many requests were in flight at once.
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Request:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    client: str
    at: float = 0.0
    """``time.monotonic()`` when the server began handling it (spacing checks)."""


@dataclass
class Reply:
    """What a route answers."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterable[bytes] = b""
    raw: Callable[[BaseHTTPRequestHandler], None] | None = None


Route = Callable[[Request], Reply]


def page(html: str, content_type: str = "text/html; charset=utf-8") -> Route:
    """A fixed page."""
    return lambda request: Reply(headers={"Content-Type": content_type}, body=html.encode("utf-8"))


def data(body: bytes, content_type: str, headers: dict[str, str] | None = None) -> Route:
    """A fixed file that honours ``Range: bytes=A-B`` requests (206 Partial Content)."""

    def route(request: Request) -> Reply:
        extra = {"Content-Type": content_type, "Accept-Ranges": "bytes", **(headers or {})}
        wanted = request.headers.get("range", "")
        if wanted.startswith("bytes="):
            start_text, _, end_text = wanted[6:].partition("-")
            start = int(start_text or 0)
            end = min(int(end_text) if end_text else len(body) - 1, len(body) - 1)
            extra["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
            return Reply(206, extra, body[start : end + 1])
        return Reply(200, extra, body)

    return route


def json_reply(text: str, headers: dict[str, str] | None = None) -> Route:
    """A fixed JSON answer."""
    return lambda request: Reply(
        headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
        body=text.encode("utf-8"),
    )


def redirect(location: str, status: int = 302) -> Route:
    """A redirect."""
    return lambda request: Reply(status, {"Location": location})


def reset_connection(handler: BaseHTTPRequestHandler) -> None:
    """Cut the connection with a TCP reset, mid-answer."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Le")
    handler.wfile.flush()
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    wbufsize = 65536  # headers and a small body leave in one packet (no Nagle stall)
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.server.owner.dispatch(self)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: FixtureServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on a slow or endless answer is expected here


class FixtureServer:
    """A threaded server on 127.0.0.1 with routes, a request log and an in-flight counter."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        if tls is not None:  # HTTPS with the given certificate (a self-signed one in tests)
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FixtureServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        """The address of ``path`` on this server."""
        return f"http://{host}:{self.port}{path}"

    def requests(self) -> list[Request]:
        """Requests so far, in order (with the time each was handled)."""
        with self._lock:
            return list(self.log)

    def paths(self) -> list[str]:
        """Paths requested so far, in order."""
        with self._lock:
            return [r.path for r in self.log]

    def _route(self, path: str) -> Route | None:
        if path in self.routes:
            return self.routes[path]
        bare = path.split("?", 1)[0]
        if bare in self.routes:
            return self.routes[bare]
        prefixes = [k for k in self.routes if k.endswith("*") and bare.startswith(k[:-1])]
        return self.routes[max(prefixes, key=len)] if prefixes else None

    def dispatch(self, handler: BaseHTTPRequestHandler) -> None:
        request = Request(
            handler.path,
            {k.lower(): v for k, v in handler.headers.items()},
            handler.client_address[0],
            time.monotonic(),
        )
        with self._lock:
            self.log.append(request)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            route = self._route(handler.path)
            reply = route(request) if route else Reply(404, {"Content-Type": "text/plain"}, b"no")
            self._send(handler, reply)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True
        finally:
            with self._lock:
                self.in_flight -= 1

    def _send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.raw is not None:
            reply.raw(handler)
            return
        handler.send_response(reply.status)
        body = reply.body
        sized = isinstance(body, bytes) or "Content-Length" in reply.headers
        for key, value in reply.headers.items():
            handler.send_header(key, value)
        if isinstance(body, bytes):
            if "Content-Length" not in reply.headers:
                handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            return
        if not sized:
            handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for chunk in self._until_stopped(body):
            handler.wfile.write(chunk if sized else b"%x\r\n%s\r\n" % (len(chunk), chunk))
            handler.wfile.flush()
        if not sized:
            handler.wfile.write(b"0\r\n\r\n")

    def _until_stopped(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            if self.stopping.is_set():
                return
            yield chunk
