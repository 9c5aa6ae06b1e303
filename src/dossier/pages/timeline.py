"""The timeline: an overview axis of every event (pages/axis.py, drawn by timeline_axis.md.j2), quick jumps
to the periods, then every event in date order, grouped by period, each with a permalink and links to every
passage that reports it. Filterable by actor and tag in the browser (assets/dossier.js), axis and list alike."""

from __future__ import annotations

from collections import Counter

from ..i18n import words_for
from . import axis, reads, urls
from .actor import plural
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


def _core_start(d) -> int:
    return axis.choose_scale(e.date for e in d.events).core_start


def event_periods(d) -> dict[str, str]:
    """Each event's period, by its anchor ("zeit_2023"): where a split timeline shows it (pages/urls.py)."""
    core, w = _core_start(d), words_for(d.language)
    return {event.id: period(event.date, core, w)[0] for event in d.events}


def _grouped(ctx, core: int) -> dict[tuple[str, str], list]:
    # One heading per period, in order of first appearance: a vague date ("19XX") sorts among precise
    # ones, and its period must not open a second "1950er Jahre" further down.
    periods: dict[tuple[str, str], list] = {}
    for event in ctx.dossier.events:
        periods.setdefault(period(event.date, core, ctx.words), []).append(event)
    return periods


def _entries(d, events) -> list[tuple]:
    """(event, its actors, its evidence by source) for each of `events`."""
    return [(e, [d.actor_by_id[a] for a in e.actors], by_source(d, d.evidence_by_event.get(e.id, ()))) for e in events]


def _periods(ctx, core: int) -> dict[tuple[str, str], list]:
    return {key: _entries(ctx.dossier, events) for key, events in _grouped(ctx, core).items()}


def _jumps(periods, core: int) -> tuple[list, list]:
    """The core's years first, latest first; then the periods before, in order."""
    core_jumps = [key for key in reversed(periods) if key[0][5:].isdigit() and int(key[0][5:]) >= core]
    return core_jumps, [key for key in periods if key not in core_jumps]


def _filter_values(d, events) -> dict:
    actors = sorted({a for e in events for a in e.actors}, key=lambda a: d.actor_by_id[a].name.casefold())
    return dict(filter_actors=[d.actor_by_id[a] for a in actors], filter_tags=d.tags)


def render(ctx) -> str:
    d = ctx.dossier
    if urls.timeline_split(d):
        return _render_index(ctx)
    overview = axis.layout((e.id, e.date) for e in d.events)
    core = overview.scale.core_start
    periods = _periods(ctx, core)
    core_jumps, earlier = _jumps(periods, core)
    return ctx.render("timeline.md.j2", urls.TIMELINE, periods=list(periods.items()), total=len(d.events),
                      axis=overview, events=d.event_by_id, core_jumps=core_jumps, earlier_jumps=earlier,
                      **_filter_values(d, d.events))


def pages(ctx) -> list[tuple[str, object, int]]:
    """The pages of a split timeline's periods, as (page, render, events); none for a small dossier."""
    d = ctx.dossier
    if not urls.timeline_split(d):
        return []
    return [(urls.period_page(anchor), lambda rank=rank: _render_period(ctx, *_split(ctx)[rank]), len(entries))
            for rank, (anchor, _, entries, _, _) in enumerate(_split(ctx))]


@reads.derived("event_dates")
def _event_dates(dossier) -> tuple:
    return tuple((e.id, e.date) for e in dossier.events)


def _split(ctx) -> list[tuple]:
    """The periods of a split timeline in date order, as (anchor, label, event ids, before, after). Worked
    out once and kept with what it read (Context.memo): each period's page depends on every event's date
    (not on their titles), and on the evidence and actors of its own events only."""
    def periods_in_order():
        dated = list(reads.view(ctx.dossier, "event_dates", _event_dates(reads.real(ctx.dossier))))
        core = axis.choose_scale(date for _, date in dated).core_start
        grouped: dict[tuple[str, str], list] = {}  # as _grouped, by id and date
        for id_, date in dated:
            grouped.setdefault(period(date, core, ctx.words), []).append((id_, date))
        periods = list(grouped.items())
        ordered = sorted(range(len(periods)), key=lambda i: min(date.start for _, date in periods[i][1]))
        out = []
        for rank, i in enumerate(ordered):
            (anchor, label), entries = periods[i]
            before = periods[ordered[rank - 1]][0] if rank else None
            after = periods[ordered[rank + 1]][0] if rank + 1 < len(ordered) else None
            out.append((anchor, label, tuple(id_ for id_, _ in entries), before, after))
        return out

    return ctx.memo("timeline periods", periods_in_order)


def _render_index(ctx) -> str:
    d = ctx.dossier
    core = _core_start(d)
    periods = Counter(period(e.date, core, ctx.words) for e in d.events)  # in order of first appearance
    core_jumps, earlier = _jumps(periods, core)
    return ctx.render("timeline_index.md.j2", urls.TIMELINE, total=len(d.events), counts=periods,
                      core_jumps=core_jumps, earlier_jumps=earlier, plural=plural)


def _render_period(ctx, anchor, label, event_ids, before, after) -> str:
    events = [ctx.dossier.event_by_id[id_] for id_ in event_ids]
    entries = _entries(ctx.dossier, events)
    return ctx.render("timeline_period.md.j2", urls.period_page(anchor), anchor=anchor, label=label,
                      entries=entries, total=len(entries), before=before, after=after,
                      **_filter_values(ctx.dossier, events))
