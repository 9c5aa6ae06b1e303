"""Assembling the Dossier from validated records: sorting, summaries and the actors' mentions."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from types import MappingProxyType

from ..mentions import MentionFinder, short_forms
from .agreement import derive_contested
from .types import Actor, Citation, Claim, Dossier, Event, Evidence, Position, Source, Tag, Topic


def mention_counts(actors: list[Actor], sources: list[Source]) -> dict[str, dict[str, int]]:
    finder = MentionFinder(((a.id, name) for a in actors for name in a.names),
                           short_forms((a.id, a.kind, a.names) for a in actors))
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for source in sources:
        for actor, n in finder.count(b.text for b in source.blocks).items():
            counts[actor][source.id] = n
    return counts


def assemble(sources: list[Source], summaries: dict[str, str], actors: list[Actor], events: list[Event],
             topics: list[Topic], evidence: list[Evidence], claims: list[Claim], citations: list[Citation],
             language: str = "de", tags: list[Tag] = (), positions: list[Position] = ()) -> Dossier:
    sources = sorted((dataclasses.replace(s, summary=summaries.get(s.id)) for s in sources),
                     key=lambda s: ((0, s.date.sort_key()) if s.date else (1,), s.id))  # undated last
    mentions = mention_counts(actors, sources)
    topics = contested_from_positions(topics, positions)
    return Dossier(
        sources=tuple(sources),
        actors=tuple(sorted(actors, key=lambda a: a.name.casefold())),
        events=tuple(sorted(events, key=lambda e: (e.date.sort_key(), e.id))),
        topics=tuple(topics),
        evidence=tuple(evidence),
        claims=tuple(claims),
        citations=tuple(citations),
        positions=tuple(positions),
        mentions=MappingProxyType({a: MappingProxyType(m) for a, m in mentions.items()}),
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
