"""The local web page's server: standard library only, 127.0.0.1, a secret per session.

Why the standard library: the page needs a handful of routes, file uploads streamed to
disk, JSON answers and polling for progress.  ``http.server``'s threaded server does that
in a few hundred lines with no dependency to install on a borrowed laptop; an ASGI stack
(Starlette + uvicorn) would add four packages for no feature used here.

Every request is checked before anything else:

- **Host** must be ``127.0.0.1:PORT`` or ``localhost:PORT`` (a web page elsewhere cannot
  reach the server through a DNS name that points at 127.0.0.1: DNS rebinding);
- **the secret**: the address opened in the browser carries a random token once; the
  server answers with an HttpOnly, SameSite=Strict cookie and sends the browser on to a
  clean address, so the token stays out of history and of any Referer;
- **Origin** on every request that changes something must be this server's own (no other
  site can post to it), and JSON requests must say ``application/json`` (so a cross-site
  form cannot send one without a preflight, which is never answered);
- answers carry a strict Content-Security-Policy (the page's own inline script and style,
  by hash; connections only to itself), ``no-store``, no framing, no referrer.
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
import shutil
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from exposure.i18n import N_, negotiate, supported, translations
from exposure.serve.jobs import Job
from exposure.serve.page import page_csp, render_page

COOKIE = "exposure_session"
"""Name of the session cookie, followed by the port (cookies are shared between the ports
of one host, and two sessions may run at once)."""
LANG_COOKIE = "exposure_lang"
MAX_JSON = 1 << 20
"""Largest JSON request body (a list of paths and addresses)."""
SPARE_BYTES = 200 * 1024 * 1024
"""Disk space an upload must leave free."""
_JOB_PATH = re.compile(r"^/api/jobs/([A-Za-z0-9_-]{8,40})(/[a-z]+)?$")
_REPORT_PATH = re.compile(r"^/report/([A-Za-z0-9_-]{8,40})(?:/(html|json|clean\.zip))?$")


class ServeApp:
    """State of one ``exposure serve`` session: the token, the jobs, the work folder."""

    def __init__(
        self, workdir: Path, *, token: str | None = None, port: int = 0, lang: str | None = None
    ) -> None:
        self.workdir = workdir
        self.lang = lang
        """The language asked for with ``--lang``; None: the browser's."""
        self.token = token or secrets.token_urlsafe(32)
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.finished = threading.Event()
        self.wiped: list[str] | None = None
        self.server = _Server(("127.0.0.1", port), _Handler)
        self.server.app = self
        self.port = int(self.server.server_address[1])

    @property
    def url(self) -> str:
        """The address to open: it carries the secret once."""
        return f"http://127.0.0.1:{self.port}/?token={quote(self.token)}"

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def origins(self) -> set[str]:
        return {f"http://{host}" for host in self.allowed_hosts()}

    def new_job(self) -> Job:
        with self.lock:
            job_id = secrets.token_urlsafe(12)
            job = Job(job_id, self.workdir / job_id)
            self.jobs[job_id] = job
            return job

    def job(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def stop_jobs(self) -> None:
        with self.lock:
            jobs = list(self.jobs.values())
        for job in jobs:
            job.stop()

    def serve(self) -> None:
        """Answer requests until :meth:`shutdown` (or Ctrl-C in the calling thread)."""
        self.server.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        """Stop serving (from another thread), stop every check."""
        self.finished.set()
        threading.Thread(target=self.server.shutdown, daemon=True).start()

    def close(self) -> None:
        self.finished.set()
        self.stop_jobs()
        self.server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False
    app: ServeApp

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser tab closed mid-answer is not worth a traceback


class _Refused(Exception):
    """A refused request: the status, and a message translated into the page's language."""

    def __init__(self, status: HTTPStatus, message: str, **values: object) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.values = values


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    server_version = "exposure"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # request lines hold job ids and file names: they are not printed

    # -- dispatch ---------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._handle("PUT")

    def _handle(self, method: str) -> None:
        app = self.server.app
        try:
            url = urlsplit(self.path)
            if app.finished.is_set():  # Ctrl-C or the page's finish: nothing new starts
                raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, N_("exposure has stopped."))
            self._check_host(app)
            if method == "GET" and url.path == "/" and "token" in parse_qs(url.query):
                self._enter(app, parse_qs(url.query)["token"][0])
                return
            self._check_secret(app)
            if method != "GET":
                self._check_origin(app)
            self._route(app, method, url.path, parse_qs(url.query))
        except _Refused as refused:
            text = self._gettext()(refused.message).format(**refused.values)
            self._send_json({"error": text}, refused.status)
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    def _check_host(self, app: ServeApp) -> None:
        if self.headers.get("Host", "") not in app.allowed_hosts():
            raise _Refused(HTTPStatus.MISDIRECTED_REQUEST, N_("unknown host"))

    def _cookie(self, wanted: str) -> str | None:
        for part in self.headers.get("Cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == wanted:
                return value
        return None

    def _language(self) -> str:
        """The page's language: chosen on the page (cookie), ``--lang``, or the browser's."""
        chosen = supported(self._cookie(LANG_COOKIE))
        if chosen:
            return chosen
        app = self.server.app
        return app.lang or negotiate(self.headers.get("Accept-Language"))

    def _gettext(self) -> Callable[[str], str]:
        return translations(self._language()).gettext

    def _check_secret(self, app: ServeApp) -> None:
        value = self._cookie(f"{COOKIE}_{app.port}")
        if value is not None and hmac.compare_digest(value.encode(), app.token.encode()):
            return
        raise _Refused(
            HTTPStatus.FORBIDDEN,
            N_("open the address exposure printed in the terminal (it holds this session's key)"),
        )

    def _check_origin(self, app: ServeApp) -> None:
        if self.headers.get("Origin", "") not in app.origins():
            raise _Refused(HTTPStatus.FORBIDDEN, N_("requests from other sites are refused"))
        site = self.headers.get("Sec-Fetch-Site")
        if site is not None and site != "same-origin":
            raise _Refused(HTTPStatus.FORBIDDEN, N_("requests from other sites are refused"))

    def _enter(self, app: ServeApp, token: str) -> None:
        if not hmac.compare_digest(token.encode(), app.token.encode()):
            raise _Refused(HTTPStatus.FORBIDDEN, N_("this key is not the one of this session"))
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header(
            "Set-Cookie", f"{COOKIE}_{app.port}={app.token}; Path=/; HttpOnly; SameSite=Strict"
        )
        self.send_header("Location", "/")
        self._common_headers()
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route(self, app: ServeApp, method: str, path: str, query: dict[str, list[str]]) -> None:
        if method == "GET" and path == "/":
            chosen = supported(query.get("lang", [""])[0])
            lang = chosen or self._language()
            cookie = f"{LANG_COOKIE}={lang}; Path=/; SameSite=Strict" if chosen else None
            self._send_page(render_page(lang), page_csp(), cookie)
            return
        if method == "GET" and path == "/handout":
            from exposure.handout import handout_csp, render_handout

            lang = supported(query.get("lang", [""])[0]) or self._language()
            self._send_page(render_handout(lang), handout_csp())
            return
        if method == "POST" and path == "/api/jobs":
            self._create_job(app, self._read_json())
            return
        if method == "POST" and path == "/api/finish":
            self._finish(app, self._read_json())
            return
        report = _REPORT_PATH.match(path)
        if method == "GET" and report:
            self._send_report(app, report.group(1), report.group(2))
            return
        match = _JOB_PATH.match(path)
        job = app.job(match.group(1)) if match else None
        if match is None or job is None:
            raise _Refused(HTTPStatus.NOT_FOUND, N_("not found"))
        action = match.group(2) or ""
        if method == "GET" and action == "":
            self._send_json(job.snapshot().to_json())
        elif method == "PUT" and action == "/files":
            self._upload(job, query.get("path", [""])[0])
        elif method == "POST" and action == "/start":
            self._read_json()
            self._start(job)
        elif method == "POST" and action == "/clean":
            self._read_json()
            self._clean(job)
        else:
            raise _Refused(HTTPStatus.NOT_FOUND, N_("not found"))

    # -- actions ----------------------------------------------------------------------------

    def _create_job(self, app: ServeApp, body: dict[str, Any]) -> None:
        from exposure.serve.inputs import InputProblem, check_inputs

        try:
            paths, urls, demo = check_inputs(body)
        except InputProblem as exc:  # words for the page
            raise _Refused(HTTPStatus.BAD_REQUEST, exc.message, **exc.values) from exc
        earlier = body.get("baseline")
        before = app.job(earlier) if isinstance(earlier, str) else None
        if earlier is not None and (before is None or before.snapshot().state != "done"):
            raise _Refused(
                HTTPStatus.BAD_REQUEST, N_("the earlier check to compare with is not here")
            )
        job = app.new_job()
        job.paths, job.urls, job.demo = paths, urls, demo
        if before is not None:
            job.follow_on(before)
        job.lang = self._language()
        self._send_json({"id": job.id}, HTTPStatus.CREATED)

    def _upload(self, job: Job, relative: str) -> None:
        from exposure.serve.inputs import InputProblem, safe_relative

        if job.snapshot().state != "new":
            raise _Refused(HTTPStatus.CONFLICT, N_("this check has already started"))
        try:
            clean = safe_relative(relative)
        except InputProblem as exc:
            raise _Refused(HTTPStatus.BAD_REQUEST, exc.message, **exc.values) from exc
        length = self._length()
        free = shutil.disk_usage(job.folder).free
        if length + SPARE_BYTES > free:
            raise _Refused(
                HTTPStatus.INSUFFICIENT_STORAGE,
                N_("not enough free disk space for a copy of this file: type its path instead"),
            )
        try:
            job.add_upload(clean, self.rfile, length)
        except FileExistsError as exc:
            raise _Refused(HTTPStatus.CONFLICT, N_("{name} was sent twice"), name=relative) from exc
        self._send_json({"stored": relative}, HTTPStatus.CREATED)

    def _start(self, job: Job) -> None:
        if job.snapshot().state != "new":
            raise _Refused(HTTPStatus.CONFLICT, N_("this check has already started"))
        if not job.inputs() and not job.demo:
            raise _Refused(
                HTTPStatus.BAD_REQUEST, N_("choose files or a folder, or type an address")
            )
        job.start()
        self._send_json({"started": job.id}, HTTPStatus.ACCEPTED)

    def _clean(self, job: Job) -> None:
        state = job.snapshot()
        if state.state != "done" or not state.cleanable:
            raise _Refused(
                HTTPStatus.CONFLICT, N_("clean copies are made of a finished check's files")
            )
        if state.clean:
            raise _Refused(HTTPStatus.CONFLICT, N_("clean copies were already asked for"))
        job.start_clean()
        self._send_json({"cleaning": job.id}, HTTPStatus.ACCEPTED)

    def _send_report(self, app: ServeApp, job_id: str, fmt: str | None) -> None:
        job = app.job(job_id)
        if job is None or job.snapshot().state != "done":
            raise _Refused(HTTPStatus.NOT_FOUND, N_("no report yet"))
        if fmt == "clean.zip":
            if job.snapshot().clean.get("state") != "done":
                raise _Refused(HTTPStatus.NOT_FOUND, N_("no clean copies yet"))
            self._send_zip(job.clean_copies, "exposure-clean-copies.zip")
        elif fmt == "json":
            self._send_file(job.json, "application/json; charset=utf-8", "exposure-report.json")
        elif fmt == "html":
            self._send_file(job.html, "text/html; charset=utf-8", "exposure-report.html")
        else:
            from exposure.report.html import content_security_policy

            self._send_page(job.html.read_text(encoding="utf-8"), content_security_policy())

    def _finish(self, app: ServeApp, body: dict[str, Any]) -> None:
        app.finished.set()  # nothing new starts from here
        app.stop_jobs()
        lines: list[str] = []
        if body.get("wipe") is True:
            from exposure.wipe import describe, wipe

            lines = describe(wipe(), translation=translations(self._language()))
            app.wiped = lines
        self._send_json({"finished": True, "lines": lines})
        # Only once the answer is sent: the process may end as soon as serving stops (on a
        # loaded computer it used to end first, and the page never heard it had stopped).
        app.shutdown()

    # -- reading and writing ----------------------------------------------------------------

    def _length(self) -> int:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError as exc:
            raise _Refused(
                HTTPStatus.LENGTH_REQUIRED, N_("the size of the request is missing")
            ) from exc
        if length < 0:
            raise _Refused(HTTPStatus.BAD_REQUEST, N_("bad size"))
        return length

    def _read_json(self) -> dict[str, Any]:
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, N_("JSON expected"))
        length = self._length()
        if length > MAX_JSON:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, N_("request too large"))
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError as exc:
            raise _Refused(HTTPStatus.BAD_REQUEST, N_("JSON expected")) from exc
        if not isinstance(body, dict):
            raise _Refused(HTTPStatus.BAD_REQUEST, N_("JSON object expected"))
        return body

    def _common_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")

    def _send_page(self, html: str, csp: str, cookie: str | None = None) -> None:
        body = html.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        if cookie is not None:
            self.send_header("Set-Cookie", cookie)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Security-Policy", csp + "; frame-ancestors 'none'")
        self._common_headers()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_json(self, value: Any, status: HTTPStatus = HTTPStatus.OK) -> None:
        body = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Security-Policy", "default-src 'none'")
        self._common_headers()
        self.send_header("Content-Length", str(len(body)))
        if status >= 400:
            self.close_connection = True  # a refused upload's body is not read
        self.end_headers()
        self.wfile.write(body)

    def _send_zip(self, folder: Path, name: str) -> None:
        """``folder`` as a zip, made while it is sent (stored: photos do not compress)."""
        import os
        import zipfile

        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Disposition", f'attachment; filename="{name}"')
        self.send_header("Content-Security-Policy", "default-src 'none'")
        self._common_headers()
        self.send_header("Connection", "close")  # the end of the answer is the end of the zip
        self.end_headers()
        self.close_connection = True
        with zipfile.ZipFile(self.wfile, "w", zipfile.ZIP_STORED) as archive:
            for root, folders, files in os.walk(folder, followlinks=False):
                folders.sort()
                for file in sorted(files):
                    path = Path(root, file)
                    if path.is_file() and not path.is_symlink():
                        archive.write(path, path.relative_to(folder).as_posix())

    def _send_file(self, path: Path, content_type: str, name: str) -> None:
        size = path.stat().st_size
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Disposition", f'attachment; filename="{name}"')
        self.send_header("Content-Security-Policy", "default-src 'none'")
        self._common_headers()
        self.send_header("Content-Length", str(size))
        self.end_headers()
        with path.open("rb") as fh:
            shutil.copyfileobj(fh, self.wfile, 1 << 20)
