"""Crawl benchmark: a generated site on loopback, audited with manners off and with the defaults.

    python bench/crawl.py                      # 1,000 pages + 1,000 images, then 10x for memory
    python bench/crawl.py --pages 500 --scale 4 --defaults-time 20

A separate process serves a site of N pages (each with a paragraph of text, links that
reach every page, and one image) and N images of about 1 MB (half with a GPS position,
each a different one), honouring Range requests.  Each audit runs ``exposure audit URL
--json FILE -q`` in its own process, whose peak resident memory is reported:

- manners off: ``--delay 0 --concurrency 8`` and limits above the site's size;
- defaults: a 1 s delay and 2 requests at a time per host, stopped after ``--defaults-time``
  seconds (the whole site would take far longer: that is the point of the defaults);
- manners off again on a site ``--scale`` times larger, for the memory check.

Targets (issue 4): at least 200 pages/s with manners off; peak memory at 10x the site
close to the peak at 1x (findings themselves grow with the site: 1 per geotagged image).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from exposure.testing.webserver import FixtureServer, Reply, Request, data

IMAGE_PAD = 1_000_000
TEXT = (
    "<p>Notes from the week: the garden, a long walk by the river, bread that finally rose. "
    "Nothing here says where I live, but the photos might.</p>"
)


def _serve(
    pages: int,
    port: multiprocessing.Queue[int],
    counts: list[Synchronized[int]],
    times: list[Synchronized[float]],
) -> None:
    """Child process: serve the generated site until terminated; count and time requests."""
    plain = make_photo(PhotoSpec(padding=IMAGE_PAD), "jpeg")

    def stamp() -> None:
        now = time.perf_counter()
        if not times[0].value:
            times[0].value = now
        times[1].value = now

    def page(request: Request) -> Reply:
        counts[0].value += 1
        stamp()
        index = int(request.path.split("?")[0].rsplit("/", 1)[-1] or 0)
        links = [2 * index + 1, 2 * index + 2, index // 2]
        anchors = "".join(f'<a href="/p/{i}">page {i}</a> ' for i in links if i < pages)
        html = (
            f"<html><head><title>Page {index}</title></head><body><h1>Page {index}</h1>{TEXT}"
            f'<img src="/img/{index}.jpg" alt="photo {index}">{anchors}</body></html>'
        )
        return Reply(headers={"Content-Type": "text/html; charset=utf-8"}, body=html.encode())

    def image(request: Request) -> Reply:
        counts[1].value += 1
        stamp()
        index = int(request.path.rsplit("/", 1)[-1].split(".")[0])
        if index % 2:
            body = plain
        else:
            gps = GpsSpec(lat=48.0 + index * 1e-4, lon=11.0 + index * 1e-4)
            body = make_photo(PhotoSpec(gps=gps, padding=IMAGE_PAD), "jpeg")
        return data(body, "image/jpeg")(request)

    with FixtureServer() as server:
        server.routes.update({"/": page, "/p/*": page, "/img/*": image})
        port.put(server.port)
        while True:
            time.sleep(3600)


def _audit(url: str, flags: list[str], out: Path) -> tuple[float, int]:
    """Run one audit in a fresh process: (seconds, peak resident memory in bytes)."""
    code = (
        "import resource, sys; from exposure.cli import main; rc = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, file=sys.stderr); "
        "sys.exit(rc if rc in (0, 1) else rc)"
    )
    args = [
        sys.executable,
        "-c",
        code,
        "audit",
        url,
        "--json",
        str(out),
        "-q",
        "--workers",
        "1",
        *flags,
    ]
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"audit failed ({done.returncode}): {done.stderr}")
    return seconds, int(done.stderr.strip().splitlines()[-1])


def _measure(label: str, pages: int, flags: list[str], workdir: Path) -> tuple[float, int]:
    """Serve a site of ``pages`` pages, audit it, print and return (pages/s, peak memory)."""
    counts = [multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)]
    times = [multiprocessing.Value("d", 0.0), multiprocessing.Value("d", 0.0)]
    ports: multiprocessing.Queue[int] = multiprocessing.Queue()
    child = multiprocessing.Process(target=_serve, args=(pages, ports, counts, times), daemon=True)
    child.start()
    try:
        url = f"http://127.0.0.1:{ports.get(timeout=30)}/"
        out = workdir / f"{label.split()[0]}-{pages}.json"
        seconds, peak = _audit(url, flags, out)
    finally:
        child.terminate()
        child.join()
    report = json.loads(out.read_text())
    served, images = counts[0].value, counts[1].value
    leaks = sum(1 for f in report["findings"] if f["kind"] == "photo-gps")
    crawling = max(times[1].value - times[0].value, 1e-9)
    print(
        f"{label}: {served:,} pages and {images:,} images in {seconds:.1f} s "
        f"(whole command: {served / seconds:,.1f} pages/s, {images / seconds:,.1f} images/s; "
        f"first to last request: {served / crawling:,.1f} pages/s); "
        f"{leaks:,} photo-gps findings; peak memory {peak / 2**20:.0f} MiB"
    )
    return served / crawling, peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=1000, help="pages (and images) in the site")
    parser.add_argument("--scale", type=int, default=10, help="size factor for the memory check")
    parser.add_argument(
        "--defaults-time", type=float, default=30.0, help="seconds for the defaults run"
    )
    args = parser.parse_args()
    n = args.pages
    fast = ["--delay", "0", "--concurrency", "8", "--max-time", "3600"]
    print(f"exposure crawl benchmark on {os.cpu_count()} cores; site served by another process")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        size = ["--max-pages", str(n + 10), "--max-images", str(n + 10)]
        rate, peak = _measure("manners off", n, fast + size, work)
        _measure(
            f"defaults, first {args.defaults_time:g} s",
            n,
            ["--max-time", str(args.defaults_time)],
            work,
        )
        big = n * args.scale
        size = ["--max-pages", str(big + 10), "--max-images", str(big + 10)]
        big_rate, big_peak = _measure(f"manners off, {args.scale}x site", big, fast + size, work)
    print(
        f"target >= 200 pages/s with manners off (first to last request): {rate:,.0f} pages/s "
        f"({'met' if rate >= 200 else 'NOT met'}); peak memory at {args.scale}x the site: "
        f"{big_peak / peak:.2f}x the peak at 1x ({big_rate:,.0f} pages/s)"
    )


if __name__ == "__main__":
    main()
