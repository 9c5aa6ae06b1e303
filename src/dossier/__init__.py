"""dossier: news articles + hand-written annotations -> a cross-linked research-dossier website.

The pipeline shows in the package layout:

    load/      read sources/*.md and annotations/*.yml, keeping every value's file:line
    validate/  schema, ids, references, EDTF dates, quotes against their source text
    model/     one immutable Dossier with its indexes
    pages/     pure functions: Dossier -> {page path: Markdown}; no MkDocs import
    plugin.py  the thin MkDocs adapter
"""

__version__ = "0.1.0"
