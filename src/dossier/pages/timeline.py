"""The timeline: every event in date order, grouped by period, each with a permalink and links to every
passage that reports it. Filterable by actor and tag in the browser (assets/dossier.js)."""

from __future__ import annotations

from . import urls


def render(ctx) -> str:
    d, w = ctx.dossier, ctx.words
    # One heading per period, in order of first appearance: a vague date ("19XX") sorts among precise
    # ones, and its period must not open a second "1950er Jahre" further down.
    periods: dict[str, list] = {}
    for event in d.events:
        evidence = [(ev, d.source_by_id[ev.source]) for ev in d.evidence_by_event.get(event.id, ())]
        actors = [d.actor_by_id[a] for a in event.actors]
        periods.setdefault(event.date.period(w)[1], []).append((event, actors, evidence))
    actors_in_use = sorted({a for e in d.events for a in e.actors}, key=lambda a: d.actor_by_id[a].name.casefold())
    return ctx.render("timeline.md.j2", urls.TIMELINE, periods=list(periods.items()), total=len(d.events),
                      filter_actors=[d.actor_by_id[a] for a in actors_in_use], filter_tags=d.tags)
