"""Internal link check of a built site: every link of every HTML page must lead to a file of the site, and
its `#fragment` to an id (or `<a name>`) in the target page. Offline, one parse per page, then a set
lookup per link: linear in the size of the site.

What is a link: the URL attributes of any element, as the HTML spec lists them (`href` of a, link, area,
SVG's use…; `src` of script, img, iframe, source…; `cite`, `poster`, `object data`, `form action`,
`formaction`, `longdesc`, `body background`, `html manifest`) and every URL of a `srcset` or
`imagesrcset`. Raw HTML from templates counts as much as Markdown's links, and so do links inside
`<pre>`/`<code>`: a broken link is broken wherever it is.

A link is resolved as a browser resolves it, against the page: entities decoded (by the parser),
percent-encoding decoded, raw umlauts as they are, a folder URL (`archiv/`, or `archiv` naming a folder)
standing for its index.html. It must then

- lead to a file of the site;
- stay inside it: `../../sources/x.md` exists while building but not once deployed;
- not be root-relative (`/x.html` breaks the site opened from a folder or served below a sub-path),
  except on MkDocs' error pages (404.html), whose links are absolute on purpose: they must lie below the
  path of site_url (`/dossier/` for https://x.github.io/dossier/);
- if it has a fragment and leads to a page: name an id or `<a name>` of that page, case-sensitive, raw or
  percent-encoded (the browser tries both). `#` alone, and a text directive (`#:~:text=…`), always do.

Not its business: links with a scheme or a host (http, https, mailto, tel, data, javascript…; see
linkcheck_external.py for the online check), query strings, fragments of files that are not pages
(a PDF's `#page=2`), `<base href>` (MkDocs never writes one), plain-text URLs, and `usemap` (a
hash-name reference to a `<map>`, not a URL).

The parser is selectolax's Lexbor, the HTML5 parser of the lexbor browser engine: ids and attribute values
come out as a browser sees them. Until 2026 the check ran lychee with --include-fragments, which re-reads
and re-parses the target page for every link with a fragment: on a synthetic dossier of 100 articles
(685 pages, 34 MB of HTML, 110,096 links) 37.6 s; this module takes 0.6 s there (parsing is half of it).
At 1,000 articles (6,760 pages, 348 MB, 1.1 million links) 8 to 10 s of CPU, which two processes share
(see _parse_all): below 2,000 pages a second one saves little.
"""

from __future__ import annotations

import os
import posixpath
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from .forked import fork_map


class LinkcheckError(RuntimeError):
    """The check could not run (no site, no page read): not the same as a broken link."""


@dataclass(frozen=True, order=True)
class Finding:
    page: str
    link: str  # as written in the page (entities decoded)
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


@dataclass
class Report:
    """`links` counts the links really checked, every occurrence: those into the site (or out of it), not
    the ones with a scheme or host that an offline check leaves alone (http, mailto, data, …)."""

    pages: int = 0
    links: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        return (f"linkcheck: {self.pages} pages, {self.links} links, {len(self.findings)} broken, "
                f"{self.seconds:.1f} s")


# MkDocs' rule for error pages (utils.is_error_template): their links are absolute paths on purpose.
_ERROR_PAGE = re.compile(r"^\d{3}\.html$")

# Attributes that hold one URL, and the elements they do so on (None: any element). The HTML spec's index
# of attributes, as lychee read them; obsolete ones that name no file (classid, codebase, profile) left out.
_URL_ATTRIBUTES: dict[str, frozenset[str] | None] = {
    "href": None, "src": None, "cite": None, "poster": frozenset({"video"}), "data": frozenset({"object"}),
    "action": frozenset({"form"}), "formaction": frozenset({"button", "input"}),
    "longdesc": frozenset({"img", "iframe", "frame"}), "background": frozenset({"body"}),
    "manifest": frozenset({"html"}),
}
_SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
_WANTED = frozenset({"id", "name", *_URL_ATTRIBUTES, *_SRCSET_ATTRIBUTES})

# srcset: the URL is the next run of non-blanks (trailing commas are a separator); then its descriptors up
# to a comma outside parentheses (the HTML spec's "parse a srcset attribute").
_SRCSET_URL = re.compile(r"[\s,]*(\S+)")
_SRCSET_DESCRIPTORS = re.compile(r"(?:[^,(]|\([^)]*\)?)*")

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # the URL standard's scheme, before any "/", "?" or "#"
_C0_AND_SPACE = "".join(map(chr, range(0x21)))

PARALLEL_FROM = 2000  # pages; at 685 two processes took as long as one, at 6,840 a third less time

ROOT_RELATIVE = "root-relative link: breaks when the site is opened from a folder or served below a sub-path"


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


def srcset_urls(value: str) -> list[str]:
    urls, position = [], 0
    while match := _SRCSET_URL.match(value, position):
        url, position = match.group(1), match.end()
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            position = _SRCSET_DESCRIPTORS.match(value, position).end()
        if url:
            urls.append(url)
    return urls


def anchors_and_links(html: bytes | str) -> tuple[frozenset[str], list[str]]:
    """A page's anchors (every `id`, and `name` of <a>) and its links (attribute values, one per URL)."""
    anchors: set[str] = set()
    links: list[str] = []
    root = LexborHTMLParser(html).root
    # One walk over every element beats CSS selectors here: a selector list is matched once per selector,
    # and returns an element once for each selector it matches.
    for node in root.traverse() if root is not None else ():
        attributes = node.attributes
        if not attributes or attributes.keys().isdisjoint(_WANTED):
            continue
        for name, value in attributes.items():
            if value is None:  # a bare attribute: <a href> names no target
                continue
            if name == "id":
                anchors.add(value)
            elif name in _URL_ATTRIBUTES:
                elements = _URL_ATTRIBUTES[name]
                if elements is None or node.tag in elements:
                    links.append(value)
            elif name in _SRCSET_ATTRIBUTES:
                links += srcset_urls(value)
            elif name == "name" and node.tag == "a":
                anchors.add(value)
    anchors.discard("")  # an empty id is no id; "#" alone is fine anyway
    return frozenset(anchors), links


class _Link(NamedTuple):
    path: str  # percent-decoded
    fragment: str
    file: bool = False  # a file: URL, a file of the build machine: never part of the deployed site


def _split(link: str) -> _Link | None:
    """The parts of a link the offline check is about; None for one with a scheme or host."""
    # The URL parser drops surrounding blanks and any tab or newline, and reads a backslash as "/".
    link = link.strip(_C0_AND_SPACE).replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")
    if scheme := _SCHEME.match(link):
        if scheme.group().lower() != "file:":
            return None
        return _Link(unquote(urlsplit(link).path), "", file=True)
    if link.startswith("//"):  # another host
        return None
    # What urlsplit does, a few times faster (300,000 distinct links at N=1000).
    rest, _, fragment = link.partition("#")
    path = rest.partition("?")[0]
    return _Link(unquote(path), fragment)


def _has_anchor(anchors: frozenset[str], fragment: str) -> bool:
    """A browser's "indicated part of the document": the fragment as written, then percent-decoded; "top"
    (any case) is the top of every page even without such an id, as browsers scroll there."""
    if fragment in anchors:
        return True
    decoded = unquote(fragment)
    return decoded in anchors or decoded.lower() == "top"


@dataclass(frozen=True)
class _Site:
    root: Path
    files: frozenset[str]  # every file, relative to the root
    folders: frozenset[str]
    anchors: dict[str, frozenset[str]]  # per page
    base: str  # the path of site_url, where the error pages' root-relative links point: "/", "/dossier/"


@lru_cache(maxsize=65536)
def _joined(folder: str, path: str) -> str:
    """A relative path written in `folder`, relative to the site: "" for its root, "../…" if it climbs out.
    Cached: the nav's links recur on every page of a folder."""
    target = posixpath.normpath(posixpath.join(folder, path))
    return "" if target == "." else target


def _problem(site: _Site, page: str, folder: str, link: _Link) -> str | None:
    """What is wrong with a link on a page (in `folder`, "" for the root); None if nothing."""
    path, fragment = link.path, link.fragment
    if link.file:
        return f"leads outside the site, to {path}"
    if path.startswith("/"):
        if folder or not _ERROR_PAGE.match(page):
            return ROOT_RELATIVE
        absolute = posixpath.normpath(path)
        if not (absolute + "/").startswith(site.base):
            return f"leads outside the site, to {absolute}"
        target = absolute[len(site.base):]
    elif path:
        target = _joined(folder, path)
        if target == ".." or target.startswith("../"):
            return f"leads outside the site, to {os.path.normpath(site.root / target)}"
    else:
        target = page  # "#x", "?q" or "": this page
    if path.endswith("/") or target in site.folders:  # a folder URL stands for its index.html
        target = posixpath.join(target, "index.html")
    if target not in site.files:
        return f"{target} does not exist"
    fragment = fragment.split(":~:", 1)[0]  # a text directive is for the browser, not an anchor
    anchors = site.anchors.get(target)
    if fragment and anchors is not None and not _has_anchor(anchors, fragment):
        return f'no id "{unquote(fragment)}" ' + ("on this page" if target == page else f"in {target}")
    return None


def _parse(page: Path) -> tuple[frozenset[str], list[str]]:
    try:
        return anchors_and_links(page.read_bytes())
    except OSError as error:
        raise LinkcheckError(f"cannot read {page}: {error}") from error


def _inventory(root: Path) -> tuple[frozenset[str], frozenset[str]]:
    """Every file and folder of the site, relative to it ("" for the root); hidden ones too (`dossier build`
    checks a hidden staging folder, and a page may well link a hidden file)."""
    files, folders = [], [""]
    for folder, subfolders, names in os.walk(root):
        here = Path(folder).relative_to(root).as_posix()
        prefix = "" if here == "." else here + "/"
        folders += [prefix + name for name in subfolders]
        files += [prefix + name for name in names]
    return frozenset(files), frozenset(folders)


def _parse_all(paths: list[Path]) -> list[tuple[frozenset[str], list[str]]]:
    """Every page parsed, in order; on both cores for a large site (fork_map: half the pages, by size, in a
    forked child)."""
    return fork_map(_parse, paths, weight=lambda path: path.stat().st_size, min_items=PARALLEL_FROM)


def check_site(site_dir: Path) -> Report:
    started = time.perf_counter()
    paths = html_pages(site_dir)
    if not paths:
        raise LinkcheckError(f"no HTML pages in {site_dir}: nothing to check")
    root = site_dir.resolve()
    pages = [path.relative_to(root).as_posix() for path in paths]
    parsed = _parse_all(paths)
    files, folders = _inventory(root)
    base = urlsplit(site_url(root) or "/").path.rstrip("/") + "/"
    site = _Site(root, files, folders, {page: anchors for page, (anchors, _) in zip(pages, parsed)}, base)
    report = Report(pages=len(pages))
    findings: set[Finding] = set()  # a link repeated on a page is one mistake
    # A link means the same on every page of a folder: the nav's and the assets' links are judged once per
    # folder. Except a link to the page itself ("#x"), judged on each page, and on error pages.
    judged: dict[tuple[str, str], tuple[_Link | None, str | None]] = {}
    for page, (_, links) in zip(pages, parsed):
        folder = posixpath.dirname(page)
        known = {} if not folder and _ERROR_PAGE.match(page) else judged
        for written in links:
            if (verdict := known.get((folder, written))) is None:
                link = _split(written)
                verdict = known[folder, written] = link, _problem(site, page, folder, link) if link else None
            link, problem = verdict
            if link is None:
                continue
            report.links += 1
            if not link.path:
                problem = _problem(site, page, folder, link)
            if problem is not None:
                findings.add(Finding(page, written, problem))
    report.findings = sorted(findings)
    report.seconds = time.perf_counter() - started
    return report
