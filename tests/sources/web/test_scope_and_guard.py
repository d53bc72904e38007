"""Staying inside what the user named, and never into their own network."""

from __future__ import annotations

import httpcore
import pytest

from exposure.sources.web.guard import (
    AddressPolicy,
    AddressRefused,
    Deadlines,
    GuardedBackend,
    is_public,
)
from exposure.sources.web.scope import Scope, suffix_extractor


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    return suffix_extractor()


def test_the_suffix_list_is_never_downloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """tldextract must only read the list bundled in the package: any request fails the test."""
    import socket

    import requests

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("tldextract tried to use the network")

    monkeypatch.setattr(requests.Session, "send", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setenv(
        "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "https://publicsuffix.org/list/public_suffix_list.dat"
    )
    fresh = suffix_extractor()
    assert fresh.suffix_list_urls == ()
    assert fresh.extract_str("forums.news.cnn.co.uk").top_domain_under_public_suffix == "cnn.co.uk"
    assert fresh.extract_str("alice.github.io").top_domain_under_public_suffix == "alice.github.io"


@pytest.mark.parametrize(
    ("start", "url", "inside"),
    [
        ("https://www.example.co.uk/", "https://blog.example.co.uk/post", True),
        ("https://www.example.co.uk/", "https://example.co.uk/", True),
        ("https://www.example.co.uk/", "https://other.co.uk/", False),
        ("https://www.example.co.uk/", "ftp://www.example.co.uk/", False),
        ("https://alice.github.io/", "https://alice.github.io/blog/", True),
        ("https://alice.github.io/", "https://bob.github.io/", False),
        ("https://alice.wordpress.com/", "https://bob.wordpress.com/", False),
        ("https://alice.wordpress.com/", "https://alice.wordpress.com/2024/05/", True),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/a", True),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:9000/a", False),
        ("http://localhost:8000/", "http://localhost:8000/a", True),
    ],
)
def test_site_scope(extractor, start: str, url: str, inside: bool) -> None:  # type: ignore[no-untyped-def]
    assert Scope(start, extractor).allows(url) is inside


@pytest.mark.parametrize(
    ("url", "inside"),
    [
        ("https://social.example/@me", True),
        ("https://social.example/@me/11223344", True),
        ("https://social.example/@me.rss", True),
        ("https://social.example/@meg", False),
        ("https://social.example/@other", False),
        ("https://social.example/about", False),
        ("https://cdn.social.example/@me", False),
    ],
)
def test_profile_scope_on_a_shared_host(extractor, url: str, inside: bool) -> None:  # type: ignore[no-untyped-def]
    scope = Scope("https://social.example/@me", extractor).narrowed(["/@me"])
    assert scope.allows(url) is inside


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("127.0.0.2", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata service
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:192.168.0.1", False),
        ("not an address", False),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public(address) is public


def test_policy_allows_named_hosts_and_their_addresses_only() -> None:
    names = {
        "home.lan": ["192.168.1.20"],
        "localhost": ["127.0.0.1", "::1"],
        "evil.example": ["10.0.0.1"],
    }
    policy = AddressPolicy(["home.lan", "localhost"], lambda host, port: names[host])
    assert policy.addresses("home.lan", 80) == ["192.168.1.20"]
    assert policy.addresses("127.0.0.1", 80) == ["127.0.0.1"]  # localhost's own address
    with pytest.raises(AddressRefused, match="10.0.0.1"):
        policy.addresses("evil.example", 80)
    with pytest.raises(AddressRefused, match="127.0.0.2"):
        policy.addresses("127.0.0.2", 80)


def test_the_connection_itself_is_checked_on_the_resolved_address() -> None:
    """Even if a name passed an earlier check, the backend resolves and checks it again."""
    policy = AddressPolicy([], lambda host, port: ["127.0.0.1"])
    backend = GuardedBackend(policy, Deadlines())
    with pytest.raises(httpcore.ConnectError, match="private or local network address"):
        backend.connect_tcp("rebinding.example", 80)


def test_the_guarded_transport_connects_through_the_injected_resolver(server) -> None:  # type: ignore[no-untyped-def]
    """A made-up name reaches the loopback server only through the policy's resolver:
    this fails if httpx stops using the guarded connection pool."""
    import time

    from exposure.options import WebOptions
    from exposure.sources.web.fetch import Fetcher
    from exposure.testing.webserver import page

    server.routes["/"] = page("<p>hello</p>")
    web = WebOptions(delay=0, resolver=lambda host, port: ["127.0.0.1"])
    fetcher = Fetcher(web, ["blog.invalid"], time.monotonic() + 30)
    try:
        reply = fetcher.get(f"http://blog.invalid:{server.port}/")
    finally:
        fetcher.close()
    assert reply.body == b"<p>hello</p>" and reply.status == 200


def test_private_addresses_are_allowed_on_the_named_port_only() -> None:
    policy = AddressPolicy([("localhost", 8080)], lambda host, port: ["127.0.0.1"])
    assert policy.addresses("localhost", 8080) == ["127.0.0.1"]
    assert policy.addresses("127.0.0.1", 8080) == ["127.0.0.1"]
    with pytest.raises(AddressRefused, match=r"127\.0\.0\.1\) on port 631"):
        policy.addresses("localhost", 631)
    with pytest.raises(AddressRefused, match="port 9090"):
        policy.addresses("127.0.0.1", 9090)


def test_images_on_another_port_of_the_named_loopback_host_are_not_fetched(
    server,
    audit,  # type: ignore[no-untyped-def]
) -> None:
    from exposure.testing.webserver import FixtureServer, data, page
    from tests.sources.web.conftest import geotagged_jpeg

    with FixtureServer() as other:
        other.routes["/secret.jpg"] = data(geotagged_jpeg(52.52, 13.405), "image/jpeg")
        server.routes["/"] = page(
            f'<html><body><img src="{other.url("/secret.jpg")}">'
            f'<img src="{server.url("/own.jpg")}"></body></html>'
        )
        server.routes["/own.jpg"] = data(geotagged_jpeg(48.85, 2.35), "image/jpeg")
        report = audit(server.url("/"))
        assert other.paths() == []  # not even robots.txt
    assert "/own.jpg" in server.paths()
    reasons = {s["locator"]: s["reason"] for s in report["skipped"]}
    assert f"port {other.port}" in reasons[other.url("/secret.jpg")]
