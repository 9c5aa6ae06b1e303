"""Lighthouse on the built site: home, timeline, a source page and an actor page, on a phone (mobile).

usage: .venv/bin/python scripts/lighthouse.py [SITE_DIR] [--desktop] [--no-gzip] [--out DIR]

    SITE_DIR    the built site (default: site/)
    --desktop   Lighthouse's desktop settings instead of mobile
    --no-gzip   serve without compression (as `python -m http.server` does); by default the pages are
                served gzipped, as any real web host does, so the figures measure the site, not the server
    --out DIR   where the JSON reports go (default: .lighthouse/reports/)

Prints one line per page (performance, accessibility, best practices, SEO, FCP, LCP, TBT, CLS) and the
audits that fail, and exits 1 unless every page reaches performance >= 95, accessibility, best practices
and SEO 100 and CLS 0 (the targets of issue #11).

Lighthouse is installed with npm into .lighthouse/ (ignored by git) on first use; it drives Debian's
chromium (CHROME_PATH=/usr/bin/chromium). The pages are taken from the site's dossier.json, so the script
works for any dossier.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / ".lighthouse"
VERSION = "12.8.2"  # the version of the reader review's figures; 13 needs a newer Node than Debian's
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def lighthouse() -> Path:
    """The lighthouse command, installed into .lighthouse/ with npm the first time."""
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOL.mkdir(exist_ok=True)
        print(f"installing lighthouse {VERSION} into {TOOL.relative_to(ROOT)}/ ...", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(TOOL), "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{VERSION}"], check=True)
    return binary


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped where the browser accepts it (text only), with a cache lifetime."""

    gzip = True
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and wants and path.suffix in self.TEXT and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def serve(site: Path, compress: bool) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(type("Handler", (_Handler,), {"gzip": compress}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pages(site: Path) -> dict[str, str]:
    """The four pages measured: home, timeline, the longest source, the actor with most events."""
    export = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    source = max(export["sources"], key=lambda s: s.get("words") or 0)
    counts: dict[str, int] = {}
    for event in export["events"]:
        for actor in event["actors"]:
            counts[actor] = counts.get(actor, 0) + 1
    actor = next(a for a in export["actors"] if a["id"] == max(counts, key=counts.get))
    return {"home": "index.html", "timeline": "zeitleiste.html", "source": source["page"], "actor": actor["page"]}


def run(binary: Path, url: str, out: Path, desktop: bool) -> dict:
    command = [str(binary), url, "--output=json", f"--output-path={out}", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"]
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> tuple[dict, list[str]]:
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    audits = report["audits"]
    metrics = {"FCP": audits["first-contentful-paint"]["displayValue"],
               "LCP": audits["largest-contentful-paint"]["displayValue"],
               "TBT": audits["total-blocking-time"]["displayValue"],
               "CLS": audits["cumulative-layout-shift"]["numericValue"]}
    failing = sorted(f"{a['id']} ({a['score']:.2f})" for a in audits.values()
                     if a.get("score") is not None and a["score"] < 0.9
                     and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))
    return {**scores, **metrics}, failing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--desktop", action="store_true")
    parser.add_argument("--no-gzip", action="store_true")
    parser.add_argument("--out", default=str(TOOL / "reports"))
    args = parser.parse_args(argv)
    site, out = Path(args.site), Path(args.out)
    if not (site / "dossier.json").is_file():
        print(f"no built site in {site}: run `dossier build` first", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    binary = lighthouse()
    server = serve(site, compress=not args.no_gzip)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    mode = "desktop" if args.desktop else "mobile"
    ok = True
    print(f"| page | mode | Perf | A11y | Best pr. | SEO | FCP | LCP | TBT | CLS |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    try:
        for name, page in pages(site).items():
            values, failing = summary(run(binary, base + page, out / f"{name}-{mode}.json", args.desktop))
            passed = all(values[c] >= t for c, t in TARGETS.items()) and values["CLS"] == 0
            ok &= passed
            print(f"| {name} `{page}` | {mode} | " + " | ".join(str(round(values[c] * 100)) for c in CATEGORIES)
                  + f" | {values['FCP']} | {values['LCP']} | {values['TBT']} | {values['CLS']:.3f} |"
                  + ("" if passed else " below target"))
            if failing:
                print(f"|   failing audits: {', '.join(failing)} |", file=sys.stderr)
    finally:
        server.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
