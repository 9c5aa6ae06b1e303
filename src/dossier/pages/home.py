"""The home page: what the dossier covers, its figures, and the ways in. A large dossier's home page
(urls.home_brief) lists its latest sources and counts the answers to the contested questions."""

from __future__ import annotations

from . import urls


def render(ctx, title: str) -> str:
    d = ctx.dossier
    dated = [s for s in d.sources if s.date]
    dates = [s.date for s in dated]
    span = (min(dates, key=lambda x: x.start), max(dates, key=lambda x: x.end)) if dates else None
    figures = [(len(d.sources), ctx.words.sources, urls.SOURCES), (len(d.events), ctx.words.events, urls.TIMELINE),
               (len(d.actors), ctx.words.actors, urls.ACTORS), (len(d.claims), ctx.words.claims, urls.TOPICS),
               (len(d.topics), ctx.words.topics, urls.TOPICS), (len(d.citations), ctx.words.citations, urls.BIBLIOGRAPHY)]
    brief = urls.home_brief(d)
    # The sources come by date, undated last: the latest are the last dated ones, shown newest first.
    sources = (dated[::-1] + [s for s in d.sources if not s.date])[:urls.HOME_LATEST] if brief else d.sources
    return ctx.render("home.md.j2", urls.HOME, title=title, figures=figures, span=span, sources=sources,
                      brief=brief, n_sources=len(d.sources),
                      first_event=d.events[0] if d.events else None, last_event=d.events[-1] if d.events else None)
