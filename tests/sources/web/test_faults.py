"""A hostile server: every fault ends within its limit and becomes a "could not check" line.

One audit through the CLI visits a site whose home page links to every fault; the audit
must finish (each case is cut off by its own limit: bytes, time, redirects, retries) and
list each address with a reason a person can read.
"""

from __future__ import annotations

import gzip
import itertools
import json
import time
from collections.abc import Iterator

import pytest

from exposure.testing.webserver import (
    FixtureServer,
    Reply,
    Request,
    data,
    page,
    redirect,
    reset_connection,
)
from tests.sources.web.conftest import Audit, by_kind, geotagged_jpeg, skipped

FIVE_GB = 5 * 1024**3
LIMITS = (
    "--max-bytes", "1MB", "--max-response-time", "2", "--timeout", "2", "--retries", "1",
    "--max-retry-wait", "1", "--max-redirects", "3",
)  # fmt: skip


def _drip(stop: FixtureServer) -> Iterator[bytes]:
    for _ in range(600):  # one byte every 0.2 s for up to two minutes
        if stop.stopping.is_set():
            return
        time.sleep(0.2)
        yield b"x"


def _endless() -> Iterator[bytes]:
    block = b"<p>" + b"a" * 65_530 + b"</p>"
    for _ in range(FIVE_GB // len(block)):  # generated as it is sent, never held whole
        yield block


def _slow_headers(server: FixtureServer):  # type: ignore[no-untyped-def]
    def write(handler) -> None:  # type: ignore[no-untyped-def]
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(600):
            if server.stopping.is_set():
                return
            handler.wfile.write(b"X-Slow: y\r\n")
            handler.wfile.flush()
            time.sleep(0.2)

    return write


def faults(server: FixtureServer) -> dict[str, str]:
    """Install the faults; path -> words its reason must contain."""
    bomb = gzip.compress(b"\0" * 30_000_000, compresslevel=9)
    hops = itertools.count()
    server.routes.update(
        {
            "/slow": lambda r: Reply(headers={"Content-Type": "text/html"}, body=_drip(server)),
            "/slow-headers": lambda r: Reply(raw=_slow_headers(server)),
            "/loop*": lambda r: Reply(302, {"Location": f"/loop{next(hops)}"}),
            "/huge": lambda r: Reply(
                headers={"Content-Type": "text/html", "Content-Length": str(FIVE_GB)},
                body=_endless(),
            ),
            "/huge-chunked": lambda r: Reply(
                headers={"Content-Type": "text/html"}, body=_endless()
            ),
            "/bomb": lambda r: Reply(
                headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}, body=bomb
            ),
            "/busy": lambda r: Reply(
                429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"slow down"
            ),
            "/busy-long": lambda r: Reply(503, {"Retry-After": "86400"}, b""),
            "/reset": lambda r: Reply(raw=reset_connection),
            "/bad-utf8": data(
                b"<p>caf\xe9 \xff\xfe at 10 Rue Example</p>", "text/html; charset=utf-8"
            ),
            "/binary-page": data(
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "text/html"
            ),
            "/document": data(b"%PDF-1.4 ...", "application/pdf"),
            "/img/lying.jpg": page("<html><body>Not an image</body></html>", "image/jpeg"),
            "/img/real.jpg": data(geotagged_jpeg(48.8566, 2.3522), "image/jpeg"),
            "/private": redirect(f"http://127.0.0.2:{server.port}/admin"),
            "/gone": lambda r: Reply(500, {"Content-Type": "text/plain"}, b"oops"),
        }
    )
    expected = {
        "/slow": "too slow",
        "/slow-headers": "too slow",
        "/loop": "too many redirects",
        "/huge": "partly checked: the page is larger than 1 MB; its first 1 MB were checked",
        "/huge-chunked": "partly checked: the page is larger than 1 MB",
        "/bomb": "holds binary data",  # its first 1 MB: all NUL bytes
        "/busy": "kept answering 429 Too Many Requests after 2 tries",
        "/busy-long": "asked to come back in 86400 s",
        "/reset": "connection was cut",
        "/bad-utf8": "partly checked: parts of it are not valid UTF-8 text",
        "/binary-page": "holds binary data",
        "/document": "not a web page (the server sent application/pdf)",
        "/img/lying.jpg": "not a photo or video format exposure reads (the server sent image/jpeg)",
        "/private": "refused: it leads to a private or local network address (127.0.0.2)",
        "/gone": "the server answered 500 Internal Server Error",
    }
    links = "".join(f'<a href="{p}">{p}</a>' for p in expected if not p.startswith("/img"))
    server.routes["/"] = page(f"{links}<img src='/img/lying.jpg'><img src='/img/real.jpg'>")
    return expected


def test_every_fault_is_cut_off_and_listed(server: FixtureServer, audit: Audit) -> None:
    expected = faults(server)
    # The host is named as "localhost": its own address is allowed, a redirect to another
    # loopback address is not.
    report = audit(server.url("/", host="localhost"), *LIMITS, "--max-pages", "50")
    reasons = skipped(report)
    for path, words in expected.items():
        found = [
            r
            for locator, r in reasons.items()
            if locator.startswith(server.url(path, host="localhost"))
        ]
        assert found and words in found[0], (path, found)
    # The audit went on: the good image on the same page was still checked.
    assert by_kind(report)["photo-gps"][0]["locator"] == server.url(
        "/img/real.jpg", host="localhost"
    )
    # The redirect into another loopback address was never followed.
    assert all(r.client == "127.0.0.1" for r in server.log)
    assert "/admin" not in server.paths()
    # 429 was retried once after its Retry-After, not more.
    assert server.paths().count("/busy") == 2


def test_gzip_bomb_is_not_inflated_past_the_limit() -> None:
    from exposure.sources.web.decode import BoundedDecoder, TooLarge

    bomb = gzip.compress(b"\0" * 30_000_000)
    decoder = BoundedDecoder("http://x.test/", "gzip", 1_000_000)
    out = 0
    with pytest.raises(TooLarge):
        for start in range(0, len(bomb), 65536):
            piece = decoder.feed(bomb[start : start + 65536])
            assert len(piece) <= 1_000_001  # never more than the limit at once
            out += len(piece)
    assert out <= 1_000_001


def test_a_redirect_from_a_named_host_into_a_private_address_is_refused(
    server: FixtureServer, audit: Audit
) -> None:
    # A public-looking name (resolved here to the test server) redirects into 10.0.0.1:
    # the crawler refuses before connecting.
    from exposure.audit import run
    from exposure.options import Options, WebOptions

    server.routes.update({"/": redirect("http://10.0.0.1/router-admin")})
    web = WebOptions(delay=0, resolver=lambda host, port: ["127.0.0.1"])
    report = run(Options(inputs=(f"http://blog.example.test:{server.port}/",), web=web, workers=1))
    (line,) = report.skipped
    assert "refused: it leads to a private or local network address (10.0.0.1)" in line.reason
    assert server.paths() == ["/robots.txt", "/"]


def test_requests_only_go_to_http_and_https(server: FixtureServer, audit: Audit) -> None:
    server.routes.update({"/": redirect("file:///etc/passwd")})
    report = audit(server.url("/"))
    assert "only http and https addresses are fetched" in skipped(report)[server.url("/")]


def test_robots_txt_that_fails_closes_the_site(server: FixtureServer, audit: Audit) -> None:
    server.routes.update(
        {
            "/robots.txt": lambda r: Reply(500, {}, b""),
            "/": page('<meta name="ICBM" content="1.5, 2.5">'),
        }
    )
    report = audit(server.url("/"))
    assert "robots.txt could not be read" in skipped(report)[server.url("/")]
    assert server.paths() == ["/robots.txt"]


def test_request_log_shape(server: FixtureServer) -> None:
    """The test server itself: a Range request gets 206 with the asked bytes."""
    import httpx

    server.routes["/f"] = data(b"0123456789", "application/octet-stream")
    reply = httpx.get(server.url("/f"), headers={"Range": "bytes=2-4"})
    assert reply.status_code == 206 and reply.content == b"234"
    assert reply.headers["content-range"] == "bytes 2-4/10"
    assert isinstance(server.log[0], Request)


def test_the_time_limit_for_an_address_stops_the_crawl(server: FixtureServer, audit: Audit) -> None:
    def slow(request: Request) -> Reply:
        time.sleep(0.6)
        return page("<p>slow page</p>")(request)

    server.routes.update(
        {"/": page("".join(f'<a href="/s{i}">{i}</a>' for i in range(20))), "/s*": slow}
    )
    report = audit(server.url("/"), "--max-time", "2", "--concurrency", "1")
    reasons = " ".join(s["reason"] for s in report["skipped"])
    assert "(see --max-time)" in reasons
    assert len([p for p in server.paths() if p.startswith("/s")]) < 20


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "identity", "pre-read"])
def test_compressed_pages_are_read_through_an_injected_transport(encoding: str) -> None:
    import zlib

    import httpx

    from exposure.options import WebOptions
    from exposure.sources.web.fetch import Fetcher

    html = b'<meta name="ICBM" content="1.5, 2.5">' * 100
    body = {
        "gzip": gzip.compress(html),
        "deflate": zlib.compress(html),
        "raw-deflate": zlib.compress(html)[2:-4],
        "identity": html,
        "pre-read": gzip.compress(html),
    }[encoding]
    header = {"raw-deflate": "deflate", "pre-read": "gzip"}.get(encoding, encoding)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        headers = {"Content-Encoding": header, "Content-Type": "text/html"}
        if encoding == "pre-read":  # httpx reads (and decodes) a body given as content
            return httpx.Response(200, headers=headers, content=body)
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))

    web = WebOptions(
        delay=0, transport=httpx.MockTransport(handler), resolver=lambda h, p: ["93.184.216.34"]
    )
    fetcher = Fetcher(web, ["site.example"], time.monotonic() + 30)
    try:
        assert fetcher.get("https://site.example/").body == html
    finally:
        fetcher.close()


def test_an_untrusted_certificate_is_a_tls_failure(tmp_path, audit: Audit) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FixtureServer(tls=context) as server:
        server.routes["/"] = page("<p>secret</p>")
        report = audit(f"https://localhost:{server.port}/")
    reason = skipped(report)[f"https://localhost:{server.port}/"]
    assert "secure connection (TLS) failed" in reason and "CERTIFICATE_VERIFY_FAILED" in reason


def test_a_silent_server_times_out(server: FixtureServer, audit: Audit) -> None:
    def silent(handler) -> None:  # type: ignore[no-untyped-def]
        server.stopping.wait(5)  # accepts the request, never answers

    server.routes.update(
        {"/": page('<a href="/silent">s</a>'), "/silent": lambda r: Reply(raw=silent)}
    )
    report = audit(server.url("/"), "--timeout", "1", "--max-response-time", "30", "--retries", "0")
    assert skipped(report)[server.url("/silent")] == "no answer within 1 s (see --timeout)"


def test_a_stray_nul_byte_or_a_page_over_the_cap_is_still_read(
    server: FixtureServer, audit: Audit
) -> None:
    """Not skipped whole: NUL bytes are dropped, and a page over --max-bytes is read up to
    the cap (what lies beyond it is said to be unchecked)."""
    head = b"<html><body><p>Home: 2417 Gaylord St, Denver, CO 80205</p>"
    server.routes.update(
        {
            "/": page('<a href="/nul">n</a><a href="/big">b</a>'),
            "/nul": data(b"<html><body>\x00<p>Meet at 52.520008, 13.404954</p>", "text/html"),
            "/big": lambda r: Reply(
                headers={"Content-Type": "text/html", "Content-Length": str(FIVE_GB)},
                body=itertools.chain([head], _endless()),
            ),
        }
    )
    report = audit(server.url("/"), *LIMITS)
    reasons = skipped(report)
    assert server.url("/nul") not in reasons
    assert "partly checked: the page is larger than 1 MB" in reasons[server.url("/big")]
    found = {f["kind"]: f for f in report["findings"]}
    assert server.url("/nul") in json.dumps(found["text-coordinates"])
    assert server.url("/big") in json.dumps(found["text-street-address"])


def test_a_refused_connection_is_not_blamed_on_robots_txt(audit: Audit) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    report = audit(f"http://127.0.0.1:{port}/", *LIMITS, code=3)
    (line,) = report["skipped"]
    assert "could not be reached: could not connect" in line["reason"]
    assert "robots" not in line["reason"]
