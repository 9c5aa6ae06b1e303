"""bibliographie.json: the sources and every reference they make as CSL-JSON, the data format of the
Citation Style Language (Zotero, Pandoc and citeproc processors read it).

Unknown stays empty: a field the annotation leaves null is left out, never filled with a guess. Dates are
`date-parts` (as precise as the EDTF date: year, month or day; a season as `season`; "~"/"%" as `circa`)
plus the EDTF text itself in `raw`, which keeps what date-parts cannot say ("?", uncertain).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..dates import EdtfDate, Point
from ..model import Citation, Dossier, Source
from ..pages import reads, urls
from ..pages.urls import Linker
from . import parts
from .meta import ExportMeta

FILE = "bibliographie.json"

# A romanised Korean given name ("Jong-un", "Jong Il" hyphenated): the family name stands first.
_FAMILY_FIRST = re.compile(r"^\S+ [A-Z][a-z]+-[a-z]+$")


def csl_name(name: str) -> dict[str, str]:
    """'Mary Beth D. Nikitin' -> family Nikitin, given 'Mary Beth D.'; 'Kim Jong-un' -> family Kim (Korean
    order); a single word (an institution, a mononym) stays a literal."""
    if _FAMILY_FIRST.match(name):
        family, given = name.split(" ", 1)
        return {"family": family, "given": given, "static-ordering": True}
    if " " not in name.strip():
        return {"literal": name}
    given, family = name.rsplit(" ", 1)
    return {"family": family, "given": given}


def _parts(point: Point) -> list[int]:
    year = int(point.year.replace("X", "0"))
    if point.day:
        return [year, point.month, point.day]
    if point.month and point.month <= 12:
        return [year, point.month]
    return [year]


def csl_date(date: EdtfDate) -> dict[str, Any]:
    if date.is_interval:
        ends = [date.start, date.end]
        parts = [_parts(p) if p else [d.year] for p, d in zip(date.points, ends)]
    elif date.precision in ("decade", "century"):
        parts = [[date.start.year], [date.end.year]]
    else:
        parts = [_parts(date.points[0])]
    value: dict[str, Any] = {"date-parts": parts}
    first = date.points[0] or date.points[-1]
    if first.month and first.month > 12 and not first.day:
        value["season"] = first.month - 20  # EDTF 21..24 = spring..winter, CSL 1..4
    if date.qualifier in ("~", "%"):
        value["circa"] = True
    value["raw"] = date.text
    return value


def _item(id_: str, type_: str | None, authors, title, container, publisher, date, url, doi) -> dict[str, Any]:
    item: dict[str, Any] = {"id": id_, "type": type_ or "document"}
    if authors:
        item["author"] = [csl_name(a) for a in authors]
    for key, value in (("title", title), ("container-title", container), ("publisher", publisher)):
        if value:
            item[key] = value
    if date:
        item["issued"] = csl_date(date)
    if url:
        item["URL"] = url
    if doi:
        item["DOI"] = doi
    return item


# The source's text kind (front matter `kind`) as a CSL type; an unknown kind is CSL's generic "article".
SOURCE_TYPES = {"news-report": "article-newspaper", "commentary": "article-newspaper", "analysis": "article-newspaper",
                "translation": "article-newspaper", "scholarly-article": "article-journal", "interview": "interview",
                "press-release": "document", "speech": "speech", "document": "document"}


def source_item(source: Source, link: Linker, meta: ExportMeta) -> dict[str, Any]:
    item = _item(source.id, SOURCE_TYPES.get(source.kind, "article"), source.authors,
                 source.title, source.publication, None, source.date, source.url, source.doi)
    if source.language:
        item["language"] = source.language
    custom: dict[str, Any] = {"dossier-page": meta.absolute(link.url(urls.source_page(source.id))),
                              "short-cite": source.short_cite}
    if source.title_editorial:
        custom["title-editorial"] = True
    if source.translated_from:
        custom["translated-from"] = source.translated_from
    item["custom"] = custom | {"license": meta.licence}
    return item


def citation_item(cit: Citation, dossier: Dossier, link: Linker, meta: ExportMeta) -> dict[str, Any]:
    item = _item(cit.id, cit.type, cit.authors, cit.title, cit.container, cit.publisher, cit.date, cit.url, cit.doi)
    if cit.note:
        item["annote"] = cit.note  # the editor's remark on the reference, not part of it
    passage = f"{link.url(urls.source_page(cit.source))}#{cit.passage.anchor}"
    custom: dict[str, Any] = {"cited-by": cit.source, "passage": meta.absolute(passage)}
    if cit.marker:
        custom["footnote"] = cit.marker
    if cit.type is None:
        custom["type-unknown"] = True  # CSL requires a type; "document" is its most general one
    custom["also-cited-as"] = [c.id for c in dossier.citations_by_source.get(cit.source, ()) if c.repeats == cit.id]
    if not custom["also-cited-as"]:
        del custom["also-cited-as"]
    item["custom"] = custom | {"license": meta.licence}
    return item


def csl_items(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool = False) -> list[dict[str, Any]]:
    """One item per source, then one per reference (a repeated reference, "Ebd.", is the same item)."""
    link = Linker(use_directory_urls)
    items = [source_item(s, link, meta) for s in dossier.sources]
    items += [citation_item(c, dossier, link, meta) for c in dossier.citations if not c.repeats]
    return items


def render(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool = False, cache=None) -> str:
    """The file. With `cache` (a PageCache kept by `dossier serve`), each item is encoded apart and only those
    that read something that changed are encoded again (parts.py: the same bytes; Python's encoder of
    indented JSON took 0.6 s for the 8,000 items of 1,000 articles)."""
    if cache is None:
        return json.dumps(csl_items(dossier, meta, use_directory_urls), ensure_ascii=False, indent=1) + "\n"
    tracked, link = reads.Tracked(dossier), Linker(use_directory_urls)

    def make(part: tuple[str, str]) -> str:
        kind, id_ = part
        if kind == "source":
            return parts.items([source_item(tracked.source_by_id[id_], link, meta)], 1)
        return parts.items([citation_item(tracked.citation_by_id[id_], tracked, link, meta)], 1)

    keys = [("source", s.id) for s in dossier.sources]
    keys += [("citation", c.id) for c in dossier.citations if not c.repeats]
    texts = cache.render(tracked, (meta, use_directory_urls), keys, make)
    return parts.dumps(parts.Parts(texts.values(), cache), 1, end="\n")
