"""The bibliography: every reference the sources make, formatted, grouped by citing source."""

from __future__ import annotations

from ..model import Citation
from . import urls


def format_citation(ctx, cit: Citation) -> str:
    """Author-date style: 'Cha, Victor; Kim, Ellen (2024): Title. Container. Publisher, 20. Juni 2024.'"""
    w = ctx.words
    parts = []
    head = "; ".join(cit.authors)
    if cit.date:
        head = f"{head} ({cit.date.label(w)})" if head else f"({cit.date.label(w)})"
    if head:
        parts.append(head + (":" if cit.title else "."))
    if cit.title:
        parts.append(cit.title.rstrip(".") + ".")
    if cit.container:
        parts.append(ctx.words.in_container.format(cit.container.rstrip(".")))
    if cit.publisher:
        parts.append(cit.publisher.rstrip(".") + ".")
    return " ".join(parts)


def render(ctx) -> str:
    d = ctx.dossier
    groups = []
    for source in d.sources:
        entries = [(c, format_citation(ctx, c)) for c in d.citations_by_source.get(source.id, ())]
        if entries:
            groups.append((source, entries))
    return ctx.render("bibliography.md.j2", urls.BIBLIOGRAPHY, groups=groups, citation_by_id=d.citation_by_id,
                      total=len(d.citations))
