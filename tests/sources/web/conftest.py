"""Fixtures for the web source: a loopback server per test and a CLI audit that returns JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from exposure.testing.webserver import FixtureServer

FAST = ("--delay", "0", "--timeout", "5", "--max-response-time", "10", "--max-time", "60")
"""Flags for tests: no pause between requests, short limits (every test stays on loopback)."""


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach the internet: names other than localhost do not resolve, and
    connections anywhere but loopback fail (pages in the corpus link to real hosts)."""
    import ipaddress
    import socket

    from exposure.sources.web import guard

    def resolve(host: str, port: int) -> list[str]:
        if host == "localhost":
            return ["127.0.0.1"]
        raise OSError(f"{host}: tests resolve only localhost")

    connect = socket.create_connection

    def loopback(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            allowed = ipaddress.ip_address(address[0]).is_loopback
        except ValueError:
            allowed = address[0] == "localhost"
        if not allowed:
            raise OSError(f"{address[0]}: tests connect only to loopback")
        return connect(address, *args, **kwargs)

    monkeypatch.setattr(guard, "system_resolver", resolve)
    monkeypatch.setattr(socket, "create_connection", loopback)


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    """A fresh HTTP server on 127.0.0.1 (routes are added by the test)."""
    with FixtureServer() as running:
        yield running


Audit = Callable[..., dict[str, Any]]


@pytest.fixture
def audit(cli: Callable[..., Any]) -> Audit:
    """Run ``exposure audit ARGS --json -`` with fast settings; the parsed report."""

    def run(*args: str, code: int | None = None) -> dict[str, Any]:
        result = cli("audit", *FAST, *args, "--workers", "1", "--json", "-", "-q")  # args win
        assert result.code in ((0, 1, 3) if code is None else (code,)), result.err
        report: dict[str, Any] = json.loads(result.out)
        return report

    return run


def geotagged_jpeg(lat: float, lon: float, padding: int = 0) -> bytes:
    """A JPEG whose EXIF holds (lat, lon); ``padding`` makes it larger."""
    return make_photo(PhotoSpec(gps=GpsSpec(lat=lat, lon=lon), padding=padding), "jpeg")


def by_kind(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Findings grouped by kind."""
    found: dict[str, list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["kind"], []).append(finding)
    return found


def skipped(report: dict[str, Any]) -> dict[str, str]:
    """Locator -> reasons (joined by " | ") of every "could not check" line."""
    found: dict[str, list[str]] = {}
    for line in report["skipped"]:
        found.setdefault(line["locator"], []).append(line["reason"])
    return {locator: " | ".join(reasons) for locator, reasons in found.items()}


def evidence_locators(report: dict[str, Any], kind: str) -> set[str]:
    """Every evidence locator of the findings of ``kind``."""
    return {e["locator"] for f in by_kind(report).get(kind, []) for e in f["evidence"]}


def remedy(report: dict[str, Any], finding: dict[str, Any]) -> dict[str, Any]:
    """A finding's remediation (inline, or by id in the report's ``remediations``)."""
    found = finding["remediation"]
    return report["remediations"][found] if isinstance(found, str) else dict(found)
