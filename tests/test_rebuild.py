"""Under `dossier serve` (mkdocs serve --dirty), a rebuild writes only the files an edit changed (rebuild.py).
After each edit the serve folder holds, byte for byte, the site a clean build makes of the same inputs; and
the pages the edit did not touch were not written again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from dossier import rebuild

pytestmark = pytest.mark.slow


def _build(project: Path, site: Path, dirty: bool) -> None:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)), dirty=dirty)


def _tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _times(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append_paragraph(project: Path) -> None:
    with open(project / "sources" / "putin-besuch-pjoengjang.md", "a", encoding="utf-8") as f:
        f.write("\nAuch Sergej Schoigu reiste an, und die Zuckerwatte AG lieferte.\n")


def _retitle_event(project: Path) -> None:
    _replace(project / "annotations" / "events.yml",
             "title: Russlands Verteidigungsminister Schoigu trifft Kim Jong-un in Pjöngjang",
             "title: Russlands Verteidigungsminister Schoigu trifft Kim Jong-un in Pjöngjang (Zuckerwattewolke)")


NEW_ACTOR = ("actors:\n  - id: zuckerwatte-ag\n    name: Zuckerwatte AG\n    kind: organisation\n    role: null\n"
             "    aliases: []\n    wikidata: null\n")


def _add_actor(project: Path) -> None:
    _replace(project / "annotations" / "actors.yml", "actors:\n", NEW_ACTOR)


def _remove_actor(project: Path) -> None:
    _replace(project / "annotations" / "actors.yml", NEW_ACTOR, "actors:\n")


@pytest.fixture
def serving(monkeypatch):
    monkeypatch.setattr(rebuild.RECORD, "active", True)
    yield rebuild.RECORD
    rebuild.RECORD.forget()


def test_each_rebuild_equals_a_clean_build_and_writes_only_what_changed(project_copy, tmp_path, serving):
    served = tmp_path / "served"
    _build(project_copy, served, dirty=True)
    edits = [  # (edit, a page it must rewrite, whether the set of pages changes)
        (_append_paragraph, "quellen/putin-besuch-pjoengjang.html", False),
        (_retitle_event, "akteure/sergej-schoigu.html", False),
        (_add_actor, "akteure/zuckerwatte-ag.html", True),
        (_remove_actor, "quellen/putin-besuch-pjoengjang.html", True),
    ]
    for number, (edit, page, new_pages) in enumerate(edits):
        before = _times(served)
        edit(project_copy)
        _build(project_copy, served, dirty=True)
        serving.active = False
        _build(project_copy, tmp_path / f"clean-{number}", dirty=False)
        serving.active = True
        assert _tree(served) == _tree(tmp_path / f"clean-{number}"), edit.__name__
        after = _times(served)
        rewritten = {p for p in after if before.get(p) != after[p]}
        assert page in rewritten, edit.__name__
        if new_pages:  # the navigation may differ on every page: all are written again
            assert rewritten == set(after), edit.__name__
        else:
            assert len(rewritten) < len(after) / 4, (edit.__name__, sorted(rewritten))
    assert not (served / "akteure" / "zuckerwatte-ag.html").exists()  # the removed actor's page is gone


def test_a_failed_build_makes_the_next_one_write_everything(project_copy, tmp_path, serving):
    served = tmp_path / "served"
    _build(project_copy, served, dirty=True)
    serving.forget()  # what on_build_error does
    before = _times(served)
    _build(project_copy, served, dirty=True)
    assert all(_times(served)[p] != before[p] for p in before)


def test_stale_files_are_removed_only_inside_the_site(tmp_path):
    site, outside = tmp_path / "site", tmp_path / "keep.txt"
    (site / "akteure").mkdir(parents=True)
    (site / "akteure" / "old.html").write_text("x")
    outside.write_text("x")
    removed = rebuild.remove_stale([str(site / "akteure" / "old.html"), str(outside),
                                    str(site / "akteure" / ".." / ".." / "keep.txt")], str(site))
    assert removed == 1 and outside.exists() and not (site / "akteure" / "old.html").exists()


def test_a_file_is_written_when_new_changed_missing_or_in_another_setting(tmp_path):
    record, page = rebuild.Record(), tmp_path / "p.html"
    page.write_text("x")
    record.active = True
    record.start(str(tmp_path), "s", {str(page): "d"})
    assert record.changed(str(page))  # nothing written before
    record.finish()
    record.start(str(tmp_path), "s", {str(page): "d"})
    assert not record.changed(str(page))
    record.active = False
    assert record.changed(str(page))  # a plain build writes everything
    record.active = True
    os.remove(page)
    assert record.changed(str(page))
    page.write_text("x")
    record.start(str(tmp_path), "s", {str(page): "e"})
    assert record.changed(str(page))
    record.finish()
    record.start(str(tmp_path), "another setting", {str(page): "e"})
    assert record.changed(str(page))


def test_a_generated_content_keeps_its_version_while_it_is_the_same_or_equal():
    versions = rebuild.ContentVersions()
    page, export = "<h1>Seite</h1>", "[1, 2]"
    first = versions.of({"a.html": page, "b.json": export, "c.bin": b"\x00"})
    again = versions.of({"a.html": page, "b.json": "[1, " + "2]", "c.bin": "\x00"})
    assert again["a.html"] == first["a.html"]  # the very string again
    assert again["b.json"] == first["b.json"]  # an equal string made anew
    assert again["c.bin"] != first["c.bin"]  # text where bytes were: written again
    changed = versions.of({"a.html": page + " ", "b.json": "[1, 2]", "new.html": page})
    assert changed["a.html"] != again["a.html"] and changed["b.json"] == first["b.json"]
    assert len(set(changed.values())) == 3
