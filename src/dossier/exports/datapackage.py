"""datapackage.json: a Frictionless Data (Tabular) Data Package that describes the CSV tables: fields and
their types, primary and foreign keys, licence. Spreadsheet-free tools (frictionless, pandas) read the
tables through it."""

from __future__ import annotations

import json

from .meta import ExportMeta
from .tables import LIST_SEPARATOR, TABLES

FILE = "datapackage.json"


def descriptor(meta: ExportMeta) -> dict:
    licence = {"title": meta.licence} | ({"path": meta.licence_url} if meta.licence_url else {})
    resources = []
    for table in TABLES:
        schema = {
            "fields": [{"name": f.name, "type": f.type, "description": f.description
                        + (f" (mehrere durch „{LIST_SEPARATOR.strip()}“ getrennt)" if f.list else "")}
                       for f in table.fields],
            "missingValues": [""],
            "primaryKey": list(table.primary_key),
        }
        if table.foreign_keys:
            schema["foreignKeys"] = [{"fields": field, "reference": {"resource": "" if ref == table.name else ref,
                                                                     "fields": ref_field}}
                                     for field, ref, ref_field in table.foreign_keys]
        resources.append({"name": table.name, "title": table.title, "path": table.path, "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    return {
        "profile": "tabular-data-package",
        "name": "dossier",
        "title": meta.title,
        "description": f"Listen werden mit „{LIST_SEPARATOR.strip()}“ getrennt; ein leeres Feld heißt unbekannt.",
        "created": meta.stand.isoformat() + "T00:00:00Z",
        "version": meta.stand.isoformat(),
        "licenses": [licence],
        "resources": resources,
    }


def render(meta: ExportMeta) -> str:
    return json.dumps(descriptor(meta), ensure_ascii=False, indent=1) + "\n"
