"""What one validation run collects (ids defined, references to judge, each file's annotations), and the
memo that gives the rebuilds of `dossier serve` a source's checked annotations again (memo.py).

Checking one source's annotations is a function of its parsed YAML, the source, the shared files it reads
(events.yml for the dates it compares, topics.yml for its positions) and the ids defined before it (a
duplicate is an error). Its effects on the run: diagnostics in its file, references to judge later, ids
defined. Kept are the result and those effects; given again, while the inputs are the very objects of the
last load and none of its ids is defined already, with the effects replayed on this run."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..load.located_yaml import Pos
from ..memo import Generations
from ..model.types import Citation, Claim, Evidence, Position, Source
from .fields import Checker

# Kinds of id a source's annotations define (the others are defined by the shared files).
DEFINED_HERE = ("claim", "citation")


@dataclass
class Defined:
    """Where each id was first defined, to report duplicates at both places."""

    places: dict[str, tuple[str, Pos]] = field(default_factory=dict)
    log: list | None = None  # (id, place) of each id defined while it is set: what a memo replays

    def add(self, checker: Checker, kind: str, id_: str, pos: Pos) -> bool:
        if id_ in self.places:
            path, first = self.places[id_]
            checker.error(pos, "duplicate-id", f"{kind} id '{id_}' is defined twice",
                          f"first defined at {path}:{first.line}:{first.col}; give one of them another id")
            return False
        self.places[id_] = (checker.path, pos)
        if self.log is not None:
            self.log.append((id_, pos))
        return True


@dataclass
class Ref:
    """A reference to check once every id is known."""

    checker: Checker
    pos: Pos
    kind: str  # "actor", "event", "topic", "citation"
    target: str
    what: str


@dataclass
class Annotations:
    """What one annotation file adds to the dossier."""

    source: str
    summary: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    cited_events: set[str] = field(default_factory=set)  # events an evidence entry names, even one whose quote failed
    claim_topics: dict[str, tuple[str | None, Pos]] = field(default_factory=dict)  # every claim id -> its topic
    positions: list[Position] = field(default_factory=list)
    checker: Checker | None = None


@dataclass(frozen=True)
class _Held:
    data: object  # the parsed annotations
    source: Source
    world: tuple  # the parsed shared files the check reads
    found: Annotations  # without its checker
    diagnostics: tuple
    refs: tuple  # (pos, kind, target, what)
    defined: tuple  # (kind, ((id, pos), ...)) for each of DEFINED_HERE


ANNOTATIONS = Generations()


def replay(data, source: Source, world: tuple, checker: Checker, refs: list, defined: dict) -> Annotations | None:
    """The annotations of `source` as the last load checked them, with their effects on this run, or None
    if something they depend on changed."""
    held = ANNOTATIONS.get(source.id)
    if (held is None or held.data is not data or len(held.world) != len(world)
            or any(a is not b for a, b in zip(held.world, world)) or held.source != source):
        return None
    if any(id_ in defined[kind].places for kind, ids in held.defined for id_, _ in ids):
        return None  # now a duplicate: checked afresh, which reports it
    checker.diagnostics.extend(held.diagnostics)
    refs.extend(Ref(checker, *ref) for ref in held.refs)
    for kind, ids in held.defined:
        defined[kind].places.update((id_, (checker.path, pos)) for id_, pos in ids)
    return dataclasses.replace(held.found, checker=checker)


class Recording:
    """Around a check of one source's annotations: notes its effects on the run, and keeps the result
    when it defined no id twice (that error depends on the other files)."""

    def __init__(self, refs: list, defined: dict):
        self.refs, self.defined, self.start = refs, defined, len(refs)
        for kind in DEFINED_HERE:
            defined[kind].log = []

    def keep(self, data, source: Source, world: tuple, found: Annotations) -> None:
        logs = tuple((kind, tuple(self.defined[kind].log)) for kind in DEFINED_HERE)
        for kind in DEFINED_HERE:
            self.defined[kind].log = None
        diagnostics = tuple(found.checker.diagnostics)
        if any(d.code == "duplicate-id" for d in diagnostics):
            return
        refs = tuple((r.pos, r.kind, r.target, r.what) for r in self.refs[self.start:])
        ANNOTATIONS.put(source.id, _Held(data, source, world, dataclasses.replace(found, checker=None),
                                         diagnostics, refs, logs))
