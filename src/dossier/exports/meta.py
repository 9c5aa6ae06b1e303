"""What every export states about itself: the dossier's title, its licence and its "Stand" (the date of the
data). The Stand comes from the input, never from the clock, so that two builds of the same input give the
same bytes: a configured date, else SOURCE_DATE_EPOCH (reproducible-builds.org), else the newest date the
sources and their references carry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Dossier


@dataclass(frozen=True)
class ExportMeta:
    title: str
    licence: str  # a statement for readers, e.g. "Annotationen: CC BY 4.0; Artikeltexte: © die Verlage"
    licence_url: str | None
    stand: dt.date
    site_url: str | None = None  # absolute base of the published site, if it has one (mkdocs site_url)

    def absolute(self, url: str) -> str:
        """`url` (site-relative) made absolute when the site has a known address; else left relative, which
        JSON-LD resolves against the file's own location (the site works from a folder, too)."""
        return (self.site_url.rstrip("/") + "/" + url) if self.site_url else url


def stand_from(dossier: Dossier, configured: str | None, source_date_epoch: str | None) -> dt.date:
    if configured:
        return dt.date.fromisoformat(str(configured))
    if source_date_epoch:
        return dt.datetime.fromtimestamp(int(source_date_epoch), dt.timezone.utc).date()
    dates = [s.date.end for s in dossier.sources if s.date] + [c.date.end for c in dossier.citations if c.date]
    return max(dates) if dates else dt.date(1970, 1, 1)
