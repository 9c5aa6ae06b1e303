"""The topics: for each question, what each source says, by whom, and whether the sources disagree."""

from __future__ import annotations

from itertools import groupby

from . import urls
from .source import claimant_name


def _by_source(ctx, claims):
    d = ctx.dossier
    claims = sorted(claims, key=lambda c: d.source_order[c.source])
    return [(d.source_by_id[sid], [(c, claimant_name(ctx, c.claimant, d.source_by_id[sid])) for c in group])
            for sid, group in groupby(claims, key=lambda c: c.source)]


def render(ctx) -> str:
    d = ctx.dossier
    topics = [(t, _by_source(ctx, d.claims_by_topic.get(t.id, ()))) for t in d.topics]
    topics.sort(key=lambda tc: (not tc[0].contested, -len(tc[1])))
    unassigned = _by_source(ctx, [c for c in d.claims if not c.topic])
    return ctx.render("topics.md.j2", urls.TOPICS, topics=topics, unassigned=unassigned)
