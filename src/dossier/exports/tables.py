"""CSV for spreadsheets: one table per kind of item, one row per item, ids that join (evidence.event =
events.id, claims.claimant = actors.id ...), UTF-8 with a header row. `datapackage.py` describes them.

Lists (an event's actors, an actor's aliases) are joined with " | "; a missing value is an empty cell.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..model import Dossier, agreement
from ..pages import reads, urls
from ..pages.urls import Linker
from .meta import ExportMeta

LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, boolean, date
    description: str
    list: bool = False  # several values joined by LIST_SEPARATOR


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, table, field)

    @property
    def path(self) -> str:
        return f"daten/{self.name}.csv"


S, I, D = "string", "integer", "date"
TABLES = (
    Table("sources", "Quellen", (
        Field("id", S, "Kennung der Quelle"), Field("title", S, "Titel"), Field("kind", S, "Textsorte"),
        Field("short_cite", S, "Kurzbeleg"),
        Field("title_editorial", "boolean", "Titel von der Redaktion des Dossiers gesetzt"),
        Field("authors", S, "Verfasser", list=True), Field("publication", S, "Erschienen in"),
        Field("date", S, "Datum (EDTF, so genau wie bekannt)"), Field("language", S, "Sprache (ISO 639-1)"),
        Field("translated_from", S, "übersetzt aus (ISO 639-1)"), Field("url", S, "Adresse"), Field("doi", S, "DOI"),
        Field("words", I, "Wörter"), Field("page", S, "Seite im Dossier"),
    ), ("id",)),
    Table("actors", "Akteure", (
        Field("id", S, "Kennung"), Field("name", S, "Name"), Field("kind", S, "Art"), Field("role", S, "Rolle"),
        Field("aliases", S, "Schreibweisen", list=True), Field("wikidata", S, "Wikidata-Kennung"),
        Field("page", S, "Seite im Dossier"),
    ), ("id",)),
    Table("events", "Ereignisse", (
        Field("id", S, "Kennung"), Field("date", S, "Datum (EDTF)"), Field("start", D, "frühester möglicher Tag"),
        Field("end", D, "spätester möglicher Tag"), Field("title", S, "Ereignis"),
        Field("actors", S, "Beteiligte (actors.id)", list=True), Field("tags", S, "Schlagworte", list=True),
        Field("note", S, "Anmerkung"), Field("page", S, "Stelle in der Zeitleiste"),
    ), ("id",)),
    Table("topics", "Themen", (
        Field("id", S, "Kennung"), Field("question", S, "Frage"),
        Field("contested", "boolean", "die Quellen widersprechen sich"), Field("disagreement", S, "worin"),
    ), ("id",)),
    Table("evidence", "Belege", (
        Field("event", S, "Ereignis (events.id)"), Field("source", S, "Quelle (sources.id)"),
        Field("quote", S, "Wortlaut"), Field("date", S, "Datum, wie diese Quelle es angibt (EDTF)"),
        Field("paragraph", I, "Absatz"), Field("passage", S, "Stelle in der Quelle"),
    ), ("source", "passage"), (("event", "events", "id"), ("source", "sources", "id"))),
    Table("positions", "Antworten der Quellen", (
        Field("topic", S, "Thema (topics.id)"), Field("source", S, "Quelle (sources.id)"),
        Field("status", S, "position (eingeordnet), not-covered (nicht behandelt) oder unrated (ohne Einordnung)"),
        Field("position", S, "Antwort (ja, eher-ja, offen, eher-nein, nein oder eine Antwort des Themas)", list=True),
        Field("claims", S, "gestützt auf (claims.id)", list=True), Field("note", S, "Anmerkung"),
    ), ("topic", "source"), (("topic", "topics", "id"), ("source", "sources", "id"))),
    Table("claims", "Aussagen", (
        Field("id", S, "Kennung"), Field("source", S, "Quelle (sources.id)"),
        Field("claimant", S, "wer (actors.id; 'author' = Verfasser der Quelle)"), Field("stance", S, "Haltung"),
        Field("topic", S, "Thema (topics.id)"), Field("about", S, "über (actors.id)", list=True),
        Field("text", S, "Aussage"), Field("quote", S, "Wortlaut"), Field("paragraph", I, "Absatz"),
        Field("passage", S, "Stelle in der Quelle"),
    ), ("id",), (("source", "sources", "id"), ("topic", "topics", "id"))),
    Table("citations", "Referenzen", (
        Field("id", S, "Kennung"), Field("source", S, "zitierende Quelle (sources.id)"),
        Field("marker", S, "Fußnotenzeichen"), Field("type", S, "Art (CSL)"), Field("authors", S, "Verfasser", list=True),
        Field("title", S, "Titel"), Field("container", S, "erschienen in"), Field("publisher", S, "Herausgeber"),
        Field("date", S, "Datum (EDTF)"), Field("url", S, "Adresse"), Field("doi", S, "DOI"),
        Field("repeats", S, "wiederholt (citations.id, „Ebd.“)"), Field("note", S, "Anmerkung"),
        Field("quote", S, "zitierende Stelle, Wortlaut"), Field("paragraph", I, "Absatz"),
        Field("passage", S, "Stelle in der Quelle"),
    ), ("id",), (("source", "sources", "id"), ("repeats", "citations", "id"))),
)


class _Rows:
    """Each table's rows of one record (of a source's evidence, claims, citations; a topic's positions), from
    the dossier `d` (tracked or not, pages/reads.py)."""

    def __init__(self, d, link: Linker, meta: ExportMeta):
        self.d, self.link, self.meta = d, link, meta

    def _passage(self, p) -> dict:
        return {"paragraph": self.d.source_by_id[p.source].blocks[p.block].number,
                "passage": self.meta.absolute(f"{self.link.url(urls.source_page(p.source))}#{p.anchor}")}

    def sources(self, s) -> list[dict]:
        return [{"id": s.id, "title": s.title, "kind": s.kind, "short_cite": s.short_cite,
                 "title_editorial": s.title_editorial, "authors": s.authors, "publication": s.publication,
                 "date": _text(s.date), "language": s.language, "translated_from": s.translated_from, "url": s.url,
                 "doi": s.doi, "words": s.words, "page": self.meta.absolute(self.link.url(urls.source_page(s.id)))}]

    def actors(self, a) -> list[dict]:
        return [{"id": a.id, "name": a.name, "kind": a.kind, "role": a.role, "aliases": a.aliases,
                 "wikidata": a.wikidata, "page": self.meta.absolute(self.link.url(urls.actor_page(a.id)))}]

    def events(self, e) -> list[dict]:
        return [{"id": e.id, "date": e.date.text, "start": e.date.start.isoformat(), "end": e.date.end.isoformat(),
                 "title": e.title, "actors": e.actors, "tags": e.tags, "note": e.note,
                 "page": self.meta.absolute(f"{self.link.url(urls.event_page(self.d, e.id))}#{e.id}")}]

    def topics(self, t) -> list[dict]:
        return [{"id": t.id, "question": t.question, "contested": t.contested, "disagreement": t.disagreement}]

    def evidence(self, found) -> list[dict]:
        return [{"event": ev.event, "source": ev.source, "quote": ev.quote, "date": _text(ev.date),
                 **self._passage(ev.passage)} for ev in found]

    def positions(self, t) -> list[dict]:
        return [{"topic": t.id, "source": cell.source.id, "status": cell.status,
                 "position": cell.position.answers if cell.position else None,
                 "claims": tuple(c.id for c in cell.claims), "note": cell.position.note if cell.position else None}
                for cell in agreement.row(self.d, t)]

    def claims(self, found) -> list[dict]:
        return [{"id": c.id, "source": c.source, "claimant": c.claimant, "stance": c.stance, "topic": c.topic,
                 "about": c.about, "text": c.text, "quote": c.quote, **self._passage(c.passage)} for c in found]

    def citations(self, found) -> list[dict]:
        return [{"id": c.id, "source": c.source, "marker": c.marker, "type": c.type, "authors": c.authors,
                 "title": c.title, "container": c.container, "publisher": c.publisher, "date": _text(c.date),
                 "url": c.url, "doi": c.doi, "repeats": c.repeats, "note": c.note, "quote": c.quote,
                 **self._passage(c.passage)} for c in found]


def _text(date):
    return date.text if date else None


# Each table's groups of rows: (the Dossier's records, the index that gives a group by key, what a group is
# keyed by). A source's evidence, claims and citations are one group: they stand together in the table.
_GROUPS = {"sources": ("sources", "source_by_id", "id"), "actors": ("actors", "actor_by_id", "id"),
           "events": ("events", "event_by_id", "id"), "topics": ("topics", "topic_by_id", "id"),
           "positions": ("topics", "topic_by_id", "id"), "evidence": ("evidence", "evidence_by_source", "source"),
           "claims": ("claims", "claims_by_source", "source"), "citations": ("citations", "citations_by_source", "source")}


def _keys(dossier: Dossier, table: str) -> list[str] | None:
    """The table's groups in its order, or None where a source's rows do not stand together."""
    records, _, by = _GROUPS[table]
    keys = [getattr(r, by) for r in getattr(dossier, records)]
    if by == "id":
        return keys
    changes = sum(1 for a, b in zip(keys, keys[1:]) if a != b)
    grouped = list(dict.fromkeys(keys))
    return grouped if changes == max(len(grouped) - 1, 0) else None


def _cell(value, field: Field) -> str:
    if value is None:
        return ""
    if field.list:
        return LIST_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv(table: Table, rows: list[dict], header: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    if header:
        writer.writerow([f.name for f in table.fields])
    for row in rows:
        writer.writerow([_cell(row[f.name], f) for f in table.fields])
    return buffer.getvalue()


def render_tables(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool = False, cache=None) -> dict[str, str]:
    """{path: CSV text} for every table. With `cache` (a PageCache kept by `dossier serve`), each group of
    rows is written apart and only those that read something that changed are written again."""
    link = Linker(use_directory_urls)
    if cache is None:
        rows = _Rows(dossier, link, meta)
        return {table.path: _csv(table, [row for r in getattr(dossier, _GROUPS[table.name][0])
                                         for row in _group_rows(rows, dossier, table.name, r)], header=True)
                for table in TABLES}
    tracked = reads.Tracked(dossier)
    rows = _Rows(tracked, link, meta)
    keys = {table.name: _keys(dossier, table.name) for table in TABLES}

    by_name = {table.name: table for table in TABLES}

    def make(part: tuple[str, str]) -> str:
        name, key = part
        _, index, _ = _GROUPS[name]
        return _csv(by_name[name], getattr(rows, name)(getattr(tracked, index)[key]))

    texts = cache.render(tracked, (use_directory_urls, meta, dossier.language),
                         [(table.name, key) for table in TABLES for key in keys[table.name] or ()], make)
    whole = render_tables(dossier, meta, use_directory_urls) if None in keys.values() else {}
    return {table.path: whole[table.path] if keys[table.name] is None else
            _csv(table, [], header=True) + "".join(texts[table.name, key] for key in keys[table.name])
            for table in TABLES}


def _group_rows(rows: _Rows, dossier: Dossier, table: str, record) -> list[dict]:
    """The rows of one record of the table's records (uncached: a source's rows come one record at a time)."""
    if _GROUPS[table][2] == "id":
        return getattr(rows, table)(record)
    return getattr(rows, table)((record,))
