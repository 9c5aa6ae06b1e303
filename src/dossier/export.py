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
from .pages import urls
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


def export(dossier: Dossier, use_directory_urls: bool = False) -> dict[str, Any]:
    link = Linker(use_directory_urls)

    def anchor(passage) -> str:
        return f"{link.url(urls.source_page(passage.source))}#{passage.anchor}"

    sources = [{
        "id": s.id, "title": s.title, "title_editorial": s.title_editorial, "authors": list(s.authors),
        "publication": s.publication, "date": _date(s.date)[0], "language": s.language,
        "translated_from": s.translated_from, "url": s.url, "doi": s.doi, "path": s.path,
        "page": link.url(urls.source_page(s.id)), "words": s.words,
    } for s in dossier.sources]
    actors = [{
        "id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
        "page": link.url(urls.actor_page(a.id)), "mentions": dict(dossier.mentions.get(a.id, {})),
    } for a in dossier.actors]
    events = []
    for e in dossier.events:
        text, start, end = _date(e.date)
        events.append({
            "id": e.id, "date": text, "start": start, "end": end, "title": e.title, "actors": list(e.actors),
            "tags": list(e.tags), "page": f"{link.url(urls.event_page(dossier, e.id))}#{e.id}",
            "evidence": [{"source": ev.source, "quote": ev.quote, "anchor": anchor(ev.passage),
                          **dict(zip(("date", "start", "end"), _date(ev.date)))}
                         for ev in dossier.evidence_by_event.get(e.id, ())],
            "first_reported_by": [s.id for s in agreement.first_reported(dossier, e)],
            "reported_dates_disagree": agreement.dates_disagree(agreement.reported_dates(dossier, e)),
        })
    topics = [{
        "id": t.id, "question": t.question, "claims": [c.id for c in dossier.claims_by_topic.get(t.id, ())],
        "contested": t.contested, "contested_set": t.contested_set,
        "answers": [{"id": a.id, "label": a.label} for a in t.answers] or None, "multiple": t.multiple,
        "positions": [_position(cell) for cell in agreement.row(dossier, t)],
    } for t in dossier.topics]
    claims = [{
        "id": c.id, "source": c.source, "claimant": c.claimant, "stance": c.stance, "topic": c.topic,
        "text": c.text, "quote": c.quote, "anchor": anchor(c.passage),
    } for c in dossier.claims]
    citations = []
    for c in dossier.citations:
        base = dossier.citation_by_id[c.repeats] if c.repeats else c  # "Ibid." carries what it repeats
        citations.append({
            "id": c.id, "source": c.source, "marker": c.marker, "type": base.type, "authors": list(base.authors),
            "title": base.title, "container": base.container, "publisher": base.publisher,
            "date": _date(base.date)[0], "url": base.url, "doi": base.doi, "anchor": anchor(c.passage),
        })
    from .exports import CATALOGUE  # every file the build writes for tools: see the data page

    return {"format": FORMAT, "position_scale": list(agreement.SCALE), "sources": sources, "actors": actors,
            "events": events, "topics": topics, "claims": claims, "citations": citations,
            "exports": [{"path": path, "media_type": media} for path, media, _ in CATALOGUE]}


def export_json(dossier: Dossier, use_directory_urls: bool = False) -> str:
    return json.dumps(export(dossier, use_directory_urls), ensure_ascii=False, indent=1) + "\n"
