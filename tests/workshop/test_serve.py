"""``exposure serve``: the session's checks, uploads, a check end to end, Ctrl-C.

The browser flows are in test_serve_browser.py.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from exposure.demo import PERSONA_DIR
from exposure.serve.app import ServeApp
from exposure.serve.inputs import safe_relative
from exposure.testing.processes import descendants
from exposure.written import read_list

from .serving import Client, alive, serve_process

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses /proc and signals")


@pytest.fixture
def app(tmp_path: Path) -> Iterator[ServeApp]:
    served = ServeApp(tmp_path / "work")
    (tmp_path / "work").mkdir()
    thread = threading.Thread(target=served.serve, daemon=True)
    thread.start()
    yield served
    served.shutdown()
    thread.join(10)
    served.close()


@pytest.fixture
def client(app: ServeApp) -> Client:
    c = Client(app.url)
    c.enter()
    return c


def test_entering_sets_a_strict_cookie_and_drops_the_token(app: ServeApp) -> None:
    c = Client(app.url)
    answer = c.enter()
    assert answer.status == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and app.token in cookie
    page = c.request("GET", "/")
    assert page.status == 200 and b"Check your photos" in page.body
    csp = page.headers["content-security-policy"]
    assert csp.startswith("default-src 'none'") and "connect-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "script-src 'sha256-" in csp
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert b"http://" not in page.body and b"https://" not in page.body.replace(
        b'placeholder="https://"', b""
    )


def test_handout_is_served(client: Client) -> None:
    answer = client.request("GET", "/handout")
    assert answer.status == 200 and b"Save evidence first" in answer.body
    assert "script-src" not in answer.headers["content-security-policy"]


def test_no_secret_no_page(app: ServeApp) -> None:
    stranger = Client(app.url)
    assert stranger.request("GET", "/").status == 403
    assert stranger.request("GET", "/?token=wrong").status == 403
    stranger.cookie = f"exposure_session_{app.port}=wrong"
    assert stranger.request("GET", "/api/jobs/aaaaaaaaaaaa").status == 403


def test_foreign_host_and_origin_are_refused(app: ServeApp, client: Client) -> None:
    rebinding = client.request("GET", "/", headers={"Host": f"evil.example:{app.port}"})
    assert rebinding.status == 421
    for origin in ("http://evil.example", "null", None):
        answer = client.request("POST", "/api/jobs", {"demo": True}, origin=origin)
        assert answer.status == 403, origin
    cross = client.request(
        "POST", "/api/jobs", {"demo": True}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert cross.status == 403
    form = client.request(
        "POST",
        "/api/jobs",
        b"demo=true",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form.status == 415
    assert app.jobs == {}


def test_inputs_are_checked_with_words(client: Client, tmp_path: Path) -> None:
    missing = client.request("POST", "/api/jobs", {"paths": [str(tmp_path / "nope")]})
    assert missing.status == 400 and "no such file or folder" in missing.json()["error"]
    bare = client.request("POST", "/api/jobs", {"urls": ["example.org/me"]})
    assert bare.status == 400 and "https://" in bare.json()["error"]
    empty = client.request("POST", "/api/jobs", {}).json()["id"]
    assert client.request("POST", f"/api/jobs/{empty}/start", {}).status == 400


@pytest.mark.parametrize(
    "name", ["../escape.jpg", "/etc/passwd", "a/../../b.jpg", "a//b.jpg", "", "a/./b", "x\x00.jpg"]
)
def test_upload_names_cannot_leave_the_job(name: str) -> None:
    with pytest.raises(ValueError):
        safe_relative(name)


def test_hostile_upload_name_is_refused_over_http(
    app: ServeApp, client: Client, tmp_path: Path
) -> None:
    job = client.request("POST", "/api/jobs", {}).json()["id"]
    answer = client.request("PUT", f"/api/jobs/{job}/files?path=..%2F..%2Fowned.jpg", b"x")
    assert answer.status == 400
    assert not (tmp_path / "owned.jpg").exists() and not (tmp_path / "work" / "owned.jpg").exists()


def test_uploaded_folder_is_checked_cleaned_and_its_copies_removed(
    app: ServeApp, client: Client, tmp_path: Path
) -> None:
    import io
    import zipfile

    from exposure.metadata import read_metadata_bytes

    job = client.request("POST", "/api/jobs", {}).json()["id"]
    roll = PERSONA_DIR / "Phone camera roll"
    for name in ("IMG_0101.jpg", "IMG_0131.jpg"):
        answer = client.request(
            "PUT",
            f"/api/jobs/{job}/files?path=Phone%20camera%20roll%2F{name}",
            (roll / name).read_bytes(),
        )
        assert answer.status == 201, answer.body
    twice = client.request(
        "PUT", f"/api/jobs/{job}/files?path=Phone%20camera%20roll%2FIMG_0101.jpg", b"x"
    )
    assert twice.status == 409
    assert client.request("GET", f"/report/{job}").status == 404  # not before it is done
    assert client.request("POST", f"/api/jobs/{job}/clean", {}).status == 409  # nor this
    assert client.request("POST", f"/api/jobs/{job}/start", {}).status == 202
    state = client.wait(job)
    assert state["state"] == "done" and state["cleanable"], state
    assert (state["done"], state["total"]) == (2, 2)  # the progress the page shows
    assert state["severities"]["high"] >= 2 and state["summary"].startswith("Checked 2 items")
    report = client.request("GET", f"/report/{job}/json")
    assert report.headers["content-disposition"] == 'attachment; filename="exposure-report.json"'
    locators = {f["locator"] for f in report.json()["findings"]}
    assert "Phone camera roll/IMG_0101.jpg" in locators  # named as chosen, not by the server
    assert str(tmp_path) not in report.body.decode()
    page = client.request("GET", f"/report/{job}")
    assert page.status == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    assert client.request("PUT", f"/api/jobs/{job}/files?path=late.jpg", b"x").status == 409

    uploads = app.workdir / job / "uploads"
    assert uploads.is_dir()  # kept until the clean copies are made (or the session ends)
    assert client.request("POST", f"/api/jobs/{job}/clean", {}).status == 202
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        clean = client.request("GET", f"/api/jobs/{job}").json()["clean"]
        if clean["state"] != "running":
            break
        time.sleep(0.2)
    assert clean["state"] == "done", clean
    assert clean["summary"].startswith("Wrote 2 clean copies")
    zipped = client.request("GET", f"/report/{job}/clean.zip")
    assert zipped.status == 200
    assert read_metadata_bytes((roll / "IMG_0101.jpg").read_bytes(), "o.jpg").real_positions
    with zipfile.ZipFile(io.BytesIO(zipped.body)) as archive:
        names = sorted(archive.namelist())
        assert names == ["Phone camera roll/IMG_0101.jpg", "Phone camera roll/IMG_0131.jpg"]
        for name in names:
            meta = read_metadata_bytes(archive.read(name), name)
            assert not meta.real_positions, name
    deadline = time.monotonic() + 10
    while uploads.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not uploads.exists()  # the copies of chosen files go once they are cleaned
    noted = {(Path(w.path).name, w.what) for w in read_list()}
    assert {("exposure-report.html", "report"), ("IMG_0101.jpg", "clean copy")} <= noted
    assert ("IMG_0101.jpg", "working file") in noted


def test_check_again_compares_with_the_earlier_check(client: Client, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "mine"
    shutil.copytree(PERSONA_DIR / "Phone camera roll", folder)
    first = client.request("POST", "/api/jobs", {"paths": [str(folder)]}).json()["id"]
    client.request("POST", f"/api/jobs/{first}/start", {})
    assert client.wait(first)["state"] == "done"
    (folder / "IMG_0101.jpg").unlink()  # "fixed" by removing the photo
    bad = client.request("POST", "/api/jobs", {"paths": [str(folder)], "baseline": "nope"})
    assert bad.status == 400
    again = client.request("POST", "/api/jobs", {"paths": [str(folder)], "baseline": first})
    second = again.json()["id"]
    client.request("POST", f"/api/jobs/{second}/start", {})
    state = client.wait(second)
    assert state["state"] == "done"
    assert "Compared with the earlier check" in state["summary"]
    assert " 0 fixed" not in state["summary"]
    report = client.request("GET", f"/report/{second}/json").json()
    assert report["baseline"]["counts"]["fixed"] > 0


def test_finish_with_wipe_removes_what_the_session_wrote(
    app: ServeApp, client: Client, tmp_path: Path
) -> None:
    job = client.request("POST", "/api/jobs", {"paths": [str(PERSONA_DIR / "Camera card")]})
    job_id = job.json()["id"]
    client.request("POST", f"/api/jobs/{job_id}/start", {})
    assert client.wait(job_id)["state"] == "done"
    report = app.workdir / job_id / "exposure-report.html"
    assert report.exists()
    answer = client.request("POST", "/api/finish", {"wipe": True}).json()
    assert any(str(report) in line for line in answer["lines"])
    assert not report.exists() and read_list() == []
    assert app.finished.is_set()


def test_stopping_ends_an_upload_under_way_and_refuses_new_work(
    app: ServeApp, client: Client
) -> None:
    import http.client

    job = client.request("POST", "/api/jobs", {}).json()["id"]
    conn = http.client.HTTPConnection("127.0.0.1", app.port, timeout=30)
    conn.putrequest("PUT", f"/api/jobs/{job}/files?path=big.zip", skip_host=True)
    for name, value in (
        ("Host", client.host),
        ("Cookie", client.cookie),
        ("Origin", f"http://{client.host}"),
        ("Content-Length", str(64 << 20)),
    ):
        conn.putheader(name, value)
    conn.endheaders()
    conn.send(bytes(4 << 20))
    part = app.workdir / job / "uploads" / "big.zip"
    deadline = time.monotonic() + 30
    while not (part.exists() and part.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert part.stat().st_size > 0  # the upload is under way
    app.stop_jobs()  # what Ctrl-C does first
    with pytest.raises(OSError):  # the server stops reading, then drops the connection
        for _ in range(60):
            conn.send(bytes(1 << 20))
        conn.getresponse().read()
    conn.close()
    deadline = time.monotonic() + 10
    while part.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not part.exists() and not part.parent.exists()
    app.finished.set()  # stopping: a page still open cannot start anything new
    refused = client.request("POST", "/api/jobs", {"demo": True})
    assert refused.status == 503 and refused.json()["error"] == "exposure has stopped."
    assert list(app.jobs) == [job]


SLOW_FINISH_ANSWER = """
import time
import exposure.serve.app as _app
_send_json = _app._Handler._send_json
def _late(self, value, *args, **kwargs):
    if isinstance(value, dict) and "finished" in value:
        time.sleep(1)  # a loaded computer: the thread answering the page runs late
    return _send_json(self, value, *args, **kwargs)
_app._Handler._send_json = _late
"""


def test_finish_answers_the_page_before_the_server_ends(tmp_path: Path) -> None:
    with serve_process(tmp_path, site=SLOW_FINISH_ANSWER) as served:
        client = Client(served.url)
        client.enter()
        answer = client.request("POST", "/api/finish", {"wipe": False})
        assert answer.status == 200 and answer.json()["finished"] is True
        assert served.process.wait(30) == 0


def test_ctrl_c_stops_a_running_check_without_leftovers(tmp_path: Path) -> None:
    with serve_process(tmp_path) as served:
        client = Client(served.url)
        client.enter()
        job = client.request("POST", "/api/jobs", {"demo": True}).json()["id"]
        client.request("POST", f"/api/jobs/{job}/start", {})
        deadline = time.monotonic() + 60
        helpers: set[int] = set()
        while time.monotonic() < deadline and not helpers:
            helpers = descendants(served.process.pid)
            time.sleep(0.05)
        assert helpers, "the check runs in a child process"
        served.process.send_signal(signal.SIGINT)
        out, _ = served.process.communicate(timeout=30)
        assert served.process.returncode == 0, out
        assert "Traceback" not in out
        assert "exposure has stopped" in out
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in helpers if alive(pid)], "no process is left behind"
        assert all(host == "127.0.0.1" for host in served.connections())


def test_ctrl_c_when_idle_offers_wipe(tmp_path: Path) -> None:
    with serve_process(tmp_path) as served:
        client = Client(served.url)
        client.enter()
        job = client.request("POST", "/api/jobs", {"paths": [str(PERSONA_DIR / "Camera card")]})
        job_id = job.json()["id"]
        client.request("POST", f"/api/jobs/{job_id}/start", {})
        assert client.wait(job_id)["state"] == "done"
        served.process.send_signal(signal.SIGINT)
        out, _ = served.process.communicate(timeout=30)
    assert served.process.returncode == 0
    assert "exposure wipe" in out and "Traceback" not in out
    assert any(json.dumps(w.path) for w in read_list())
