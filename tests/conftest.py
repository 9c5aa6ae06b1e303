"""Shared fixtures: the repository's real dossier, and a built copy of its site (built once per session)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
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


def _screenshots_script():
    """scripts/screenshots.py as a module (its browser launch and local server serve the browser tests too)."""
    return script_module("screenshots")


def script_module(stem: str):
    """scripts/<stem>.py as a module, loaded once."""
    name = f"dossier_{stem}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{stem}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium through playwright, launched as scripts/screenshots.py does (raises if missing)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = _screenshots_script().launch(p)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def served(built_site):
    """The built real site served from 127.0.0.1: its base URL."""
    server = _screenshots_script().serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
