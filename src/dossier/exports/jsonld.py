"""schema.org JSON-LD for the pages: each source as the kind of article it is (ScholarlyArticle,
NewsArticle or one of its kinds: Reportage, Opinion, Analysis), each event as Event,
each claim as Claim (appearance: the passage; author: the claimant), actors as Person, Organization,
Country... Search engines and knowledge-graph tools read it from `<script type="application/ld+json">`.

Data only, and escaped: "<", ">" and "&" are written as JSON \\u escapes, so no article text can close
the script element. The context is an inline @vocab, so a JSON-LD processor needs no network to expand it.
IRIs are relative to the page, as its links are.
"""

from __future__ import annotations

import json
from typing import Any

from ..dates import EdtfDate
from ..model import Actor, Claim, Dossier, Event, Source
from ..model.types import AUTHOR
from ..pages import urls
from ..pages.urls import Linker
from .meta import ExportMeta

CONTEXT = {"@vocab": "https://schema.org/"}
ACTOR_TYPES = {"person": "Person", "state": "Country", "government": "GovernmentOrganization",
               "international": "Organization", "organisation": "Organization", "party": "PoliticalParty",
               "think-tank": "ResearchOrganization", "media": "NewsMediaOrganization", "region": "AdministrativeArea",
               "publisher": "Organization"}
# The source's text kind as a schema.org type; unknown: the general Article.
SOURCE_TYPES = {"news-report": "ReportageNewsArticle", "commentary": "OpinionNewsArticle",
                "analysis": "AnalysisNewsArticle", "translation": "NewsArticle", "scholarly-article": "ScholarlyArticle",
                "interview": "NewsArticle", "press-release": "Article", "speech": "CreativeWork", "document": "CreativeWork"}


def iso_date(date: EdtfDate | None) -> str | None:
    """The EDTF date when it is also an ISO 8601 date (a day, month or year, certain and exact); else none:
    schema.org has no way to say "about" or "uncertain", and a guessed day would be false."""
    if date is None or date.is_interval or date.qualifier or date.precision not in ("day", "month", "year"):
        return None
    return date.text


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, [], "")}


class _Graph:
    def __init__(self, dossier: Dossier, meta: ExportMeta, linker: Linker, page: str):
        self.d, self.meta, self.page = dossier, meta, page
        self.href = lambda to, fragment=None: linker.href(page, to, fragment)
        self.referenced: dict[str, Actor] = {}  # actors named by claims and events: one node each, at the end

    def ref(self, actor_id: str) -> dict[str, str]:
        """An actor by reference: its node stands once in the page's graph, not in every claim and event."""
        self.referenced[actor_id] = self.d.actor_by_id[actor_id]
        return {"@id": self.href(urls.actor_page(actor_id), "akteur")}

    def actor(self, actor: Actor, full: bool = False) -> dict[str, Any]:
        node = {"@type": ACTOR_TYPES.get(actor.kind, "Organization"), "@id": self.href(urls.actor_page(actor.id), "akteur"),
                "name": actor.name, "url": self.href(urls.actor_page(actor.id))}
        if full:
            node |= {"alternateName": list(actor.aliases), "description": actor.role,
                     "sameAs": f"https://www.wikidata.org/wiki/{actor.wikidata}" if actor.wikidata else None}
        return _compact(node)

    def article(self, source: Source) -> dict[str, Any]:
        return _compact({
            "@type": SOURCE_TYPES.get(source.kind, "Article"),
            "@id": self.href(urls.source_page(source.id), "quelle"),
            "headline": source.title, "name": source.title,
            "author": [{"@type": "Person", "name": a} for a in source.authors],
            "datePublished": iso_date(source.date),
            "isPartOf": {"@type": "Periodical", "name": source.publication} if source.publication else None,
            "inLanguage": source.language, "url": self.href(urls.source_page(source.id)),
            "sameAs": [u for u in (source.url, f"https://doi.org/{source.doi}" if source.doi else None) if u],
            "wordCount": source.words,
            "mentions": [self.actor(a) for a in self.d.actors_by_source.get(source.id, ())],
        })

    def claim(self, claim: Claim) -> dict[str, Any]:
        source = self.d.source_by_id[claim.source]
        if claim.claimant == AUTHOR:
            author = [{"@type": "Person", "name": a} for a in source.authors] or {"@id": self.href(urls.source_page(source.id), "quelle")}
        else:
            author = self.ref(claim.claimant)
        passage = self.href(urls.source_page(source.id), claim.passage.anchor)
        return _compact({
            "@type": "Claim", "@id": self.href(urls.topic_page(self.d, claim.topic), f"k-{claim.id}"),
            "text": claim.text, "author": author,
            "appearance": {"@type": "Quotation", "@id": passage, "url": passage, "text": claim.quote,
                           "isPartOf": {"@id": self.href(urls.source_page(source.id), "quelle")}},
            "about": [self.ref(a) for a in claim.about],
        })

    def event(self, event: Event) -> dict[str, Any]:
        return _compact({
            "@type": "Event", "@id": self.href(urls.event_page(self.d, event.id), event.id), "name": event.title,
            "startDate": iso_date(event.date), "description": event.note,
            "performer": [self.ref(a) for a in event.actors],
            "subjectOf": [{"@id": self.href(urls.source_page(ev.source), ev.passage.anchor)}
                          for ev in self.d.evidence_by_event.get(event.id, ())],
        })

    def work(self, cit) -> dict[str, Any]:
        """A reference as the CreativeWork it names, cited by its source (only what the annotation knows)."""
        return _compact({
            "@type": "CreativeWork", "@id": self.href(urls.BIBLIOGRAPHY, f"ref-{cit.id}"), "name": cit.title,
            "author": [{"name": a} for a in cit.authors], "datePublished": iso_date(cit.date),
            "isPartOf": {"name": cit.container} if cit.container else None,
            "publisher": {"name": cit.publisher} if cit.publisher else None,
            "url": cit.url if cit.url and cit.url.startswith(("http://", "https://")) else None,
            "sameAs": f"https://doi.org/{cit.doi}" if cit.doi else None,
            "subjectOf": {"@id": self.href(urls.source_page(cit.source), "quelle")},
        })

    def dataset(self, exports: list[tuple[str, str, str]]) -> dict[str, Any]:
        return _compact({
            "@type": "Dataset", "@id": self.href(urls.DATA, "daten"), "name": self.meta.title,
            "license": self.meta.licence_url or self.meta.licence, "dateModified": self.meta.stand.isoformat(),
            "distribution": [{"@type": "DataDownload", "contentUrl": self.href(path), "encodingFormat": media,
                              "name": path} for path, media, _ in exports],
        })


def page_graph(dossier: Dossier, meta: ExportMeta, page: str, exports=(), use_directory_urls: bool = False):
    """The JSON-LD document for one generated page, or None."""
    g, d = _Graph(dossier, meta, Linker(use_directory_urls), page), dossier
    nodes: list[dict[str, Any]] = []
    if page in (urls.HOME, urls.DATA):
        nodes.append(g.dataset(list(exports)))
    elif page == urls.TIMELINE:  # a large dossier's timeline index has none: they are on the periods' pages
        nodes += [] if urls.timeline_split(d) else [g.event(e) for e in d.events]
    elif page.startswith("zeitleiste/"):
        nodes += [g.event(d.event_by_id[e]) for e in urls.events_on(d, page)]
    elif page == urls.TOPICS:  # a large dossier's topics index has none: they are on the topics' pages
        nodes += [] if urls.topics_split(d) else [g.claim(c) for c in d.claims]
    elif page.startswith("themen/"):
        topic = page[len("themen/"):-3]
        claims = d.claims_without_topic if topic == urls.OTHER_CLAIMS else d.claims_by_topic.get(topic, ())
        nodes += [g.claim(c) for c in claims]
    elif page == urls.BIBLIOGRAPHY:
        nodes += [g.work(c) for c in d.citations if not c.repeats]
    elif page == urls.SOURCES:
        nodes += [g.article(s) for s in d.sources]
    elif page == urls.ACTORS:
        nodes += [g.actor(a, full=True) for a in d.actors]
    elif page.startswith("quellen/"):
        source = d.source_by_id[page[len("quellen/"):-3]]
        nodes.append(g.article(source))
        nodes += [g.claim(c) for c in d.claims_by_source.get(source.id, ())]
    elif page.startswith("akteure/"):
        nodes.append(g.actor(d.actor_by_id[page[len("akteure/"):-3]], full=True))
    if not nodes:
        return None
    nodes += [g.actor(a) for a in sorted(g.referenced.values(), key=lambda a: a.id)]
    return {"@context": CONTEXT, "@graph": nodes}


def script(graph: dict[str, Any] | None) -> str:
    """The <script> element, on one line (a blank line would end Markdown's raw HTML block)."""
    if graph is None:
        return ""
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'\n<script type="application/ld+json">{text}</script>\n'
