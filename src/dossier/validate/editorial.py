"""Editorial warnings: annotations that are well-formed but say more than the text, of the kinds an
independent review found (docs/annotation-format.md, "Warnungen").

Each check looks for a pattern that is almost never right and is cheap to confirm by eye, so a warning is
worth reading: an event or citation date that its own note calls inferred but that carries no `?`; an
evidence quote that is a condition ("Wenn …") rather than a report; a topic's `disagreement` that names a
source without a claim of that source in the topic, or leaves out a source that has claims there.
Warnings never stop a build. They run on the located YAML (for line and column) of entries that passed
validation, plus the validated claims.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterable

from ..dates import DateError, coerce_date_text, parse_date
from ..load import Project
from ..load.located_yaml import LocDict, LocList
from ..model.types import Claim
from ..memo import Generations
from .fields import Checker

# A note's sentence says the date is inferred when it has a word for a date and a word for inferring.
# Both must stand in one sentence: "vermutlich" about a URL's line break says nothing about a date.
_DATE_WORD = re.compile(r"\b(?:Datum|Jahr|Jahre|Jahres|Jahrzehnt|Jahrzehnte|Monat|Monats|Tag|Tages|Zeitraum|"
                        r"datiert|datieren)\b")
_INFERRED = re.compile(r"\b(?:erschlossen|vermutlich|vermutet|mutmaßlich|wohl)\b|\bim Vorfeld\b")
# Sentences end at '.', ';' or ':' plus space, but not after a number ("16. Juni").
_SENTENCE_END = re.compile(r"(?<![0-9])[.;:]\s+")
# A sentence that opens with one of these is a condition; "wenn auch" / "auch wenn" are concessive.
_CONDITIONAL_OPENERS = {"wenn", "falls", "sofern", "sollte", "sollten", "hätte", "hätten"}
_WORD = re.compile(r"\w+")
# Source ids in a disagreement text: every lower-case slug-like token, looked up in the set of sources
# (one pass over the text, whatever the number of sources).
_SLUG = re.compile(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)*(?![\w-])")


def editorial_warnings(project: Project, claims: Iterable[Claim], checker_for: Callable[[str], Checker]) -> None:
    """Add every editorial warning to a checker of its file."""
    events = project.globals.get("events")
    if events is not None:
        _kept(checker_for(events.path), events.data, _events)
    for source_id, f in sorted(project.per_source.items()):
        _kept(checker_for(f.path), f.data, _source_annotations)
    topics = project.globals.get("topics")
    if topics is not None:
        c = checker_for(topics.path)
        claimed = defaultdict(lambda: defaultdict(list))  # topic -> source -> claim ids
        for claim in claims:
            if claim.topic:
                claimed[claim.topic][claim.source].append(claim.id)
        sources = {s.id for s in project.sources}
        for item in _entries(topics.data, "topics"):
            _disagreement(c, item, claimed.get(item.get("id"), {}), sources)


# The warnings of each file by its parsed YAML (memo.py): under `dossier serve`, a file that did not change
# is the very object of the last load, and gets the same warnings without being read again.
WARNED = Generations()


def _kept(c: Checker, data, warn: Callable[[Checker, object], None]) -> None:
    held = WARNED.get((c.path, warn))
    if held is not None and held[0] is data:
        c.diagnostics.extend(held[1])
        return
    start = len(c.diagnostics)
    warn(c, data)
    WARNED.put((c.path, warn), (data, tuple(c.diagnostics[start:])))


def _events(c: Checker, data) -> None:
    for item in _entries(data, "events"):
        _inferred_date(c, item, "event")


def _source_annotations(c: Checker, data) -> None:
    for item in _entries(data, "citations"):
        _inferred_date(c, item, "citation")
    for item in _entries(data, "evidence"):
        _conditional_evidence(c, item)


def _entries(data, key: str) -> list[LocDict]:
    """The mappings listed under `key`, skipping anything malformed (validation reported it already)."""
    items = data.get(key) if isinstance(data, LocDict) else None
    return [item for item in items if isinstance(item, LocDict)] if isinstance(items, LocList) else []


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _inferred_date(c: Checker, item: LocDict, kind: str) -> None:
    date, note = coerce_date_text(item.get("date")), item.get("note")
    if not date or not isinstance(note, str) or "?" in date or "%" in date:
        return
    try:
        parse_date(date)
    except DateError:
        return  # a date that is not one has its error already; a hint to write "1945-13?" would mislead
    for sentence in _sentences(note):
        inferred = _INFERRED.search(sentence)
        if inferred and _DATE_WORD.search(sentence):
            c.warning(item.value_pos["date"], "date-inferred-unmarked",
                      f"the note of {kind} '{item.get('id')}' calls its date inferred ('{inferred.group()}'), "
                      f"but the date '{date}' does not say so",
                      f"mark an inferred date with '?', e.g. \"{date}?\" (or '%' if it is also approximate); "
                      "or, if the source states the date, say so in the note")
            return


def _conditional_evidence(c: Checker, item: LocDict) -> None:
    quote = item.get("quote")
    if not isinstance(quote, str):
        return
    for sentence in _sentences(quote.strip()):
        words = _WORD.findall(sentence.lower())
        if words and words[0] in _CONDITIONAL_OPENERS and words[1:2] != ["auch"]:
            c.warning(item.value_pos["quote"], "conditional-evidence",
                      f"the evidence for event '{item.get('event')}' is a condition ('{sentence.split()[0]} …'): "
                      "it says what would follow if something happened, not that it happened",
                      "quote a passage that reports the event; an expectation or a warning belongs in a claim "
                      "(stance expects or warns)")
            return


def _disagreement(c: Checker, item: LocDict, claimed: dict[str, list[str]], sources: set[str]) -> None:
    text = item.get("disagreement")
    if not isinstance(text, str) or "disagreement" not in item.value_pos:
        return
    pos = item.value_pos["disagreement"]
    named = dict.fromkeys(m for m in _SLUG.findall(text) if m in sources)  # in order of mention, once each
    for source in named:
        if source not in claimed:
            c.warning(pos, "disagreement-source-without-claim",
                      f"the disagreement of topic '{item.get('id')}' restates {source}, which has no claim "
                      "on this topic",
                      f"add the claim of {source} that the text restates (topic: {item.get('id')}), "
                      f"or leave {source} out of the text")
    if item.get("contested") is True:
        for source, ids in sorted(claimed.items()):
            if source not in named:
                c.warning(pos, "disagreement-omits-source",
                          f"topic '{item.get('id')}' is contested and {source} has claims on it "
                          f"({', '.join(ids)}), but its disagreement does not say where {source} stands",
                          f"restate the position of {source} in 'disagreement', or give its claims another topic")
