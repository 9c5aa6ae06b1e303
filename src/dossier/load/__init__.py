"""Stage 1, load: read every input file, keeping positions; no judgement beyond what parsing needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, did_you_mean, display_path
from . import files, limits
from .files import SourceFile, TextBlock, YamlFile, read_source, read_yaml
from .folders import Listing, list_folder

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
    files.PARSED.new()
    project = Project(root)
    diags: list[Diagnostic] = []
    src_dir, ann_dir = root / sources_dir, root / annotations_dir
    if not src_dir.is_dir():
        diags.append(Diagnostic(sources_dir, 1, 1, "missing-dir", f"the folder '{sources_dir}/' does not exist",
                                "run dossier in the project folder (where mkdocs.yml is), or create the folder"))
    sources = list_folder(src_dir, root, ".md", f"{sources_dir}/ holds the articles as '<id>.md' (front matter "
                          "and text)") if src_dir.is_dir() or src_dir.is_symlink() else Listing()
    annotations = list_folder(ann_dir, root, ".yml", f"{annotations_dir}/ holds "
                              f"{', '.join(n + '.yml' for n in GLOBAL_FILES)} and the folder sources/",
                              subfolders=("sources",)) if ann_dir.is_dir() or ann_dir.is_symlink() else Listing()
    per_source = list_folder(annotations.folders[0], root, ".yml", f"{annotations_dir}/sources/ holds one "
                             "'<source-id>.yml' per source") if annotations.folders else Listing()
    diags += sources.diagnostics + annotations.diagnostics + per_source.diagnostics
    if sources.diagnostics:  # a source left out: its annotations cannot be judged to lack evidence
        project.broken.add("sources")
    source_ids: list[str] = []  # every source file, also one that could not be read
    for path in sources.files:
        source_ids.append(path.stem)
        source, found = read_source(path, root)
        diags += found
        if source:
            project.sources.append(source)
        else:  # its annotations go unchecked, so no event can be judged to lack evidence
            project.broken.add("sources")
    for path in annotations.files:
        if path.stem not in GLOBAL_FILES:
            diags.append(Diagnostic(display_path(path, root), 1, 1, "unknown-file",
                                    f"'{path.name}' is not an annotation file dossier reads",
                                    f"the shared files are {', '.join(n + '.yml' for n in GLOBAL_FILES)}; a source's "
                                    f"annotations go to {annotations_dir}/sources/<source-id>.yml"))
            continue
        loaded, found = read_yaml(path, root, limits.MAX_SHARED_FILE_BYTES)
        diags += found
        if loaded and loaded.data is not None and not found:
            project.globals[path.stem] = loaded
        elif found:
            project.broken.add(path.stem)
    for name in GLOBAL_FILES:  # one that is there but could not be admitted (a link out, a folder)
        if name not in project.globals and any(d.file.endswith(f"/{name}.yml") for d in annotations.diagnostics):
            project.broken.add(name)
    for path in per_source.files:
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
    return project, diags
