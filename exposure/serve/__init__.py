"""``exposure serve``: the whole job from a web page on this computer.

::

    serve_command()  -> ServeApp (app.py: 127.0.0.1, random port, secret, strict checks)
                     -> page.py (serve.html, its inline script and style by hash)
                     -> Job (jobs.py: uploads, an audit in a child process, the reports)

The reports and working copies go to a private folder for this session (noted for
``exposure wipe``); copies of chosen files are removed as soon as they are checked.  The
page offers to remove everything exposure wrote when the person is done; Ctrl-C in the
terminal stops the server, stops any check and offers the same.
"""

from __future__ import annotations

import gettext
import sys
import tempfile
import threading
from pathlib import Path
from typing import TextIO

from exposure.written import record_folder


def serve_command(
    *,
    open_browser: bool = True,
    port: int = 0,
    out: TextIO | None = None,
    ask: bool | None = None,
    lang: str | None = None,
) -> int:
    """Run the local web page until the person finishes it or presses Ctrl-C.

    ``lang``: the page's and the messages' language (default: the browser's for the page,
    the environment's for the terminal)."""
    from exposure.i18n import choose, supported, translations
    from exposure.serve.app import ServeApp

    out = out or sys.stderr
    t = translations(choose(lang))
    workdir = Path(tempfile.mkdtemp(prefix="exposure-serve-"))
    record_folder(workdir, what="working folder")
    app = ServeApp(workdir, port=port, lang=supported(lang))
    ready = t.gettext("exposure is ready on this computer only: {url}").format(url=app.url)
    print(ready, file=out, flush=True)
    print(
        t.gettext("Keep this window open while you use the page; press Ctrl-C to stop."), file=out
    )
    if open_browser:
        import webbrowser

        threading.Thread(target=webbrowser.open, args=(app.url,), daemon=True).start()
    interrupted = False
    try:
        app.serve()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        app.close()
    if app.wiped is not None:
        print("\n".join(app.wiped), file=out)
        return 0
    _offer_wipe(workdir, out, sys.stdin.isatty() if ask is None else ask, interrupted, t)
    return 0


def _offer_wipe(
    workdir: Path, out: TextIO, ask: bool, interrupted: bool, t: gettext.NullTranslations
) -> None:
    from exposure.written import read_list

    print(("\n" if interrupted else "") + t.gettext("exposure has stopped."), file=out)
    if not read_list():
        return
    if ask:
        question = t.gettext("Remove every report and copy exposure wrote on this computer? [y/N]")
        print(question + " ", end="", file=out, flush=True)
        try:
            answer = sys.stdin.readline().strip().lower()
        except (KeyboardInterrupt, EOFError):
            answer = ""
        # TRANSLATORS: the answers that mean yes to the question above, separated by "/".
        yes = {"y", "yes", *t.gettext("y/yes").split("/")}
        if answer in yes:
            from exposure.wipe import describe, wipe

            print("\n".join(describe(wipe(), translation=t)), file=out)
            return
    print(
        t.gettext(
            "The reports of this session are in {folder}. On a shared computer, remove "
            "everything exposure wrote with: exposure wipe"
        ).format(folder=workdir),
        file=out,
    )
