"""Helpers for the ``exposure serve`` tests: a client, a server in a subprocess, a socket guard."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]

GUARD = """
import ipaddress, os, socket
_log = os.environ["EXPOSURE_TEST_SOCKET_LOG"]
_connect = socket.socket.connect
def _guarded(sock, address):
    host = address[0] if isinstance(address, tuple) else str(address)
    with open(_log, "a") as fh:
        fh.write(f"{os.getpid()} {host}\\n")
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not ipaddress.ip_address(host).is_loopback:
        raise OSError(f"test guard: no connection to {host}")
    return _connect(sock, address)
socket.socket.connect = _guarded
"""
"""sitecustomize.py for subprocesses: every connection is logged, any but loopback refused
(spawned audit processes import it too)."""


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """Talks to a serve session like its page does (or like a hostile page, when told)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.url = url
        self.port = parts.port or 0
        self.host = parts.netloc
        self.cookie = ""

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        headers: dict[str, str] | None = None,
        origin: str | None = "self",
    ) -> Answer:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": self.host}
        if self.cookie:
            sent["Cookie"] = self.cookie
        if origin is not None and method != "GET":
            sent["Origin"] = f"http://{self.host}" if origin == "self" else origin
        data = body
        if body is not None and not isinstance(body, bytes):
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        conn.request(method, path, body=data, headers=sent)
        reply = conn.getresponse()
        answer = Answer(reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read())
        conn.close()
        return answer

    def enter(self) -> Answer:
        """Open the printed address: the server sets the session cookie."""
        parts = urlsplit(self.url)
        answer = self.request("GET", f"/?{parts.query}")
        self.cookie = answer.headers["set-cookie"].split(";")[0]
        return answer

    def wait(self, job: str, timeout: float = 180) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            state: dict[str, Any] = self.request("GET", f"/api/jobs/{job}").json()
            if state["state"] not in ("new", "running"):
                return state
            time.sleep(0.2)
        raise AssertionError(f"job {job} did not finish")


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    socket_log: Path

    def connections(self) -> list[str]:
        if not self.socket_log.exists():
            return []
        return [line.split()[1] for line in self.socket_log.read_text().splitlines()]


@contextmanager
def serve_process(tmp: Path, *args: str, site: str = "") -> Iterator[Served]:
    """``exposure serve --no-browser`` in a subprocess with the socket guard installed
    (and ``site``: more code for its sitecustomize, to slow a part down)."""
    guard = tmp / "guard"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(GUARD + site)
    log = tmp / "sockets.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(guard), str(REPO)]),
        "EXPOSURE_TEST_SOCKET_LOG": str(log),
        "PYTHONUNBUFFERED": "1",
        "TMPDIR": str(tmp),  # the session's work folder goes with the test's, not /tmp
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "exposure", "serve", "--no-browser", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", first)
        assert found, first
        yield Served(process, found.group(0), log)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate(timeout=5)
        if process.stdout is not None:
            process.stdout.close()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"
