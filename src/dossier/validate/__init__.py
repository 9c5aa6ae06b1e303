"""Stage 2, validate: check everything that was loaded and build the model from what passed.

All problems are collected, none raised early: `check(project)` returns the Dossier (None if there was any
error) and every diagnostic, sorted by file and line.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from ..diagnostics import Diagnostic, did_you_mean
from ..load import Project
from ..load.located_yaml import LocDict, LocList, Pos
from ..model import Dossier
from ..model.build import assemble
from ..model.types import AUTHOR, Actor, Block, Citation, Claim, Event, Evidence, Passage, Source, Topic
from ..textmatch import closest_passage, find_quote, fold
from . import specs
from .fields import RESERVED_IDS, SLUG, Checker, slug_hint


@dataclass
class _Defined:
    """Where each id was first defined, to report duplicates at both places."""

    places: dict[str, tuple[str, Pos]] = field(default_factory=dict)

    def add(self, checker: Checker, kind: str, id_: str, pos: Pos) -> bool:
        if id_ in self.places:
            path, first = self.places[id_]
            checker.error(pos, "duplicate-id", f"{kind} id '{id_}' is defined twice",
                          f"first defined at {path}:{first.line}:{first.col}; give one of them another id")
            return False
        self.places[id_] = (checker.path, pos)
        return True


@dataclass
class _Ref:
    """A reference to check once every id is known."""

    checker: Checker
    pos: Pos
    kind: str  # "actor", "event", "topic", "citation"
    target: str
    what: str


def _records(checker: Checker, data, key: str, example: str) -> list[tuple[LocDict, Pos]]:
    """The list under `key` at the top of a shared file, with each item's position."""
    if data is None:
        return []
    if not isinstance(data, LocDict) or key not in data:
        checker.error(getattr(data, "pos", Pos(1, 1)), "bad-structure", f"the file must start with '{key}:'",
                      f"write '{key}:' and below it a list of entries, e.g.\n{key}:\n  - {example}")
        return []
    for other in data:
        if other != key:
            checker.error(data.key_pos[other], "unknown-field", f"unknown top-level key '{other}'",
                          f"this file holds only '{key}:'")
    items = data[key]
    if items is None:
        return []
    if not isinstance(items, LocList):
        checker.error(data.value_pos[key], "bad-type", f"'{key}' must be a list", f"write each entry as '  - {example}'")
        return []
    return list(zip(items, items.item_pos))


def check(project: Project) -> tuple[Dossier | None, list[Diagnostic]]:
    checkers: list[Checker] = []
    refs: list[_Ref] = []

    def checker_for(path: str) -> Checker:
        checkers.append(Checker(path))
        return checkers[-1]

    # Sources: front matter and text.
    sources: dict[str, Source] = {}
    for file in project.sources:
        c = checker_for(file.path)
        meta = c.mapping(file.meta, specs.SOURCE_META, "the front matter", file.meta.pos)
        if meta is None:
            continue
        if not SLUG.match(file.id) or file.id in RESERVED_IDS:
            c.error(Pos(1, 1), "bad-id", f"the file name '{file.id}.md' is not a usable source id",
                    "rename the file: " + ("'index' names the list of sources" if file.id in RESERVED_IDS
                                           else slug_hint(file.id)) + "; its annotations file too")
        if not any(b.kind == "p" for b in file.blocks):
            c.error(Pos(file.meta.pos.line, 1), "empty-source", "the source has no text after the front matter",
                    "paste the article's text below the closing '---', paragraphs separated by blank lines")
        sources[file.id] = Source(
            id=file.id, path=file.path, title=meta["title"] or file.id, title_editorial=bool(meta["title_editorial"]),
            authors=tuple(meta["authors"]), publication=meta["publication"], date=meta["date"],
            language=meta["language"], translated_from=meta["translated_from"], url=meta["url"], doi=meta["doi"],
            repairs=tuple(meta["repairs"] or ()), blocks=_number_blocks(file.blocks),
        )

    # Shared files: actors, events, topics.
    actors: list[Actor] = []
    events: list[Event] = []
    topics: list[Topic] = []
    defined = {kind: _Defined() for kind in ("actor", "event", "topic", "claim", "citation")}
    event_pos: dict[str, tuple[Checker, Pos]] = {}

    if "actors" in project.globals:
        f = project.globals["actors"]
        c = checker_for(f.path)
        for item, pos in _records(c, f.data, "actors", "id: kim-jong-un"):
            a = c.mapping(item, specs.ACTOR, _what("actor", item), pos)
            if a and a["id"] in (*RESERVED_IDS, AUTHOR):
                meaning = "a claim's claimant for the article's own voice" if a["id"] == AUTHOR else "the list of actors"
                c.error(item.value_pos["id"], "bad-id", f"'{a['id']}' is reserved",
                        f"'{a['id']}' names {meaning}; give the actor another id")
            if a and a["id"] and defined["actor"].add(c, "actor", a["id"], item.value_pos["id"]):
                actors.append(Actor(a["id"], a["name"], a["kind"], a["role"], tuple(a["aliases"]), a["wikidata"]))

    if "events" in project.globals:
        f = project.globals["events"]
        c = checker_for(f.path)
        for item, pos in _records(c, f.data, "events", "id: kim-besucht-russland-2023-09"):
            e = c.mapping(item, specs.EVENT, _what("event", item), pos)
            if not e or not e["id"] or not defined["event"].add(c, "event", e["id"], item.value_pos["id"]):
                continue
            for actor, actor_pos in e["actors"]:
                refs.append(_Ref(c, actor_pos, "actor", actor, f"event '{e['id']}'"))
            if e["date"] is not None:
                events.append(Event(e["id"], e["date"], e["title"] or e["id"], tuple(a for a, _ in e["actors"]),
                                    tuple(t for t, _ in e["tags"]), e["note"]))
                event_pos[e["id"]] = (c, item.value_pos["id"])

    if "topics" in project.globals:
        f = project.globals["topics"]
        c = checker_for(f.path)
        for item, pos in _records(c, f.data, "topics", "id: waffenlieferungen"):
            t = c.mapping(item, specs.TOPIC, _what("topic", item), pos)
            if not t or not t["id"] or not defined["topic"].add(c, "topic", t["id"], item.value_pos["id"]):
                continue
            if t["contested"] and not t["disagreement"]:
                c.error(pos, "missing-field", f"topic '{t['id']}' is contested but says not where the sources disagree",
                        "add 'disagreement:' with one sentence on what the sources disagree about")
            topics.append(Topic(t["id"], t["question"], bool(t["contested"]), t["disagreement"]))

    # Per-source annotations: evidence, claims, citations, each quote found in its source.
    evidence: list[Evidence] = []
    claims: list[Claim] = []
    citations: list[Citation] = []
    summaries: dict[str, str] = {}
    cited_events: set[str] = set()  # events some evidence entry names, even one whose quote failed
    for source_id, f in sorted(project.per_source.items()):
        source = sources.get(source_id)
        if source is None:
            continue  # the source itself had errors, already reported
        c = checker_for(f.path)
        if f.data is None:
            continue  # an empty file: nothing annotated yet
        top = c.mapping(f.data, specs.SOURCE_ANNOTATIONS, "the annotation file", Pos(1, 1))
        if top is None:
            continue
        if top["summary"]:
            summaries[source_id] = top["summary"]
        quotes = _QuoteFinder(c, source)
        anchors_used: set[str] = set()
        seen_evidence: set[tuple[str, str]] = set()
        for item, pos in _items(top["evidence"]):
            e = c.mapping(item, specs.EVIDENCE, "an evidence entry", pos)
            if not e or not e["event"] or not e["quote"]:
                continue
            refs.append(_Ref(c, item.value_pos["event"], "event", e["event"], "evidence"))
            cited_events.add(e["event"])
            if (e["event"], e["quote"]) in seen_evidence:
                c.error(pos, "duplicate-evidence", f"the same quote is given twice as evidence for '{e['event']}'",
                        "remove one of the two entries")
                continue
            seen_evidence.add((e["event"], e["quote"]))
            # The event's second passage in this source is ev-<event>-2, unless an event "<event>-2" took it.
            anchor, n = f"ev-{e['event']}", 1
            while anchor in anchors_used:
                n += 1
                anchor = f"ev-{e['event']}-{n}"
            anchors_used.add(anchor)
            passage = quotes.find(e["quote"], item.value_pos["quote"], anchor)
            if passage:
                evidence.append(Evidence(source_id, e["event"], e["quote"], passage))
        for item, pos in _items(top["claims"]):
            k = c.mapping(item, specs.CLAIM, _what("claim", item), pos)
            if not k:
                continue
            # References are checked even when the id is bad: all problems at once.
            what = _what("claim", item)
            if k["claimant"] and k["claimant"] != AUTHOR:
                refs.append(_Ref(c, item.value_pos["claimant"], "actor", k["claimant"], what))
            if k["topic"]:
                refs.append(_Ref(c, item.value_pos["topic"], "topic", k["topic"], what))
            for actor, actor_pos in k["about"]:
                refs.append(_Ref(c, actor_pos, "actor", actor, what))
            if not k["id"] or not defined["claim"].add(c, "claim", k["id"], item.value_pos["id"]):
                continue
            passage = quotes.find(k["quote"], item.value_pos.get("quote", pos), f"cl-{k['id']}") if k["quote"] else None
            if passage and k["claimant"] and k["stance"] and k["text"]:
                claims.append(Claim(k["id"], source_id, k["claimant"], k["stance"], k["topic"],
                                    tuple(a for a, _ in k["about"]), k["text"], k["quote"], passage))
        earlier_citations: list[str] = []  # "Ibid." repeats a reference this source made before
        for item, pos in _items(top["citations"]):
            r = c.mapping(item, specs.CITATION, _what("citation", item), pos)
            if not r or not r["id"] or not defined["citation"].add(c, "citation", r["id"], item.value_pos["id"]):
                continue
            if r["repeats"] and r["repeats"] not in earlier_citations:
                c.error(item.value_pos["repeats"], "unknown-ref",
                        f"citation '{r['id']}' repeats '{r['repeats']}', which is no earlier citation of this source",
                        did_you_mean(r["repeats"], earlier_citations)
                        or "'repeats' (for \"Ibid.\") names a citation listed above it in this file")
                r["repeats"] = None
            earlier_citations.append(r["id"])
            passage = quotes.find(r["quote"], item.value_pos.get("quote", pos), f"cit-{r['id']}") if r["quote"] else None
            if passage:
                citations.append(Citation(
                    r["id"], source_id, r["marker"], r["quote"], r["type"], tuple(r["authors"]), r["title"],
                    r["container"], r["publisher"], r["date"], r["url"], r["doi"], r["repeats"], r["note"], passage))

    # References, now that every id is known.
    # Every defined id counts as known, even where the entry itself had an error: one mistake, one message.
    known = {kind: set(defined[kind].places) for kind in ("actor", "event", "topic", "citation")}
    known["actor"].add(AUTHOR)
    unjudged = {"actor" if "actors" in project.broken else "", "event" if "events" in project.broken else "",
                "topic" if "topics" in project.broken else ""}
    for ref in refs:
        if ref.kind not in unjudged and ref.target not in known[ref.kind]:
            candidates = known[ref.kind] - {AUTHOR} if ref.kind == "actor" else known[ref.kind]
            hint = did_you_mean(ref.target, candidates)
            if ref.kind == "actor" and "claim" in ref.what and not hint:
                hint = f"use an actor id from annotations/actors.yml, or '{AUTHOR}' for the article's own voice"
            ref.checker.error(ref.pos, "unknown-ref", f"{ref.what} refers to unknown {ref.kind} '{ref.target}'",
                              hint or f"define the {ref.kind} first, or correct the id")

    # Every event on the timeline must lead to a passage.
    for event_id, (c, pos) in event_pos.items() if "sources" not in project.broken else ():
        if event_id not in cited_events:
            c.error(pos, "no-evidence", f"event '{event_id}' has no evidence in any source",
                    "add an evidence entry (event + verbatim quote) to annotations/sources/<source>.yml, or remove the event")

    diagnostics = sorted(d for c in checkers for d in c.diagnostics)
    if any(d.severity == "error" for d in diagnostics):
        return None, diagnostics
    dossier = assemble(list(sources.values()), summaries, actors, events, topics, evidence, claims, citations)
    return dossier, diagnostics


def _what(kind: str, item) -> str:
    """'actor 'kim-jong-un'' when the entry has a usable id, else 'an actor': messages name the entry."""
    id_ = item.get("id") if isinstance(item, dict) else None
    return f"{kind} '{id_}'" if isinstance(id_, str) and id_ else ("an " if kind[0] in "aeiou" else "a ") + kind


def _number_blocks(blocks) -> tuple[Block, ...]:
    numbered, count = [], 0
    for block in blocks:
        if block.kind == "p":
            count += 1
        numbered.append(Block(block.kind, block.text, count, block.line))
    return tuple(numbered)


def _items(value: LocList | list) -> list[tuple[object, Pos]]:
    """A checked list's entries with their positions ([] when the list was missing or not a list)."""
    return list(zip(value, value.item_pos)) if isinstance(value, LocList) else []


class _QuoteFinder:
    """Finds a source's quotes in its paragraphs; reports quotes that are missing or ambiguous."""

    def __init__(self, checker: Checker, source: Source):
        self.checker = checker
        self.source = source
        self.index = [i for i, b in enumerate(source.blocks) if b.kind == "p"]
        self.texts = [source.blocks[i].text for i in self.index]
        self.folded = [fold(text) for text in self.texts]  # once per source, not once per quote

    def find(self, quote: str, pos: Pos, anchor: str) -> Passage | None:
        if not self.texts:
            return None  # a source without text: reported once, as empty-source, not once per quote
        spans = find_quote(quote, self.folded)
        if len(spans) == 1:
            span = spans[0]
            return Passage(self.source.id, self.index[span.block], span.start, span.end, anchor)
        if spans:
            where = ", ".join(f"{self.source.path}:{self.source.blocks[self.index[s.block]].line}" for s in spans)
            self.checker.error(pos, "quote-ambiguous", f"the quote occurs {len(spans)} times in {self.source.path}",
                               f"lengthen the quote until it is unique; it stands at {where}")
            return None
        headings = [b for b in self.source.blocks if b.kind == "h2" and find_quote(quote, [b.text])]
        if headings:
            self.checker.error(pos, "quote-in-heading", f"the quote is a subheading of {self.source.path}",
                               f"quote a passage of a paragraph instead (the heading is on line {headings[0].line})")
            return None
        across = find_quote(quote, [" ".join(self.texts)])
        if across:
            ends = list(accumulate(len(text) + 1 for text in self.texts))  # where each paragraph's text ends
            block = self.source.blocks[self.index[bisect_right(ends, across[0].start)]]
            self.checker.error(pos, "quote-across-paragraphs",
                               f"the quote runs across a paragraph break in {self.source.path}",
                               "a quote must stand within one paragraph: shorten it, or split it into two entries "
                               f"(it begins at {self.source.path}:{block.line}, paragraph {block.number})")
            return None
        best = closest_passage(quote, self.texts)
        if best:
            block = self.source.blocks[self.index[best[0]]]
            hint = f"closest passage ({self.source.path}:{block.line}, paragraph {block.number}): \"{best[1]}\""
        else:
            hint = "copy the quote from the source text"
        self.checker.error(pos, "quote-not-found", f"the quote does not occur in {self.source.path}", hint)
        return None
