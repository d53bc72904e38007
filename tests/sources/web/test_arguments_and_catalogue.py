"""The web flags, the source's registration, and the platform remediation steps."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from exposure.catalogue.web import all_remediations, platform_remediation
from exposure.cli import add_flags, flag_values
from exposure.flags import options_from
from exposure.options import WebOptions
from exposure.sources import SOURCES, resolve
from exposure.sources.web import WEB_FLAGS, WebSource, findings
from exposure.sources.web.arguments import FLAGS
from exposure.sources.web.source import WEB_KINDS


def _parse(*argv: str) -> WebOptions:
    parser = argparse.ArgumentParser()
    add_flags(parser, (WEB_FLAGS,))
    return options_from(flag_values(parser.parse_args(argv), (WEB_FLAGS,)), inputs=("x",)).web


def test_every_limit_has_a_flag_and_a_default() -> None:
    assert _parse() == WebOptions()
    parsed = _parse(
        "--max-pages", "3", "--max-images", "4", "--max-bytes", "2M", "--max-redirects", "0",
        "--max-time", "9", "--timeout", "1.5", "--max-response-time", "4", "--delay", "0",
        "--concurrency", "5", "--retries", "0", "--max-retry-wait", "7", "--ignore-robots",
        "--api-base", "github=https://ghe.example/api/v3",
    )  # fmt: skip
    assert parsed == WebOptions(
        max_pages=3, max_images=4, max_bytes=2 * 2**20, max_redirects=0, max_seconds=9,
        timeout=1.5, response_seconds=4, delay=0, concurrency=5, retries=0, max_retry_wait=7,
        ignore_robots=True, api_bases=(("github", "https://ghe.example/api/v3"),),
    )  # fmt: skip
    assert {flag.field.removeprefix("web.") for flag in FLAGS} == {
        f for f in WebOptions.__dataclass_fields__ if f not in ("transport", "resolver")
    }


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--max-pages", "0"), "--max-pages must be 1 or more"),
        (("--max-time", "0"), "--max-time must be more than 0 seconds"),
        (("--delay", "-1"), "cannot be negative"),
        (("--max-bytes", "lots"), "not a size"),
        (("--api-base", "github"), "expected PLATFORM=URL"),
    ],
)
def test_bad_flags_are_usage_errors(cli, args: tuple[str, ...], words: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "https://example.org/", *args)
    assert result.code == 2 and words in result.err


def test_web_addresses_go_to_the_web_source_first() -> None:
    from exposure.options import Options

    assert SOURCES[0] is WebSource
    options = Options(inputs=("x",))
    assert isinstance(resolve("https://example.org/@me", options), WebSource)
    assert isinstance(resolve("HTTP://Example.org", options), WebSource)
    assert not WebSource.recognise("ftp://example.org/")
    assert not WebSource.recognise("example.org")
    assert not WebSource.recognise("http://[::1")
    assert WebSource.kinds == WEB_KINDS


def test_the_source_lists_every_kind_its_findings_make() -> None:
    # The list lives with the source (cheap to import), the code that makes them does not.
    made = set(re.findall(r'"(web-[a-z-]+)"', inspect.getsource(findings)))
    assert made == set(WEB_KINDS)


def test_platform_steps_cite_sources_and_dates() -> None:
    for remediation in all_remediations():
        assert remediation.summary and remediation.steps
        for step in remediation.steps:
            assert step.source and step.checked is not None


def test_platform_steps_replace_the_general_ones_where_they_exist() -> None:
    general = platform_remediation("web-profile-location", "website")
    github = platform_remediation("web-profile-location", "github")
    assert general != github and "Settings > Public profile" in github.steps[1].text
    assert platform_remediation("web-address", "github") == platform_remediation(
        "web-address", "website"
    )
