"""How long the HTML checklist is for a person: words, tick boxes, phone screens, pages.

    python bench/report_size.py                    # renders `exposure demo` and measures it
    python bench/report_size.py REPORT.html ...    # measures reports made already
    python bench/report_size.py --photos 20        # audits 20 generated photos of one camera
                                                   # (place, serial number, owner name each)

To compare with an older version, run the same command from a checkout of it, so its
`exposure` is the one used: `cd OLD && PYTHONPATH=$PWD python /path/to/bench/report_size.py`.

Measured in headless Chromium (/usr/bin/chromium through Playwright), the way a person
meets the page:

* visible words: ``document.body.innerText`` split on white space (folded "details" parts
  and hidden parts do not count, as they are not read unless opened);
* all words: ``textContent`` of the body without the script and style (everything a
  printed copy or a screen reader could reach);
* tick boxes: ``input[type=checkbox]``;
* phone screens: the page height at 375 x 800 CSS pixels divided by 800;
* printed pages: pages of an A4 PDF printed by Chromium.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def demo_report(folder: Path) -> Path:
    out = folder / "demo.html"
    subprocess.run(
        [sys.executable, "-m", "exposure", "demo", "--html", str(out), "--reproducible", "-q"],
        check=True,
        cwd=Path.cwd(),  # the checkout run from is the one measured
    )
    return out


def photos_report(folder: Path, count: int) -> Path:
    from datetime import datetime, timedelta

    from exposure.testing.photofactory import write_photo
    from exposure.testing.specs import GpsSpec, PhotoSpec

    photos = folder / "photos"
    photos.mkdir()
    for n in range(count):
        spec = PhotoSpec(
            gps=GpsSpec(lat=52.52 + n * 1e-4, lon=13.405),
            body_serial="SN-778812",
            artist="Jamie Example",
            datetime_original=datetime(2024, 5, 1, 8) + timedelta(days=n),
            make="Canon",
            model="EOS R6",
        )
        write_photo(photos / f"IMG_{n:04d}.jpg", spec, "jpeg")
    out = folder / "photos.html"
    subprocess.run(
        [sys.executable, "-m", "exposure", "audit", str(photos), "--html", str(out)]
        + ["--reproducible", "-q"],
        check=False,  # exit code 1: leaks found
        cwd=Path.cwd(),
    )
    return out


def measure(path: Path) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 375, "height": 800})
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            page.goto(path.as_uri())
            visible = page.evaluate("document.body.innerText.split(/\\s+/).filter(Boolean).length")
            everything = page.evaluate(
                "(() => { const b = document.body.cloneNode(true);"
                " b.querySelectorAll('script, style').forEach(e => e.remove());"
                " return b.textContent.split(/\\s+/).filter(Boolean).length; })()"
            )
            boxes = page.locator("input[type=checkbox]").count()
            height = page.evaluate("document.documentElement.scrollHeight")
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    return {
        "visible words": int(visible),
        "all words": int(everything),
        "tick boxes": boxes,
        "phone screens": round(height / 800),
        "printed pages": pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--photos", type=int, help="audit this many generated photos instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.photos:
            reports = [photos_report(Path(tmp), args.photos)]
        else:
            reports = args.reports or [demo_report(Path(tmp))]
        for report in reports:
            figures = measure(report.resolve())
            print(f"{report.name}: " + ", ".join(f"{v} {k}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
