"""The home page: what the dossier covers, its figures, and the ways in."""

from __future__ import annotations

from . import urls


def render(ctx, title: str) -> str:
    d = ctx.dossier
    dated = [s.date for s in d.sources if s.date]
    span = (min(dated, key=lambda x: x.start), max(dated, key=lambda x: x.end)) if dated else None
    figures = [(len(d.sources), ctx.words.sources, urls.SOURCES), (len(d.events), ctx.words.events, urls.TIMELINE),
               (len(d.actors), ctx.words.actors, urls.ACTORS), (len(d.claims), ctx.words.claims, urls.TOPICS),
               (len(d.topics), ctx.words.topics, urls.TOPICS), (len(d.citations), ctx.words.citations, urls.BIBLIOGRAPHY)]
    return ctx.render("home.md.j2", urls.HOME, title=title, figures=figures, span=span, sources=d.sources,
                      first_event=d.events[0] if d.events else None, last_event=d.events[-1] if d.events else None)
