"""The ``exposure audit`` flags for web addresses, and the WebOptions they build.

Kept here so the CLI stays thin: it adds this group to its parser and passes the parsed
arguments to :func:`web_options`.  One table (:data:`FLAGS`) names each flag, the
WebOptions field it sets, how its value is read and its help; the defaults come from
WebOptions itself, so the help text can never disagree with the code.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from exposure.options import WebOptions
from exposure.sources.exports.arguments import size


def api_base(text: str) -> tuple[str, str]:
    """``PLATFORM=URL`` as a pair."""
    platform, sep, url = text.partition("=")
    if not sep or not url.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(
            f"expected PLATFORM=URL, e.g. github=https://ghe.example/api/v3, not {text!r}"
        )
    return platform.strip().lower(), url.strip()


def _shown(value: object) -> str:
    if isinstance(value, int) and value >= 2**20:
        return f"{value // 2**20}M"
    return f"{value:g}" if isinstance(value, float) else str(value)


FLAGS: tuple[tuple[str, str, Callable[[str], Any] | None, str], ...] = (
    ("--max-pages", "max_pages", int, "pages, feeds and API answers to read"),
    ("--max-images", "max_images", int, "images to fetch"),
    ("--max-bytes", "max_bytes", size, "most bytes read from one answer, after decompression (20M, 1G...)"),
    ("--max-redirects", "max_redirects", int, "redirects followed per request"),
    ("--max-time", "max_seconds", float, "total seconds per address"),
    ("--timeout", "timeout", float, "seconds to wait for a connection or the next piece of an answer"),
    ("--max-response-time", "response_seconds", float, "most seconds one answer may take"),
    ("--delay", "delay", float, "seconds between requests to the same host"),
    ("--concurrency", "concurrency", int, "requests at once to the same host"),
    ("--retries", "retries", int, "extra tries after 429/503 or a dropped connection"),
    ("--max-retry-wait", "max_retry_wait", float, "longest Retry-After wait honoured, in seconds"),
    ("--ignore-robots", "ignore_robots", None, "also fetch what robots.txt asks tools to leave alone (a site you own)"),
    ("--api-base", "api_bases", api_base, "another API address for a platform, e.g. github=https://ghe.example/api/v3 (repeatable)"),
)  # fmt: skip
"""(flag, WebOptions field, value reader or None for a switch, help)."""


def add_web_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the "web addresses" flag group to ``exposure audit``."""
    group = parser.add_argument_group(
        "web addresses", "limits and manners when an INPUT is a web address (each per address)"
    )
    defaults = WebOptions()
    for flag, name, reader, words in FLAGS:
        default = getattr(defaults, name)
        if reader is None:
            group.add_argument(flag, dest=name, action="store_true", help=words)
        elif name == "api_bases":
            group.add_argument(
                flag,
                dest=name,
                type=reader,
                action="append",
                default=[],
                metavar="PLATFORM=URL",
                help=words,
            )
        else:
            group.add_argument(
                flag,
                dest=name,
                type=reader,
                default=default,
                help=f"{words} (default {_shown(default)})",
            )


def web_options(args: argparse.Namespace) -> WebOptions:
    """WebOptions from parsed arguments (the defaults when the command has no web flags)."""
    known = {f.name for f in fields(WebOptions)}
    given = {
        name: getattr(args, name)
        for _, name, _, _ in FLAGS
        if hasattr(args, name) and name in known
    }
    if "api_bases" in given:
        given["api_bases"] = tuple(given["api_bases"])
    return WebOptions(**given)
