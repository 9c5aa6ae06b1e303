"""Texts made from the dossier (the pages, the exports' parts), each kept with what it read of the dossier
(pages/reads.py), so that a rebuild under `dossier serve` makes again only those whose reads changed: an
edit of one source's annotations renders that source's page, the pages of the actors and events it
touches and the indexes, not thousands of pages. A cache holds the dossier its texts were made from, to
compare their reads with the new one. No MkDocs here."""

from __future__ import annotations

from typing import Callable, Hashable, Sequence

from . import reads

Job = tuple  # (key, make() -> str, weight): make reads the dossier through the Tracked the cache renders with


def _in_order(func, items, weight=None):
    return [func(item) for item in items]


class PageCache:
    def __init__(self) -> None:
        self.dossier = None
        self.setting = None
        self.pages: dict[Hashable, tuple[str, frozenset]] = {}  # key -> (text, what it read)
        self.rendered = 0  # texts the last build made
        self.extra: dict = {}  # what the caller keeps beside each text (a count of records), by key
        self._fresh: set = set()  # the keys the last build made
        self.indented: dict = {}  # text -> the text indented as the file holds it (exports/parts.py)

    def changes(self) -> tuple:
        """What the last `render` changed, to be sent from a forked child (forked.py) to the parent, whose
        cache is as the child's was before; the parent takes it over with `take`."""
        return (self.setting, self.rendered, self.extra, list(self.pages), {key: self.pages[key] for key in self._fresh})

    def take(self, changes: tuple, dossier) -> None:
        self.setting, self.rendered, self.extra, keys, fresh = changes
        self.pages = {key: fresh[key] if key in fresh else self.pages[key] for key in keys}
        self.dossier, self._fresh = dossier, set(fresh)

    def stale(self, dossier, setting, keys) -> set:
        """Of `keys`, those to be made again for `dossier` under `setting` (everything the texts depend on
        besides the dossier): new ones and those that read something that changed."""
        if self.dossier is None or setting != self.setting:
            return set(keys)
        if self.dossier is dossier:  # made for this very dossier already (by a forked child: take)
            return {key for key in keys if key not in self.pages}
        read = set().union(*(read for _, read in self.pages.values()))
        changed = reads.changed(self.dossier, dossier, read)
        return {key for key in keys if key not in self.pages or not self.pages[key][1].isdisjoint(changed)}

    def render(self, tracked: reads.Tracked, setting, jobs: Sequence[Job], always=(),
               mapper: Callable = _in_order) -> dict[Hashable, str]:
        """{key: text} for every job, made again where stale (and for the keys in `always`), by
        mapper(func, jobs, weight) (forked.fork_map: on both cores); the rest as the last build made it."""
        dossier = reads.real(tracked)
        stale = self.stale(dossier, setting, [job[0] for job in jobs]) | set(always)

        def make(job) -> tuple:
            tracked.begin()
            text = job[1]()
            return job[0], text, tracked.end()

        fresh = {key: (text, read) for key, text, read in
                 mapper(make, [job for job in jobs if job[0] in stale], weight=lambda job: job[2])}
        self.dossier, self.setting, self.rendered, self._fresh = dossier, setting, len(fresh), set(fresh)
        self.pages = {key: fresh[key] if key in fresh else self.pages[key] for key, _, _ in jobs}
        return {key: text for key, (text, _) in self.pages.items()}
