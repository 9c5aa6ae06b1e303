"""Page paths (the generated Markdown files) and the URLs MkDocs gives them.

Pages link to each other with relative URLs computed here, so the site works from any folder, with or
without `use_directory_urls` (offline use needs it off).
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from . import reads

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


# Above this many sources the home page lists the latest HOME_LATEST of them (the sources' index lists all), and
# its table of contested questions counts the sources per answer instead of naming each (the question's page
# names them): at 1,000 articles the home page ran to 1.3 MB, and every edit of a summary rendered it again.
HOME_SOURCES_IN_FULL = 50
HOME_LATEST = 12


def home_brief(dossier) -> bool:
    return len(dossier.sources) > HOME_SOURCES_IN_FULL


# Above this many events one timeline page would run to megabytes (35 MB at 1,000 articles, 12,000 events):
# the timeline becomes an index of its periods, each period (a year in the core, a decade before it) a page.
TIMELINE_ON_ONE_PAGE = 2_000


def timeline_split(dossier) -> bool:
    return len(dossier.events) > TIMELINE_ON_ONE_PAGE


def period_page(anchor: str) -> str:
    """The page of a period of a split timeline, by the period's anchor ("zeit_2023" -> zeitleiste/2023.md)."""
    return f"zeitleiste/{anchor.removeprefix('zeit_')}.md"


def event_page(dossier, event_id: str) -> str:
    """The page that shows an event; its id is an anchor there either way."""
    if not timeline_split(dossier):
        return TIMELINE
    return period_page(reads.view(dossier, "event_periods", _periods_by_event(reads.real(dossier)))[event_id])


def events_on(dossier, page: str) -> list[str]:
    """The ids of the events a period's page shows, in the dossier's order."""
    return reads.view(dossier, "events_by_period", _events_by_period(reads.real(dossier))).get(page, [])


_periods_of: list[tuple] = []


def _event_periods(dossier, by_page: bool = False):
    # Every stage asks for an event's page many times (links, exports, search); the periods come from all the
    # dates at once (the timeline's scale), so they are worked out once for the events (and the language of
    # the headings) and kept for the last ones: a rebuild whose events are the last load's very tuple
    # (model/build.py) gets the same objects, which pages/reads.py then finds unchanged at once.
    events, language = dossier.events, dossier.language
    if not _periods_of or _periods_of[0][0] is not events or _periods_of[0][1] != language:
        from .timeline import event_periods

        periods = event_periods(dossier)
        pages: dict[str, list[str]] = {}
        for event, anchor in periods.items():
            pages.setdefault(period_page(anchor), []).append(event)
        _periods_of[:] = [(events, language, periods, pages)]
    return _periods_of[0][3] if by_page else _periods_of[0][2]


# Pages read the periods by event, and so depend only on their events' periods (pages/reads.py).
@reads.derived("event_periods")
def _periods_by_event(dossier) -> dict[str, str]:
    return _event_periods(dossier)


@reads.derived("events_by_period")
def _events_by_period(dossier) -> dict[str, list[str]]:
    return _event_periods(dossier, by_page=True)


def source_id_pattern(ids):
    """A pattern that finds the sources' ids in an editor's note ("laut keine-neue-allianz"): the longest id
    first, never inside a longer word or id. None without sources."""
    ids = sorted(ids, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])") if ids else None


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
