"""`dossier suggest ID`: what to annotate in a source, as ready-to-paste YAML stubs.

1. the known actors the text mentions, and how often (plus surnames used alone that no alias covers);
2. the date expressions that no evidence quote of this source covers yet, each with an EDTF proposal, an
   event stub for annotations/events.yml and an evidence stub (the sentence, verbatim) for the source's file;
3. names that look like persons or organisations and are no actor yet, as stubs for annotations/actors.yml.

It reads the files as loaded, before validation, so it also works while the annotations have errors
(which is when an editor is most likely to run it). Footnotes (paragraphs that start with a superscript
marker) are left out of 2 and 3: their dates and names are the references', not events or actors.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from ..dates import DateError, EdtfDate, coerce_date_text, parse_date
from ..diagnostics import did_you_mean
from ..load import Project, TextBlock
from ..load.located_yaml import LocList
from ..mentions import Mention, MentionFinder, short_forms
from ..slugs import slugify
from ..textmatch import Haystack, find_quote
from .dates import DateMention, find_dates
from .names import NameCandidate, Vocabulary, find_names
from .text import sentence_around

__all__ = ["Suggestions", "UnknownSource", "suggest", "render"]

_FOOTNOTE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")


class UnknownSource(LookupError):
    def __init__(self, source_id: str, known: Iterable[str]):
        hint = did_you_mean(source_id, known) or "the ids are the file names in sources/, without .md"
        super().__init__(f"there is no source '{source_id}'; {hint}")


@dataclass(frozen=True)
class ActorCount:
    id: str
    name: str
    count: int
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class ShortName:
    """A known person's surname standing alone ("Putin"), which no name or alias of theirs covers."""

    actor: str
    word: str
    count: int
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class ExistingEvent:
    id: str
    date: str
    title: str


@dataclass(frozen=True)
class DateSuggestion:
    paragraph: int
    mention: DateMention
    quote: str  # the sentence around the expression, verbatim
    quote_unique: bool  # a quote must occur once in the source
    actors: tuple[str, ...]  # known actors in that sentence (else in the paragraph)
    event_id: str
    existing: tuple[ExistingEvent, ...]  # events on a matching date that may be the same


@dataclass(frozen=True)
class Suggestions:
    source_id: str
    source_path: str
    article_date: str | None
    actors: tuple[ActorCount, ...]
    short_names: tuple[ShortName, ...]
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]  # short forms counted for nobody: (form, actors)
    dates: tuple[DateSuggestion, ...]
    covered_dates: int  # date expressions that evidence (or a citation) already covers
    names: tuple[NameCandidate, ...]
    footnotes: int
    events_indent: str  # how the target files indent their list items, so that stubs paste cleanly
    evidence_indent: str
    actors_indent: str


def _entries(data: Any, key: str) -> list[dict]:
    """The mappings listed under `key`, skipping whatever is malformed (validation reports that)."""
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _indent(data: Any, key: str, default: str = "  ") -> str:
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, LocList) and items.item_pos:
        return " " * max(items.item_pos[0].col - 3, 0)  # the item's mapping starts after "- "
    return default


def _date(value: Any) -> EdtfDate | None:
    text = coerce_date_text(value)
    try:
        return parse_date(text) if text else None
    except DateError:
        return None


def _names(actor: dict) -> list[str]:
    aliases = actor.get("aliases")
    # "aliases: Putin" (no brackets) means the one alias; validation reports the form.
    names = [actor.get("name"), *(aliases if isinstance(aliases, list) else [aliases])]
    return [n for n in names if isinstance(n, str) and n.strip()]


def suggest(project: Project, source_id: str) -> Suggestions:
    source = next((s for s in project.sources if s.id == source_id), None)
    if source is None:
        raise UnknownSource(source_id, [s.id for s in project.sources])
    actors_data = project.globals["actors"].data if "actors" in project.globals else None
    events_data = project.globals["events"].data if "events" in project.globals else None
    own = project.per_source.get(source_id)
    own_data = own.data if own else None

    actors = [a for a in _entries(actors_data, "actors") if isinstance(a.get("id"), str)]
    finder = MentionFinder(((a["id"], name) for a in actors for name in _names(a)),
                           short_forms((a["id"], a.get("kind"), _names(a)) for a in actors))
    found = finder.in_source([b.text for b in source.blocks])  # as the build counts them
    in_paragraph = [mentions for b, mentions in zip(source.blocks, found.blocks) if b.kind == "p"]
    paragraphs = [b.text for b in source.blocks if b.kind == "p"]
    body = [(n, text) for n, text in enumerate(paragraphs, start=1) if not _FOOTNOTE.match(text)]
    # The vocabulary that tells names from nouns comes from every source: the more text, the better.
    vocabulary = Vocabulary.of(b.text for s in project.sources for b in s.blocks if b.kind == "p")
    article_date = _date(source.meta.get("date"))
    dates, covered = _dates(source_id, paragraphs, body, article_date, finder, own_data, events_data)
    return Suggestions(
        source_id=source_id, source_path=source.path, article_date=article_date.text if article_date else None,
        actors=_actor_counts(source.blocks, actors, found.blocks),
        short_names=tuple(_short_names(actors, in_paragraph, body)), ambiguous=tuple(sorted(found.ambiguous.items())),
        dates=dates, covered_dates=covered, names=tuple(find_names(body, finder, vocabulary)),
        footnotes=len(paragraphs) - len(body), events_indent=_indent(events_data, "events"),
        evidence_indent=_indent(own_data, "evidence"), actors_indent=_indent(actors_data, "actors"),
    )


def _actor_counts(blocks: Sequence[TextBlock], actors: list[dict],
                  found: Sequence[Sequence[Mention]]) -> tuple[ActorCount, ...]:
    """Known actors in the text, counted as the build counts them (subheadings and footnotes included)."""
    counts: dict[str, int] = {}
    where: dict[str, set[int]] = {}
    number = 0
    for block, mentions in zip(blocks, found):
        number += block.kind == "p"
        for mention in mentions:
            counts[mention.actor] = counts.get(mention.actor, 0) + 1
            if block.kind == "p":
                where.setdefault(mention.actor, set()).add(number)
    name_of = {a["id"]: next(iter(_names(a)), a["id"]) for a in actors}
    return tuple(sorted((ActorCount(a, name_of[a], n, tuple(sorted(where.get(a, ())))) for a, n in counts.items()),
                        key=lambda c: (-c.count, c.name)))


def _dates(source_id: str, paragraphs: list[str], body: list[tuple[int, str]], article_date: EdtfDate | None,
           finder: MentionFinder, own_data: Any, events_data: Any) -> tuple[tuple[DateSuggestion, ...], int]:
    """The date expressions no evidence (or citation) quote of the source covers yet, and how many it does."""
    folded = Haystack(paragraphs)  # folded once, not once per quote
    covered: dict[int, list] = {}  # paragraph index -> spans that evidence or citation quotes cover
    for entry in _entries(own_data, "evidence") + _entries(own_data, "citations"):
        if isinstance(entry.get("quote"), str):
            for span in find_quote(entry["quote"], folded):
                covered.setdefault(span.block, []).append(span)
    events = [e for e in _entries(events_data, "events") if isinstance(e.get("id"), str)]
    taken_ids = {e["id"] for e in events}
    dates: list[DateSuggestion] = []
    covered_count = 0
    for number, text in body:
        for mention in find_dates(text, article_date):
            if any(s.start < mention.end and mention.start < s.end for s in covered.get(number - 1, ())):
                covered_count += 1
                continue
            quote = sentence_around(text, mention.start, mention.end)
            # The event's actors: those the sentence names, else those of the paragraph.
            actors = (tuple(dict.fromkeys(m.actor for m in finder.find(quote)))
                      or tuple(dict.fromkeys(m.actor for m in finder.find(text))))
            event_id = _event_id(source_id, mention, taken_ids)
            taken_ids.add(event_id)
            dates.append(DateSuggestion(number, mention, quote, len(find_quote(quote, folded)) == 1, actors,
                                        event_id, _matching_events(mention, quote, actors, events)))
    return tuple(dates), covered_count


def _event_id(source_id: str, mention: DateMention, taken: set[str]) -> str:
    base = f"{source_id}-{slugify(mention.edtf or 'datum')}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _matching_events(mention: DateMention, quote: str, actors: tuple[str, ...],
                     events: list[dict]) -> tuple[ExistingEvent, ...]:
    """Events already in events.yml that may be what this passage reports: the same date, or an overlapping
    one with an actor in common; best first (same date, more actors and title words in common, narrower).
    Evidence for one of them beats a second event for the same thing."""
    proposal = _date(mention.edtf)
    if proposal is None:
        return ()
    words = _words(quote)
    scored = []
    for event in events:
        date = _date(event.get("date"))
        if date is None or date.end < proposal.start or proposal.end < date.start:
            continue
        shared = len(set(actors) & {a for a in event.get("actors") or [] if isinstance(a, str)})
        same = date.text.rstrip("?~%") == proposal.text.rstrip("?~%")
        # An event far vaguer than the passage ("2022/2024" for "am 19. Juni 2024") is hardly the same one.
        vaguer = _days(date) > max(2 * _days(proposal), 31)
        if same or (shared and not vaguer):
            title = str(event.get("title") or "")
            scored.append((not same, -shared, -len(words & _words(title)), _days(date),
                           event["id"], ExistingEvent(event["id"], date.text, title)))
    return tuple(s[-1] for s in sorted(scored)[:3])


def _days(date: EdtfDate) -> int:
    return (date.end - date.start).days + 1


def _words(text: str) -> set[str]:
    """Content words, roughly: the longer ones, case-folded ("Pjöngjang", "landete")."""
    return {w.casefold() for w in re.findall(r"\w{5,}", text)}


def _short_names(actors: list[dict], mentions: list[Sequence[Mention]], body: list[tuple[int, str]]) -> list[ShortName]:
    """Surnames of known persons that stand alone in the text and that no actor's name or alias covers."""
    spelled = {name for a in actors for name in _names(a)}
    # Korean names put the family name first: "Kim" alone may be Kim Jong-un as well as Ellen Kim.
    first_words = {name.split()[0] for a in actors for name in _names(a) if len(name.split()) >= 2}
    owners: dict[str, set[str]] = {}
    for actor in actors:
        if actor.get("kind") != "person":
            continue
        for name in _names(actor):
            words = name.split()
            if len(words) >= 2 and len(words[-1]) >= 3 and words[-1] not in spelled | first_words:
                owners.setdefault(words[-1], set()).add(actor["id"])
    unique = [(next(iter(ids)), word) for word, ids in owners.items() if len(ids) == 1]  # "Bush": which one?
    surnames = MentionFinder(unique)
    found: dict[tuple[str, str], list[int]] = {}
    word_of = dict((actor, word) for actor, word in unique)
    for number, text in body:
        known = [(m.start, m.end) for m in mentions[number - 1]]
        for m in surnames.find(text):
            if not any(s < m.end and m.start < e for s, e in known):
                found.setdefault((m.actor, word_of[m.actor]), []).append(number)
    return [ShortName(actor, word, len(ns), tuple(sorted(set(ns)))) for (actor, word), ns in found.items()]


# Rendering: comments explain, the YAML between them pastes as it is.

def _scalar(text: str) -> str:
    """A YAML scalar for any text: JSON's double-quoted strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def _paragraphs(numbers: Iterable[int]) -> str:
    return "¶ " + ", ".join(str(n) for n in numbers)


def event_stubs(s: Suggestions) -> str:
    lines = []
    for d in s.dates:
        i = s.events_indent
        lines.append(f"{i}- id: {d.event_id}")
        date = _scalar(d.mention.edtf) if d.mention.edtf else "null  # TODO: the date, as precise as the text"
        lines.append(f"{i}  date: {date}")
        lines.append(f"{i}  title: null  # TODO: what happened, in your own words")
        lines.append(f"{i}  actors: [{', '.join(d.actors)}]")
        lines.append(f"{i}  tags: []")
    return "\n".join(lines)


def evidence_stubs(s: Suggestions) -> str:
    lines = []
    for d in s.dates:
        i = s.evidence_indent
        lines.append(f"{i}- event: {d.event_id}")
        lines.append(f"{i}  quote: {_scalar(d.quote)}")
    return "\n".join(lines)


def actor_stubs(s: Suggestions) -> str:
    lines = []
    for c in s.names:
        i = s.actors_indent
        lines.append(f"{i}- id: {slugify(c.name)}  # {_paragraphs(c.paragraphs)} ({c.count}×)")
        lines.append(f"{i}  name: {_scalar(c.name)}")
        lines.append(f"{i}  kind: {c.kind}  # a guess")
        lines.append(f"{i}  role: null  # TODO: as the source describes them")
        lines.append(f"{i}  aliases: [{_scalar(c.acronym) if c.acronym else ''}]")
        lines.append(f"{i}  wikidata: null")
    return "\n".join(lines)


def render(s: Suggestions) -> str:
    dated = f", dated {s.article_date}" if s.article_date else ", undated"
    out = [f"# dossier suggest {s.source_id}: {s.source_path}{dated}",
           "# ¶ n = paragraph n on the source page. Paste what fits; quotes must stay verbatim.", ""]

    out.append("# 1. Known actors the text mentions (annotations/actors.yml); use their ids in an event's")
    out.append("#    actors, a claim's claimant and about.")
    width = max((len(a.id) for a in s.actors), default=0)
    for a in s.actors:
        out.append(f"#    {a.id:<{width}}  {a.count:>3}×  {_paragraphs(a.paragraphs)}")
    for n in s.short_names:
        out.append(f"#    '{n.word}' alone, {n.count}× ({_paragraphs(n.paragraphs)}), is not counted for {n.actor}: "
                   f"add '{n.word}' to its aliases if it means them.")
    for form, owners in s.ambiguous:
        out.append(f"#    '{form}' alone may mean {' or '.join(owners)}, each named here: counted for none; write "
                   f"the full name where it matters.")
    out.append(f"actors: [{', '.join(a.id for a in s.actors)}]" if s.actors else "#    (none)")
    out.append("")

    out.append(f"# 2. Date expressions no evidence of this source covers yet ({s.covered_dates} covered, "
               f"{s.footnotes} footnote{'s' if s.footnotes != 1 else ''} left out)")
    if not s.dates:
        out.append("#    (none)")
    for d in s.dates:
        m = d.mention
        note = f"  ({m.note})" if m.note else ""
        out.append(f"#    {_paragraphs([d.paragraph]):<6} „{m.phrase}“ → {m.edtf or '?'}{note}")
        for e in d.existing:
            out.append(f"#           or evidence for the existing event {e.id} ({e.date}: {e.title})?")
        if not d.quote_unique:
            out.append("#           the sentence occurs more than once: lengthen the quote until it is unique")
    if s.dates:
        out += ["", "# For annotations/events.yml, under events: (give each a title; merge what is one event)",
                event_stubs(s), "",
                f"# For annotations/sources/{s.source_id}.yml, under evidence:", evidence_stubs(s)]
    out.append("")

    out.append("# 3. Names that look like persons or organisations and are no actor yet")
    if s.names:
        out += ["# For annotations/actors.yml, under actors: (check the kind; drop what is no actor)", actor_stubs(s)]
    else:
        out.append("#    (none)")
    return "\n".join(out) + "\n"
