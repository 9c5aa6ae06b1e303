"""`dossier build` hands the dossier it checked to the MkDocs process, which then does not check it again;
any change to the inputs in between makes the plugin load afresh."""

from __future__ import annotations

import os

import pytest

import dossier.project
from dossier import handoff
from dossier.project import inputs_key, load_dossier


def test_the_checked_dossier_is_taken_while_the_inputs_are_unchanged(project_copy, monkeypatch):
    checked, diagnostics = load_dossier(project_copy)
    saved = handoff.save(checked, diagnostics, inputs_key(project_copy))
    try:
        monkeypatch.setenv(handoff.ENV, str(saved))
        monkeypatch.setattr(dossier.project, "load_project", lambda *a: pytest.fail("loaded again"))
        handed, _ = load_dossier(project_copy)
        assert handed == checked
        # An edit in between (here: a newer modification time) and the plugin loads and checks afresh.
        source = next((project_copy / "sources").glob("*.md"))
        os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000_000))
        with pytest.raises(pytest.fail.Exception, match="loaded again"):
            load_dossier(project_copy)
    finally:
        saved.unlink()


def test_no_handoff_without_the_file(project_copy, monkeypatch):
    monkeypatch.setenv(handoff.ENV, str(project_copy / "missing.pickle"))
    loaded, _ = load_dossier(project_copy)
    assert loaded is not None and len(loaded.sources) == 5
