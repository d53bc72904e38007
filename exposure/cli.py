"""Command line: parse arguments into Options, call the library, write reports, exit.

Kept thin on purpose: auditing, summarising and the exit-code policy live in the library.
The CLI owns argparse: the library declares its flags as data (:mod:`exposure.flags`,
:data:`exposure.sources.SOURCE_FLAGS`) and its report formats as a registry
(:mod:`exposure.report.formats`), and this module builds the parser from them.

A new subcommand: write ``_NAME_arguments(parser)`` and ``_NAME(args) -> exit code`` (which
calls a library function and does nothing else), and add one :class:`Command` line to
:data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import functools
import gettext
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from exposure import __version__, terminal
from exposure.errors import ExposureError, UsageError
from exposure.flags import BadValue, FlagGroup, default_of, options_from
from exposure.i18n import N_, choose, translations
from exposure.i18n.parser import language_of, see_help, speaking
from exposure.model import Report, Severity
from exposure.options import default_workers
from exposure.progress import TerminalProgress
from exposure.report.files import check_target
from exposure.report.formats import DEFAULT_FORMAT, REPORT_FORMATS, write_report
from exposure.sources import SOURCE_FLAGS
from exposure.summary import ExitCode, exit_status, summary_line
from exposure.textsafe import neutralise_bidi

ENGLISH = gettext.NullTranslations()
DEFAULT_HTML = "exposure-report.html"
DEMO_HTML = "exposure-demo-report.html"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line that says what to do, with exit code 2, in
    the language of ``t`` (argparse's own words too, under :func:`speaking`)."""

    def __init__(self, *args: Any, t: gettext.NullTranslations = ENGLISH, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.t = t

    def error(self, message: str) -> NoReturn:
        line = see_help(message, f"exposure {self._sub()}--help", self.t)
        self.exit(ExitCode.USAGE, f"exposure: {line}\n")

    def _sub(self) -> str:
        parts = self.prog.split()[1:]
        return (" ".join(parts) + " ") if parts else ""


@dataclass(frozen=True, slots=True)
class Command:
    """One subcommand: its name and help line, the function adding its arguments, and the
    function running it (returns the exit code)."""

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def add_flags(parser: argparse.ArgumentParser, groups: Sequence[FlagGroup]) -> None:
    """Add the flags the library declares (see :mod:`exposure.flags`) to ``parser``, their
    help in the parser's language."""
    _ = _words(parser)
    for group in groups:
        target: Any = (
            parser
            if group.title is None
            else parser.add_argument_group(
                _(group.title), _(group.description) if group.description else None
            )
        )
        for flag in group.flags:
            default = default_of(flag.field)
            words = _(flag.help).replace("%", "%%").format(default=flag.show(default))
            if flag.read is None:
                target.add_argument(flag.flag, dest=flag.field, action="store_true", help=words)
                continue
            target.add_argument(
                flag.flag,
                dest=flag.field,
                type=_argparse_type(flag.read, getattr(parser, "t", ENGLISH)),
                action="append" if flag.repeat else "store",
                default=[] if flag.repeat else default,
                metavar=flag.metavar or flag.field.rpartition(".")[2].upper(),
                help=words,
            )


def _words(parser: argparse.ArgumentParser) -> Callable[[str], str]:
    """The gettext of ``parser``'s language (help lines are marked ``N_``/``_`` where they
    are declared and translated here, when the parser is built)."""
    return getattr(parser, "t", ENGLISH).gettext


def flag_values(args: argparse.Namespace, groups: Sequence[FlagGroup]) -> dict[str, Any]:
    """The parsed values of ``groups``' flags, keyed by the Options field each sets."""
    values = {}
    for flag in (f for group in groups for f in group.flags):
        value = getattr(args, flag.field)
        values[flag.field] = tuple(value) if flag.repeat else value
    return values


def _argparse_type(
    read: Callable[[str], Any], t: gettext.NullTranslations = ENGLISH
) -> Callable[[str], Any]:
    """``read`` for argparse: its :class:`BadValue` message (in the language of ``t``) is
    what the user sees."""

    @functools.wraps(read)  # argparse names the reader in its own messages ("invalid int value")
    def typed(text: str) -> Any:
        try:
            return read(text)
        except BadValue as exc:
            raise argparse.ArgumentTypeError(exc.said.render(t)) from exc

    return typed


def _add_output_options(parser: argparse.ArgumentParser, default_html: str) -> None:
    _ = _words(parser)
    out = parser.add_argument_group(_("reports"))
    for fmt in REPORT_FORMATS:
        out.add_argument(
            f"--{fmt.name}", metavar="FILE", help=_(fmt.help).format(default=default_html)
        )
    out.add_argument(
        "--redact",
        action="store_true",
        help=_("round positions and hide file names, for a copy to share with an advocate"),
    )
    out.add_argument(
        "--reproducible",
        action="store_true",
        help=_("leave the time out of the reports, so identical runs give identical files"),
    )
    out.add_argument(
        "-q", "--quiet", action="store_true", help=_("no progress bar and no summary line")
    )


def _audit_arguments(parser: argparse.ArgumentParser, baseline_required: bool = False) -> None:
    _ = _words(parser)
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=_(
            "a photo or video file, a folder (searched with everything below it), or the "
            "http(s) address of your own site or public profile"
        ),
    )
    _add_output_options(parser, DEFAULT_HTML)
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="low",
        help=_("lowest severity that makes the exit code 1 (default: low)"),
    )
    add_flags(parser, SOURCE_FLAGS)
    _add_lang(parser)
    parser.add_argument(
        "--baseline",
        metavar="OLD.json",
        required=baseline_required,
        help=_(
            "the JSON report of an earlier audit: say per finding whether it is fixed, "
            "still there or new"
        ),
    )


def _audit(args: argparse.Namespace) -> int:
    values = flag_values(args, SOURCE_FLAGS)
    report = _report_command(args, DEFAULT_HTML, values, tuple(args.inputs))
    return exit_status(report, Severity(args.fail_on))


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    _add_output_options(parser, DEMO_HTML)
    _add_lang(parser)


def _demo(args: argparse.Namespace) -> int:
    from exposure.demo import demo_session

    with demo_session() as served:  # the demo's loopback sites run while it audits
        _report_command(args, DEMO_HTML, {"workers": 1}, served.inputs, web=served.web)
    return ExitCode.CLEAN  # the demo exits 0 whenever it ran


def _summarize_arguments(parser: argparse.ArgumentParser) -> None:
    _ = _words(parser)
    parser.add_argument(
        "reports",
        nargs="+",
        metavar="REPORT",
        help=_("an exposure JSON report, or a folder of them"),
    )
    parser.add_argument("--html", metavar="FILE", help=_("also write the summary as a page"))
    parser.add_argument("--json", metavar="FILE", help=_("also write the summary as JSON"))
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print nothing"))
    _add_lang(parser)


def _add_lang(parser: argparse.ArgumentParser) -> None:
    _ = _words(parser)
    from exposure.i18n import LANGUAGES

    parser.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        help=_("language of the messages and pages (default: the system's, else English)"),
    )


def _summarize(args: argparse.Namespace) -> int:
    from exposure.summarize import summarize_command

    return summarize_command(
        args.reports, html=args.html, json_path=args.json, quiet=args.quiet, lang=args.lang
    )


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    _ = _words(parser)
    parser.add_argument("--no-browser", action="store_true", help=_("print the address only"))
    parser.add_argument(
        "--port", type=int, default=0, help=_("port on 127.0.0.1 (default: random)")
    )
    _add_lang(parser)


def _serve(args: argparse.Namespace) -> int:
    from exposure.serve import serve_command

    return serve_command(open_browser=not args.no_browser, port=args.port, lang=args.lang)


def _clean_arguments(parser: argparse.ArgumentParser) -> None:
    _ = _words(parser)
    parser.add_argument(
        "inputs", nargs="+", metavar="PATH", help=_("a photo or video, or a folder")
    )
    parser.add_argument(
        "--out", required=True, metavar="DIR", help=_("folder for the copies (not inside a PATH)")
    )
    parser.add_argument(
        "--also-identity",
        action="store_true",
        help=_("also remove camera serial numbers and owner, artist and copyright names"),
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        metavar="N",
        help=_("processes cleaning in parallel (default: one per core)"),
    )
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print only the summary"))
    _add_lang(parser)


def _clean(args: argparse.Namespace) -> int:
    from exposure.clean.command import clean_command  # the cleaners load only for clean

    return clean_command(
        args.inputs,
        args.out,
        also_identity=args.also_identity,
        workers=args.workers,
        quiet=args.quiet,
        lang=args.lang,
    )


def _wipe_arguments(parser: argparse.ArgumentParser) -> None:
    _ = _words(parser)
    parser.add_argument("--dry-run", action="store_true", help=_("only list what would be removed"))
    _add_lang(parser)


def _wipe(args: argparse.Namespace) -> int:
    from exposure.wipe import wipe_command

    return wipe_command(dry_run=args.dry_run, lang=args.lang)


def _platforms(args: argparse.Namespace) -> int:
    from exposure.sources.exports.listing import platforms_command

    return platforms_command(lang=args.lang)


COMMANDS: tuple[Command, ...] = (
    Command("audit", N_("audit photos, videos and folders you name"), _audit_arguments, _audit),
    Command(
        "verify",
        N_("audit again after fixing: what is fixed, still there or new since --baseline"),
        functools.partial(_audit_arguments, baseline_required=True),
        _audit,
    ),
    Command(
        "demo",
        N_("run a full audit on built-in made-up photos, to see what a report looks like"),
        _demo_arguments,
        _demo,
    ),
    Command(
        "summarize",
        N_("anonymous counts over many JSON reports, for a workshop's slides"),
        _summarize_arguments,
        _summarize,
    ),
    Command(
        "clean",
        N_("write copies of photos and videos without location (originals are not touched)"),
        _clean_arguments,
        _clean,
    ),
    Command(
        "serve",
        N_("do everything from a web page on this computer (for workshops)"),
        _serve_arguments,
        _serve,
    ),
    Command(
        "wipe",
        N_("remove every report and copy exposure wrote on this computer"),
        _wipe_arguments,
        _wipe,
    ),
    Command(
        "platforms",
        N_('list the "download your data" exports exposure reads, and what it finds in each'),
        _add_lang,
        _platforms,
    ),
)
"""Every subcommand, in ``--help`` order."""


def build_parser(t: gettext.NullTranslations = ENGLISH) -> argparse.ArgumentParser:
    """The command line's parser; its errors in the language of ``t`` (argparse's own
    words too when it is used under :func:`speaking`)."""
    parser = _Parser(
        prog="exposure",
        description=t.gettext(
            "Find location leaks in your own photos and videos, and get a checklist to fix "
            "them. Everything stays on this computer."
        ),
        t=t,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"exposure {__version__}",
        help=t.gettext("show program's version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        words = t.gettext(command.help)
        command.arguments(commands.add_parser(command.name, help=words, t=t))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    t = translations(language_of(argv))
    with speaking(t):  # argparse's own words ("usage:", "invalid choice") in that language
        parser = build_parser(t)
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return ExitCode.USAGE
    run = next(c.run for c in COMMANDS if c.name == args.command)
    try:
        return run(args)
    except UsageError as exc:
        _say(f"exposure: {exc.words(translations(choose(getattr(args, 'lang', None))))}")
        return ExitCode.USAGE
    except ExposureError as exc:
        _say(f"exposure: {exc.words(translations(choose(getattr(args, 'lang', None))))}")
        return ExitCode.FAILED
    except KeyboardInterrupt:
        print(terminal.stopped(translations(choose(getattr(args, "lang", None)))), file=sys.stderr)
        return 130


def _say(text: str) -> None:
    """One line to the terminal (stderr), bidi controls removed (:mod:`exposure.textsafe`)."""
    print(neutralise_bidi(text), file=sys.stderr)


def _report_command(
    args: argparse.Namespace,
    default_html: str,
    values: dict[str, Any],
    inputs: tuple[str, ...],
    **given: Any,
) -> Report:
    """Audit ``inputs``, write the reports asked for and say where (``audit`` and ``demo``);
    ``values`` are flag values by Options field, ``given`` more Options fields."""
    paths = {fmt.name: getattr(args, fmt.name) for fmt in REPORT_FORMATS}
    if not any(paths.values()):
        paths[DEFAULT_FORMAT] = default_html
    targets = [(fmt, paths[fmt.name]) for fmt in REPORT_FORMATS if paths[fmt.name]]
    for _, path in targets:
        if path != "-":
            check_target(path)  # a folder, a link or a missing folder: exit 2 before any work
    from exposure.audit import resolve_sources, run  # not loaded for clean, wipe, serve...
    from exposure.baseline import compare, load_previous

    options = options_from(values, inputs=inputs, reproducible=args.reproducible, **given)
    previous = load_previous(args.baseline) if getattr(args, "baseline", None) else None
    sources = resolve_sources(options)  # every INPUT is checked before any work starts
    with TerminalProgress(enabled=not args.quiet, t=translations(choose(args.lang))) as progress:
        report = run(options, progress, sources=sources)
    if previous is not None:
        report = compare(report, previous)
    if args.redact:
        from exposure.report.redaction import redact  # loaded only when asked for

        report = redact(report)
    lang = choose(args.lang)
    written = [write_report(report, fmt, path, lang) for fmt, path in targets]
    if not args.quiet:
        t = translations(lang)
        _say(summary_line(report, t))
        if (reasons := terminal.reasons_line(report, t=t)) is not None:
            _say(reasons)
        if (unread := terminal.not_checked_line(report, t)) is not None:
            _say(unread)
        for line in terminal.baseline_lines(report, Severity(getattr(args, "fail_on", "low")), t):
            _say(line)
        for path in written:
            if path != "-":
                _say(terminal.report_written(path, t))
        if written:
            print(terminal.keep_private(t), file=sys.stderr)
    return report
