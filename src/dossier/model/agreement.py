"""Where the sources agree and disagree: positions per topic and source, and the dates each source gives.

Pure functions over the Dossier. A position is typed by the editor; everything else here is derived:
"nicht behandelt" (the source has no claim on the topic), whether a topic is contested, whether the
sources' dates for an event differ, and which source reported an event first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import EdtfDate
from .types import Claim, Dossier, Event, Position, Source, Topic

# The answer scale for yes/no questions, from yes to no. "offen": the source treats the question and
# leaves it open. A topic with answer options of its own uses those, plus "offen".
SCALE = ("ja", "eher-ja", "offen", "eher-nein", "nein")
OPEN = "offen"
_SCALE_VALUE = {"ja": 2, "eher-ja": 1, "offen": 0, "eher-nein": -1, "nein": -2}


def vocabulary(topic: Topic) -> tuple[str, ...]:
    """The answers a position on `topic` may give."""
    return (*(a.id for a in topic.answers), OPEN) if topic.answers else SCALE


def derive_contested(topic: Topic, positions) -> bool | None:
    """Whether the positions disagree, or None where they cannot tell.

    On the scale, two positions two or more steps apart disagree ("ja" and "offen", "eher ja" and "eher
    nein"); neighbours ("ja" and "eher ja") differ in confidence, not in the answer. Of a topic's own
    answers, two different ones disagree, unless the topic allows several answers (motives, roles): those
    add up rather than exclude each other, and only the editor can say whether they conflict. One position
    alone cannot disagree with anything."""
    positions = list(positions)
    if len(positions) < 2 or (topic.answers and topic.multiple):
        return None
    if topic.answers:
        return len({p.answers[0] for p in positions if p.answers[0] != OPEN}) > 1
    values = [_SCALE_VALUE[p.answers[0]] for p in positions]
    return max(values) - min(values) >= 2


@dataclass(frozen=True)
class Cell:
    """One source's answer to one topic, as the matrix shows it."""

    source: Source
    status: str  # "position" | "not-covered" (no claim on the topic) | "unrated" (claims, but no position yet)
    position: Position | None
    claims: tuple[Claim, ...]  # what the position rests on; for "unrated", the source's claims on the topic

    @property
    def key(self) -> str:
        """The position's value for styling: a scale value, "answer-N" for a topic's own answer N
        (several answers: the first), or the status."""
        return self.position.answers[0] if self.position else self.status


def row(dossier: Dossier, topic: Topic) -> tuple[Cell, ...]:
    """The topic's cell for every source, in the dossier's source order."""
    positions = dossier.position_by_topic.get(topic.id, {})
    on_topic: dict[str, list[Claim]] = {}
    for claim in dossier.claims_by_topic.get(topic.id, ()):
        on_topic.setdefault(claim.source, []).append(claim)
    cells = []
    for source in dossier.sources:
        position = positions.get(source.id)
        if position:
            cells.append(Cell(source, "position", position,
                              tuple(dossier.claim_by_id[c] for c in position.claims if c in dossier.claim_by_id)))
        elif source.id in on_topic:
            cells.append(Cell(source, "unrated", None, tuple(on_topic[source.id])))
        else:
            cells.append(Cell(source, "not-covered", None, ()))
    return tuple(cells)


def answer_index(topic: Topic, answer: str) -> int | None:
    """The place of one of the topic's own answers (for a categorical colour), None for a scale value."""
    for i, a in enumerate(topic.answers):
        if a.id == answer:
            return i
    return None


@dataclass(frozen=True)
class ReportedDate:
    date: EdtfDate
    sources: tuple[Source, ...]


def reported_dates(dossier: Dossier, event: Event) -> tuple[ReportedDate, ...]:
    """The dates the sources give for `event`, earliest first, each with the sources that give it."""
    by_text: dict[str, tuple[EdtfDate, list[Source]]] = {}
    for ev in dossier.evidence_by_event.get(event.id, ()):
        if ev.date is None:
            continue
        date, sources = by_text.setdefault(ev.date.text, (ev.date, []))
        source = dossier.source_by_id[ev.source]
        if source not in sources:
            sources.append(source)
    order = dossier.source_order
    return tuple(ReportedDate(date, tuple(sorted(sources, key=lambda s: order[s.id])))
                 for date, sources in sorted(by_text.values(), key=lambda ds: ds[0].sort_key()))


def dates_disagree(reported) -> bool:
    """Two reported dates that share no possible day: "März 2024" and "April 2024" disagree, "2024" and
    "März 2024" do not (one is only less precise)."""
    reported = list(reported)
    return len(reported) > 1 and max(r.date.start for r in reported) > min(r.date.end for r in reported)


def dates_differ_from_event(event: Event, reported) -> bool:
    """Whether the reported dates say more than the event's own date: another date or precision."""
    return any(r.date.text != event.date.text for r in reported)


def first_reported(dossier: Dossier, event: Event) -> tuple[Source, ...]:
    """The source that published the event first: among the dated sources that report it, those that
    no other one certainly preceded. Several where their dates overlap ("2024" and "Juni 2024")."""
    seen: dict[str, Source] = {}
    for ev in dossier.evidence_by_event.get(event.id, ()):
        seen.setdefault(ev.source, dossier.source_by_id[ev.source])
    dated = [s for s in seen.values() if s.date is not None]
    if not dated:
        return ()
    earliest_end = min(s.date.end for s in dated)
    return tuple(sorted((s for s in dated if s.date.start <= earliest_end),
                        key=lambda s: dossier.source_order[s.id]))
