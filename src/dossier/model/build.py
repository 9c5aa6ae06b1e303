"""Assembling the Dossier from validated records: sorting, summaries and the actors' mentions."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from types import MappingProxyType
from typing import Iterable, Mapping

from ..memo import RECORDS
from ..mentions import MentionFinder, short_forms
from .agreement import derive_contested
from .types import Actor, Citation, Claim, Dossier, Event, Evidence, MentionSite, Position, Source, Tag, Topic


class _SiteMemo:
    """The mentions found in each text, for the rebuilds under `dossier serve`: an edit changes one text (or
    none), and finding the actors in all of them again took two seconds at 1,000 articles. Valid for one
    set of actors; another set (an edited actors.yml) starts afresh."""

    def __init__(self) -> None:
        self.actors: tuple[Actor, ...] | None = None
        self.finder: MentionFinder | None = None
        self.found: dict[tuple[str, tuple[str, ...]], list[tuple[str, MentionSite]]] = {}  # (actor, site)

    def forget(self) -> None:
        self.actors, self.finder, self.found = None, None, {}

    def use(self, actors: list[Actor]) -> None:
        if tuple(actors) != self.actors:
            self.actors, self.finder, self.found = tuple(actors), None, {}

    def unknown(self, actors: list[Actor], sources: list[Source]) -> int:
        """How many texts' mentions are not known already (for a few, a child to find them is not worth it)."""
        self.use(actors)
        return sum((s.id, _texts(s)) not in self.found for s in sources)

    def learn(self, actors: list[Actor], sources: list[Source], sites: dict[str, list[MentionSite]]) -> None:
        """Keeps what a child found (its own memo is lost with it)."""
        self.use(actors)
        by_source: dict[str, list] = {s.id: [] for s in sources}
        for actor, found in sites.items():
            for site in found:
                by_source[site.source].append((actor, site))
        for source in sources:  # back in text order: sites are grouped by actor
            self.found[source.id, _texts(source)] = sorted(by_source[source.id],
                                                           key=lambda m: (m[1].block, m[1].start, m[1].end))


SITES = _SiteMemo()


def _texts(source: Source) -> tuple[str, ...]:
    return tuple(b.text for b in source.blocks)


def mention_sites(actors: list[Actor], sources: list[Source]) -> dict[str, list[MentionSite]]:
    """Every place a source's text names an actor (short forms after the full name included), in source and
    text order: one pass over each text."""
    SITES.use(actors)
    sites: dict[str, list[MentionSite]] = defaultdict(list)
    for source in sources:
        key = (source.id, _texts(source))
        if (found := SITES.found.get(key)) is None:
            if SITES.finder is None:
                SITES.finder = MentionFinder(((a.id, name) for a in actors for name in a.names),
                                             short_forms((a.id, a.kind, a.names) for a in actors))
            blocks = SITES.finder.in_source(list(key[1])).blocks
            found = SITES.found[key] = [(m.actor, MentionSite(source.id, i, m.start, m.end))
                                        for i, mentions in enumerate(blocks) for m in mentions]
        for actor, site in found:  # the same objects in each rebuild: unchanged, as pages/reads.py sees it
            sites[actor].append(site)
    return sites


def mention_counts(sites: dict[str, list[MentionSite]]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for actor, found in sites.items():
        for site in found:
            counts[actor][site.source] = counts[actor].get(site.source, 0) + 1
    return counts


def in_order(sources: Iterable[Source]) -> list[Source]:
    """The sources as the dossier lists them: by date, undated last."""
    return sorted(sources, key=lambda s: ((0, s.date.sort_key()) if s.date else (1,), s.id))


def assemble(sources: list[Source], summaries: dict[str, str], actors: list[Actor], events: list[Event],
             topics: list[Topic], evidence: list[Evidence], claims: list[Claim], citations: list[Citation],
             language: str = "de", tags: list[Tag] = (), positions: list[Position] = (),
             sites: dict[str, list[MentionSite]] | None = None) -> Dossier:
    """`sites`: mention_sites(actors, in_order(sources)) when it was computed already (in a child, while the
    annotations were checked)."""
    same = RECORDS.same  # under `dossier serve`, a record equal to the last load's is that object (memo.py)
    sources = in_order(same("source", s.id, dataclasses.replace(s, summary=summaries.get(s.id))) for s in sources)
    sites = mention_sites(actors, sources) if sites is None else sites
    mentions = mention_counts(sites)
    topics = [same("topic", t.id, t) for t in contested_from_positions(topics, positions)]
    actors = [same("actor", a.id, a) for a in actors]
    events = [same("event", e.id, e) for e in events]
    fields = dict(
        sources=tuple(sources),
        actors=tuple(sorted(actors, key=lambda a: a.name.casefold())),
        # Same bounds: the editor's order in events.yml stands (Python's sort is stable); ids say nothing.
        events=tuple(sorted(events, key=lambda e: e.date.sort_key())),
        topics=tuple(topics),
        evidence=tuple(evidence),
        claims=tuple(claims),
        citations=tuple(citations),
        positions=tuple(positions),
        mentions=MappingProxyType({a: MappingProxyType(m) for a, m in mentions.items()}),
        mention_sites=MappingProxyType({a: tuple(found) for a, found in sites.items()}),
        tag_labels=MappingProxyType({t.id: t.label for t in tags}),
    )
    # A field as the last load made it is that object: the indexes made from it are taken over (types.py).
    return Dossier(**{name: _kept(name, value) for name, value in fields.items()}, language=language)


def _kept(name: str, value):
    old = RECORDS.get(("field", name))
    if old is not None and _ordered_equal(old, value):
        return old
    RECORDS.put(("field", name), value)
    return value


def _ordered_equal(a, b) -> bool:
    """Equal, and mappings also in the same order (the order reaches the pages: mentions by source)."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return len(a) == len(b) and all(ka == kb and _ordered_equal(va, vb)
                                        for (ka, va), (kb, vb) in zip(a.items(), b.items()))
    return a == b


def contested_from_positions(topics: list[Topic], positions: list[Position]) -> list[Topic]:
    """Positions that disagree make a topic contested, whatever topics.yml says. Positions that agree do
    not prove the sources agree (they may differ on a number or a date): there topics.yml decides."""
    by_topic: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_topic[p.topic].append(p)
    return [dataclasses.replace(t, contested=derive_contested(t, by_topic.get(t.id, ())) is True or bool(t.contested_set))
            for t in topics]
