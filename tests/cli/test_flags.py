"""Flags declared as data by the library, built into argparse by the CLI."""

from __future__ import annotations

import argparse

import pytest

from exposure.cli import COMMANDS, add_flags, build_parser, flag_values
from exposure.flags import BadValue, Flag, FlagGroup, default_of, options_from, size
from exposure.options import ExportOptions, Options, WebOptions
from exposure.report.formats import REPORT_FORMATS
from exposure.sources import SOURCE_FLAGS


def _parse(groups: tuple[FlagGroup, ...], *argv: str) -> Options:
    parser = argparse.ArgumentParser()
    add_flags(parser, groups)
    return options_from(flag_values(parser.parse_args(argv), groups), inputs=("x",))


def test_no_flags_given_is_the_default_options() -> None:
    assert _parse(SOURCE_FLAGS) == Options(inputs=("x",))


def test_every_flag_sets_a_field_of_options() -> None:
    flags = [flag for group in SOURCE_FLAGS for flag in group.flags]
    assert len({f.flag for f in flags}) == len(flags)
    assert len({f.field for f in flags}) == len(flags)
    for flag in flags:
        default_of(flag.field)  # an AttributeError names a field Options does not have
    user_set = {f.field for f in flags}
    assert {f"exports.{name}" for name in ExportOptions.__dataclass_fields__} <= user_set


def test_values_go_to_nested_options_and_are_checked() -> None:
    options = _parse(
        SOURCE_FLAGS,
        "--workers", "3", "--follow-symlinks", "--archive-member-limit", "2G", "--delay", "0.5",
        "--api-base", "github=https://a.example/api", "--api-base", "bluesky=https://b.example",
    )  # fmt: skip
    assert options.workers == 3 and options.follow_symlinks
    assert options.exports == ExportOptions(member_limit=2 * 1024**3)
    assert options.web.delay == 0.5
    assert options.web.api_bases == (
        ("github", "https://a.example/api"),
        ("bluesky", "https://b.example"),
    )
    assert options.web == WebOptions(delay=0.5, api_bases=options.web.api_bases)


def test_a_declared_flag_is_built_with_its_default_in_the_help() -> None:
    group = FlagGroup(
        "things", None, (Flag("--max-pages", "web.max_pages", "pages (default {default})", int),)
    )
    parser = argparse.ArgumentParser()
    add_flags(parser, (group,))
    assert "pages (default 200)" in parser.format_help()
    assert "--max-pages MAX_PAGES" in parser.format_help()


def test_bad_values_say_how_to_write_them() -> None:
    with pytest.raises(BadValue, match="write it like 500M or 8G"):
        size("lots")
    assert size("1.5k") == 1536 and size("3") == 3 * 2**20


def test_every_command_and_format_is_in_the_parser() -> None:
    text = build_parser().format_help()
    for command in COMMANDS:
        assert command.name in text
    for name in ("audit", "demo"):
        sub = build_parser().parse_args([name, *(["x"] if name == "audit" else [])])
        for fmt in REPORT_FORMATS:
            assert hasattr(sub, fmt.name)
