"""The search index file: the records and the facets' labels as one script, `search/index.js`.

A script, not JSON, because a page opened from a folder (file://) may not fetch a file: a script tag
that the search inserts on first use loads it anywhere. The engine (lunr, with its German stemmer)
builds its inverted index from these records in the browser, in a few tens of milliseconds; shipping a
prebuilt lunr index would be about three times the size.

Keys are one letter to keep the file small: u url, k kind, t title, x text, q quote, s source, a actors,
y year, o topics. Empty fields are left out. The actors' spellings are listed once, not per record.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..exports import parts
from ..model import Dossier
from . import reads
from .search_records import KINDS, Record, record_groups
from .urls import Linker

INDEX_FILE = "search/index.js"
GLOBAL = "dossierSearchIndex"
FORMAT = 1


@dataclass(frozen=True)
class IndexFile:
    path: str
    content: str
    records: int

    @property
    def size(self) -> int:
        return len(self.content.encode("utf-8"))

    def summary(self) -> str:
        return f"search index: {self.records} records, {self.size / 1024:.0f} KB ({self.path})"


def _record(r: Record) -> dict:
    fields = {"u": r.url, "k": r.kind, "t": r.title, "x": r.text, "q": r.quote,
              "s": r.source, "a": list(r.actors), "y": r.year, "o": list(r.topics)}
    return {k: v for k, v in fields.items() if v not in (None, "", [])}


def index_file(records: list[Record], dossier: Dossier, words) -> IndexFile:
    """The script that defines window.dossierSearchIndex. Facet values are ids; their labels come along."""
    return _script(dossier, words, [_record(r) for r in records], len(records))


def cached_index_file(dossier: Dossier, linker: Linker, words, cache) -> IndexFile:
    """index_file(search_records(...)), the records encoded in groups (search_records.record_groups) kept in
    `cache` (a PageCache kept by `dossier serve`): only groups that read something that changed are made
    again (exports/parts.py: the same bytes)."""
    texts = fill(dossier, linker, words, cache)
    return _script(dossier, words, parts.Parts(texts.values(), cache), sum(cache.extra.values()))


def fill(dossier: Dossier, linker: Linker, words, cache) -> dict:
    """Brings `cache` up to date for `dossier`: {group: encoded records} (a forked child sends back only
    what changed; the parent then makes the file from its cache without encoding anything again)."""
    tracked, counts = reads.Tracked(dossier), {}

    groups = dict(record_groups(tracked, linker, words))

    def encode(key) -> str:
        records = groups[key]()
        counts[key] = len(records)
        return _escape(parts.items([_record(r) for r in records], None))

    texts = cache.render(tracked, (linker, dossier.language), groups.keys(), encode)
    cache.extra = {key: counts[key] if key in counts else cache.extra[key] for key in texts}  # kept: as before
    return texts


def _script(dossier: Dossier, words, records, count: int) -> IndexFile:
    data = {
        "format": FORMAT,
        "kinds": {k: words.search["kinds"][k] for k in KINDS},
        "sources": {s.id: s.short_cite for s in dossier.sources},
        "actors": {a.id: a.name for a in dossier.actors},
        # Every spelling of each actor: the engine adds them to each record about the actor (synonyms).
        "names": {a.id: list(a.names) for a in dossier.actors},
        "persons": [a.id for a in dossier.actors if a.kind == "person"],  # findable by surname alone
        "topics": {t.id: t.question for t in dossier.topics},
        "records": records,
    }
    start, end = f"window.{GLOBAL}=", ";\n"
    if isinstance(records, parts.Parts):  # escaped already, part by part (no "</" spans two parts: each is whole)
        return IndexFile(INDEX_FILE, parts.dumps(data, None, start, end, escape=_escape), count)
    return IndexFile(INDEX_FILE, start + _escape(parts.dumps(data, None)) + end, count)


def _escape(text: str) -> str:
    # "</" cannot end a script element here, and U+2028/9 are line breaks to older JavaScript parsers.
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
