"""The notes of a source page: one numbered note per highlighted passage, saying what the passage is
evidence for (an event with its date), whose claim it is, or which work it cites, with the way to that
event, claim or reference, and, for an event, the other passages that report it.

The notes stand beside their paragraph on a wide screen and under it on a phone; dossier.js shows the
note of an opened passage as a card right under the passage (the reader arrived from a link).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Source
from ..model.types import Passage
from . import urls
from .typography import german


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    title: str | None = None


@dataclass(frozen=True)
class Note:
    number: int
    kind: str  # "event", "claim", "citation"
    passage: Passage
    kind_label: str  # "Ereignis"
    lead: str | None  # the event's date label; the claimant and stance ("Wladimir Putin sagt")
    text: Link  # the event's title, the claim's text, the reference, linked to where it is in the dossier
    back: Link  # "Zur Zeitleiste", "Zum Thema", "Zur Bibliographie": the way back, with the same target
    also: tuple[Link, ...] = ()  # other sources' passages that report the same event ("Schmitt 2024, ¶3")
    also_here: tuple[Link, ...] = ()  # further passages of this source for the same event ("¶9")

    @property
    def id(self) -> str:
        return f"n-{self.passage.anchor}"


def source_notes(ctx, source: Source, page: str) -> list[Note]:
    """Every passage of `source` as a note, numbered in reading order."""
    from .bibliography import format_citation
    from .source import claimant_name

    d, w, link = ctx.dossier, ctx.words, ctx.link(page)
    drafts = []
    for ev in d.evidence_by_source.get(source.id, ()):
        event = d.event_by_id[ev.event]
        href = link(urls.event_page(d, event.id), event.id)
        # The other passages for the event: further ones in this source ("¶9") apart from the other
        # sources' ("Schmitt 2024, ¶3"), so that a reader sees at once whether anyone else reports it.
        here, elsewhere = [], []
        for o in d.evidence_by_event.get(event.id, ()):
            if o.passage == ev.passage:
                continue
            other = d.source_by_id[o.source]
            number = f"¶{_number(d, o.passage)}"
            if o.source == source.id:
                here.append(Link(number, f"#{o.passage.anchor}"))
            else:
                elsewhere.append(Link(f"{other.short_cite}, {number}",
                                      link(urls.source_page(o.source), o.passage.anchor), other.title))
        drafts.append((ev.passage, "event", w.event, event.date.label(w), Link(event.title, href),
                       Link(w.back_to_timeline, href), tuple(elsewhere), tuple(here)))
    for claim in d.claims_by_source.get(source.id, ()):
        href = link(urls.topic_page(d, claim.topic), f"k-{claim.id}")
        topic = d.topic_by_id[claim.topic].question if claim.topic else None
        lead = f"{claimant_name(ctx, claim.claimant, source)} {w.stances[claim.stance]}:"
        drafts.append((claim.passage, "claim", w.claim, lead, Link(german(claim.text), href, topic),
                       Link(w.back_to_topic, href, topic), (), ()))
    for cit in d.citations_by_source.get(source.id, ()):
        href = link(urls.BIBLIOGRAPHY, f"ref-{cit.id}")
        text = format_citation(ctx, cit) or cit.title or cit.quote
        if cit.repeats:
            repeated = d.citation_by_id[cit.repeats]
            text = f"{w.ibid} ({repeated.title or repeated.quote})"
        drafts.append((cit.passage, "citation", w.reference, None, Link(text, href),
                       Link(w.back_to_bibliography, href), (), ()))
    drafts.sort(key=lambda draft: (draft[0].block, draft[0].start, -draft[0].end))
    return [Note(i, kind, passage, *rest) for i, (passage, kind, *rest) in enumerate(drafts, start=1)]


def _number(d, passage: Passage) -> int:
    return d.source_by_id[passage.source].blocks[passage.block].number
