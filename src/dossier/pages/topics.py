"""The topics: for each question, what each source says, by whom, and whether the sources disagree.

A dossier of a few sources has them on one page, with the topics × sources grid on top. A large one
(urls.topics_split) gets an index of the questions, with how many sources give which answer, and a page
per topic and one for the claims without a topic: one page would run to megabytes."""

from __future__ import annotations

from itertools import groupby

from . import urls
from .actor import plural
from .source import claimant_name


def _by_source(ctx, claims):
    d = ctx.dossier
    claims = sorted(claims, key=lambda c: d.source_order[c.source])
    return [(d.source_by_id[sid], [(c, claimant_name(ctx, c.claimant, d.source_by_id[sid])) for c in group])
            for sid, group in groupby(claims, key=lambda c: c.source)]


def render(ctx) -> str:
    d = ctx.dossier
    if urls.topics_split(d):
        return _render_index(ctx)
    topics = [(t, _by_source(ctx, d.claims_by_topic.get(t.id, ()))) for t in d.topics]
    topics.sort(key=lambda tc: (not tc[0].contested, -len(tc[1])))
    unassigned = _by_source(ctx, d.claims_without_topic)
    return ctx.render("topics.md.j2", urls.TOPICS, topics=topics, unassigned=unassigned)


def pages(ctx) -> list[tuple[str, object, float]]:
    """The pages of a split dossier's topics, as (page, render, cost in claims); none for a small one."""
    d = ctx.dossier
    if not urls.topics_split(d):
        return []
    # Each page looks up what it shows when it renders: it reads that, and a page cache knows it (reads.py).
    jobs = [(urls.topic_page(d, t.id), lambda tid=t.id: _render_topic(ctx, ctx.dossier.topic_by_id[tid]),
             len(d.claims_by_topic.get(t.id, ()))) for t in d.topics]
    if unassigned := d.claims_without_topic:
        jobs.append((urls.topic_page(d, None), lambda: _render_other(ctx, ctx.dossier.claims_without_topic),
                     len(unassigned)))
    return jobs


def _render_index(ctx) -> str:
    d, tw = ctx.dossier, ctx.words.topics_index
    view = ctx.view(urls.TOPICS)
    rows = []
    for topic in view.topics:
        claims = d.claims_by_topic.get(topic.id, ())
        counted = plural(tw["claims"], len(claims)) + " " + plural(tw["sources"], len({c.source for c in claims}))
        rows.append((topic, counted, [(g, len(g.sources)) for g in view.groups(topic)]))
    other = d.claims_without_topic
    return ctx.render("topics_index.md.j2", urls.TOPICS, rows=rows, n=len(rows),
                      other=plural(tw["claims"], len(other)) if other else None)


def _render_topic(ctx, topic) -> str:
    page = urls.topic_page(ctx.dossier, topic.id)
    claims = ctx.dossier.claims_by_topic.get(topic.id, ())
    return ctx.render("topic.md.j2", page, topic=topic, sources=_by_source(ctx, claims))


def _render_other(ctx, claims) -> str:
    return ctx.render("topic.md.j2", urls.topic_page(ctx.dossier, None), topic=None, unassigned=_by_source(ctx, claims))
