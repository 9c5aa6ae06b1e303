"""Stage 4, pages: pure functions from the Dossier to {page path: Markdown}. No MkDocs import here.

Each page kind is a module with a `render(dossier, ctx)` function that prepares plain values and hands them
to its Jinja2 template (autoescaped: article text cannot inject HTML).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial


from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..i18n import Words, words_for
from ..model import Dossier
from ..slugs import slugify
from . import reads, typography, urls
from .agreement import View
from ..forked import fork_map
from .html import md_inline
from .urls import Linker


def _environment() -> Environment:
    # auto_reload off: templates do not change during a build, and checking their mtime on every page
    # (31,555 lookups at 100 articles) cost a second.
    env = Environment(loader=PackageLoader("dossier.pages", "templates"), autoescape=True, auto_reload=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = md_inline
    env.filters["typo"] = typography.german  # the dossier's own words
    env.filters["q"] = typography.inner  # a verbatim quote inside <q>
    env.filters["slug"] = slugify
    return env


ENV = _environment()


@dataclass(frozen=True)
class Context:
    dossier: Dossier
    linker: Linker
    exports: tuple = ()  # exports.Export items, for the data page (files, sizes)
    meta: object = None  # exports.ExportMeta: licence, Stand, title

    @cached_property
    def words(self) -> Words:
        return words_for(reads.real(self.dossier).language)  # a page cache is kept for one language

    def link(self, page: str):
        """A link function for templates on `page`: link(to_page, fragment=None) -> relative URL."""
        return lambda to, fragment=None: self.linker.href(page, to, fragment)

    @property
    def _source_ids(self):
        reads.replay(self.dossier, reads.SOURCE_IDS)  # what the pattern is made from
        return self.memo("source_ids", lambda: urls.source_id_pattern(s.id for s in reads.real(self.dossier).sources))

    def with_source_links(self, page: str):
        """A template filter: editors' notes name sources by id ("laut keine-neue-allianz ..."); readers get
        the source's title, linked. Everything else in the note is escaped."""

        def render(text: str | None) -> Markup:
            if not text:
                return Markup("")
            if self._source_ids is None:
                return Markup(escape(typography.german(text)))
            out = []
            for i, part in enumerate(self._source_ids.split(text)):
                if i % 2:
                    source = self.dossier.source_by_id[part]
                    # The short citation reads well in a sentence ("laut Havertz 2024 ..."), unlike a full title.
                    label = source.short_cite
                    out.append(Markup('<a href="{}" title="{}">{}</a>').format(
                        self.linker.href(page, urls.source_page(part)), source.title, label))
                else:
                    out.append(escape(typography.german(part)))
            return Markup("").join(out)

        return render

    @cached_property
    def _memo(self) -> dict:
        return {}

    def memo(self, key, compute):
        """compute(), worked out once per build and shared by the pages (the Views' rows and event dates,
        pages/agreement.py), kept with what it read of the dossier: each page that uses it has read that."""
        held = self._memo.get(key)
        if held is None:
            with reads.capture(self.dossier) as got:
                value = compute()
            held = self._memo[key] = (value, frozenset(got))
        else:
            reads.replay(self.dossier, held[1])
        return held[0]

    def view(self, page: str) -> View:
        """Where the sources agree, for templates on `page`."""
        return View(self, page)

    def render(self, template: str, page: str, **values) -> str:
        return ENV.get_template(template).render(w=self.words, link=self.link(page), urls=urls,
                                                 notes=self.with_source_links(page), agree=self.view(page),
                                                 topic_page=partial(urls.topic_page, self.dossier),
                                                 event_page=partial(urls.event_page, self.dossier),
                                                 timeline_split=urls.timeline_split(self.dossier),
                                                 tag_label=self.dossier.tag_label, **values)


def render_site(dossier: Dossier, use_directory_urls: bool = False, title: str = "Dossier",
                exports: tuple = (), meta=None, cache=None) -> dict[str, str]:
    """Every generated page of the site: {page path: Markdown}. `title` heads the home page. With `meta`
    (exports.ExportMeta), each page carries its data as schema.org JSON-LD, and the data page lists `exports`.
    With `cache` (a PageCache, kept between the rebuilds of `dossier serve`), only the pages whose reads of
    the dossier changed since the cache's last build are rendered; the others are the same as then."""
    from . import actor, bibliography, data, home, search, source, timeline, topics

    tracked = reads.Tracked(dossier) if cache is not None else None
    ctx = Context(tracked or dossier, Linker(use_directory_urls), tuple(exports), meta)
    d = ctx.dossier
    whole = {  # the pages of everything
        urls.HOME: lambda: home.render(ctx, title),
        urls.TIMELINE: lambda: timeline.render(ctx),
        urls.SOURCES: lambda: source.render_index(ctx),
        urls.ACTORS: lambda: actor.render_index(ctx),
        urls.TOPICS: lambda: topics.render(ctx),
        urls.BIBLIOGRAPHY: lambda: bibliography.render(ctx),
        urls.DATA: lambda: data.render(ctx),
        urls.SEARCH: lambda: search.render(ctx),
    }
    catalogue = [(e.path, e.media_type, e.purpose) for e in exports]
    if meta is not None:
        from ..exports import jsonld  # here: the exports import this package

    # Every page as (path, how to render it, its cost in ms measured at 1,000 articles), rendered on both
    # cores (forked.py) split by that cost: the timeline and the topics grow with the events and claims, an
    # actor's page with the places that name it. A page looks up its source or actor by id when it renders
    # (the page cache then knows that it read it).
    n = len(dossier.sources)
    # A split timeline or topics page is an index, cheap; its periods' and topics' pages are jobs of their own.
    # A large dossier's home page still works out every event's dates and each contested row (0.9 s in a
    # profile at 1,000 articles).
    cost = {urls.TIMELINE: 0 if urls.timeline_split(dossier) else 0.7 * len(dossier.events),
            urls.TOPICS: 0 if urls.topics_split(dossier) else 0.6 * len(dossier.claims),
            urls.HOME: 0.9 * n if urls.home_brief(dossier) else 2.6 * n}
    jobs = [(path, render, cost.get(path, 0.5 * n)) for path, render in whole.items()]
    jobs += [(page, render, 0.6 * claims) for page, render, claims in topics.pages(ctx)]
    jobs += [(page, render, 0.7 * events) for page, render, events in timeline.pages(ctx)]
    jobs += [(urls.source_page(s.id), lambda sid=s.id: source.render(ctx, d.source_by_id[sid]), 12)
             for s in dossier.sources]
    sites = dossier.mention_sites
    jobs += [(urls.actor_page(a.id), lambda aid=a.id: actor.render(ctx, d.actor_by_id[aid]),
              1.3 + 0.13 * len(sites.get(a.id, ()))) for a in dossier.actors]

    def page_text(job) -> str:
        path, render, _ = job
        text = render()
        if meta is not None:
            text += jsonld.script(jsonld.page_graph(d, meta, path, catalogue, use_directory_urls))
        return text

    if cache is None:
        return dict(fork_map(lambda job: (job[0], page_text(job)), jobs, weight=lambda job: job[2]))
    # What every page depends on besides the dossier; the data page lists the exports' sizes, new each time.
    setting = (use_directory_urls, title, meta, tuple(catalogue), dossier.language)
    by_path = {job[0]: job for job in jobs}
    return dict(cache.render(tracked, setting, by_path.keys(), lambda path: page_text(by_path[path]),
                             weight=lambda path: by_path[path][2], always={urls.DATA}, mapper=fork_map))
