"""site/dossier.json: the whole dossier as data (format dossier-export/2), with site-relative URLs.

/2 keeps every field of /1 and adds: per evidence the date that source gives (`date`, `start`, `end`,
null where it gives none); per event `first_reported_by` and `reported_dates_disagree`; per topic
`answers`, `multiple`, `contested_set` and `positions` (one entry per source, "nicht behandelt" included);
and a top-level `position_scale`."""

from __future__ import annotations

import json
from typing import Any

from .model import Dossier
from .model import agreement
from .exports import parts
from .pages import reads, urls
from .pages.urls import Linker

FORMAT = "dossier-export/2"


def _date(date) -> tuple[str | None, str | None, str | None]:
    if date is None:
        return None, None, None
    return date.text, date.start.isoformat(), date.end.isoformat()


def _position(cell) -> dict[str, Any]:
    """One source's answer to a topic. status: "position" (typed, resting on `claims`), "not-covered" (no
    claim of the source on the topic) or "unrated" (claims, no position yet: `claims` are those on the topic)."""
    p = cell.position
    return {"source": cell.source.id, "status": cell.status, "position": list(p.answers) if p else None,
            "claims": [c.id for c in cell.claims], "note": p.note if p else None}


class _Records:
    """Each record of the export as a dict, from the dossier `d` (tracked or not, pages/reads.py)."""

    def __init__(self, d, use_directory_urls: bool):
        self.d, self.link = d, Linker(use_directory_urls)

    def anchor(self, passage) -> str:
        return f"{self.link.url(urls.source_page(passage.source))}#{passage.anchor}"

    def source(self, s) -> dict[str, Any]:
        return {"id": s.id, "title": s.title, "title_editorial": s.title_editorial, "authors": list(s.authors),
                "publication": s.publication, "date": _date(s.date)[0], "language": s.language,
                "translated_from": s.translated_from, "url": s.url, "doi": s.doi, "path": s.path,
                "page": self.link.url(urls.source_page(s.id)), "words": s.words}

    def actor(self, a) -> dict[str, Any]:
        return {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
                "page": self.link.url(urls.actor_page(a.id)), "mentions": dict(self.d.mentions.get(a.id, {}))}

    def event(self, e) -> dict[str, Any]:
        d = self.d
        text, start, end = _date(e.date)
        return {
            "id": e.id, "date": text, "start": start, "end": end, "title": e.title, "actors": list(e.actors),
            "tags": list(e.tags), "page": f"{self.link.url(urls.event_page(d, e.id))}#{e.id}",
            "evidence": [{"source": ev.source, "quote": ev.quote, "anchor": self.anchor(ev.passage),
                          **dict(zip(("date", "start", "end"), _date(ev.date)))}
                         for ev in d.evidence_by_event.get(e.id, ())],
            "first_reported_by": [s.id for s in agreement.first_reported(d, e)],
            "reported_dates_disagree": agreement.dates_disagree(agreement.reported_dates(d, e)),
        }

    def topic(self, t) -> dict[str, Any]:
        return {
            "id": t.id, "question": t.question, "claims": [c.id for c in self.d.claims_by_topic.get(t.id, ())],
            "contested": t.contested, "contested_set": t.contested_set,
            "answers": [{"id": a.id, "label": a.label} for a in t.answers] or None, "multiple": t.multiple,
            "positions": [_position(cell) for cell in agreement.row(self.d, t)],
        }

    def claim(self, c) -> dict[str, Any]:
        return {"id": c.id, "source": c.source, "claimant": c.claimant, "stance": c.stance, "topic": c.topic,
                "text": c.text, "quote": c.quote, "anchor": self.anchor(c.passage)}

    def citation(self, c) -> dict[str, Any]:
        base = self.d.citation_by_id[c.repeats] if c.repeats else c  # "Ibid." carries what it repeats
        return {"id": c.id, "source": c.source, "marker": c.marker, "type": base.type, "authors": list(base.authors),
                "title": base.title, "container": base.container, "publisher": base.publisher,
                "date": _date(base.date)[0], "url": base.url, "doi": base.doi, "anchor": self.anchor(c.passage)}


# The sections of the export: (key, the Dossier's records, how each is looked up by id).
SECTIONS = (("sources", "source_by_id"), ("actors", "actor_by_id"), ("events", "event_by_id"),
            ("topics", "topic_by_id"), ("claims", "claim_by_id"), ("citations", "citation_by_id"))


def _document(sections: dict[str, Any]) -> dict[str, Any]:
    from .exports import CATALOGUE  # every file the build writes for tools: see the data page

    return {"format": FORMAT, "position_scale": list(agreement.SCALE), **sections,
            "exports": [{"path": path, "media_type": media} for path, media, _ in CATALOGUE]}


def export(dossier: Dossier, use_directory_urls: bool = False) -> dict[str, Any]:
    records = _Records(dossier, use_directory_urls)
    return _document({key: [getattr(records, key[:-1])(r) for r in getattr(dossier, key)] for key, _ in SECTIONS})


def export_json(dossier: Dossier, use_directory_urls: bool = False, cache=None) -> str:
    """The file. With `cache` (a PageCache kept by `dossier serve`), each record is encoded apart and only
    those that read something that changed are encoded again (exports/parts.py: the same bytes)."""
    if cache is None:
        return json.dumps(export(dossier, use_directory_urls), ensure_ascii=False, indent=1) + "\n"
    tracked = reads.Tracked(dossier)
    records = _Records(tracked, use_directory_urls)

    index_of = dict(SECTIONS)

    def make(part: tuple[str, str]) -> str:
        key, id_ = part
        return parts.items([getattr(records, key[:-1])(getattr(tracked, index_of[key])[id_])], 1)

    keys = [(key, r.id) for key, _ in SECTIONS for r in getattr(dossier, key)]
    texts = cache.render(tracked, (use_directory_urls, dossier.language), keys, make)
    sections = {key: parts.Parts((texts[(key, r.id)] for r in getattr(dossier, key)), cache) for key, _ in SECTIONS}
    return parts.dumps(_document(sections), 1, end="\n")
