"""What the input folders hold, judged before anything is read: every entry is a file dossier reads, or a
diagnostic says why it is not. Nothing is skipped silently but hidden files (`.DS_Store`, `.gitkeep`).

A link may point anywhere; what it points to outside the project is not in the repository, and would be
published with the site: refused, until the editor copies the file in (that is how they say so).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, display_path


@dataclass
class Listing:
    files: list[Path] = field(default_factory=list)  # regular files with the expected suffix, sorted
    folders: list[Path] = field(default_factory=list)  # the allowed sub-folders that exist
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _diag(path: Path, root: Path, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(display_path(path, root), 1, 1, code, message, hint)


def link_problem(path: Path, root: Path) -> Diagnostic | None:
    """A dangling link, or one that leads out of the project (also through a linked folder)."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return _diag(path, root, "dangling-link", f"'{path.name}' is a link to "
                     f"'{os.readlink(path) if path.is_symlink() else '?'}', which does not exist",
                     "remove the link, or point it at a file in the project")
    except (OSError, RuntimeError):  # a loop of links
        return _diag(path, root, "dangling-link", f"'{path.name}' is a link that leads round in a circle",
                     "remove the link, or point it at a file in the project")
    if not target.is_relative_to(root.resolve()):
        return _diag(path, root, "link-outside", f"'{path.name}' leads out of the project, to '{target}'",
                     "what it holds would be published with the site without being in the repository: copy the "
                     "file into the project if it may be published, and remove the link")
    return None


def list_folder(folder: Path, root: Path, suffix: str, what: str, subfolders: tuple[str, ...] = ()) -> Listing:
    """The entries of `folder`: files ending in `suffix` to read, `subfolders` to list on their own, and a
    diagnostic for everything else. `what` says in a hint what the folder holds."""
    listing = Listing()
    if problem := link_problem(folder, root):
        listing.diagnostics.append(problem)
        return listing
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        listing.diagnostics.append(_diag(folder, root, "unreadable", f"cannot list the folder ({exc.strerror})",
                                         "check that it is a folder you may read"))
        return listing
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        # Only a link can lead elsewhere: the folder itself is in the project (checked above). Resolving
        # every file's path took a quarter of a rebuild's reading at 1,000 articles.
        if entry.is_symlink() and (problem := link_problem(path, root)):
            listing.diagnostics.append(problem)
            continue
        shown = entry.name  # the diagnostic's path says where
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            listing.diagnostics.append(_diag(path, root, "unreadable", f"cannot read '{shown}' ({exc.strerror})",
                                             "check that it is a file you may read"))
            continue
        if stat.S_ISDIR(mode):
            if entry.name in subfolders:
                listing.folders.append(path)
            elif entry.name.endswith(suffix):
                listing.diagnostics.append(_diag(path, root, "not-a-file", f"'{shown}' is a folder, not a file",
                                                 f"{what}; move what is inside it out, and remove the folder"))
            else:
                listing.diagnostics.append(_diag(path, root, "unknown-file", f"the folder '{shown}/' is not read",
                                                 f"{what}; move it out of {display_path(folder, root)}/"))
        elif not stat.S_ISREG(mode):  # a pipe or a device: reading it could wait forever
            listing.diagnostics.append(_diag(path, root, "not-a-file", f"'{shown}' is not a regular file",
                                             f"{what}; remove it"))
        elif entry.name.endswith(suffix):
            listing.files.append(path)
        else:
            listing.diagnostics.append(_diag(path, root, "unknown-file", f"'{shown}' is not read: dossier reads "
                                             f"only '*{suffix}' files here", _rename_hint(path, suffix, what)))
    return listing


def _rename_hint(path: Path, suffix: str, what: str) -> str:
    stem = path.name.split(".")[0]
    if path.suffix.lower() in (".yml", ".yaml", ".md", ".markdown", ".txt", ".text"):
        return f"{what}: rename it to '{stem}{suffix}' if it is one, else move it out of the folder"
    return f"{what}; move it out of the folder"
