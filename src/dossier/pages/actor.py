"""One page per actor: who they are, how often and where the sources name them (a line of context per
paragraph), who appears with them, their events and the claims by and about them. Plus the index of all
actors, grouped by kind, persons by surname. Sections without entries are left out."""

from __future__ import annotations

import unicodedata
from collections import Counter
from itertools import groupby

from ..model import ACTOR_KINDS, Actor
from . import urls
from .kwic import kwic
from .source import claimant_name

CO_MENTIONED = 8  # "tritt auf mit": that many actors at most
PASSAGES_SHOWN = 4  # context lines per source before the rest folds away


def plural(text: str, n: int, **values) -> str:
    """'{n} Erwähnung|{n} Erwähnungen' -> the form for n."""
    one, _, many = text.partition("|")
    return (one if n == 1 or not many else many).format(n=n, **values)


def index_key(actor: Actor) -> tuple[str, str]:
    """German index order: persons by family name, everyone else by name; umlauts sort as their vowel."""
    def fold(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    first = actor.family_name if actor.kind == "person" else actor.name
    return fold(first), fold(actor.name)


def index_name(actor: Actor) -> str:
    """'Putin, Wladimir' for a person whose surname is last; 'Kim Jong-un' stays as it is."""
    if actor.kind != "person" or actor.family_name_first or " " not in actor.name:
        return actor.name
    given = actor.name[: actor.name.rfind(actor.family_name)].strip()
    return f"{actor.family_name}, {given}" if given else actor.name


def mention_label(words, mentions: dict[str, int]) -> str:
    aw = words.actor_words
    total = sum(mentions.values())
    return f"{plural(aw['mentions'], total)} {plural(aw['in_sources'], len(mentions))}"


def co_mentioned(d, actor_id: str, limit: int = CO_MENTIONED) -> list[tuple[Actor, int]]:
    """The actors most often named in the same paragraphs as this one, with the number of paragraphs."""
    paragraphs = {(s.source, s.block) for s in d.mention_sites.get(actor_id, ())}
    together: Counter[str] = Counter()
    for key in paragraphs:
        together.update(d.actors_by_paragraph[key] - {actor_id})
    ranked = sorted(together.items(), key=lambda an: (-an[1], d.actor_by_id[an[0]].name.casefold()))
    return [(d.actor_by_id[a], n) for a, n in ranked[:limit]]


def passages(d, actor_id: str) -> list[tuple]:
    """Per source (in source order): the source, its mention count and one context line per paragraph."""
    out = []
    by_source = groupby(sorted(d.mention_sites.get(actor_id, ()),
                               key=lambda s: (d.source_order[s.source], s.block, s.start)), key=lambda s: s.source)
    for source_id, sites in by_source:
        source, sites = d.source_by_id[source_id], list(sites)
        lines = []
        for block_index, in_block in groupby(sites, key=lambda s: s.block):
            block = source.blocks[block_index]
            if block.kind != "p":  # a subheading has no paragraph anchor of its own
                continue
            first = next(in_block)
            lines.append((block, kwic(block.text, first.start, first.end)))
        out.append((source, len(sites), lines))
    return out


def render(ctx, actor: Actor) -> str:
    d = ctx.dossier
    claims_by = [(c, d.source_by_id[c.source]) for c in d.claims_by_claimant.get(actor.id, ())]
    claims_about = [(c, d.source_by_id[c.source], claimant_name(ctx, c.claimant, d.source_by_id[c.source]))
                    for c in d.claims_about.get(actor.id, ())]
    mentions = dict(d.mentions.get(actor.id, {}))
    return ctx.render("actor.md.j2", urls.actor_page(actor.id), actor=actor, plural=plural,
                      events=d.events_by_actor.get(actor.id, ()), claims_by=claims_by, claims_about=claims_about,
                      mention_label=mention_label(ctx.words, mentions) if mentions else None,
                      co_mentioned=co_mentioned(d, actor.id), passages=passages(d, actor.id),
                      shown=PASSAGES_SHOWN)


def render_index(ctx) -> str:
    d = ctx.dossier
    order = {kind: i for i, kind in enumerate(ACTOR_KINDS)}
    actors = sorted(d.actors, key=lambda a: (order.get(a.kind, 99), index_key(a)))

    def entries(members):
        rows = []
        for a in members:
            mentions = dict(d.mentions.get(a.id, {}))
            rows.append((a, index_name(a), mention_label(ctx.words, mentions) if mentions else None,
                         len(d.events_by_actor.get(a.id, ()))))
        return rows

    # Actors of the events and claims by kind; media and publishers the texts only name or cite apart.
    groups = [(kind, entries(members))
              for kind, members in groupby((a for a in actors if a.id in d.acting), key=lambda a: a.kind)]
    named_only = entries(sorted((a for a in actors if a.id not in d.acting), key=index_key))
    return ctx.render("actors.md.j2", urls.ACTORS, groups=groups, named_only=named_only, plural=plural)
