"""``exposure serve`` with a large export: upload through the page's API and typed path.

    python -u bench/serve_large.py [--gib 2] [--padded] [--keep] [--export ZIP]

Builds a Google Takeout zip of about ``--gib`` GiB (one stored Records.json, made by
:func:`exposure.testing.exportwriters.write_records`; with ``--padded``, a large stored
video before the demo Takeout's files instead, built in seconds by
:func:`exposure.testing.largeexport.write_padded_takeout`: it measures moving the bytes,
not parsing them), starts ``exposure serve
--no-browser`` in a subprocess, then checks the export twice: sent the way the page sends a
chosen file (one streamed PUT), and typed as a path (read in place).  Prints the time of
each step and the peak memory (VmHWM) of the server and of the check's child process, so
the figures say whether memory grows with the export.  No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import quote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from exposure.testing.exportwriters import write_records  # noqa: E402
from exposure.testing.largeexport import GIB, write_padded_takeout  # noqa: E402
from exposure.testing.processes import descendants, peak_memory  # noqa: E402

POINT_BYTES = 180
"""About what write_records writes per point."""


def build(path: Path, gib: float) -> None:
    points = int(gib * 1024**3 / POINT_BYTES)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        archive.writestr("Takeout/archive_browser.html", "<html></html>")
        name = "Takeout/Location History (Timeline)/Records.json"
        with archive.open(name, "w", force_zip64=True) as out:
            write_records(out, points)


class Session:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.port = parts.port or 0
        self.host = parts.netloc
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        conn.request("GET", f"/?{parts.query}", headers={"Host": self.host})
        reply = conn.getresponse()
        reply.read()
        self.cookie = reply.getheader("Set-Cookie", "").split(";")[0]

    def call(self, method: str, path: str, body: object = None, file: Path | None = None) -> dict:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=3600, blocksize=1 << 20)
        headers = {"Host": self.host, "Cookie": self.cookie, "Origin": f"http://{self.host}"}
        data: object = None
        if file is not None:
            headers["Content-Length"] = str(file.stat().st_size)
            headers["Content-Type"] = "application/octet-stream"
            data = file.open("rb")
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)  # type: ignore[arg-type]
        reply = conn.getresponse()
        answer = json.loads(reply.read() or b"{}")
        if reply.status >= 400:
            raise RuntimeError(f"{method} {path}: {reply.status} {answer}")
        return answer


def check(session: Session, server_pid: int, label: str, body: dict, upload: Path | None) -> None:
    peak_child = 0
    started = time.perf_counter()
    job = session.call("POST", "/api/jobs", body)["id"]
    if upload is not None:
        session.call("PUT", f"/api/jobs/{job}/files?path={quote(upload.name)}", file=upload)
        sent = time.perf_counter() - started
        mb = upload.stat().st_size / 1e6
        print(f"{label}: upload {mb:,.0f} MB in {sent:.1f} s ({mb / sent:,.0f} MB/s)")
    begun = time.perf_counter()
    session.call("POST", f"/api/jobs/{job}/start", {})
    while True:
        for child in descendants(server_pid):
            peak_child = max(peak_child, peak_memory(child))
        state = session.call("GET", f"/api/jobs/{job}")
        if state["state"] not in ("new", "running"):
            break
        time.sleep(0.5)
    took = time.perf_counter() - begun
    print(f"{label}: check {state['state']} in {took:.1f} s: {state['summary'] or state['error']}")
    print(f"{label}: peak memory of the check's process {peak_child / 2**20:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gib", type=float, default=2.0)
    parser.add_argument("--padded", action="store_true", help="a padded export (fast to build)")
    parser.add_argument("--keep", action="store_true", help="keep the built export")
    parser.add_argument("--export", type=Path, help="use this export instead of building one")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="exposure-bench-serve-"))
    export = args.export or work / "takeout-large.zip"
    if args.export is None:
        started = time.perf_counter()
        if args.padded:
            write_padded_takeout(export, int(args.gib * GIB))
        else:
            build(export, args.gib)
        took = time.perf_counter() - started
        print(f"built {export.name}: {export.stat().st_size / 1e6:,.0f} MB in {took:.0f} s")
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPOSURE_STATE_DIR": str(work / "state")}
    server = subprocess.Popen(
        [sys.executable, "-m", "exposure", "serve", "--no-browser"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = re.search(r"http://\S+", server.stdout.readline())
        assert url, "no address printed"
        threading.Thread(target=server.stdout.read, daemon=True).start()
        session = Session(url.group(0))
        check(session, server.pid, "typed path", {"paths": [str(export)]}, None)
        check(session, server.pid, "uploaded", {}, export)
        print(f"server: peak memory {peak_memory(server.pid) / 2**20:,.0f} MiB")
        session.call("POST", "/api/finish", {"wipe": True})
        server.wait(60)
    finally:
        if server.poll() is None:
            server.kill()
        if not args.keep and args.export is None:
            export.unlink(missing_ok=True)
    print(f"work folder: {work}" if args.keep else "")


if __name__ == "__main__":
    main()
