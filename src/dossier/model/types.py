"""The dossier's data types. Frozen dataclasses and tuples: pages cannot change what they render."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

from ..dates import EdtfDate
from ..memo import Generations

ACTOR_KINDS = ("person", "state", "region", "international", "organisation", "party", "government", "think-tank",
               "media", "publisher")
# What kind of text a source is (front matter `kind`); null where the text does not show it.
SOURCE_KINDS = ("news-report", "commentary", "analysis", "scholarly-article", "interview", "translation",
                "press-release", "speech", "document")
STANCES = ("asserts", "alleges", "denies", "doubts", "expects", "estimates", "warns", "proposes", "reports")
CITATION_TYPES = ("article-journal", "article-newspaper", "article-magazine", "report", "book", "webpage",
                  "interview", "speech", "document")
AUTHOR = "author"  # a claim's claimant when the article speaks in its own voice


@dataclass(frozen=True)
class Block:
    kind: str  # "p" (paragraph) or "h2" (subheading)
    text: str
    number: int  # paragraphs are numbered 1..n; headings carry the number of the paragraph before them
    line: int  # line in the source file, for diagnostics and `dossier suggest`

    @property
    def anchor(self) -> str:
        return f"p-{self.number}"


@dataclass(frozen=True)
class Passage:
    """A highlighted stretch of a source's text: where a quote stands."""

    source: str
    block: int  # index into Source.blocks
    start: int
    end: int
    anchor: str  # the id of the highlight on the source page

    @property
    def key(self) -> tuple[str, int, int, int]:
        return (self.source, self.block, self.start, self.end)


@dataclass(frozen=True)
class Source:
    id: str
    path: str
    title: str
    title_editorial: bool
    authors: tuple[str, ...]
    publication: str | None
    date: EdtfDate | None
    language: str | None
    translated_from: str | None
    url: str | None
    doi: str | None
    repairs: tuple[str, ...]
    blocks: tuple[Block, ...]
    summary: str | None = None
    kind: str | None = None  # one of SOURCE_KINDS, or None: unknown
    short: str | None = None  # a short title for the short citation (front matter `short`)
    first_published: str | None = None  # where the text says it appeared first

    @property
    def short_cite(self) -> str:
        """How the dossier names the source in running text and lists: "Havertz 2024" (surname and year),
        "Cha und Kim 2024", "Havertz u. a. 2024"; an anonymous text by its short title ("Pakt der Parias
        2023": front matter `short`, else the title up to its first colon or question mark). The year
        only where the source is dated."""
        surnames = [a.split()[-1] for a in self.authors if a.split()]
        if self.short:
            name = self.short
        elif len(surnames) == 1:
            name = surnames[0]
        elif len(surnames) == 2:
            name = f"{surnames[0]} und {surnames[1]}"
        elif surnames:
            name = f"{surnames[0]} u. a."
        else:
            name = re.split(r"[:?!]", self.title, maxsplit=1)[0].strip() or self.title
        # A year only where the date names one year ("2024-06"), not a span ("202X", "2023/2024").
        year = self.date and self.date.start.year == self.date.end.year and self.date.start.year
        return f"{name} {year}" if year else name

    @cached_property  # read by every page, export and rebuild comparison that counts the words
    def words(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "p")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    wikidata: str | None
    surname: str | None = None  # a person's family name where it is not the last word ("Kim", "Xi")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def family_name(self) -> str:
        """What a German index sorts a person by: the given surname, else the name's last word."""
        return self.surname or self.name.split()[-1]

    @property
    def family_name_first(self) -> bool:
        return bool(self.surname) and self.name.startswith(self.surname)


@dataclass(frozen=True)
class Tag:
    id: str
    label: str  # what readers see ("Militär"); the id ("militaer") is for URLs and annotations


@dataclass(frozen=True)
class Event:
    id: str
    date: EdtfDate
    title: str
    actors: tuple[str, ...]
    tags: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Answer:
    """One of a topic's own answer options, where yes/no does not fit the question."""

    id: str
    label: str


@dataclass(frozen=True)
class Topic:
    id: str
    question: str
    contested: bool  # as the dossier shows it: derived from the positions where they allow it (model/agreement.py)
    disagreement: str | None
    answers: tuple[Answer, ...] = ()  # empty: the question is answered on the yes/no scale (agreement.SCALE)
    multiple: bool = False  # a source may give several of the answers; they do not exclude each other
    contested_set: bool | None = None  # what topics.yml says, if it says anything


@dataclass(frozen=True)
class Position:
    """A source's answer to a topic's question, resting on claims of that source on that topic."""

    source: str
    topic: str
    answers: tuple[str, ...]  # one scale value or answer id; several only for a topic with `multiple`
    claims: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Evidence:
    source: str
    event: str
    quote: str
    passage: Passage
    date: EdtfDate | None = None  # the date as this source gives it; the event's date is the editor's synthesis


@dataclass(frozen=True)
class Claim:
    id: str
    source: str
    claimant: str  # an actor id, or AUTHOR
    stance: str
    topic: str | None
    about: tuple[str, ...]
    text: str
    quote: str
    passage: Passage


@dataclass(frozen=True)
class Citation:
    id: str
    source: str
    marker: str | None
    quote: str
    type: str | None
    authors: tuple[str, ...]
    title: str | None
    container: str | None
    publisher: str | None
    date: EdtfDate | None
    url: str | None
    doi: str | None
    repeats: str | None
    note: str | None
    passage: Passage


@dataclass(frozen=True)
class MentionSite:
    """Where a source's text names an actor: paragraph (index into Source.blocks) and character span."""

    source: str
    block: int
    start: int
    end: int


# An index of the last load, with the fields it was made from: under `dossier serve` (memo.py), a load whose
# fields are those very objects (model/build.py keeps a field equal to the last one) takes the index over
# instead of building it again (half a second at 1,000 articles), and the rebuild finds it unchanged by
# identity (pages/reads.py).
INDEXES = Generations()


class index(cached_property):
    """An index of the Dossier, built once, on first use, from the fields named (and nothing else: the
    tests check that it is the same when every other field is missing)."""

    def __init__(self, *fields: str) -> None:
        self.fields = fields

    def __call__(self, func):
        super().__init__(func)
        return self

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        held = instance.__dict__
        if (value := held.get(self.attrname, _UNSET)) is not _UNSET:
            return value
        inputs = tuple(getattr(instance, name) for name in self.fields)
        kept = INDEXES.get(self.attrname)
        if kept is not None and all(a is b for a, b in zip(kept[0], inputs)):
            value = kept[1]
        else:
            value = self.func(instance)
        INDEXES.put(self.attrname, (inputs, value))
        held[self.attrname] = value
        return value


_UNSET = object()


def _frozen_index(pairs) -> Mapping[str, tuple]:
    grouped: dict[str, list] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return MappingProxyType({k: tuple(v) for k, v in grouped.items()})


@dataclass(frozen=True)
class Dossier:
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]  # sorted by date bounds
    topics: tuple[Topic, ...]
    evidence: tuple[Evidence, ...]
    claims: tuple[Claim, ...]
    citations: tuple[Citation, ...]
    positions: tuple[Position, ...] = ()
    mentions: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # actor -> source -> count
    mention_sites: Mapping[str, tuple[MentionSite, ...]] = field(default_factory=dict)  # actor -> in text order
    language: str = "de"
    tag_labels: Mapping[str, str] = field(default_factory=dict)  # tag id -> label (annotations/tags.yml)

    def tag_label(self, tag: str) -> str:
        """A tag as readers see it: its label from tags.yml, else the id with a capital (never the bare slug)."""
        return self.tag_labels.get(tag) or tag[:1].upper() + tag[1:].replace("-", " ")

    def build_indexes(self) -> None:
        """Builds every index below now instead of on first use: before the build forks (forked.py), so that
        the children share them with this process instead of each building them again."""
        for name, value in vars(type(self)).items():
            if isinstance(value, cached_property):
                getattr(self, name)

    # Indexes: each built once, on first use. Everything is keyed by id; no page loops over all x all.
    @index("sources")
    def source_by_id(self) -> Mapping[str, Source]:
        return MappingProxyType({s.id: s for s in self.sources})

    @index("sources")
    def source_order(self) -> Mapping[str, int]:
        """Each source's place in the dossier (by date): lists that span sources follow it."""
        return MappingProxyType({s.id: i for i, s in enumerate(self.sources)})

    @index("actors")
    def actor_by_id(self) -> Mapping[str, Actor]:
        return MappingProxyType({a.id: a for a in self.actors})

    @index("events")
    def event_by_id(self) -> Mapping[str, Event]:
        return MappingProxyType({e.id: e for e in self.events})

    @index("topics")
    def topic_by_id(self) -> Mapping[str, Topic]:
        return MappingProxyType({t.id: t for t in self.topics})

    @index("citations")
    def citation_by_id(self) -> Mapping[str, Citation]:
        return MappingProxyType({c.id: c for c in self.citations})

    @index("evidence")
    def evidence_by_event(self) -> Mapping[str, tuple[Evidence, ...]]:
        return _frozen_index((e.event, e) for e in self.evidence)

    @index("evidence")
    def evidence_by_source(self) -> Mapping[str, tuple[Evidence, ...]]:
        return _frozen_index((e.source, e) for e in self.evidence)

    @index("claims")
    def claims_by_source(self) -> Mapping[str, tuple[Claim, ...]]:
        return _frozen_index((c.source, c) for c in self.claims)

    @index("claims")
    def claims_by_topic(self) -> Mapping[str, tuple[Claim, ...]]:
        return _frozen_index((c.topic, c) for c in self.claims if c.topic)

    @index("claims")
    def claims_without_topic(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if not c.topic)

    @index("claims")
    def claims_by_claimant(self) -> Mapping[str, tuple[Claim, ...]]:
        return _frozen_index((c.claimant, c) for c in self.claims)

    @index("claims")
    def claims_about(self) -> Mapping[str, tuple[Claim, ...]]:
        return _frozen_index((actor, c) for c in self.claims for actor in c.about)

    @index("positions")
    def position_by_topic(self) -> Mapping[str, Mapping[str, Position]]:
        """topic -> source -> that source's position."""
        return MappingProxyType({t: MappingProxyType({p.source: p for p in ps})
                                 for t, ps in _frozen_index((p.topic, p) for p in self.positions).items()})

    @index("claims")
    def claim_by_id(self) -> Mapping[str, Claim]:
        return MappingProxyType({c.id: c for c in self.claims})

    @index("citations")
    def citations_by_source(self) -> Mapping[str, tuple[Citation, ...]]:
        return _frozen_index((c.source, c) for c in self.citations)

    @index("events")
    def events_by_actor(self) -> Mapping[str, tuple[Event, ...]]:
        return _frozen_index((actor, e) for e in self.events for actor in e.actors)

    @index("events", "evidence")
    def events_by_source(self) -> Mapping[str, tuple[Event, ...]]:
        order = {e.id: i for i, e in enumerate(self.events)}
        seen: set[tuple[str, str]] = set()
        pairs = []
        for ev in sorted(self.evidence, key=lambda ev: order[ev.event]):
            if (ev.source, ev.event) not in seen:
                seen.add((ev.source, ev.event))
                pairs.append((ev.source, self.event_by_id[ev.event]))
        return _frozen_index(pairs)

    @index("actors", "mentions")
    def actors_by_source(self) -> Mapping[str, tuple[Actor, ...]]:
        """Actors a source mentions in its text, most mentioned first."""
        pairs = []
        for actor in self.actors:
            for source, count in self.mentions.get(actor.id, {}).items():
                pairs.append((source, (count, actor)))
        index = _frozen_index(pairs)
        return MappingProxyType({s: tuple(a for _, a in sorted(v, key=lambda ca: (-ca[0], ca[1].name)))
                                 for s, v in index.items()})

    @index("mention_sites")
    def actors_by_paragraph(self) -> Mapping[tuple[str, int], frozenset[str]]:
        """(source, block) -> the actors that paragraph names: who appears together with whom."""
        grouped: dict[tuple[str, int], set[str]] = defaultdict(set)
        for actor, sites in self.mention_sites.items():
            for site in sites:
                grouped[(site.source, site.block)].add(actor)
        return MappingProxyType({k: frozenset(v) for k, v in grouped.items()})

    @index("events", "tag_labels")
    def tags(self) -> tuple[str, ...]:
        """The tags events use, in the order of their labels."""
        return tuple(sorted({t for e in self.events for t in e.tags}, key=lambda t: self.tag_label(t).casefold()))

    @index("events", "claims")
    def acting(self) -> frozenset[str]:
        """Actors of the events and claims: who takes part in an event, makes a claim or is its subject. The
        other actors are only named (media and publishers of cited works, an outlet a text quotes)."""
        return frozenset({a for e in self.events for a in e.actors} | {c.claimant for c in self.claims}
                         | {a for c in self.claims for a in c.about})
