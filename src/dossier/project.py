"""Finding the project (the folder with mkdocs.yml) and running load + validate on it."""

from __future__ import annotations

from pathlib import Path

import yaml

from .diagnostics import Diagnostic
from .load import load_project
from .model import Dossier
from .validate import check


def find_root(start: Path | None = None) -> Path:
    """The nearest folder upwards that holds mkdocs.yml, like mkdocs itself; else the current folder."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def plugin_options(root: Path) -> dict:
    """The dossier plugin's options from mkdocs.yml (read without MkDocs: `!!python` tags are ignored)."""

    class _Lenient(yaml.SafeLoader):
        pass

    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient) or {}
    except (OSError, yaml.YAMLError):
        return {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "dossier" in plugin:
            return plugin["dossier"] or {}
    return {}


def load_dossier(root: Path, sources: str | None = None, annotations: str | None = None,
                 language: str | None = None) -> tuple[Dossier | None, list[Diagnostic]]:
    options = plugin_options(root)
    project, diagnostics = load_project(root, sources or options.get("sources", "sources"),
                                        annotations or options.get("annotations", "annotations"))
    dossier, more = check(project)
    diagnostics = sorted(diagnostics + more)
    if any(d.severity == "error" for d in diagnostics):
        return None, diagnostics
    if dossier is not None and (language or options.get("language")):
        import dataclasses

        dossier = dataclasses.replace(dossier, language=language or options["language"])
    return dossier, diagnostics
