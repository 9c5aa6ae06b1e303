"""Checking what says where the sources agree: a topic's own answers, the positions of a source, the
date a source gives for an event, and a hand-set `contested` against the positions."""

from __future__ import annotations

from collections import defaultdict

from ..dates import EdtfDate
from ..diagnostics import did_you_mean
from ..load.located_yaml import LocDict, LocList, Pos
from ..model.agreement import OPEN, SCALE, derive_contested, vocabulary
from ..model.types import Answer, Position, Topic
from . import specs
from .fields import Checker


def _items(value) -> list[tuple[object, Pos]]:
    return list(zip(value, value.item_pos)) if isinstance(value, LocList) else []


def topic_answers(c: Checker, topic_id: str, values: dict, item: LocDict) -> tuple[Answer, ...]:
    """A topic's own answer options (`answers:`), where yes/no does not fit its question."""
    answers: list[Answer] = []
    for entry, pos in _items(values["answers"]):
        a = c.mapping(entry, specs.ANSWER, f"an answer of topic '{topic_id}'", pos)
        if not a or not a["id"] or not a["label"]:
            continue
        if a["id"] == OPEN:
            c.error(entry.value_pos["id"], "bad-id", f"'{OPEN}' is every topic's answer already",
                    f"'{OPEN}' stands for a source that treats the question but leaves it open; remove this answer")
        elif any(other.id == a["id"] for other in answers):
            c.error(entry.value_pos["id"], "duplicate-id", f"topic '{topic_id}' has the answer '{a['id']}' twice",
                    "give each answer its own id")
        else:
            answers.append(Answer(a["id"], a["label"]))
    if values["multiple"] and not answers:
        c.error(item.value_pos["multiple"], "bad-value", f"'multiple' of topic '{topic_id}' needs 'answers'",
                "several answers make sense only for a topic's own answer options: list them under 'answers:', "
                "or remove 'multiple'")
    return tuple(answers)


def positions(c: Checker, source: str, entries, topics: dict[str, Topic],
              claim_topics: dict[str, tuple[str | None, Pos]], refer) -> list[Position]:
    """A source's positions (`positions:`), each on a known topic, in that topic's vocabulary, resting on
    claims of this source on that topic. `claim_topics`: this file's claims, id -> (topic, place of the
    topic field). `refer(pos, topic_id, what)` records a topic reference to judge when all ids are known."""
    found: list[Position] = []
    first: dict[str, Pos] = {}
    for item, pos in _items(entries):
        p = c.mapping(item, specs.POSITION, "a position", pos)
        if not p or not p["topic"]:
            continue
        topic_id, what = p["topic"], f"the position on '{p['topic']}'"
        refer(item.value_pos["topic"], topic_id, what)
        if topic_id in first:
            c.error(item.value_pos["topic"], "duplicate-position", f"this source has two positions on '{topic_id}'",
                    f"the first is on line {first[topic_id].line}; merge them into one (a topic with several "
                    "answers takes a list: position: [a, b])")
            continue
        first[topic_id] = item.value_pos["topic"]
        topic = topics.get(topic_id)
        ok = _answers_ok(c, topic, p["position"], what) if topic else False
        on_topic = [k for k, (t, _) in claim_topics.items() if t == topic_id]
        if not p["claims"]:
            where = item.value_pos.get("claims", item.value_pos["topic"])
            hint = (f"list the claims of this source that support it, e.g. claims: [{', '.join(on_topic[:2])}]"
                    if on_topic else f"this source has no claim on '{topic_id}': annotate the claim first; a "
                    "source without a claim on a topic is shown as 'nicht behandelt' and needs no position")
            c.error(where, "position-without-claim", f"{what} rests on no claim", hint)
            ok = False
        for claim, claim_pos in p["claims"]:
            if claim not in claim_topics:
                c.error(claim_pos, "unknown-ref", f"{what} names '{claim}', which is no claim of this source",
                        did_you_mean(claim, on_topic or claim_topics)
                        or "a position rests on claims of its own source, defined in this file")
                ok = False
            elif claim_topics[claim][0] != topic_id:
                c.error(claim_pos, "position-claim-topic",
                        f"{what} names claim '{claim}', which is on topic '{claim_topics[claim][0]}'",
                        f"name a claim on '{topic_id}'" + (f" ({', '.join(on_topic[:3])})" if on_topic else "")
                        + ", or correct the claim's topic")
                ok = False
        if ok:
            found.append(Position(source, topic_id, tuple(a for a, _ in p["position"]),
                                  tuple(k for k, _ in p["claims"]), p["note"]))
    return found


def missing_positions(c: Checker, topics: dict[str, Topic], claim_topics, found: list[Position]) -> None:
    """Warn where a source has claims on a topic but no position on it (the matrix would say "ohne
    Einordnung"). Only called for a dossier that uses positions at all: a new one is not nagged."""
    positioned = {p.topic for p in found}
    first: dict[str, tuple[str, Pos]] = {}
    for claim, (topic, pos) in claim_topics.items():
        if topic:
            first.setdefault(topic, (claim, pos))
    for topic_id, (claim, pos) in first.items():
        if topic_id in topics and topic_id not in positioned:
            c.warning(pos, "missing-position", f"this source has claims on '{topic_id}' but no position on it",
                      f"add under 'positions:': - topic: {topic_id} / position: one of "
                      f"{', '.join(vocabulary(topics[topic_id]))} / claims: [{claim}]")


def _answers_ok(c: Checker, topic: Topic, answers, what: str) -> bool:
    allowed = vocabulary(topic)
    ok = bool(answers)
    for answer, pos in answers:
        if answer not in allowed:
            c.error(pos, "bad-value", f"'{answer}' is no answer to topic '{topic.id}' ({what})",
                    did_you_mean(answer, allowed) or "one of: " + ", ".join(allowed))
            ok = False
    if len(answers) > 1 and not topic.multiple:
        c.error(answers[1][1], "bad-value", f"{what} gives {len(answers)} answers; the topic takes one",
                "choose one answer, or let the topic take several ('multiple: true' in topics.yml)")
        ok = False
    if len(answers) > 1 and topic.multiple and any(a == OPEN for a, _ in answers):
        c.error(answers[0][1], "bad-value", f"{what} is '{OPEN}' and gives an answer at once",
                f"'{OPEN}' means the source gives no answer: keep either '{OPEN}' or the answers")
        ok = False
    return ok


def _covers(outer: EdtfDate, inner: EdtfDate) -> bool:
    """Every day `inner` may mean is a day `outer` may mean (an open end reaches as far as needed)."""
    starts = outer.points[0] is None or (inner.points[0] is not None and outer.start <= inner.start)
    ends = outer.points[-1] is None or (inner.points[-1] is not None and inner.end <= outer.end)
    return starts and ends


def _ends(date: EdtfDate) -> tuple[str, str]:
    parts = date.text.split("/")
    return parts[0] or "..", parts[-1] or ".."


def reported_date(c: Checker, pos: Pos, event_id: str, date: EdtfDate, event_date: EdtfDate,
                  event_place: tuple[str, Pos]) -> None:
    """The event's date (the editor's synthesis) must cover the date a source gives for it, or narrow it
    down: a source's "2006" fits an event of "2006-10" (another source is more precise); "2024-04" does not
    fit "2024-03", and neither does "2024-05/2024-07" fit "2024-06" (they only overlap)."""
    if _covers(event_date, date) or _covers(date, event_date):
        return
    lows = sorted([event_date, date], key=lambda d: (d.points[0] is not None, d.start))
    highs = sorted([event_date, date], key=lambda d: (d.points[-1] is None, d.end))
    low, high = _ends(lows[0])[0], _ends(highs[-1])[1]
    widened = low if low == high else f"{low}/{high}"
    path, where = event_place
    c.error(pos, "date-not-covered",
            f"this source dates '{event_id}' {date.text}, which the event's date {event_date.text} neither covers "
            "nor narrows down",
            f"the event's date ({path}:{where.line}) must include every date a source gives (or lie within it): widen it, "
            f"e.g. date: \"{widened}\", or correct the date given here")


def contested_warnings(topics: list[Topic], positions: list[Position], places: dict[str, tuple[Checker, LocDict]]):
    """Warn where topics.yml says `contested: false` but the positions disagree. (Where it says true and
    the positions agree, the sources may still differ on a fact: a number, a date. No warning there.)"""
    by_topic: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_topic[p.topic].append(p)
    for topic in topics:
        derived = derive_contested(topic, by_topic[topic.id])
        if not derived or topic.contested_set is not False:
            continue
        c, item = places[topic.id]
        said: dict[str, list[str]] = defaultdict(list)
        for p in by_topic[topic.id]:
            said["/".join(p.answers)].append(p.source)
        summary = "; ".join(f"{answer}: {', '.join(sources)}" for answer, sources in
                            sorted(said.items(), key=lambda a: SCALE.index(a[0]) if a[0] in SCALE else 9))
        c.warning(item.value_pos["contested"], "contested-mismatch",
                  f"topic '{topic.id}' says contested: false, but its positions disagree ({summary})",
                  "remove 'contested: false' (the site shows the topic as contested anyway), or check the positions")
