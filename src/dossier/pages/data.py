"""The data page: the export file and what it contains."""

from __future__ import annotations

from ..export import FORMAT
from . import urls


def render(ctx) -> str:
    d = ctx.dossier
    counts = [("sources", len(d.sources)), ("actors", len(d.actors)), ("events", len(d.events)),
              ("topics", len(d.topics)), ("claims", len(d.claims)), ("citations", len(d.citations))]
    return ctx.render("data.md.j2", urls.DATA, counts=counts, export=urls.EXPORT_FILE, format=FORMAT)
