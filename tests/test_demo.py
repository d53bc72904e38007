"""The built-in demo: shipped files match the generator, and the demo finds every kind of leak."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exposure.catalogue import CATALOGUE
from exposure.demo import DOWNLOADS_DIR, PERSONA_DIR
from exposure.demo.build import build, build_downloads
from exposure.sources.exports.platforms import PLATFORMS


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_shipped_files_are_what_the_generator_makes(tmp_path: Path) -> None:
    build(tmp_path / "persona")
    assert _tree(tmp_path / "persona") == _tree(PERSONA_DIR)
    build_downloads(tmp_path / "downloads")
    assert _tree(tmp_path / "downloads") == _tree(DOWNLOADS_DIR)


def test_demo_is_small_and_made_up() -> None:
    total = sum(len(b) for d in (PERSONA_DIR, DOWNLOADS_DIR) for b in _tree(d).values())
    assert 0 < total < 2 * 1024 * 1024


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every address a socket connects to or a name looked up, recorded; anything but
    loopback fails at once (a demo must never leave the machine)."""
    import ipaddress
    import socket

    seen: list[str] = []
    connect, lookup = socket.socket.connect, socket.getaddrinfo

    def guarded(sock: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        seen.append(str(host))
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            assert ipaddress.ip_address(host).is_loopback, f"connection to {host}"
        connect(sock, address)  # type: ignore[arg-type]

    def resolve(host: object, *args: object, **kwargs: object) -> object:
        seen.append(f"lookup {host}")
        assert host in ("127.0.0.1", "localhost", "::1"), f"name lookup of {host}"
        return lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return seen


def test_demo_run_shows_every_kind_of_leak(cli, tmp_path: Path, connections: list[str]) -> None:
    result = cli("demo", "--json", "demo.json", "--html", "demo.html")
    assert result.code == 0, result.err
    assert str(tmp_path / "demo.html") in result.err
    report = json.loads((tmp_path / "demo.json").read_text())
    missing = set(CATALOGUE) - {f["kind"] for f in report["findings"]}
    assert not missing, f"the demo (exposure/demo/) shows no finding of the kinds {missing}"
    read = {c["source"] for c in report["counts"] if c["checked"]}
    unread = {"photos", "web", *(p.name for p in PLATFORMS)} - read
    assert not unread, f"the demo (exposure/demo/exports.py) has no made-up export of {unread}"
    cut = [s for s in report["skipped"] if "IMG_0161.jpg" in s["locator"]]
    assert len(cut) == 1  # the file cut short
    web = [f for f in report["findings"] if f["kind"].startswith("web-")]
    assert web and all(f["locator"].startswith("http://127.0.0.1:") for f in web)
    html = (tmp_path / "demo.html").read_text()
    assert "Alex Example" in html
    assert connections and all(c.startswith(("127.0.0.1", "lookup 127.0.0.1")) for c in connections)


def test_demo_default_output_name(cli, tmp_path: Path) -> None:
    result = cli("demo", "-q")
    assert result.code == 0
    assert (tmp_path / "exposure-demo-report.html").is_file()
