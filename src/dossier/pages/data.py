"""The data page: every export with what it is for and its size, the licence, the Stand, how to cite."""

from __future__ import annotations

from ..export import FORMAT
from . import urls


def _size(n: int) -> str:
    # German style: "12,7 kB"; a kilobyte is 1000 bytes, as file managers show it today.
    return f"{n / 1000:.1f} kB".replace(".", ",") if n >= 1000 else f"{n} B"


def render(ctx) -> str:
    d, w = ctx.dossier, ctx.words
    counts = [("sources", len(d.sources)), ("actors", len(d.actors)), ("events", len(d.events)),
              ("topics", len(d.topics)), ("claims", len(d.claims)), ("citations", len(d.citations))]
    files = []
    for e in ctx.exports:
        rows = e.content.count("\n") - 1 if e.path.endswith(".csv") else None
        size = _size(e.size) + (f", {w.data_page['rows'].format(n=rows)}" if rows is not None else "")
        files.append((e.path, w.data_page[e.purpose], size))
    meta = ctx.meta
    stand = None
    if meta is not None:
        stand = w.day.format(day=meta.stand.day, month=w.months[meta.stand.month - 1], year=meta.stand.year)
    return ctx.render("data.md.j2", urls.DATA, counts=counts, export=urls.EXPORT_FILE, format=FORMAT,
                      files=files, meta=meta, stand=stand)
