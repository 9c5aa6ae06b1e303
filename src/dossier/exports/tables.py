"""CSV for spreadsheets: one table per kind of item, one row per item, ids that join (evidence.event =
events.id, claims.claimant = actors.id ...), UTF-8 with a header row. `datapackage.py` describes them.

Lists (an event's actors, an actor's aliases) are joined with " | "; a missing value is an empty cell.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..model import Dossier, agreement
from ..pages import urls
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


def _rows(dossier: Dossier, link: Linker, meta: ExportMeta) -> dict[str, list[dict]]:
    d = dossier

    def passage(p) -> dict:
        return {"paragraph": d.source_by_id[p.source].blocks[p.block].number,
                "passage": meta.absolute(f"{link.url(urls.source_page(p.source))}#{p.anchor}")}

    def text(date):
        return date.text if date else None

    return {
        "sources": [{"id": s.id, "title": s.title, "kind": s.kind, "short_cite": s.short_cite,
                     "title_editorial": s.title_editorial, "authors": s.authors,
                     "publication": s.publication, "date": text(s.date), "language": s.language,
                     "translated_from": s.translated_from, "url": s.url, "doi": s.doi, "words": s.words,
                     "page": meta.absolute(link.url(urls.source_page(s.id)))} for s in d.sources],
        "actors": [{"id": a.id, "name": a.name, "kind": a.kind, "role": a.role, "aliases": a.aliases,
                    "wikidata": a.wikidata, "page": meta.absolute(link.url(urls.actor_page(a.id)))} for a in d.actors],
        "events": [{"id": e.id, "date": e.date.text, "start": e.date.start.isoformat(), "end": e.date.end.isoformat(),
                    "title": e.title, "actors": e.actors, "tags": e.tags, "note": e.note,
                    "page": meta.absolute(f"{link.url(urls.event_page(d, e.id))}#{e.id}")} for e in d.events],
        "topics": [{"id": t.id, "question": t.question, "contested": t.contested, "disagreement": t.disagreement}
                   for t in d.topics],
        "evidence": [{"event": ev.event, "source": ev.source, "quote": ev.quote, "date": text(ev.date),
                      **passage(ev.passage)} for ev in d.evidence],
        "positions": [{"topic": t.id, "source": cell.source.id, "status": cell.status,
                       "position": cell.position.answers if cell.position else None,
                       "claims": tuple(c.id for c in cell.claims), "note": cell.position.note if cell.position else None}
                      for t in d.topics for cell in agreement.row(d, t)],
        "claims": [{"id": c.id, "source": c.source, "claimant": c.claimant, "stance": c.stance, "topic": c.topic,
                    "about": c.about, "text": c.text, "quote": c.quote, **passage(c.passage)} for c in d.claims],
        "citations": [{"id": c.id, "source": c.source, "marker": c.marker, "type": c.type, "authors": c.authors,
                       "title": c.title, "container": c.container, "publisher": c.publisher, "date": text(c.date),
                       "url": c.url, "doi": c.doi, "repeats": c.repeats, "note": c.note, "quote": c.quote,
                       **passage(c.passage)} for c in d.citations],
    }


def _cell(value, field: Field) -> str:
    if value is None:
        return ""
    if field.list:
        return LIST_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render_tables(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool = False) -> dict[str, str]:
    """{path: CSV text} for every table."""
    rows = _rows(dossier, Linker(use_directory_urls), meta)
    out = {}
    for table in TABLES:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
        writer.writerow([f.name for f in table.fields])
        for row in rows[table.name]:
            writer.writerow([_cell(row[f.name], f) for f in table.fields])
        out[table.path] = buffer.getvalue()
    return out
