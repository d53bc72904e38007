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
) -> int:
    """Run the local web page until the person finishes it or presses Ctrl-C."""
    from exposure.serve.app import ServeApp

    out = out or sys.stderr
    workdir = Path(tempfile.mkdtemp(prefix="exposure-serve-"))
    record_folder(workdir, what="working folder")
    app = ServeApp(workdir, port=port)
    print(f"exposure is ready on this computer only: {app.url}", file=out, flush=True)
    print("Keep this window open while you use the page; press Ctrl-C to stop.", file=out)
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
    _offer_wipe(workdir, out, sys.stdin.isatty() if ask is None else ask, interrupted)
    return 0


def _offer_wipe(workdir: Path, out: TextIO, ask: bool, interrupted: bool) -> None:
    from exposure.written import read_list

    print(("\n" if interrupted else "") + "exposure has stopped.", file=out)
    if not read_list():
        return
    if ask:
        print(
            "Remove every report and copy exposure wrote on this computer? [y/N] ",
            end="",
            file=out,
            flush=True,
        )
        try:
            answer = sys.stdin.readline().strip().lower()
        except (KeyboardInterrupt, EOFError):
            answer = ""
        if answer in ("y", "yes"):
            from exposure.wipe import describe, wipe

            print("\n".join(describe(wipe())), file=out)
            return
    print(
        f"The reports of this session are in {workdir}. On a shared computer, remove "
        "everything exposure wrote with: exposure wipe",
        file=out,
    )
