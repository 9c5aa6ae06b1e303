"""One page per actor: aliases, events, claims by and about them, and every source that mentions them.
Plus the index of all actors, grouped by kind."""

from __future__ import annotations

from itertools import groupby

from ..model import ACTOR_KINDS, Actor
from . import urls
from .source import claimant_name


def render(ctx, actor: Actor) -> str:
    d = ctx.dossier
    # Only the sources that mention this actor, in source order: no loop over every source per actor.
    mentions = sorted(d.mentions.get(actor.id, {}).items(), key=lambda sn: d.source_order[sn[0]])
    sources = [(d.source_by_id[source_id], n) for source_id, n in mentions]
    claims_by = [(c, d.source_by_id[c.source]) for c in d.claims_by_claimant.get(actor.id, ())]
    claims_about = [(c, d.source_by_id[c.source], claimant_name(ctx, c.claimant, d.source_by_id[c.source]))
                    for c in d.claims_about.get(actor.id, ())]
    return ctx.render("actor.md.j2", urls.actor_page(actor.id), actor=actor,
                      events=d.events_by_actor.get(actor.id, ()), claims_by=claims_by,
                      claims_about=claims_about, sources=sources)


def render_index(ctx) -> str:
    d = ctx.dossier
    order = {kind: i for i, kind in enumerate(ACTOR_KINDS)}
    actors = sorted(d.actors, key=lambda a: (order.get(a.kind, 99), a.name.casefold()))

    def entries(members):
        return [(a, sum(d.mentions.get(a.id, {}).values()), len(d.mentions.get(a.id, {}))) for a in members]

    # Actors of the events and claims by kind; media and publishers the texts only name or cite apart.
    groups = [(kind, entries(members))
              for kind, members in groupby((a for a in actors if a.id in d.acting), key=lambda a: a.kind)]
    named_only = entries(sorted((a for a in actors if a.id not in d.acting), key=lambda a: a.name.casefold()))
    return ctx.render("actors.md.j2", urls.ACTORS, groups=groups, named_only=named_only)
