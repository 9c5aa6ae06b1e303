"""The timeline: an overview axis of every event (pages/axis.py, drawn by timeline_axis.md.j2), quick jumps
to the periods, then every event in date order, grouped by period, each with a permalink and links to every
passage that reports it. Filterable by actor and tag in the browser (assets/dossier.js), axis and list alike."""

from __future__ import annotations

from . import axis, urls
from .kwic import ELLIPSIS

LONG_QUOTE = 140  # characters: a longer quote folds to its head, with a way to open it
QUOTE_HEAD = 90  # characters of the head, cut at a word


def quote_head(quote: str) -> str | None:
    """The first words of a long quote (None for a short one, which is shown whole)."""
    if len(quote) <= LONG_QUOTE:
        return None
    return quote[: quote.rfind(" ", 0, QUOTE_HEAD)].rstrip(" ,;:" + ELLIPSIS)


def by_source(dossier, evidence) -> list[tuple]:
    """An event's evidence grouped by source, in the dossier's source order, each passage with its paragraph
    number and, for a long quote, its head: [(source, [(evidence, paragraph number, head or None)])]."""
    groups: dict[str, list] = {}
    for ev in sorted(evidence, key=lambda ev: (dossier.source_order[ev.source], ev.passage.block, ev.passage.start)):
        source = dossier.source_by_id[ev.source]
        groups.setdefault(ev.source, []).append((ev, source.blocks[ev.passage.block].number, quote_head(ev.quote)))
    return [(dossier.source_by_id[s], items) for s, items in groups.items()]


def period(date, core_start: int, words) -> tuple[str, str]:
    """An event's group: a year in the core, where the sources crowd; a decade before it (a century for a
    date that names only a century). Returns (anchor, heading)."""
    year, precision = date.start.year, date.points[0].precision if date.points[0] is not None else None
    if precision == "century":
        century = year - year % 100
        return f"zeit_{century}xx", words.century.format(words.ordinal(century // 100 + 1))
    if year >= core_start and precision != "decade":
        return f"zeit_{year}", str(year)
    decade = year - year % 10
    return f"zeit_{decade}er", words.decade.format(decade)


def render(ctx) -> str:
    d, w = ctx.dossier, ctx.words
    overview = axis.layout((e.id, e.date) for e in d.events)
    core = overview.scale.core_start
    # One heading per period, in order of first appearance: a vague date ("19XX") sorts among precise
    # ones, and its period must not open a second "1950er Jahre" further down.
    periods: dict[tuple[str, str], list] = {}
    for event in d.events:
        evidence = by_source(d, d.evidence_by_event.get(event.id, ()))
        actors = [d.actor_by_id[a] for a in event.actors]
        periods.setdefault(period(event.date, core, w), []).append((event, actors, evidence))
    # Jumps: the core's years first, latest first; then the periods before, in order.
    core_jumps = [key for key in reversed(periods) if key[0][5:].isdigit() and int(key[0][5:]) >= core]
    earlier = [key for key in periods if key not in core_jumps]
    actors_in_use = sorted({a for e in d.events for a in e.actors}, key=lambda a: d.actor_by_id[a].name.casefold())
    return ctx.render("timeline.md.j2", urls.TIMELINE, periods=list(periods.items()), total=len(d.events),
                      filter_actors=[d.actor_by_id[a] for a in actors_in_use], filter_tags=d.tags,
                      axis=overview, events=d.event_by_id, core_jumps=core_jumps, earlier_jumps=earlier)
