"""Assembling the Dossier from validated records: sorting, summaries and the actors' mentions."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from types import MappingProxyType
from typing import Iterable

from ..mentions import MentionFinder, short_forms
from .agreement import derive_contested
from .types import Actor, Citation, Claim, Dossier, Event, Evidence, MentionSite, Position, Source, Tag, Topic


def mention_sites(actors: list[Actor], sources: list[Source]) -> dict[str, list[MentionSite]]:
    """Every place a source's text names an actor (short forms after the full name included), in source and
    text order: one pass over each text."""
    finder = MentionFinder(((a.id, name) for a in actors for name in a.names),
                           short_forms((a.id, a.kind, a.names) for a in actors))
    sites: dict[str, list[MentionSite]] = defaultdict(list)
    for source in sources:
        found = finder.in_source([b.text for b in source.blocks])
        for i, mentions in enumerate(found.blocks):
            for m in mentions:
                sites[m.actor].append(MentionSite(source.id, i, m.start, m.end))
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
    sources = in_order(dataclasses.replace(s, summary=summaries.get(s.id)) for s in sources)
    sites = mention_sites(actors, sources) if sites is None else sites
    mentions = mention_counts(sites)
    topics = contested_from_positions(topics, positions)
    return Dossier(
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
        language=language,
        tag_labels=MappingProxyType({t.id: t.label for t in tags}),
    )


def contested_from_positions(topics: list[Topic], positions: list[Position]) -> list[Topic]:
    """Positions that disagree make a topic contested, whatever topics.yml says. Positions that agree do
    not prove the sources agree (they may differ on a number or a date): there topics.yml decides."""
    by_topic: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_topic[p.topic].append(p)
    return [dataclasses.replace(t, contested=derive_contested(t, by_topic.get(t.id, ())) is True or bool(t.contested_set))
            for t in topics]
