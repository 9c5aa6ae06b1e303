"""The bibliography: every reference the sources make, formatted, grouped by citing source."""

from __future__ import annotations

from ..model import Citation
from . import urls

_CLOSING = "\"'“”‘’»«)"


def _sentence(text: str) -> str:
    """End a part with a full stop unless it ends with its own ('Russia?', '„… bedroht.“'): no '?.'."""
    text = text.rstrip().rstrip(".") if not text.rstrip().endswith("...") else text.rstrip()
    if text.rstrip(_CLOSING)[-1:] in (".", "?", "!", "…"):
        return text
    return text + "."


def format_citation(ctx, cit: Citation) -> str:
    """Author-date, names as written, the date as precise (and as certain) as the annotation says:
    'Victor Cha; Ellen Kim (20. Juni 2024): Title. Publisher.'; a title's own '?' ends it."""
    w = ctx.words
    parts = []
    head = "; ".join(cit.authors)
    if cit.date:
        head = f"{head} ({cit.date.label(w)})" if head else f"({cit.date.label(w)})"
    if head:
        parts.append(head + (":" if cit.title else "."))
    if cit.title:
        parts.append(_sentence(cit.title))
    if cit.container:
        parts.append(ctx.words.in_container.format(cit.container.rstrip(".")))
    if cit.publisher:
        parts.append(_sentence(cit.publisher))
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
