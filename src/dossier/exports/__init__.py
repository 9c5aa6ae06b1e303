"""Stage 4b, exports: the dossier as data for the tools researchers use. Pure functions from the Dossier
(and a little metadata from the configuration) to file contents; only plugin.py writes them into the site.

One module per format: csl (CSL-JSON), bibtex, webanno (W3C Web Annotations), jsonld (schema.org in the
pages), tables (CSV) with datapackage (Frictionless Data). `render_exports` gives every file at once, in
the order the data page lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Dossier
from . import bibtex, csl, datapackage, tables, webanno
from .meta import ExportMeta, stand_from

__all__ = ["CATALOGUE", "Export", "ExportMeta", "collect", "render_contents", "render_exports", "stand_from"]

# (path, media type, what it is for: a key of Words.data_purposes, or a table's name)
CATALOGUE: tuple[tuple[str, str, str], ...] = (
    ("dossier.json", "application/json", "dossier"),
    (csl.FILE, "application/vnd.citationstyles.csl+json", "csl"),
    (bibtex.FILE, "application/x-bibtex", "bibtex"),
    (webanno.FILE, 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "webanno"),
    (datapackage.FILE, "application/json", "datapackage"),
    *((t.path, "text/csv", t.name) for t in tables.TABLES),
)


@dataclass(frozen=True)
class Export:
    path: str
    media_type: str
    purpose: str
    content: str

    @property
    def size(self) -> int:
        return len(self.content.encode("utf-8"))


def render_exports(dossier: Dossier, meta: ExportMeta, dossier_json: str,
                   use_directory_urls: bool = False) -> tuple[Export, ...]:
    """Every export, in the catalogue's order. dossier.json comes from export.py."""
    return collect({"dossier.json": dossier_json, **render_contents(dossier, meta, use_directory_urls)})


def render_contents(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool = False, paths=None,
                    webanno_cache=None, tables_cache=None, csl_cache=None) -> dict[str, str]:
    """The exports' contents by path, all but dossier.json (export.py makes it), or those in `paths` (the
    build makes them on two cores). `webanno_cache`, `tables_cache`, `csl_cache`: PageCaches that
    `dossier serve` keeps for the largest."""
    makers = {  # the paths each makes (the tables in one pass) -> {path: content}
        (csl.FILE,): lambda: {csl.FILE: csl.render(dossier, meta, use_directory_urls, csl_cache)},
        (bibtex.FILE,): lambda: {bibtex.FILE: bibtex.render(dossier, meta, use_directory_urls)},
        (webanno.FILE,): lambda: {webanno.FILE: webanno.render(dossier, meta, use_directory_urls, webanno_cache)},
        (datapackage.FILE,): lambda: {datapackage.FILE: datapackage.render(meta)},
        tuple(t.path for t in tables.TABLES): lambda: tables.render_tables(dossier, meta, use_directory_urls, tables_cache),
    }
    wanted = set(paths) if paths is not None else {path for path, _, _ in CATALOGUE}
    contents: dict[str, str] = {}
    for made, make in makers.items():
        if wanted.intersection(made):
            contents.update(make())
    return contents


def collect(contents: dict[str, str]) -> tuple[Export, ...]:
    """The exports of `contents` (path -> content, every file of the catalogue), in the catalogue's order."""
    return tuple(Export(path, media, purpose, contents[path]) for path, media, purpose in CATALOGUE)
