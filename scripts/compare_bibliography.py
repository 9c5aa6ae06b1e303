"""Every reference of the dossier formatted three ways, side by side: the dossier's own formatter
(src/dossier/pages/bibliography.py), citeproc-py and pandoc --citeproc, both with a German CSL style
(default: scripts/csl/iso690-author-date-de.csl), from the same bibliographie.json items.

    pip install citeproc-py pypandoc-binary
    .venv/bin/python scripts/compare_bibliography.py [STYLE.csl] > comparison.md

Not part of the build: it shows why the site keeps its own formatter (issue #16, notes).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

from dossier.exports.csl import csl_items
from dossier.exports.meta import ExportMeta
from dossier.pages import Context
from dossier.pages.bibliography import format_citation
from dossier.pages.urls import Linker
from dossier.project import find_root, load_dossier


def pandoc(items: list[dict], style: Path) -> dict[str, str]:
    import pypandoc

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for item in items:  # one at a time: no "2024a/b" disambiguation, the entry as it would stand alone
            path = Path(tmp) / "item.json"
            path.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
            run = subprocess.run([pypandoc.get_pandoc_path(), "--citeproc", "--csl", str(style), "--bibliography",
                                  str(path), "-t", "plain", "--wrap=none", "-M", "lang=de-DE"],
                                 input="---\nnocite: '@*'\n---\n", capture_output=True, text=True, check=True)
            out[item["id"]] = " ".join(run.stdout.split())
    return out


def citeproc_py(items: list[dict], style: Path) -> dict[str, str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns about every field it does not know (custom, static-ordering)
        for item in items:
            bib = CitationStylesBibliography(CitationStylesStyle(str(style), locale="de-DE", validate=False),
                                             CiteProcJSON([item]), formatter.plain)
            bib.register(Citation([CitationItem(item["id"])]))
            out[item["id"]] = " ".join(str(bib.bibliography()[0]).split())
    return out


def main() -> None:
    style = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "csl" / "iso690-author-date-de.csl"
    dossier, diagnostics = load_dossier(find_root())
    if dossier is None:
        sys.exit("\n".join(d.format() for d in diagnostics))
    meta = ExportMeta("Dossier", "", None, dt.date(2000, 1, 1))
    items = [i for i in csl_items(dossier, meta) if i["id"] in dossier.citation_by_id]
    ctx = Context(dossier, Linker())
    own = {c.id: format_citation(ctx, c) for c in dossier.citations if not c.repeats}
    by_pandoc, by_citeproc = pandoc(items, style), citeproc_py(items, style)
    print(f"Style: {style.name}; {len(items)} references ({len(dossier.citations)} citations, repeats are the same item)\n")
    for item in items:
        cit = dossier.citation_by_id[item["id"]]
        print(f"- `{item['id']}` (date {cit.date.text if cit.date else 'unknown'})")
        print(f"  - dossier: {own[item['id']] or '(nothing known but the citing passage)'}")
        print(f"  - citeproc-py: {by_citeproc[item['id']]}")
        print(f"  - pandoc: {by_pandoc[item['id']]}")


if __name__ == "__main__":
    main()
