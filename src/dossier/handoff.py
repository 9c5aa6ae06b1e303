"""`dossier build` checks the dossier, then runs MkDocs in a child process whose plugin would load and check
it all over again (a tenth of the build). So the checked dossier is handed over in a file, named by an
environment variable, with a fingerprint of the inputs (every input file's path, size and modification
time, the folders and the language): if anything differs, the plugin loads afresh."""

from __future__ import annotations

import copyreg
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from types import MappingProxyType

from .diagnostics import Diagnostic
from .model import Dossier

ENV = "DOSSIER_CHECKED"

# The Dossier's indexes are read-only mappings, which pickle cannot take as they are.
def _proxy(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


copyreg.pickle(MappingProxyType, lambda proxy: (_proxy, (dict(proxy),)))


def fingerprint(root: Path, folders: list[str], language: str) -> str:
    digest = hashlib.sha256(f"{root.resolve()}\0{language}".encode())
    for folder in folders:
        digest.update(f"\0{folder}\0".encode())
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def save(dossier: Dossier, diagnostics: list[Diagnostic], key: str) -> Path:
    """Writes the checked dossier to a temporary file; the caller sets ENV to it and deletes it after."""
    handle, name = tempfile.mkstemp(prefix="dossier-checked-", suffix=".pickle")
    with os.fdopen(handle, "wb") as file:
        pickle.dump((key, dossier, diagnostics), file, protocol=pickle.HIGHEST_PROTOCOL)
    return Path(name)


def take(key: str) -> tuple[Dossier, list[Diagnostic]] | None:
    """The dossier handed over for exactly these inputs, or None (then load it)."""
    name = os.environ.get(ENV)
    if not name:
        return None
    try:
        with open(name, "rb") as file:
            saved_key, dossier, diagnostics = pickle.load(file)
    except (OSError, pickle.PickleError, EOFError, ValueError):
        return None
    return (dossier, diagnostics) if saved_key == key else None
