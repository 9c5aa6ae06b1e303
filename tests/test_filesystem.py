"""Odd file systems: links out of the project or to nothing, folders and pipes where files are expected,
a folder that cannot be written, staging folders of a killed build. Each ends in a diagnostic naming the
repo-relative path, exit 1, no traceback (files the build ignores: tests/cases/unexpected-files.yml)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from dossier import build
from dossier.diagnostics import format_report
from dossier.project import load_dossier

BASE = yaml.safe_load((Path(__file__).parent / "cases" / "_base.yaml").read_text(encoding="utf-8"))["files"]


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "projekt"
    for name, content in BASE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    return root


def test_links_out_of_the_project_or_to_nothing_and_folders_for_files(tmp_path):
    root = _project(tmp_path)
    secret = tmp_path / "geheim.md"
    secret.write_text((root / "sources" / "artikel.md").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "sources" / "geheim.md").symlink_to(secret)
    (root / "sources" / "weg.md").symlink_to(root / "sources" / "gibt-es-nicht.md")
    (root / "sources" / "kreis.md").symlink_to(root / "sources" / "kreis.md")
    (root / "sources" / "ordner.md").mkdir()
    (root / "annotations" / "topics.yml").unlink()
    (root / "annotations" / "topics.yml").mkdir()
    (root / "annotations" / "sources" / "geheim.yml").symlink_to(tmp_path)
    os.mkfifo(root / "sources" / "rohr.md")  # reading a pipe would wait forever
    inside = root / "texte" / "innen.md"
    inside.parent.mkdir()
    inside.write_text("", encoding="utf-8")
    (root / "annotations" / "notiz.yml").symlink_to(inside)  # inside the project: followed, judged as usual
    result = subprocess.run([sys.executable, "-m", "dossier", "check"], cwd=root, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    report = result.stderr.rstrip("\n")
    assert report == f"""\
annotations/notiz.yml:1:1: error[unknown-file]: 'notiz.yml' is not an annotation file dossier reads
  hint: the shared files are actors.yml, events.yml, topics.yml, tags.yml; a source's annotations go to annotations/sources/<source-id>.yml
annotations/sources/geheim.yml:1:1: error[link-outside]: 'geheim.yml' leads out of the project, to '{tmp_path.resolve()}'
  hint: what it holds would be published with the site without being in the repository: copy the file into the project if it may be published, and remove the link
annotations/topics.yml:1:1: error[not-a-file]: 'topics.yml' is a folder, not a file
  hint: annotations/ holds actors.yml, events.yml, topics.yml, tags.yml and the folder sources/; move what is inside it out, and remove the folder
sources/geheim.md:1:1: error[link-outside]: 'geheim.md' leads out of the project, to '{secret.resolve()}'
  hint: what it holds would be published with the site without being in the repository: copy the file into the project if it may be published, and remove the link
sources/kreis.md:1:1: error[dangling-link]: 'kreis.md' is a link that leads round in a circle
  hint: remove the link, or point it at a file in the project
sources/ordner.md:1:1: error[not-a-file]: 'ordner.md' is a folder, not a file
  hint: sources/ holds the articles as '<id>.md' (front matter and text); move what is inside it out, and remove the folder
sources/rohr.md:1:1: error[not-a-file]: 'rohr.md' is not a regular file
  hint: sources/ holds the articles as '<id>.md' (front matter and text); remove it
sources/weg.md:1:1: error[dangling-link]: 'weg.md' is a link to '{root / "sources" / "gibt-es-nicht.md"}', which does not exist
  hint: remove the link, or point it at a file in the project
8 errors found."""


def test_a_linked_input_folder_that_leads_out_is_refused(tmp_path):
    root = _project(tmp_path)
    outside = tmp_path / "anderswo"
    (root / "sources").rename(outside)
    (root / "sources").symlink_to(outside)
    dossier, diagnostics = load_dossier(root)
    assert dossier is None
    assert ("sources", "link-outside") in [(d.file, d.code) for d in diagnostics]


def test_a_folder_that_cannot_be_written_stops_the_build_with_a_diagnostic(tmp_path, monkeypatch):
    # The tests run as root, for whom chmod does not forbid anything: the refusal is simulated where the
    # build meets it, creating its staging folder.
    root = _project(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(build.tempfile, "mkdtemp", refuse)
    result = build.build_site(root, Path("site"), echo=lambda line: None)
    assert not result.ok
    assert result.message == (
        ".:1:1: error[not-writable]: cannot write the site into '.' (Permission denied); nothing was replaced\n"
        "  hint: make the folder writable for you (chmod u+w), or build elsewhere with --site-dir")


def test_staging_folders_of_a_killed_build_are_removed_by_the_next(tmp_path, monkeypatch):
    root = _project(tmp_path)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("alt", encoding="utf-8")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()  # a process that has ended: its pid is free
    for name in (f".site-new-{gone}-abcd1234", f".site-old-{gone}", f".site-new-{os.getppid()}-läuft"):
        (root / name).mkdir()
        (root / name / "index.html").write_text("halb", encoding="utf-8")
    legacy = root / ".site-new-k3x9q2ab"  # a name without a pid, from before: removed once it is old
    legacy.mkdir()
    os.utime(legacy, (0, 0))

    def fake_mkdocs(root_, staging, echo, env=None):
        (staging / "index.html").write_text("neu", encoding="utf-8")
        return True

    monkeypatch.setattr(build, "mkdocs_build", fake_mkdocs)
    lines: list[str] = []
    result = build.build_site(root, Path("site"), linkcheck=False, echo=lines.append)
    assert result.ok, result.message
    left = sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))
    assert left == [f".site-new-{os.getppid()}-läuft"]  # the build still running keeps its folder
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "neu"
    assert sum("left behind by a build that was stopped" in line for line in lines) == 3
