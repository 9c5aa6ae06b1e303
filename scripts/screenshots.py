"""Screenshots of each page kind of a built dossier site, on desktop and on a phone, into a folder.

usage: .venv/bin/python scripts/screenshots.py [SITE_DIR] [OUT_DIR] [--full-page] [--file]

    SITE_DIR     the built site (default: site/)
    OUT_DIR      where the PNG files go (default: screenshots/); one file per view and device,
                 e.g. timeline-desktop.png, source-phone.png
    --full-page  the whole page, not only what fits on the screen
    --file       open the site from the folder (file:// URLs) instead of serving it from 127.0.0.1

The views: every page kind (home, timeline, sources, one source, actors, one actor, topics, bibliography,
data), plus what a reader does there: the timeline filtered by an actor, a source page opened at a
passage from the timeline, search results for a word from an article. The pages to show are taken from
the site's dossier.json, so the script works for any dossier.

Needs Debian's chromium (/usr/bin/chromium) and the Python package playwright (`pip install -e '.[test]'`).
The browser tests (tests/test_browser.py) use the helpers below.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}


def launch(playwright):
    """Debian's chromium, headless, quiet: it asks no other host for updates, sync or anything else."""
    if not Path(CHROMIUM).is_file():
        raise FileNotFoundError(f"{CHROMIUM} is missing: apt-get install chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    """Serve `site` from 127.0.0.1 on a free port in a daemon thread; stop it with .shutdown()."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass(frozen=True)
class Samples:
    """Pages of a built site that stand for their kind, chosen from its dossier.json."""

    export: dict = field(repr=False)
    source: dict  # the source with the most annotated passages
    actor: dict  # the actor with the most events
    event: dict  # an event whose passage lies deep in its source, so following it must scroll
    word: str  # a German word from an article, for search

    @classmethod
    def of(cls, site: Path) -> Samples:
        export = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
        passages: dict[str, int] = {}
        for item in [ev for e in export["events"] for ev in e["evidence"]] + export["claims"] + export["citations"]:
            source = item["anchor"].split("#")[0]
            passages[source] = passages.get(source, 0) + 1
        source = max(export["sources"], key=lambda s: passages.get(s["page"], 0))
        events_of = lambda a: sum(a["id"] in e["actors"] for e in export["events"])  # noqa: E731
        actor = max(export["actors"], key=events_of)
        # The last evidence in the text order of the source: its passage is far down the page.
        deep = [(e, ev) for e in export["events"] for ev in e["evidence"] if ev["source"] == source["id"]]
        event = deep[len(deep) * 2 // 3][0] if deep else export["events"][0]
        return cls(export, source, actor, event, word=search_word(export))

    def pages(self) -> dict[str, str]:
        """view name → page path with query and fragment."""
        sources = self.source["page"].rsplit("/", 1)[0] + "/index.html"
        actors = self.actor["page"].rsplit("/", 1)[0] + "/index.html"
        evidence = next(ev for ev in self.event["evidence"] if ev["source"] == self.source["id"]) \
            if any(ev["source"] == self.source["id"] for ev in self.event["evidence"]) else self.event["evidence"][0]
        return {
            "home": "index.html",
            "timeline": "zeitleiste.html",
            "timeline-filtered": f"zeitleiste.html?actor={self.actor['id']}",
            "sources": sources,
            "source": self.source["page"],
            "source-passage": evidence["anchor"],
            "actors": actors,
            "actor": self.actor["page"],
            "topics": "themen.html",
            "bibliography": "bibliographie.html",
            "data": "daten.html",
            "search-results": f"suche.html?q={self.word}",
        }


def search_word(export: dict) -> str:
    """A long, distinctive word from an evidence quote (with an umlaut if there is one)."""
    words = [w.strip(".,;:!?„“”\"'()[]«»") for e in export["events"] for ev in e["evidence"]
             for w in ev["quote"].split()]
    words = [w for w in words if w.isalpha() and len(w) >= 8 and w[0].isupper()]
    umlauts = [w for w in words if any(c in w for c in "äöüÄÖÜß")]
    return sorted(umlauts or words, key=lambda w: (-len(w), w))[0] if words else "Russland"


def settle(page) -> None:
    """Wait until the page is drawn: loaded, a targeted passage scrolled to, animations finished."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r())))")
    page.wait_for_timeout(300)


def search(page, word: str) -> None:
    """Search for `word` as a person would: type it into the header's box, where a list of hits opens
    under it; on a phone, whose header has only the button, the button opens the results page."""
    box = page.locator("#dossier-search-input")
    if box.is_visible():
        box.click()
        page.keyboard.type(word, delay=20)
        page.locator(".dossier-search__drop .dossier-hit").first.wait_for()
    else:
        page.locator(".dossier-search__button").click()
        page.wait_for_url("**/suche.html*")
        page.locator("#dossier-search-q").click()
        page.keyboard.type(word, delay=20)
        page.locator("[data-search-results] .dossier-hit").first.wait_for()


def take(site: Path, out: Path, full_page: bool = False, use_file: bool = False, browser=None, check=None,
         echo=print) -> list[Path]:
    """Write one PNG per view and device into `out`; return their paths. `browser`: an open playwright
    browser to use (else one is launched). `check(page, view, device)` runs on each view before its shot."""
    out.mkdir(parents=True, exist_ok=True)
    server = None if use_file else serve(site)
    base = site.resolve().as_uri() + "/" if use_file else f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        if browser is not None:
            return _take(browser, base, Samples.of(site), out, full_page, check, echo)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = launch(p)
            try:
                return _take(own, base, Samples.of(site), out, full_page, check, echo)
            finally:
                own.close()
    finally:
        if server:
            server.shutdown()
            server.server_close()


def _take(browser, base: str, samples: Samples, out: Path, full_page: bool, check, echo) -> list[Path]:
    written: list[Path] = []
    for device, options in VIEWPORTS.items():
        context = browser.new_context(locale="de-DE", **options)
        try:
            page = context.new_page()
            for view, path in samples.pages().items():
                page.goto(base + path)
                settle(page)
                if view == "search-results":
                    page.locator("[data-search-results] .dossier-hit").first.wait_for()
                if check:
                    check(page, view, device)
                written.append(_shot(page, out / f"{view}-{device}.png", full_page, echo))
            page.goto(base + "index.html")
            settle(page)
            search(page, samples.word)
            settle(page)
            if check:
                check(page, "search", device)
            written.append(_shot(page, out / f"search-{device}.png", False, echo))
        finally:
            context.close()
    return written


def _shot(page, target: Path, full_page: bool, echo) -> Path:
    page.screenshot(path=str(target), full_page=full_page)
    echo(str(target))
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("out", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not only the first screen")
    parser.add_argument("--file", action="store_true", help="open the site from the folder (file://)")
    args = parser.parse_args(argv)
    if not (args.site / "dossier.json").is_file():
        parser.error(f"{args.site}/ is not a built dossier site (no dossier.json); run `dossier build` first")
    take(args.site, args.out, full_page=args.full_page, use_file=args.file)


if __name__ == "__main__":
    main()
