"""`dossier build` replaces the site folder: it must never be a folder that holds the project or its input."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.build import build_site


@pytest.mark.parametrize("site_dir", [".", "..", "sources", "annotations/site", "docs"])
def test_refuses_a_site_dir_that_would_replace_the_project_or_its_input(project_copy, site_dir):
    before = sorted(p.relative_to(project_copy) for p in project_copy.rglob("*"))
    lines: list[str] = []
    result = build_site(project_copy, Path(site_dir), linkcheck=False, echo=lines.append)
    assert not result.ok
    assert "choose another site folder" in result.message
    assert sorted(p.relative_to(project_copy) for p in project_copy.rglob("*")) == before
    assert lines == []  # refused before building anything


def test_a_swap_that_fails_halfway_puts_the_previous_site_back(tmp_path, monkeypatch):
    from dossier import build

    site, new = tmp_path / "site", tmp_path / ".site-new"
    for folder, text in ((site, "previous"), (new, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    rename = Path.rename

    def failing_rename(self, target):
        if self == new:
            raise OSError("disk full")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError):
        build._swap(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize("site_dir", ["sources", "annotations/site"])
def test_plain_mkdocs_build_refuses_to_build_into_the_input(project_copy, site_dir):
    import os
    import subprocess
    import sys

    before = {p: p.read_bytes() for p in project_copy.rglob("*") if p.is_file()}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", site_dir], cwd=project_copy,
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    assert "choose another site folder" in result.stderr
    assert {p: p.read_bytes() for p in project_copy.rglob("*") if p.is_file()} == before
