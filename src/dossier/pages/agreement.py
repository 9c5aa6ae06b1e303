"""Where the sources agree, as pages show it: the topics × sources matrix, the home page's table of
disagreements, and on each timeline event the dates its sources give and who reported it first.

Templates reach this as `agree` (see Context.render), so the pages that show it need no code of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import agreement
from ..model.agreement import Cell, ReportedDate
from ..model.types import Event, Source, Topic


def position_anchor(topic_id: str, source_id: str) -> str:
    """The id of one source's answer to one topic on the topics page."""
    return f"{topic_id}--{source_id}"


@dataclass(frozen=True)
class EventDates:
    reported: tuple[ReportedDate, ...]
    differ: bool  # the sources give a date other than the event's own (or a different precision)
    disagree: bool  # two of them share no possible day
    first: tuple[Source, ...]  # zuerst berichtet von (empty where only one source reports the event)
    undated: tuple[Source, ...]  # sources that report it but carry no date: they might have been first


@dataclass(frozen=True)
class Group:
    """The sources that give one answer to a topic."""

    label: str
    css: str
    sources: tuple[Source, ...]


class View:
    def __init__(self, ctx, page: str):
        self.ctx, self.page, self.d = ctx, page, ctx.dossier
        # A topic's row and an event's dates do not depend on the page: worked out once per build, when
        # a page first needs them, and shared by every page's View (a large dossier has a page per topic
        # and per period; each working out all of them was topics x sources per page).
        self._memo = ctx.memo

    def label(self, topic: Topic, cell: Cell) -> str:
        """The answer in words: a scale word, the topic's own answer(s), or the derived status."""
        words = self.ctx.words.agree.positions
        if cell.position is None:
            return words[cell.status]
        own = {a.id: a.label for a in topic.answers}
        return ", ".join(own.get(a) or words[a] for a in cell.position.answers)

    def css(self, topic: Topic, cell: Cell) -> str:
        """The cell's colour class: the scale value, or a topic's own answer by its place (a categorical
        colour; the word always says the same)."""
        return self._css_of(topic, cell.key)

    @cached_property
    def topics(self) -> list[Topic]:
        """Contested first, then by how many sources speak to them (the topics page's order)."""
        speaking = {t.id: len({c.source for c in self.d.claims_by_topic.get(t.id, ())}) for t in self.d.topics}
        return sorted(self.d.topics, key=lambda t: (not t.contested, -speaking[t.id]))

    def row(self, topic: Topic) -> tuple[Cell, ...]:
        return self._memo(("row", topic.id), lambda: agreement.row(self.d, topic))

    def cell(self, topic: Topic, source_id: str) -> Cell:
        return self._memo(("cells", topic.id), lambda: {c.source.id: c for c in self.row(topic)})[source_id]

    def anchor(self, topic: Topic, source: Source) -> str:
        return position_anchor(topic.id, source.id)

    def groups(self, topic: Topic) -> list[Group]:
        """The sources by answer, from yes to no (or in the topic's order of answers); a source that gives
        several answers stands in each of their groups; sources that do not treat the topic are left out."""
        words, own = self.ctx.words.agree.positions, {a.id: a.label for a in topic.answers}
        groups: dict[str, list[Source]] = {}
        for cell in self.row(topic):
            for answer in cell.position.answers if cell.position else (cell.status,):
                if answer != "not-covered":
                    groups.setdefault(answer, []).append(cell.source)
        order = [*(a.id for a in topic.answers), *agreement.SCALE, "unrated"]
        return [Group(own.get(answer) or words[answer], self._css_of(topic, answer), tuple(sources))
                for answer, sources in sorted(groups.items(), key=lambda g: order.index(g[0]))]

    @staticmethod
    def _css_of(topic: Topic, answer: str) -> str:
        index = agreement.answer_index(topic, answer)
        return f"answer-{index % 6}" if index is not None else answer

    @cached_property
    def contested(self) -> list[Topic]:
        return [t for t in self.topics if t.contested]

    def event(self, event: Event) -> EventDates:
        return self._memo(("event", event.id), lambda: self._event(event))

    def _event(self, event: Event) -> EventDates:
        d = self.d
        reported = agreement.reported_dates(d, event)
        reporting = {ev.source for ev in d.evidence_by_event.get(event.id, ())}
        first = agreement.first_reported(d, event) if len(reporting) > 1 else ()
        # In the dossier's order of sources; only those that report the event (not a pass over all sources).
        undated = tuple(d.source_by_id[s] for s in sorted(reporting, key=d.source_order.__getitem__)
                        if d.source_by_id[s].date is None) if first else ()
        return EventDates(reported, agreement.dates_differ_from_event(event, reported),
                          agreement.dates_disagree(reported), first, undated)

    @cached_property
    def date_disagreements(self) -> list[tuple[Event, EventDates]]:
        return [(e, self.event(e)) for e in self.d.events if self.event(e).disagree]
