"""Texts made from the dossier (the pages, the exports' parts), each kept with what it read of the dossier
(pages/reads.py), so that a rebuild under `dossier serve` makes again only those whose reads changed: an
edit of one source's annotations renders that source's page, the pages of the actors and events it
touches and the indexes, not thousands of pages. A cache holds the dossier its texts were made from, to
compare their reads with the new one. No MkDocs here."""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import Callable, Hashable, Mapping, Sequence

from . import reads

def _in_order(func, items, weight=None):
    return [func(item) for item in items]


class Readers:
    """Which texts read what, by attribute: an entry's readers ("key" reads) by its key, a record's field
    and paragraph reads by the record's id, and the rest (the whole value, its length) apart; so that the
    texts an edit makes stale are found from what differs (reads.Diff), without going through every read."""

    def __init__(self) -> None:
        # name -> (key -> texts, record id -> {part: texts}, part -> texts)
        self._by_name: dict[str, tuple[dict, dict, dict]] = {}

    def _holders(self, name: str, part, make: bool):
        groups = self._by_name.get(name)
        if groups is None:
            if not make:
                return None, None
            groups = self._by_name[name] = ({}, {}, {})
        keys, ids, other = groups
        if isinstance(part, tuple) and part[0] == "key":
            return keys, part[1]
        if isinstance(part, tuple) and part[0] in ("field", "block"):
            parts = ids.get(part[1])
            if parts is None:
                if not make:
                    return None, None
                parts = ids[part[1]] = {}
            return parts, part
        return other, part

    def add(self, text, read) -> None:
        # _holders inlined: a first build adds millions of reads (2.5 million at 1,000 articles).
        by_name = self._by_name
        for name, part in read:
            groups = by_name.get(name)
            if groups is None:
                groups = by_name[name] = ({}, {}, {})
            kind = part[0] if type(part) is tuple else None
            if kind == "key":
                table, key = groups[0], part[1]
            elif kind == "field" or kind == "block":  # by the record's id
                table = groups[1].get(part[1])
                if table is None:
                    table = groups[1][part[1]] = {}
                key = part
            else:
                table, key = groups[2], part
            texts = table.get(key)
            if texts is None:
                table[key] = {text}
            else:
                texts.add(text)

    def discard(self, text, read) -> None:
        # Idempotent, and empty entries go: a text made again adds its reads back.
        for name, part in read:
            table, key = self._holders(name, part, False)
            texts = table.get(key) if table is not None else None
            if texts is not None:
                texts.discard(text)
                if not texts:
                    del table[key]
                    if isinstance(part, tuple) and part[0] in ("field", "block") and not table:
                        del self._by_name[name][1][part[1]]

    def names(self):
        """The attributes read."""
        return self._by_name.keys()

    def stale(self, diff: reads.Diff) -> set:
        """The texts that read something that differs in `diff`."""
        out: set = set()
        for name, (keys, ids, other) in self._by_name.items():
            before, after = diff.pair(name)
            if before is after:  # the same object: nothing in it changed (records and indexes are frozen)
                continue
            entries = diff.entries(name)
            if entries is None:
                out.update(*(texts for key, texts in keys.items() if diff.differs(name, ("key", key))))
            else:
                differ, distinct = entries
                small, large = (differ, keys) if len(differ) < len(keys) else (keys, differ)
                out.update(*(keys[key] for key in small if key in large))
            for id_, parts in ids.items() if entries is None else ((i, ids[i]) for i in entries[1] if i in ids):
                out.update(*(texts for part, texts in parts.items() if diff.differs(name, part)))
            out.update(*(texts for part, texts in other.items() if diff.differs(name, part)))
        return out


class PageCache:
    def __init__(self) -> None:
        self.dossier = None
        self.setting = None
        self.pages: dict[Hashable, tuple[str, frozenset]] = {}  # key -> (text, what it read), in order
        self.texts: dict[Hashable, str] = {}  # key -> text, the same order: what `render` shows
        self.rendered = 0  # texts the last build made
        self.extra: dict = {}  # what the caller keeps beside each text (a count of records), by key
        self._fresh: set = set()  # the keys the last build made
        self.indented: dict = {}  # text -> the text indented as the file holds it (exports/parts.py)
        self.readers = Readers()  # of the texts in `pages`
        self._keys: list = []  # the keys of `pages`, in order
        self._same_keys = False  # whether the last render kept the keys of the one before, in order

    def changes(self) -> tuple:
        """What the last `render` changed, to be sent from a forked child (forked.py) to the parent, whose
        cache is as the child's was before; the parent takes it over with `take`."""
        # The keys only when they are not those the parent holds (an edit rarely adds or removes a text; the
        # parent rebuilding 100,000 entries from the list took a third of a second).
        keys = None if self._same_keys else self._keys
        return (os.getpid(), self.setting, self.rendered, self.extra, keys,
                {key: self.pages[key] for key in self._fresh})

    def take(self, changes: tuple, dossier) -> None:
        made_by, self.setting, self.rendered, self.extra, keys, fresh = changes
        if made_by == os.getpid():  # made here (no fork, or the parent's half): this cache holds it already
            return
        self._keep(self._keys if keys is None else keys, fresh)
        self.dossier = dossier

    def _keep(self, keys: list, fresh: dict) -> None:
        """The texts of `keys`, in that order, are kept: those in `fresh` made anew, the others as they were.
        When the keys are those kept already (an edit rarely adds or removes a text), the dicts are updated
        in place: rebuilding them took a quarter of a second a rebuild for the 45,000 parts of dossier.json
        at 1,000 articles."""
        pages, same = self.pages, keys == self._keys
        for key in fresh:
            if key in pages:
                self.readers.discard(key, pages[key][1])
        if same:
            pages.update(fresh)
            self.texts.update({key: text for key, (text, _) in fresh.items()})
        else:
            wanted = set(keys)
            for key in pages.keys() - wanted:
                self.readers.discard(key, pages[key][1])
            self.pages = {key: fresh[key] if key in fresh else pages[key] for key in keys}
            self.texts = {key: text for key, (text, _) in self.pages.items()}
        for key, (_, read) in fresh.items():
            self.readers.add(key, read)
        self._keys, self._same_keys, self._fresh = keys, same, set(fresh)

    def compare(self, dossier) -> None:
        """Works out what differs between the dossier of the texts kept and `dossier`, in what they read
        (shared by the caches: reads.diff), before a fork that renders with both."""
        if self.dossier is not None and self.dossier is not dossier:
            diff = reads.diff(self.dossier, dossier)
            for name in self.readers.names():
                diff.entries(name)

    def stale(self, dossier, setting, keys) -> set:
        """Of `keys`, those to be made again for `dossier` under `setting` (everything the texts depend on
        besides the dossier): new ones and those that read something that changed."""
        if self.dossier is None or setting != self.setting:
            return set(keys)
        if self.dossier is dossier:  # made for this very dossier already (by a forked child: take)
            return {key for key in keys if key not in self.pages}
        stale = self.readers.stale(reads.diff(self.dossier, dossier))
        return {key for key in keys if key not in self.pages or key in stale}

    def render(self, tracked: reads.Tracked, setting, keys: Sequence[Hashable], make: Callable[[Hashable], str],
               weight: Callable[[Hashable], float] | None = None, always=(),
               mapper: Callable = _in_order) -> Mapping[Hashable, str]:
        """{key: make(key)} for every key, in order: made again where stale (and for the keys in `always`),
        by mapper(func, keys, weight) (forked.fork_map: on both cores), the rest as the last build made it.
        `make` reads the dossier through `tracked`. The mapping is the cache's own, read-only, and changes
        with the next `render`: copy it to keep it."""
        dossier, keys = reads.real(tracked), list(keys)
        stale = self.stale(dossier, setting, keys) | set(always)

        def made(key) -> tuple:
            tracked.begin()
            text = make(key)
            return key, text, tracked.end()

        fresh = {key: (text, read) for key, text, read in
                 mapper(made, [key for key in keys if key in stale], weight=weight)}
        self.dossier, self.setting, self.rendered = dossier, setting, len(fresh)
        self._keep(keys, fresh)
        return MappingProxyType(self.texts)
