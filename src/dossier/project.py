"""Finding the project (the folder with mkdocs.yml) and running load + validate on it."""

from __future__ import annotations

import dataclasses
import gc
import os
from pathlib import Path

import yaml

from . import handoff
from .diagnostics import Diagnostic, display_path
from .i18n import LANGUAGES
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


def mkdocs_config(root: Path) -> dict:
    """mkdocs.yml, read without MkDocs (`!!python` tags are ignored); {} if it is missing or unreadable."""

    class _Lenient(yaml.SafeLoader):
        pass

    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def plugin_options(root: Path) -> dict:
    """The dossier plugin's options from mkdocs.yml (plugins as a list or, as MkDocs also allows, a mapping)."""
    plugins = mkdocs_config(root).get("plugins") or []
    entries = [plugins] if isinstance(plugins, dict) else plugins if isinstance(plugins, list) else []
    for plugin in entries:
        if isinstance(plugin, dict) and "dossier" in plugin:
            options = plugin["dossier"]
            return options if isinstance(options, dict) else {}
    return {}


def input_dirs(root: Path) -> list[Path]:
    """The folders a build reads from: sources, annotations and MkDocs' docs_dir."""
    options = plugin_options(root)
    docs = mkdocs_config(root).get("docs_dir")
    return [root / options.get("sources", "sources"), root / options.get("annotations", "annotations"),
            root / (docs if isinstance(docs, str) else "docs")]


def replaced_by_site(root: Path, site_dir: Path, inputs: list[Path]) -> str | None:
    """What a build into `site_dir` would destroy (a build empties its site folder first): the project, when
    site_dir is its folder or above it, or an input folder, when site_dir is it, above it or inside it."""
    target, root = site_dir.resolve(), root.resolve()
    if target == root or target in root.parents:
        return "the project"
    for folder in (f.resolve() for f in inputs):
        if target == folder or target in folder.parents or folder in target.parents:
            return f"the input folder {display_path(folder, root)}/"
    return None


def inputs_key(root: Path, sources: str | None = None, annotations: str | None = None,
               language: str | None = None) -> str:
    """The fingerprint of what load_dossier would read (see handoff.py)."""
    options = plugin_options(root)
    return handoff.fingerprint(root, [sources or options.get("sources", "sources"),
                                      annotations or options.get("annotations", "annotations")],
                               language or options.get("language") or "de")


def load_dossier(root: Path, sources: str | None = None, annotations: str | None = None,
                 language: str | None = None) -> tuple[Dossier | None, list[Diagnostic]]:
    # Loading makes a million objects and no garbage cycles; the cycle collector would walk all the live
    # ones again and again (40 % of `dossier check` at 1,000 articles). Reference counting frees the rest.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_dossier(root, sources, annotations, language)
    finally:
        if enabled:
            gc.enable()


def _load_dossier(root: Path, sources: str | None, annotations: str | None,
                  language: str | None) -> tuple[Dossier | None, list[Diagnostic]]:
    if os.environ.get(handoff.ENV) and (handed := handoff.take(inputs_key(root, sources, annotations, language))):
        return handed  # checked a moment ago by `dossier build`, and nothing changed since
    options = plugin_options(root)
    project, diagnostics = load_project(root, sources or options.get("sources", "sources"),
                                        annotations or options.get("annotations", "annotations"))
    dossier, more = check(project)
    diagnostics += more
    language = language or options.get("language") or "de"
    if language not in LANGUAGES:
        diagnostics.append(Diagnostic("mkdocs.yml", 1, 1, "bad-value", f"dossier has no words for the language "
                                      f"'{language}'", f"one of: {', '.join(LANGUAGES)} (the tables are in "
                                      "src/dossier/i18n.py)"))
    diagnostics.sort()
    if any(d.severity == "error" for d in diagnostics):
        return None, diagnostics
    return dataclasses.replace(dossier, language=language), diagnostics
