"""Page paths (the generated Markdown files) and the URLs MkDocs gives them.

Pages link to each other with relative URLs computed here, so the site works from any folder, with or
without `use_directory_urls` (offline use needs it off).
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

HOME = "index.md"
TIMELINE = "zeitleiste.md"
SOURCES = "quellen/index.md"
ACTORS = "akteure/index.md"
TOPICS = "themen.md"
BIBLIOGRAPHY = "bibliographie.md"
DATA = "daten.md"
SEARCH = "suche.md"
EXPORT_FILE = "dossier.json"


# Above this many claims plus cells of the topics × sources grid, one topics page would run to megabytes
# (49 MB, 16 of them the grid, at 1,000 articles): the topics page becomes an index of the questions, each
# topic gets its own page, and so do the claims without a topic. The real dossier (142 claims, 55 cells)
# stays on one page.
TOPICS_ON_ONE_PAGE = 3_000
OTHER_CLAIMS = "weitere-aussagen"  # the heading (one page) or the page (split) of the claims without a topic


def topics_split(dossier) -> bool:
    """Whether every topic has a page of its own (see TOPICS_ON_ONE_PAGE)."""
    return len(dossier.claims) + len(dossier.topics) * len(dossier.sources) > TOPICS_ON_ONE_PAGE


def topic_page(dossier, topic_id: str | None) -> str:
    """The page that shows a topic and its claims (None: the claims without a topic). The topic's id, and its
    claims' ids (k-<claim id>), are anchors on that page either way."""
    if not topics_split(dossier):
        return TOPICS
    return f"themen/{topic_id or OTHER_CLAIMS}.md"


def source_page(source_id: str) -> str:
    return f"quellen/{source_id}.md"


def actor_page(actor_id: str) -> str:
    return f"akteure/{actor_id}.md"


@dataclass(frozen=True)
class Linker:
    use_directory_urls: bool = False

    def url(self, page: str) -> str:
        """The site-relative URL of a page path (or of a plain file such as dossier.json)."""
        if not page.endswith(".md"):
            return page
        stem = page[:-3]
        if not self.use_directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def href(self, from_page: str, to_page: str, fragment: str | None = None) -> str:
        """A relative link from one page to another page, or to a fragment of it."""
        if from_page == to_page and fragment:
            return "#" + fragment
        source, target = self.url(from_page), self.url(to_page)
        base = source.rstrip("/") if (source.endswith("/") or not source) else posixpath.dirname(source)
        relative = _relpath(target or ".", base or ".")
        if (target.endswith("/") or not target) and not relative.endswith("/"):
            relative += "/"
        return relative + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=None)
def _relpath(target: str, base: str) -> str:
    # Pages link to the same few thousand targets from a handful of folders: relpath, which resolves both
    # paths against the working directory each time, was a third of rendering the pages.
    return posixpath.relpath(target, base)
