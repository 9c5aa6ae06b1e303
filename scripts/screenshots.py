"""Screenshots of each page kind of a built site, on desktop and phone, into a folder.

usage: python scripts/screenshots.py [SITE_DIR] [OUT_DIR]     (defaults: site/ screenshots/)
Needs Debian's chromium (/usr/bin/chromium) and the Python package playwright.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def page_kinds(site: Path) -> dict[str, str]:
    first = lambda folder: sorted(p.name for p in (site / folder).glob("*.html") if p.name != "index.html")[0]
    return {"home": "index.html", "timeline": "zeitleiste.html", "sources": "quellen/index.html",
            "source": f"quellen/{first('quellen')}", "actors": "akteure/index.html",
            "actor": "akteure/wladimir-putin.html" if (site / "akteure/wladimir-putin.html").exists() else f"akteure/{first('akteure')}",
            "topics": "themen.html", "bibliography": "bibliographie.html", "data": "daten.html"}


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for device, viewport in VIEWPORTS.items():
            page = browser.new_page(viewport=viewport)
            for kind, path in page_kinds(site).items():
                page.goto(base + path)
                target = out / f"{kind}-{device}.png"
                page.screenshot(path=str(target), full_page=False)
                print(target)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots"))
