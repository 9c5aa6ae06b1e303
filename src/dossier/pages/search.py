"""The search results page (suche.html): the form, the facets and the list that the search script fills.
Its records and index file are made by `search_records` and `search_index`."""

from __future__ import annotations

import json

from markupsafe import Markup

from . import urls
from .search_records import KINDS

FACETS = ("kind", "source", "actor", "year", "topic")  # also the URL parameters: suche.html?q=…&kind=event


def render(ctx) -> str:
    texts = ctx.words.search
    # The script's texts as JSON in a single-quoted attribute: json.dumps leaves no raw ' < > & in it.
    data = json.dumps(texts, ensure_ascii=False).replace("&", "\\u0026").replace("'", "\\u0027")
    data = data.replace("<", "\\u003c").replace(">", "\\u003e")
    return ctx.render("search.md.j2", urls.SEARCH, texts=texts, data=Markup(data), facets=FACETS, kinds=KINDS)
