"""The page cache of `dossier serve` (pages/cache.py, pages/reads.py): after any edit of the dossier, the
pages it gives are exactly those a build from scratch renders, and it renders only the pages the edit
touches. The edits change the real dossier's records the way an editor's change of a file changes them."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import ExitStack
from functools import partial
from dataclasses import replace
from types import MappingProxyType, SimpleNamespace
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.export import export_json
from dossier.forked import Background
from dossier.exports import ExportMeta, csl, tables, webanno
from dossier.i18n import words_for
from dossier.model.types import Block
from dossier.pages import reads, render_site, search_index, urls
from dossier.pages.cache import PageCache, Readers
from dossier.pages.search_index import cached_index_file, index_file
from dossier.pages.search_records import search_records
from dossier.pages.urls import Linker

META = ExportMeta("Dossier", "Annotationen: CC BY 4.0", None, dt.date(2024, 11, 1))
WORDS = words_for("de")


def _at(items: tuple, i: int, new) -> tuple:
    return items[:i] + (new,) + items[i + 1:]


def _pick(draw, items: tuple):
    return draw(st.integers(0, len(items) - 1))


def edit(draw, d):
    """One editor's change, of one of many kinds: text, dates, who is involved, what was removed."""
    kind = draw(st.sampled_from(sorted(EDITS)))
    return kind, EDITS[kind](draw, d)


def _event_date(draw, d):
    i, j = _pick(draw, d.events), _pick(draw, d.events)
    return replace(d, events=_at(d.events, i, replace(d.events[i], date=d.events[j].date)))


def _event_actor_dropped(draw, d):
    i = _pick(draw, d.events)
    return replace(d, events=_at(d.events, i, replace(d.events[i], actors=d.events[i].actors[1:])))


def _claim_stance_and_topic(draw, d):
    i, j = _pick(draw, d.claims), _pick(draw, d.claims)
    new = replace(d.claims[i], stance=d.claims[j].stance, topic=d.claims[j].topic)
    return replace(d, claims=_at(d.claims, i, new))


def _claim_dropped(draw, d):
    kept = {c for p in d.positions for c in p.claims}
    free = [i for i, c in enumerate(d.claims) if c.id not in kept]
    i = draw(st.sampled_from(free))
    return replace(d, claims=d.claims[:i] + d.claims[i + 1:])


def _source_date(draw, d):
    i, j = _pick(draw, d.sources), _pick(draw, d.sources)
    return replace(d, sources=_at(d.sources, i, replace(d.sources[i], date=d.sources[j].date)))


def _sources_reordered(draw, d):
    """Two sources swap places, as when a source's new date moves it: the loader then lists each actor's
    mentions by source in the new order (same counts, another order of keys)."""
    i, j = _pick(draw, d.sources), _pick(draw, d.sources)
    sources = list(d.sources)
    sources[i], sources[j] = sources[j], sources[i]
    order = {s.id: n for n, s in enumerate(sources)}
    mentions = {a: dict(sorted(m.items(), key=lambda sm: order[sm[0]])) for a, m in d.mentions.items()}
    return replace(d, sources=tuple(sources), mentions=mentions)


def _source_letter(draw, d):
    """A letter of a paragraph changed: the text, its highlights and its context lines elsewhere."""
    i = _pick(draw, d.sources)
    source = d.sources[i]
    b = draw(st.sampled_from([k for k, block in enumerate(source.blocks) if block.kind == "p" and block.text]))
    block = source.blocks[b]
    at = draw(st.integers(0, len(block.text) - 1))
    text = block.text[:at] + ("x" if block.text[at] != "x" else "y") + block.text[at + 1:]
    new = replace(source, blocks=_at(source.blocks, b, replace(block, text=text)))
    return replace(d, sources=_at(d.sources, i, new))


def _paragraph_added(draw, d):
    """A paragraph added at the end of a source, or before its first paragraph (every number moves)."""
    i = _pick(draw, d.sources)
    source, first = d.sources[i], draw(st.booleans())
    if first:  # the passages' block indexes stay: they now point one paragraph earlier, as after a real edit
        blocks = (Block("p", "Neu.", 1, 1), *(replace(b, number=b.number + 1) for b in source.blocks[:-1]))
    else:
        last = source.blocks[-1]
        blocks = (*source.blocks, Block("p", "Zuckerwatte zog über das Land.", last.number + 1, last.line + 2))
    return replace(d, sources=_at(d.sources, i, replace(source, blocks=blocks)))


def _evidence_dropped(draw, d):
    i = _pick(draw, d.evidence)
    return replace(d, evidence=d.evidence[:i] + d.evidence[i + 1:])


def _tag_label(draw, d):
    tag = draw(st.sampled_from(sorted({t for e in d.events for t in e.tags})))
    return replace(d, tag_labels={**d.tag_labels, tag: "Anders benannt"})


def _mention_count(draw, d):
    actor = draw(st.sampled_from(sorted(d.mentions)))
    counts = dict(d.mentions[actor])
    source = draw(st.sampled_from(sorted(counts)))
    counts[source] += 1
    return replace(d, mentions={**d.mentions, actor: counts})


def _retexted(collection: str, field: str, text):
    """An edit of one record's text field: text(old value) -> new value."""

    def edit(draw, d):
        records = getattr(d, collection)
        i = _pick(draw, records)
        return replace(d, **{collection: _at(records, i, replace(records[i], **{field: text(getattr(records[i], field))}))})

    edit.__name__ = f"{collection}_{field}"
    return edit


EDITS = {f.__name__.strip("_"): f for f in (
    _event_date, _event_actor_dropped, _claim_stance_and_topic, _claim_dropped, _source_date, _source_letter,
    _paragraph_added, _sources_reordered, _evidence_dropped, _tag_label, _mention_count,
    _retexted("events", "title", lambda t: t + " (neu)"), _retexted("actors", "name", lambda t: t + " Jr."),
    _retexted("claims", "text", lambda t: t + " Angeblich."), _retexted("sources", "title", lambda t: t + " – neu"),
    _retexted("citations", "title", lambda t: "Ein anderer Titel"),
    _retexted("topics", "question", lambda t: t + " Wirklich?"),
    _retexted("positions", "note", lambda t: "Eine neue Anmerkung."))}


def _split(small: bool) -> ExitStack:
    """With `small`, the timeline and the topics are split into pages of their own, as in a large dossier."""
    stack = ExitStack()
    if small:
        stack.enter_context(mock.patch.object(urls, "TIMELINE_ON_ONE_PAGE", 5))
        stack.enter_context(mock.patch.object(urls, "TOPICS_ON_ONE_PAGE", 10))
    return stack


EXAMPLES = settings(max_examples=int(os.environ.get("DOSSIER_EXAMPLES", "40")), deadline=None,
                    derandomize=not os.environ.get("DOSSIER_EXAMPLES"), database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@EXAMPLES
@given(data=st.data(), split=st.booleans(), steps=st.integers(1, 3))
def test_after_any_edits_the_cached_pages_are_those_a_fresh_build_renders(real_dossier, data, split, steps):
    with _split(split):
        cache, d = PageCache(), real_dossier
        render_site(d, meta=META, cache=cache)
        for _ in range(steps):
            kind, d = edit(data.draw, d)
            got, want = render_site(d, meta=META, cache=cache), render_site(d, meta=META)
            assert list(got) == list(want)
            wrong = [path for path in want if got[path] != want[path]]
            assert not wrong, f"after the edit {kind}, the cache gave outdated pages: {wrong}"


def _via_child(fill, render):
    """make(dossier, cache) as the build does it with a forked child: the child (a copy of the cache as it
    was) fills its cache and sends back the changes, which the parent takes over and renders from. (Where
    there is no fork, the cache is filled here, and takes over nothing: what it made is its own.)"""

    def changes(d, cache):
        fill(d, cache)
        return cache.changes()

    def make(d, cache):
        if cache is None:
            return render(d, None)
        with Background(partial(changes, d, cache)) as child:
            cache.take(child.result(), d)
        return render(d, cache)

    return make


# The exports and the search index, each made with a cache and without: (name, make(dossier, cache)).
FILES = (
    ("dossier.json", lambda d, cache: export_json(d, False, cache)),
    ("annotations.jsonld", lambda d, cache: webanno.render(d, META, False, cache)),
    ("annotations.jsonld from a child", _via_child(lambda d, cache: webanno.fill(d, META, False, cache),
                                                   lambda d, cache: webanno.render(d, META, False, cache))),
    ("search index from a child", _via_child(lambda d, cache: search_index.fill(d, Linker(False), WORDS, cache),
                                             lambda d, cache: cached_index_file(d, Linker(False), WORDS, cache)
                                             if cache is not None else
                                             index_file(search_records(d, Linker(False), WORDS), d, WORDS))),
    ("tables", lambda d, cache: tables.render_tables(d, META, False, cache)),
    ("bibliographie.json", lambda d, cache: csl.render(d, META, False, cache)),
    ("search index", lambda d, cache: (cached_index_file(d, Linker(False), WORDS, cache) if cache is not None
                                       else index_file(search_records(d, Linker(False), WORDS), d, WORDS))),
)


@EXAMPLES
@given(data=st.data(), split=st.booleans(), steps=st.integers(1, 3))
def test_after_any_edits_the_exports_and_the_search_index_from_cached_parts_are_those_made_afresh(
        real_dossier, data, split, steps):
    with _split(split):
        caches, d = {name: PageCache() for name, _ in FILES}, real_dossier
        for name, make in FILES:
            assert make(d, caches[name]) == make(d, None)
        for _ in range(steps):
            kind, d = edit(data.draw, d)
            for name, make in FILES:
                assert make(d, caches[name]) == make(d, None), f"after the edit {kind}, {name} is outdated"


def test_an_edit_renders_the_pages_that_show_it_and_no_others(real_dossier):
    d = real_dossier
    event = next(e for e in d.events if len({ev.source for ev in d.evidence_by_event[e.id]}) == 1)
    reporting = d.evidence_by_event[event.id][0].source
    cache = PageCache()
    first = render_site(d, meta=META, cache=cache)
    assert cache.rendered == len(first)
    before = dict(cache.pages)
    edited = replace(d, events=tuple(replace(e, title="Ein neuer Titel") if e is event else e for e in d.events))
    render_site(edited, meta=META, cache=cache)
    rendered = {path for path in cache.pages if cache.pages[path] is not before[path]}
    assert {urls.TIMELINE, urls.source_page(reporting), *(urls.actor_page(a) for a in event.actors)} <= rendered
    assert urls.source_page(next(s.id for s in d.sources if s.id != reporting)) not in rendered
    assert urls.BIBLIOGRAPHY not in rendered
    assert cache.rendered == len(rendered) < len(first) / 3


def test_nothing_changed_renders_only_the_data_page_and_another_setting_renders_everything(real_dossier):
    cache = PageCache()
    pages = render_site(real_dossier, meta=META, cache=cache)
    assert render_site(real_dossier, meta=META, cache=cache) == pages
    assert cache.rendered == 1  # the data page lists the exports' sizes, which a build makes anew
    directory_urls = render_site(real_dossier, meta=META, cache=cache, use_directory_urls=True)
    assert cache.rendered == len(pages)
    assert directory_urls == render_site(real_dossier, meta=META, use_directory_urls=True)


def test_the_readers_of_what_differs_are_stale_and_no_others():
    kept, record = SimpleNamespace(title="A"), SimpleNamespace(title="B")
    old = SimpleNamespace(by_id=MappingProxyType({"a": kept, "b": record, "gone": kept}), tags=frozenset({"x", "y"}),
                          order=("a", "b"), same=("s",))
    new = SimpleNamespace(by_id=MappingProxyType({"a": kept, "b": SimpleNamespace(title="B"), "new": kept}),
                          tags=frozenset({"x", "z"}), order=("b", "a"), same=old.same)
    diff = reads.Diff(old, new)
    # "b" is an equal record but another object: its entry is the same, its fields are looked at one by one.
    assert diff.entries("by_id") == ({"gone", "new"}, {"b", "gone", "new"})
    assert diff.entries("tags") == ({"y", "z"}, {"y", "z"})
    assert diff.entries("order") is None and diff.differs("order", reads.ALL)
    assert not diff.differs("order", reads.LEN)
    readers = Readers()
    for text, read in {"a": {("by_id", ("key", "a"))}, "b": {("by_id", ("field", "b", "title"))},
                       "gone": {("by_id", ("key", "gone"))}, "new": {("by_id", ("key", "new")), ("same", reads.ALL)},
                       "x": {("tags", ("key", "x"))}, "z": {("tags", ("key", "z"))}, "len": {("order", reads.LEN)},
                       "all": {("order", reads.ALL)}, "same": {("same", reads.ALL)}}.items():
        readers.add(text, read)
    assert readers.stale(diff) == {"gone", "new", "z", "all"}
    readers.discard("new", {("by_id", ("key", "new")), ("same", reads.ALL)})
    readers.discard("new", {("by_id", ("key", "new"))})  # again: nothing left to take away
    assert readers.stale(reads.Diff(old, new)) == {"gone", "z", "all"}


def test_render_keeps_the_order_of_its_keys_and_makes_only_what_is_new_or_read_something_changed():
    def dossier(**titles):
        return SimpleNamespace(by_id=MappingProxyType({k: SimpleNamespace(title=t) for k, t in titles.items()}))

    cache, made = PageCache(), []

    def render(d, keys):
        tracked = reads.Tracked(d)

        def make(key):
            made.append(key)
            return f"{key}: {tracked.by_id[key].title}"

        made.clear()
        texts = cache.render(tracked, "setting", keys, make)
        return dict(texts), list(made)

    first = dossier(a="A", b="B", c="C")
    assert render(first, ["a", "b", "c"]) == ({"a": "a: A", "b": "b: B", "c": "c: C"}, ["a", "b", "c"])
    kept = cache.texts
    # The same keys: only the text that read the changed title is made, in place.
    assert render(dossier(a="A", b="B2", c="C"), ["a", "b", "c"]) == ({"a": "a: A", "b": "b: B2", "c": "c: C"}, ["b"])
    assert cache.texts is kept
    # Other keys, in another order: the new one is made, the gone one forgotten, the order is the keys'.
    texts, made_now = render(dossier(b="B2", c="C", d="D"), ["c", "d", "b"])
    assert list(texts) == ["c", "d", "b"] and texts["d"] == "d: D" and made_now == ["d"]
    assert "a" not in cache.pages and cache.rendered == 1
    # A text whose key went and came back is made again, not taken from what was forgotten.
    assert render(dossier(a="A3", b="B2", c="C", d="D"), ["a", "b", "c", "d"])[1] == ["a"]
