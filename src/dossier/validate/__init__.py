"""Stage 2, validate: check everything that was loaded and build the model from what passed.

All problems are collected, none raised early: `check(project)` returns the Dossier (None if there was any
error) and every diagnostic, sorted by file and line.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, did_you_mean
from ..load import Project
from ..load.located_yaml import LocDict, LocList, Pos
from .. import memo
from ..memo import RECORDS
from ..model import Dossier
from ..model.build import SITES, assemble, in_order, mention_sites
from ..forked import Background
from ..dates import EdtfDate
from ..model.types import INDEXES, AUTHOR, Actor, Block, Citation, Claim, Event, Evidence, Source, Tag, Topic
from . import agreement, formats, ids, specs
from .editorial import WARNED, editorial_warnings
from .collected import ANNOTATIONS, Annotations, Defined, Recording, Ref, replay
from .fields import CHECKED, RESERVED_IDS, SLUG, Checker, slug_hint
from .quotes import QuoteFinder


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
    for kept in (CHECKED, ANNOTATIONS, RECORDS, WARNED, INDEXES):  # what the memos keep from now on is this check's
        kept.new()
    run = _Run(project)
    sources = run.sources()
    actors = run.actors()
    # The actors' mentions need only the texts and the actors: a child finds them while this process checks
    # the rest (background.result() waits for it; leaving the block ends it, unwanted after an error).
    order = in_order(sources.values())
    fork = SITES.unknown(actors, order) >= PARALLEL_FROM  # the others are known from the last rebuild
    with Background(lambda: mention_sites(actors, order), fork=fork) as background:
        events, topics, tags = run.events(), run.topics(), run.tags()
        annotations = [run.annotations(sources[source_id], f) for source_id, f in sorted(project.per_source.items())
                       if source_id in sources]  # a source with errors of its own is reported already
        run.references()
        run.require_evidence({e for a in annotations for e in a.cited_events})
        editorial_warnings(project, [k for a in annotations for k in a.claims], run.checker_for)
        positions = [p for a in annotations for p in a.positions]
        for a in annotations if positions else ():
            agreement.missing_positions(a.checker, run.topic_by_id, a.claim_topics, a.positions)
        agreement.contested_warnings(topics, positions, run.topic_places)
        diagnostics = sorted(run.diagnostics() + ids.collisions(run.defined))
        if any(d.severity == "error" for d in diagnostics):
            return None, diagnostics
        sites = background.result()
        if fork:
            SITES.learn(actors, order, sites)
        return assemble(
            list(sources.values()), {a.source: a.summary for a in annotations if a.summary}, actors, events, topics,
            [e for a in annotations for e in a.evidence], [k for a in annotations for k in a.claims],
            [r for a in annotations for r in a.citations], tags=tags, positions=positions, sites=sites,
        ), diagnostics


# Texts whose mentions are not known yet from which they are found in a child: below, a fork costs about
# what it saves (a rebuild after one edit finds them here).
PARALLEL_FROM = 32


class _Run:
    """One validation: a checker per file, every id defined so far, the references to judge at the end."""

    def __init__(self, project: Project):
        self.project = project
        self.checkers: list[Checker] = []
        self.refs: list[Ref] = []
        self.defined = {kind: Defined() for kind in ("actor", "event", "topic", "claim", "citation", "tag")}
        self.event_pos: dict[str, tuple[Checker, Pos]] = {}
        self.event_dates: dict[str, tuple[EdtfDate, tuple[str, Pos]]] = {}  # for the dates sources give
        self.topic_by_id: dict[str, Topic] = {}
        self.topic_places: dict[str, tuple[Checker, LocDict]] = {}

    def checker_for(self, path: str) -> Checker:
        self.checkers.append(Checker(path))
        return self.checkers[-1]

    def diagnostics(self) -> list[Diagnostic]:
        return sorted(d for c in self.checkers for d in c.diagnostics)

    def sources(self) -> dict[str, Source]:
        """Each source's front matter and text."""
        sources: dict[str, Source] = {}
        for file in self.project.sources:
            c = self.checker_for(file.path)
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
                id=file.id, path=file.path, title=meta["title"] or file.id,
                title_editorial=bool(meta["title_editorial"]), authors=tuple(meta["authors"]),
                publication=meta["publication"], date=meta["date"], language=meta["language"],
                translated_from=meta["translated_from"], url=meta["url"], doi=meta["doi"],
                repairs=tuple(meta["repairs"] or ()), blocks=_number_blocks(file.blocks),
                kind=meta["kind"], short=meta["short"], first_published=meta["first_published"],
            )
        return sources

    def _shared(self, name: str, spec, kind: str, example: str):
        """The entries of a shared file (actors.yml ...) whose fields passed and whose id is new:
        (checker, entry, position, cleaned values)."""
        if name not in self.project.globals:
            return
        f = self.project.globals[name]
        c = self.checker_for(f.path)
        for item, pos in _records(c, f.data, name, example):
            values = c.mapping(item, spec, _what(kind, item), pos)
            if values and values["id"] and self.defined[kind].add(c, kind, values["id"], item.value_pos["id"]):
                yield c, item, pos, values

    def actors(self) -> list[Actor]:
        actors, entries = [], []
        for c, item, _, a in self._shared("actors", specs.ACTOR, "actor", "id: kim-jong-un"):
            entries.append((c, item))
            if a["id"] in (*RESERVED_IDS, AUTHOR):
                meaning = "a claim's claimant for the article's own voice" if a["id"] == AUTHOR else "the list of actors"
                c.error(item.value_pos["id"], "bad-id", f"'{a['id']}' is reserved",
                        f"'{a['id']}' names {meaning}; give the actor another id")
            actors.append(Actor(a["id"], a["name"], a["kind"], a["role"], tuple(a["aliases"]), a["wikidata"],
                                a["surname"]))
        for c, pos, message, hint in formats.shared_names(entries):
            c.error(pos, "shared-alias", message, hint)
        return actors

    def events(self) -> list[Event]:
        events = []
        for c, item, _, e in self._shared("events", specs.EVENT, "event", "id: kim-besucht-russland-2023-09"):
            for actor, actor_pos in e["actors"]:
                self.refs.append(Ref(c, actor_pos, "actor", actor, f"event '{e['id']}'"))
            if "tags" in self.project.globals:  # with a tags.yml, every tag needs its label there
                for tag, tag_pos in e["tags"]:
                    self.refs.append(Ref(c, tag_pos, "tag", tag, f"event '{e['id']}'"))
            if e["date"] is not None:
                events.append(Event(e["id"], e["date"], e["title"] or e["id"], tuple(a for a, _ in e["actors"]),
                                    tuple(t for t, _ in e["tags"]), e["note"]))
                self.event_pos[e["id"]] = (c, item.value_pos["id"])
                self.event_dates[e["id"]] = (e["date"], (c.path, item.value_pos["date"]))
        return events

    def topics(self) -> list[Topic]:
        topics = []
        for c, item, pos, t in self._shared("topics", specs.TOPIC, "topic", "id: waffenlieferungen"):
            if t["contested"] and not t["disagreement"]:
                c.error(pos, "missing-field", f"topic '{t['id']}' is contested but says not where the sources disagree",
                        "add 'disagreement:' with one sentence on what the sources disagree about")
            topics.append(Topic(t["id"], t["question"], bool(t["contested"]), t["disagreement"],
                                agreement.topic_answers(c, t["id"], t, item), bool(t["multiple"]), t["contested"]))
            self.topic_by_id[t["id"]] = topics[-1]
            self.topic_places[t["id"]] = (c, item)
        return topics

    def tags(self) -> list[Tag]:
        """The tags' display labels (annotations/tags.yml): readers see "Militär", not "militaer"."""
        return [Tag(t["id"], t["label"]) for _, _, _, t in self._shared("tags", specs.TAG, "tag", "id: militaer")]

    def annotations(self, source: Source, f) -> Annotations:
        """One source's evidence, claims and citations, each quote found in its text (under `dossier serve`
        as the last load checked them, where nothing they depend on changed: collected.py)."""
        if not memo.on():
            return self._annotations(source, f, self.checker_for(f.path))
        world = tuple(self.project.globals[name].data if name in self.project.globals else None
                      for name in ("events", "topics"))
        c = self.checker_for(f.path)
        if (found := replay(f.data, source, world, c, self.refs, self.defined)) is not None:
            return found
        recording = Recording(self.refs, self.defined)
        found = self._annotations(source, f, c)
        recording.keep(f.data, source, world, found)
        return found

    def _annotations(self, source: Source, f, c: Checker) -> Annotations:
        found = Annotations(source.id)
        found.checker = c
        if f.data is None:
            return found  # an empty file: nothing annotated yet
        top = c.mapping(f.data, specs.SOURCE_ANNOTATIONS, "the annotation file", Pos(1, 1))
        if top is None:
            return found
        found.summary = top["summary"]
        quotes = QuoteFinder(c, source)
        self._evidence(c, quotes, top["evidence"], found)
        self._claims(c, quotes, top["claims"], found)
        self._citations(c, quotes, top["citations"], found)
        found.positions = agreement.positions(
            c, source.id, top["positions"], self.topic_by_id, found.claim_topics,
            lambda pos, topic, what: self.refs.append(Ref(c, pos, "topic", topic, what)))
        return found

    def _evidence(self, c: Checker, quotes: QuoteFinder, entries, found: Annotations) -> None:
        anchors_used: set[str] = set()
        seen: set[tuple[str, str]] = set()
        for item, pos in _items(entries):
            e = c.mapping(item, specs.EVIDENCE, "an evidence entry", pos)
            if not e or not e["event"] or not e["quote"]:
                continue
            self.refs.append(Ref(c, item.value_pos["event"], "event", e["event"], "evidence"))
            found.cited_events.add(e["event"])
            if (e["event"], e["quote"]) in seen:
                c.error(pos, "duplicate-evidence", f"the same quote is given twice as evidence for '{e['event']}'",
                        "remove one of the two entries")
                continue
            seen.add((e["event"], e["quote"]))
            # The event's second passage in this source is ev-<event>-2, unless an event "<event>-2" took it.
            anchor, n = f"ev-{e['event']}", 1
            while anchor in anchors_used:
                n += 1
                anchor = f"ev-{e['event']}-{n}"
            anchors_used.add(anchor)
            if e["date"] and e["event"] in self.event_dates:
                agreement.reported_date(c, item.value_pos["date"], e["event"], e["date"], *self.event_dates[e["event"]])
            passage = quotes.find(e["quote"], item.value_pos["quote"], anchor)
            if passage:
                found.evidence.append(Evidence(found.source, e["event"], e["quote"], passage, e["date"]))

    def _claims(self, c: Checker, quotes: QuoteFinder, entries, found: Annotations) -> None:
        for item, pos in _items(entries):
            k = c.mapping(item, specs.CLAIM, _what("claim", item), pos)
            if not k:
                continue
            # References are checked even when the id is bad: all problems at once.
            what = _what("claim", item)
            if k["claimant"] and k["claimant"] != AUTHOR:
                self.refs.append(Ref(c, item.value_pos["claimant"], "actor", k["claimant"], what))
            if k["topic"]:
                self.refs.append(Ref(c, item.value_pos["topic"], "topic", k["topic"], what))
            for actor, actor_pos in k["about"]:
                self.refs.append(Ref(c, actor_pos, "actor", actor, what))
            if not k["id"] or not self.defined["claim"].add(c, "claim", k["id"], item.value_pos["id"]):
                continue
            found.claim_topics[k["id"]] = (k["topic"], item.value_pos.get("topic", pos))
            passage = quotes.find(k["quote"], item.value_pos.get("quote", pos), f"cl-{k['id']}") if k["quote"] else None
            if passage and k["claimant"] and k["stance"] and k["text"]:
                found.claims.append(Claim(k["id"], found.source, k["claimant"], k["stance"], k["topic"],
                                          tuple(a for a, _ in k["about"]), k["text"], k["quote"], passage))

    def _citations(self, c: Checker, quotes: QuoteFinder, entries, found: Annotations) -> None:
        earlier: list[str] = []  # "Ibid." repeats a reference this source made before
        for item, pos in _items(entries):
            r = c.mapping(item, specs.CITATION, _what("citation", item), pos)
            if not r or not r["id"] or not self.defined["citation"].add(c, "citation", r["id"], item.value_pos["id"]):
                continue
            if r["repeats"] and r["repeats"] not in earlier:
                c.error(item.value_pos["repeats"], "unknown-ref",
                        f"citation '{r['id']}' repeats '{r['repeats']}', which is no earlier citation of this source",
                        did_you_mean(r["repeats"], earlier)
                        or "'repeats' (for \"Ibid.\") names a citation listed above it in this file")
                r["repeats"] = None
            earlier.append(r["id"])
            passage = quotes.find(r["quote"], item.value_pos.get("quote", pos), f"cit-{r['id']}") if r["quote"] else None
            if passage:
                found.citations.append(Citation(
                    r["id"], found.source, r["marker"], r["quote"], r["type"], tuple(r["authors"]), r["title"],
                    r["container"], r["publisher"], r["date"], r["url"], r["doi"], r["repeats"], r["note"], passage))

    def references(self) -> None:
        """Judge every reference, now that every id is known. A defined id counts as known even where its
        entry had an error (one mistake, one message); ids of a file that could not be parsed are unknown,
        so references into it are not judged."""
        known = {kind: set(self.defined[kind].places) for kind in ("actor", "event", "topic", "citation", "tag")}
        known["actor"].add(AUTHOR)
        unjudged = {kind for kind, file in (("actor", "actors"), ("event", "events"), ("topic", "topics"), ("tag", "tags"))
                    if file in self.project.broken}
        for ref in self.refs:
            if ref.kind in unjudged or ref.target in known[ref.kind]:
                continue
            candidates = known[ref.kind] - {AUTHOR} if ref.kind == "actor" else known[ref.kind]
            hint = did_you_mean(ref.target, candidates)
            if ref.kind == "actor" and "claim" in ref.what and not hint:
                hint = f"use an actor id from annotations/actors.yml, or '{AUTHOR}' for the article's own voice"
            if ref.kind == "tag" and not hint:
                hint = f"add '- id: {ref.target}' with its 'label:' (what readers see) to annotations/tags.yml"
            ref.checker.error(ref.pos, "unknown-ref", f"{ref.what} refers to unknown {ref.kind} '{ref.target}'",
                              hint or f"define the {ref.kind} first, or correct the id")

    def require_evidence(self, cited_events: set[str]) -> None:
        """Every event on the timeline must lead to a passage (unless an annotation file could not be read)."""
        if "sources" in self.project.broken:
            return
        for event_id, (c, pos) in self.event_pos.items():
            if event_id not in cited_events:
                c.error(pos, "no-evidence", f"event '{event_id}' has no evidence in any source",
                        "add an evidence entry (event + verbatim quote) to annotations/sources/<source>.yml, "
                        "or remove the event")


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
