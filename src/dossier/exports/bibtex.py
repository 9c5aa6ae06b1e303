"""bibliographie.bib: the same items as bibliographie.json, as BibLaTeX-style BibTeX for reference managers
(Zotero, JabRef) and LaTeX. Written from the CSL items, so both files always say the same.

Text is UTF-8 (biber and every current reference manager read it); only BibTeX's own special characters
are escaped. Dates use BibLaTeX's `date` field, which is EDTF (level 1: "2024-06-16?", "2024-03%"), plus
`year`/`month` for classic BibTeX.
"""

from __future__ import annotations

import re
from typing import Any

from .csl import csl_items
from .meta import ExportMeta

FILE = "bibliographie.bib"

# CSL type -> BibTeX entry type. Press and magazine articles are @article with a journal (BibLaTeX's
# `entrysubtype = {newspaper}` says which), the rest what BibLaTeX calls them.
ENTRY_TYPES = {"article-journal": "article", "article-newspaper": "article", "article-magazine": "article",
               "report": "report", "book": "book", "webpage": "online", "interview": "misc", "speech": "misc",
               "document": "misc", "article": "article"}
SUBTYPES = {"article-newspaper": "newspaper", "article-magazine": "magazine", "interview": "interview",
            "speech": "speech"}
_SPECIAL = re.compile(r"([\\{}%&#$_~^])")
_REPLACEMENTS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
LANGIDS = {"de": "ngerman", "en": "english", "fr": "french"}  # babel/polyglossia names


def escape(text: str) -> str:
    return _SPECIAL.sub(lambda m: _REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), " ".join(text.split()))


def bib_name(name: dict[str, Any]) -> str:
    if "literal" in name:
        return "{" + escape(name["literal"]) + "}"  # braces: one name, not split by BibTeX
    return f"{escape(name['family'])}, {escape(name['given'])}"


def entry_fields(item: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, BibTeX value text without the outer braces) in a fixed order."""
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", " and ".join(bib_name(n) for n in item["author"])))
    if "title" in item:
        fields.append(("title", escape(item["title"])))
    if "container-title" in item:
        journal_like = ENTRY_TYPES[item["type"]] == "article"
        fields.append(("journaltitle" if journal_like else "booktitle" if item["type"] == "document" else "howpublished",
                       escape(item["container-title"])))
    if "publisher" in item:
        fields.append(("institution" if item["type"] == "report" else "publisher", escape(item["publisher"])))
    if item["type"] in SUBTYPES:
        fields.append(("entrysubtype", SUBTYPES[item["type"]]))
    if "issued" in item:
        date = item["issued"]
        fields.append(("date", date["raw"]))  # EDTF, a verbatim field: "%" and "?" stay as they are
        fields.append(("year", str(date["date-parts"][0][0])))
    if "URL" in item:
        fields.append(("url", item["URL"].replace("{", "%7B").replace("}", "%7D")))
    if "DOI" in item:
        fields.append(("doi", item["DOI"].replace("{", "%7B").replace("}", "%7D")))
    if item.get("language") in LANGIDS:
        fields.append(("langid", LANGIDS[item["language"]]))
    if "annote" in item:
        fields.append(("annotation", escape(item["annote"])))
    custom = item.get("custom", {})
    if "license" in custom:
        fields.append(("rights", escape(custom["license"])))
    return fields


def render(dossier, meta: ExportMeta, use_directory_urls: bool = False) -> str:
    out = [f"% {escape(meta.title)}: Bibliographie (Stand {meta.stand.isoformat()})",
           f"% {escape(meta.licence)}", ""]
    for item in csl_items(dossier, meta, use_directory_urls):
        fields = entry_fields(item)
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@{ENTRY_TYPES[item['type']]}{{{item['id']},\n{body}\n}}\n")
    return "\n".join(out)
