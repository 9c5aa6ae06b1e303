"""Rendering the pages' Markdown on both cores. MkDocs converts one page after the other, in one process; the
Markdown of the generated pages (raw HTML, mostly) is a third of a build. Before MkDocs starts, the pages
are split in two halves of about equal cost: a forked child converts one, this process the other; MkDocs
then takes each page's result instead of converting it again, provided its Markdown is still the same.

This module does not import MkDocs: it calls the pages' own `render` (the MkDocs adapter passes them in)
and keeps what that sets. The child's log records are replayed here, so that `--strict` still counts
its warnings.
"""

from __future__ import annotations

import logging
import os
import pickle
import types
from dataclasses import dataclass
from typing import Any, Callable

from .forked import MIN_ITEMS, cores, halves as split

RESULT = ("content", "toc", "_title_from_render", "present_anchor_ids")


@dataclass
class Rendered:
    markdown: str
    values: dict[str, Any]
    links: dict[str, dict[str, str]] | None  # links_to_anchors, keyed by the linked file's src_uri


def prerender(pages: list, config, files, file_by_uri: Callable[[str], Any]) -> int:
    """Renders `pages` (MkDocs Page objects) on two cores and makes each page's `render` install the
    result. Returns how many pages were rendered ahead."""
    # A few pages (a rebuild after an edit) are converted here: at 1,000 articles a fork then cost more than
    # it saved (the copy of the page tables, then the copies of the pages of memory both processes touch).
    if cores() < 2 or len(pages) < MIN_ITEMS or not hasattr(os, "fork"):
        return 0
    # The cost of a page, in µs, measured at 100 articles: a Markdown converter per page, then its text
    # (raw HTML that rawhtml.py sets aside is cheap; a long page is not much more than a short one).
    first, second = split([1500 + 0.044 * len(_source(page, config)) for page in pages])
    halves = ([pages[i] for i in first], [pages[i] for i in second])
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: render the second half, send the results, and leave without cleaning up
        os.close(read)
        try:
            records = _capture_logs()
            results = {page.file.src_uri: _render(page, config, files) for page in halves[1]}
            with os.fdopen(write, "wb") as pipe:
                pickle.dump((results, [(r.name, r.levelno, r.getMessage()) for r in records]), pipe,
                            protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(write)
    mine = {page.file.src_uri: _render(page, config, files) for page in halves[0]}
    with os.fdopen(read, "rb") as pipe:
        try:
            theirs, records = pickle.load(pipe)
        except (EOFError, pickle.UnpicklingError):
            theirs, records = {}, []  # the child failed: MkDocs renders those pages itself
    os.waitpid(child, 0)
    for name, level, message in records:
        logging.getLogger(name).log(level, message)
    done = 0
    for page in pages:
        result = mine.get(page.file.src_uri) or theirs.get(page.file.src_uri)
        if result is not None:
            _install(page, result, file_by_uri)
            done += 1
    return done


def _source(page, config) -> str:
    if page.markdown is None:
        page.read_source(config)
    return page.markdown


def _render(page, config, files) -> Rendered | None:
    markdown = _source(page, config)
    try:
        page.render(config, files)
    except Exception:  # noqa: BLE001 - MkDocs renders the page again and reports the error in its place
        return None
    links = page.links_to_anchors
    return Rendered(markdown, {name: getattr(page, name) for name in RESULT},
                    None if links is None else {f.src_uri: dict(anchors) for f, anchors in links.items()})


def _install(page, result: Rendered, file_by_uri: Callable[[str], Any]) -> None:
    original = page.render  # the class's method, bound

    def render(self, config, files):
        if self.markdown != result.markdown:  # a plugin changed it since: convert it as it is now
            return original(config, files)
        for name, value in result.values.items():
            setattr(self, name, value)
        if result.links is not None:
            self.links_to_anchors = {file_by_uri(uri): anchors for uri, anchors in result.links.items()}
        del self.render  # once: whatever renders the page again, converts it

    page.render = types.MethodType(render, page)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        if not any(r is record for r in self.records[-2:]):  # reached both loggers it is attached to
            self.records.append(record)


def _capture_logs() -> list[logging.LogRecord]:
    """In the child: keep every log record instead of printing it (the parent replays them)."""
    collect = _Collect()
    for name in ("mkdocs", ""):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    logging.getLogger("mkdocs").addHandler(collect)
    logging.getLogger("").addHandler(collect)
    return collect.records
