"""The ``exposure audit`` flags for web addresses, as data (the CLI builds them).

Each names the WebOptions field it sets (``Options.web``); the defaults come from
WebOptions itself, so the help text can never disagree with the code.
"""

from __future__ import annotations

from exposure.flags import BadValue, Flag, FlagGroup, size
from exposure.i18n import N_
from exposure.i18n.message import M_


def api_base(text: str) -> tuple[str, str]:
    """``PLATFORM=URL`` as a pair."""
    platform, sep, url = text.partition("=")
    if not sep or not url.startswith(("http://", "https://")):
        raise BadValue(
            M_(
                "expected PLATFORM=URL, e.g. github=https://ghe.example/api/v3, not {text}",
                text=repr(text),
            )
        )
    return platform.strip().lower(), url.strip()


FLAGS: tuple[Flag, ...] = (
    Flag("--max-pages", "web.max_pages", N_("pages, feeds and API answers to read (default {default})"), int),
    Flag("--max-images", "web.max_images", N_("images to fetch (default {default})"), int),
    Flag("--max-bytes", "web.max_bytes", N_("most bytes read from one answer, after decompression (20M, 1G...) (default {default})"), size),
    Flag("--max-redirects", "web.max_redirects", N_("redirects followed per request (default {default})"), int),
    Flag("--max-time", "web.max_seconds", N_("total seconds per address (default {default})"), float),
    Flag("--timeout", "web.timeout", N_("seconds to wait for a connection or the next piece of an answer (default {default})"), float),
    Flag("--max-response-time", "web.response_seconds", N_("most seconds one answer may take (default {default})"), float),
    Flag("--delay", "web.delay", N_("seconds between requests to the same host (default {default})"), float),
    Flag("--concurrency", "web.concurrency", N_("requests at once to the same host (default {default})"), int),
    Flag("--retries", "web.retries", N_("extra tries after 429/503 or a dropped connection (default {default})"), int),
    Flag("--max-retry-wait", "web.max_retry_wait", N_("longest Retry-After wait honoured, in seconds (default {default})"), float),
    Flag("--ignore-robots", "web.ignore_robots", N_("also fetch what robots.txt asks tools to leave alone (a site you own)")),
    Flag("--api-base", "web.api_bases", N_("another API address for a platform, e.g. github=https://ghe.example/api/v3 (repeatable)"), api_base, "PLATFORM=URL", repeat=True),
)  # fmt: skip
"""One per WebOptions field a user can set (``transport`` and ``resolver`` are for tests)."""

WEB_FLAGS = FlagGroup(
    N_("web addresses"),
    N_("limits and manners when an INPUT is a web address (each per address)"),
    FLAGS,
)
