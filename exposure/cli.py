"""Command line: parse arguments into Options, call the library, write reports, exit.

Kept thin on purpose: auditing, summarising and the exit-code policy live in the library.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from exposure import __version__
from exposure.audit import resolve_sources, run
from exposure.demo import demo_session
from exposure.errors import ExposureError, UsageError
from exposure.model import Report, Severity
from exposure.options import Options, default_workers
from exposure.progress import TerminalProgress
from exposure.report.files import check_target, write_private
from exposure.report.json import write_json
from exposure.sources.exports.arguments import add_export_arguments, export_options
from exposure.sources.web import add_web_arguments, web_options
from exposure.summary import ExitCode, exit_status, summary_line

DEFAULT_HTML = "exposure-report.html"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line that says what to do, with exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.USAGE, f"exposure: {message} (see 'exposure {self._sub()}--help')\n")

    def _sub(self) -> str:
        parts = self.prog.split()[1:]
        return (" ".join(parts) + " ") if parts else ""


def _add_output_options(parser: argparse.ArgumentParser, default_html: str) -> None:
    out = parser.add_argument_group("reports")
    out.add_argument(
        "--html",
        metavar="FILE",
        help=f"write the HTML checklist here (default: {default_html} when no --json is given)",
    )
    out.add_argument(
        "--json", metavar="FILE", help="write the JSON report here ('-' for standard output)"
    )
    out.add_argument(
        "--redact",
        action="store_true",
        help="round positions and hide file names, for a copy to share with an advocate",
    )
    out.add_argument(
        "--reproducible",
        action="store_true",
        help="leave the time out of the reports, so identical runs give identical files",
    )
    out.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="exposure",
        description="Find location leaks in your own photos and videos, and get a checklist to fix them. "
        "Everything stays on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"exposure {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    audit = commands.add_parser("audit", help="audit photos, videos and folders you name")
    audit.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a photo or video file, a folder (searched with everything below it), or the "
        "http(s) address of your own site or public profile",
    )
    _add_output_options(audit, DEFAULT_HTML)
    audit.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="low",
        help="lowest severity that makes the exit code 1 (default: low)",
    )
    audit.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="processes reading files in parallel (default: one per core)",
    )
    audit.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="follow links to other folders while searching",
    )
    add_web_arguments(audit)
    add_export_arguments(audit)
    demo = commands.add_parser(
        "demo", help="run a full audit on built-in made-up photos, to see what a report looks like"
    )
    _add_output_options(demo, "exposure-demo-report.html")
    summarize = commands.add_parser(
        "summarize", help="anonymous counts over many JSON reports, for a workshop's slides"
    )
    summarize.add_argument(
        "reports", nargs="+", metavar="REPORT", help="an exposure JSON report, or a folder of them"
    )
    summarize.add_argument("--html", metavar="FILE", help="also write the summary as a page")
    summarize.add_argument("--json", metavar="FILE", help="also write the summary as JSON")
    summarize.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    wipe = commands.add_parser(
        "wipe", help="remove every report and copy exposure wrote on this computer"
    )
    wipe.add_argument("--dry-run", action="store_true", help="only list what would be removed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return _run(args)
    except UsageError as exc:
        print(f"exposure: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except ExposureError as exc:
        print(f"exposure: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    except KeyboardInterrupt:
        print("exposure: stopped; no report was written", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "wipe":
        from exposure.wipe import wipe_command

        return wipe_command(dry_run=args.dry_run)
    if args.command == "summarize":
        from exposure.summarize import summarize_command

        return summarize_command(
            args.reports, html=args.html, json_path=args.json, quiet=args.quiet
        )
    demo = args.command == "demo"
    if demo and "served" not in args:  # the demo's loopback sites run while it audits
        with demo_session() as args.served:
            return _run(args)
    html = args.html or (
        None if args.json else ("exposure-demo-report.html" if demo else DEFAULT_HTML)
    )
    targets = [(p, fmt) for p, fmt in ((html, "html"), (args.json, "json")) if p]
    for path, _ in targets:
        _check_writable(path)
    options = Options(
        inputs=args.served.inputs if demo else tuple(args.inputs),
        workers=1 if demo else args.workers,
        reproducible=args.reproducible,
        follow_symlinks=getattr(args, "follow_symlinks", False),
        web=args.served.web if demo else web_options(args),
        exports=export_options(args),
    )
    sources = resolve_sources(options)  # every INPUT is checked before any work starts
    with TerminalProgress(enabled=not args.quiet) as progress:
        report = run(options, progress, sources=sources)
    if args.redact:
        from exposure.report.redaction import redact  # loaded only when asked for

        report = redact(report)
    written = [_write(path, fmt, report) for path, fmt in targets]
    if not args.quiet:
        print(summary_line(report), file=sys.stderr)
        for path in written:
            if path != "-":
                print(f"Report: {path}", file=sys.stderr)
        if written:
            print(
                "The report holds private information: keep it somewhere only you can open.",
                file=sys.stderr,
            )
    if demo:
        return ExitCode.CLEAN
    return exit_status(report, Severity(args.fail_on))


def _check_writable(path: str) -> None:
    if path != "-":
        check_target(path)  # a folder, a link or a missing folder: exit 2 before any work


def _write(path: str, fmt: str, report: Report) -> str:
    """Write one report atomically (mode 0600); JSON is streamed, HTML rendered first."""
    html = None
    if fmt == "html":
        from exposure.report.html import render_html  # Jinja2 loads only for an HTML report

        html = render_html(report)
    if path == "-":
        _emit(sys.stdout, html, report)
        return path
    return str(write_private(path, lambda out: _emit(out, html, report)))


def _emit(out: TextIO, html: str | None, report: Report) -> None:
    if html is None:
        write_json(report, out)
    else:
        out.write(html)
