"""How long the HTML checklist is for a person: words, tick boxes, phone screens, pages.

    python bench/report_size.py                    # renders `exposure demo` and measures it
    python bench/report_size.py REPORT.html ...    # measures reports made already

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
ROOT = Path(__file__).resolve().parents[1]


def demo_report(folder: Path) -> Path:
    out = folder / "demo.html"
    subprocess.run(
        [sys.executable, "-m", "exposure", "demo", "--html", str(out), "--reproducible", "-q"],
        check=True,
        cwd=ROOT,
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reports = args.reports or [demo_report(Path(tmp))]
        for report in reports:
            figures = measure(report.resolve())
            print(f"{report.name}: " + ", ".join(f"{v} {k}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
