"""Shared fixtures: the repository's real dossier, and a built copy of its site (built once per session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def real_dossier():
    from dossier.project import load_dossier

    dossier, diagnostics = load_dossier(ROOT)
    assert dossier is not None, "\n".join(d.format() for d in diagnostics)
    return dossier


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real dossier built with `mkdocs build --strict` into a temporary folder (not the repo's site/)."""
    from dossier.build import mkdocs_build

    site = tmp_path_factory.mktemp("built") / "site"
    lines: list[str] = []
    assert mkdocs_build(ROOT, site, echo=lines.append), "\n".join(lines)
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the real project (sources, annotations, docs, mkdocs.yml) to modify in a test."""
    for name in ("sources", "annotations", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
