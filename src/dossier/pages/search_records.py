"""Search records: one per thing a reader looks for (a source paragraph, an event's evidence passage, an
event, a claim, an actor, a reference), each with its own URL (page and anchor), a readable title and
the facets the results page filters by. A pure function of the Dossier; `search_index` writes them out.

Quote and paraphrase stay in separate fields, so a snippet can show the paraphrase as such and the
quote as a quotation. Titles carry no badge labels or permalink signs: they are read, not decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Callable

from ..memo import Generations
from ..mentions import MentionFinder
from ..model import Dossier
from ..model.types import AUTHOR, Source
from . import reads, urls
from .urls import Linker

KINDS = ("event", "claim", "source", "actor", "reference")  # the order of the kind facet
TITLE_WORDS = 12  # a title's last part is cut after this many words ("Kim Jong-un reist …")
FOOTNOTE_SHARE = 0.8  # a paragraph this much covered by one citation's quote is a footnote
_MARKERS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


@dataclass(frozen=True)
class Record:
    url: str  # site-relative, with the anchor: "quellen/pakt-der-parias.html#p-3"
    kind: str  # one of KINDS
    title: str  # "Ereignis · September 2023 · Kim Jong-un reist …"
    text: str = ""  # what the record says in the dossier's or the source's words (a paraphrase, a note)
    quote: str = ""  # verbatim from the source, shown as a quotation
    source: str | None = None  # facet: the source id
    actors: tuple[str, ...] = ()  # facet: actor ids
    year: int | None = None  # facet
    topics: tuple[str, ...] = field(default=())  # facet: topic ids


def shorten(text: str, words: int = TITLE_WORDS) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]).rstrip(",;:") + " …"


def _plain(text: str) -> str:
    """Source text as searched and shown: without footnote markers ("Partner¹" is the word "Partner")."""
    return " ".join(_MARKERS.sub("", text).split())


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(i for i in items if i))


@reads.derived("actor_names")
def _actor_names(dossier) -> tuple:
    return tuple((a.id, a.names) for a in dossier.actors)


# The finder of the last load's actors, kept by `dossier serve` (memo.py; one entry, replaced when the
# actors change): making it and compiling its expressions took half a second of each rebuild at 1,000
# articles.
FINDERS = Generations()


def finder(dossier: Dossier) -> MentionFinder:
    """The actors' names and aliases (no short forms: a search record names who it names in full)."""
    kept = FINDERS.get("actors")
    if kept is not None and kept[0] is dossier.actors:
        return kept[1]
    made = MentionFinder((a.id, name) for a in dossier.actors for name in a.names)
    FINDERS.put("actors", (dossier.actors, made))
    return made


# What the builder's shared finder is made from, read by every record that uses it.
_NAMES_READ = frozenset({("actor_names", reads.ALL)})


class _Builder:
    def __init__(self, dossier: Dossier, linker: Linker, words):
        self.d, self.linker, self.w = dossier, linker, words
        self.label = words.search["kinds"]

    @cached_property
    def finder(self) -> MentionFinder:
        return finder(reads.real(self.d))

    @cached_property
    def _source_ids(self):
        return urls.source_id_pattern(s.id for s in reads.real(self.d).sources)

    def readable(self, text: str | None) -> str:
        """Editors' notes name sources by id ("laut keine-neue-allianz"); readers get the short citation."""
        reads.replay(self.d, reads.SOURCE_IDS)
        if not text or self._source_ids is None:
            return text or ""
        return self._source_ids.sub(lambda m: self.d.source_by_id[m.group()].short_cite, text)

    def url(self, page: str, anchor: str | None) -> str:
        return self.linker.url(page) + (f"#{anchor}" if anchor else "")

    def mentioned(self, text: str) -> tuple[str, ...]:
        reads.replay(self.d, _NAMES_READ)
        return _unique(m.actor for m in self.finder.find(text))

    def title(self, kind: str, *parts: str) -> str:
        return " · ".join((self.label[kind], *parts[:-1], shorten(parts[-1])))

    @staticmethod
    def year(source: Source) -> int | None:
        return source.date.start.year if source.date else None

    def where(self, source: Source, block: int) -> str:
        return f"{source.short_cite}, {self.w.paragraph} {source.blocks[block].number}"

    def paragraphs(self, source: Source):
        topics_by_block: dict[int, list[str]] = {}
        for claim in self.d.claims_by_source.get(source.id, ()):
            if claim.topic:
                topics_by_block.setdefault(claim.passage.block, []).append(claim.topic)
        # A footnote that is one reference is found as that reference (bibliographie.html), not twice.
        footnotes = {c.passage.block for c in self.d.citations_by_source.get(source.id, ())
                     if c.passage.end - c.passage.start >= FOOTNOTE_SHARE * len(source.blocks[c.passage.block].text)}
        for index, block in enumerate(source.blocks):
            if block.kind != "p" or index in footnotes:
                continue
            text = _plain(block.text)
            actors = self.mentioned(text)
            yield Record(self.url(urls.source_page(source.id), block.anchor), "source",
                         f"{self.label['source']} · {self.where(source, index)}", quote=text,
                         source=source.id, actors=actors, year=self.year(source),
                         topics=_unique(topics_by_block.get(index, ())))

    def evidence(self, source: Source):
        for ev in self.d.evidence_by_source.get(source.id, ()):
            event = self.d.event_by_id[ev.event]
            actors = _unique((*event.actors, *self.mentioned(ev.quote)))
            yield Record(self.url(urls.source_page(source.id), ev.passage.anchor), "event",
                         self.title("event", self.where(source, ev.passage.block), event.title),
                         quote=_plain(ev.quote), source=source.id,
                         actors=actors, year=self.year(source))

    def claims(self, source: Source):
        for claim in self.d.claims_by_source.get(source.id, ()):
            if claim.claimant == AUTHOR:
                who = ", ".join(source.authors) or self.w.author_voice
                claimant: tuple[str, ...] = ()
            else:
                who = self.d.actor_by_id[claim.claimant].name
                claimant = (claim.claimant,)
            actors = _unique((*claimant, *claim.about))
            yield Record(self.url(urls.source_page(source.id), claim.passage.anchor), "claim",
                         self.title("claim", source.short_cite, f"{who} {self.w.stances[claim.stance]}"),
                         text=claim.text, quote=_plain(claim.quote), source=source.id,
                         actors=actors, year=self.year(source), topics=_unique((claim.topic,)))

    def citations(self, source: Source):
        for cit in self.d.citations_by_source.get(source.id, ()):
            if cit.repeats:
                continue  # "Ebd.": the reference it repeats is the record
            described = [", ".join(cit.authors), cit.container or "", cit.publisher or "",
                         cit.date.label(self.w) if cit.date else "", self.readable(cit.note)]
            yield Record(self.url(urls.BIBLIOGRAPHY, f"ref-{cit.id}"), "reference",
                         self.title("reference", source.short_cite, cit.title or _plain(cit.quote)),
                         text=" · ".join(p for p in described if p), source=source.id,
                         year=cit.date.start.year if cit.date else None)

    def event(self, event):
        yield Record(self.url(urls.event_page(self.d, event.id), event.id), "event",
                     self.title("event", event.date.label(self.w), event.title),
                     text=self.readable(event.note), actors=event.actors, year=event.date.start.year)

    def actor(self, actor):
        described = [self.w.kinds.get(actor.kind, actor.kind), self.readable(actor.role)]
        yield Record(self.url(urls.actor_page(actor.id), None), "actor", f"{self.label['actor']} · {actor.name}",
                     text=" · ".join(p for p in described if p), actors=(actor.id,))

    def source(self, source):
        yield from (*self.evidence(source), *self.claims(source), *self.paragraphs(source), *self.citations(source))


def record_groups(dossier, linker: Linker, words) -> list[tuple[tuple[str, str], Callable[[], list[Record]]]]:
    """The search records in a stable order, in groups: (key, make the group's records). Events first, then
    per source its passages, claims, paragraphs and references, then actors. `dossier` may be tracked
    (pages/reads.py): each group looks up what it is about by id."""
    b, d = _Builder(dossier, linker, words), reads.real(dossier)

    def group(kind: str, index: str, id_: str) -> list[Record]:
        return list(getattr(b, kind)(getattr(dossier, index)[id_]))

    kinds = (("event", "event_by_id", d.events), ("source", "source_by_id", d.sources),
             ("actor", "actor_by_id", d.actors))
    return [((kind, r.id), partial(group, kind, index, r.id)) for kind, index, records in kinds for r in records]


def search_records(dossier: Dossier, linker: Linker, words) -> list[Record]:
    """Every search record of the dossier, in a stable order (see record_groups)."""
    return [record for _, make in record_groups(dossier, linker, words) for record in make()]
