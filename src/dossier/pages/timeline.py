"""The timeline: every event in date order, grouped by period, each with a permalink and links to every
passage that reports it. Filterable by actor and tag in the browser (assets/dossier.js)."""

from __future__ import annotations

from itertools import groupby

from . import urls


def render(ctx) -> str:
    d, w = ctx.dossier, ctx.words
    periods = []
    for (_, label), events in groupby(d.events, key=lambda e: e.date.period(w)):
        entries = []
        for event in events:
            evidence = [(ev, d.source_by_id[ev.source]) for ev in d.evidence_by_event.get(event.id, ())]
            actors = [d.actor_by_id[a] for a in event.actors]
            entries.append((event, actors, evidence))
        periods.append((label, entries))
    actors_in_use = sorted({a for e in d.events for a in e.actors}, key=lambda a: d.actor_by_id[a].name.casefold())
    return ctx.render("timeline.md.j2", urls.TIMELINE, periods=periods, total=len(d.events),
                      filter_actors=[d.actor_by_id[a] for a in actors_in_use], filter_tags=d.tags)
