"""Stage 1, load: read every input file, keeping positions; no judgement beyond what parsing needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, did_you_mean, display_path
from .files import SourceFile, TextBlock, YamlFile, read_source, read_yaml

__all__ = ["Project", "SourceFile", "TextBlock", "YamlFile", "load_project", "GLOBAL_FILES"]

#: The shared annotation files, one concern each.
GLOBAL_FILES = ("actors", "events", "topics", "tags")


@dataclass
class Project:
    root: Path
    sources: list[SourceFile] = field(default_factory=list)
    globals: dict[str, YamlFile] = field(default_factory=dict)  # "actors" -> annotations/actors.yml
    per_source: dict[str, YamlFile] = field(default_factory=dict)  # source id -> annotations/sources/<id>.yml
    # Files that could not be parsed: their ids are unknown, so references to them are not judged.
    broken: set[str] = field(default_factory=set)


def load_project(root: Path, sources_dir: str = "sources", annotations_dir: str = "annotations") -> tuple[Project, list[Diagnostic]]:
    root = Path(root)
    project = Project(root)
    diags: list[Diagnostic] = []
    src_dir, ann_dir = root / sources_dir, root / annotations_dir
    if not src_dir.is_dir():
        diags.append(Diagnostic(sources_dir, 1, 1, "missing-dir", f"the folder '{sources_dir}/' does not exist",
                                "run dossier in the project folder (where mkdocs.yml is), or create the folder"))
    source_ids: list[str] = []  # every source file, also one that could not be read
    for path in sorted(src_dir.glob("*.md")) if src_dir.is_dir() else []:
        source_ids.append(path.stem)
        source, found = read_source(path, root)
        diags += found
        if source:
            project.sources.append(source)
        else:  # its annotations go unchecked, so no event can be judged to lack evidence
            project.broken.add("sources")
    for name in GLOBAL_FILES:
        path = ann_dir / f"{name}.yml"
        if path.exists():
            loaded, found = read_yaml(path, root)
            diags += found
            if loaded and loaded.data is not None and not found:
                project.globals[name] = loaded
            elif found:
                project.broken.add(name)
    for path in sorted((ann_dir / "sources").glob("*.yml")) if (ann_dir / "sources").is_dir() else []:
        loaded, found = read_yaml(path, root)
        diags += found
        if found:
            project.broken.add("sources")
        if path.stem not in source_ids:
            diags.append(Diagnostic(display_path(path, root), 1, 1, "unknown-source",
                                    f"annotations for '{path.stem}', but there is no {sources_dir}/{path.stem}.md",
                                    did_you_mean(path.stem, source_ids) or "name the file after its source"))
        elif loaded and not found:
            project.per_source[path.stem] = loaded
    for path in sorted(ann_dir.glob("*.y*ml")) if ann_dir.is_dir() else []:
        if path.suffix == ".yaml" or path.stem not in GLOBAL_FILES:
            diags.append(Diagnostic(display_path(path, root), 1, 1, "unknown-file",
                                    f"'{path.name}' is not an annotation file dossier reads",
                                    f"the shared files are {', '.join(n + '.yml' for n in GLOBAL_FILES)}; a source's "
                                    f"annotations go to {annotations_dir}/sources/<source-id>.yml"))
    return project, diags
