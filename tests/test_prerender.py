"""The pages' Markdown is converted on two cores (prerender.py): what the forked half reports still reaches
MkDocs' log, so `--strict` fails on it as it would without the split."""

from __future__ import annotations

import pytest

from dossier import prerender
from dossier.build import mkdocs_build

pytestmark = pytest.mark.slow


def test_warnings_of_both_halves_fail_a_strict_build(project_copy, monkeypatch):
    assert prerender.cores() >= 2, "the machine has one core: the split is not exercised"
    for n in range(6):  # small pages: the balancing puts them in both halves
        (project_copy / "docs" / f"kaputt-{n}.md").write_text(f"# Seite {n}\n\n[weg](fehlt-{n}.md)\n", encoding="utf-8")
    lines: list[str] = []
    assert not mkdocs_build(project_copy, project_copy.parent / "site", echo=lines.append)
    output = "\n".join(lines)
    for n in range(6):
        assert f"fehlt-{n}.md" in output, output
    assert "Aborted with 6 warnings in strict mode" in output or "6 warnings" in output, output
