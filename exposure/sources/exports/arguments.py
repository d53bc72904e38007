"""Command-line flags for reading exports, and their translation into ExportOptions.

Kept here so the CLI stays a thin adapter: it calls :func:`add_export_arguments` on the
``audit`` parser and passes ``export_options(args)`` to Options.
"""

from __future__ import annotations

import argparse
import re

from exposure.options import ExportOptions

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_UNITS = {"": 1024**2, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def size(text: str) -> int:
    """``"8G"``, ``"500M"``, ``"64MB"``, or a plain number of megabytes, in bytes."""
    match = _SIZE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; write it like 500M or 8G")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``exports`` argument group of ``exposure audit``."""
    defaults = ExportOptions()
    group = parser.add_argument_group(
        "exports",
        "caps for 'download your data' archives (protect against broken or hostile files)",
    )
    group.add_argument(
        "--archive-member-limit",
        type=size,
        metavar="SIZE",
        default=defaults.member_limit,
        help="most data read from one file inside an archive, e.g. 8G (default: 8G)",
    )
    group.add_argument(
        "--archive-total-limit",
        type=size,
        metavar="SIZE",
        default=defaults.total_limit,
        help="most data read from one archive in all (default: 64G)",
    )
    group.add_argument(
        "--archive-max-ratio",
        type=float,
        metavar="N",
        default=defaults.max_ratio,
        help="stop reading a file that expands more than N times its compressed size "
        f"(a zip bomb; default: {defaults.max_ratio:g})",
    )
    group.add_argument(
        "--archive-media-limit",
        type=size,
        metavar="SIZE",
        default=defaults.media_limit,
        help="largest photo or video read inside an archive (default: 64M)",
    )
    group.add_argument(
        "--archive-nested-limit",
        type=size,
        metavar="SIZE",
        default=defaults.nested_limit,
        help="largest archive inside an archive (a .zip in a Takeout), read in memory to open "
        "it (default: 256M)",
    )
    group.add_argument(
        "--export-max-points",
        type=int,
        metavar="N",
        default=defaults.max_points,
        help="located points kept per location history for inference, sampled evenly "
        f"(default: {defaults.max_points:,})",
    )


def export_options(args: argparse.Namespace) -> ExportOptions:
    """ExportOptions from parsed arguments (defaults when the command has no such flags)."""
    defaults = ExportOptions()
    return ExportOptions(
        member_limit=getattr(args, "archive_member_limit", defaults.member_limit),
        total_limit=getattr(args, "archive_total_limit", defaults.total_limit),
        max_ratio=getattr(args, "archive_max_ratio", defaults.max_ratio),
        media_limit=getattr(args, "archive_media_limit", defaults.media_limit),
        max_points=getattr(args, "export_max_points", defaults.max_points),
        nested_limit=getattr(args, "archive_nested_limit", defaults.nested_limit),
    )
