"""Under `dossier serve` each rebuild checks the annotations again, and the check of a mapping that did not
change is taken from the last one (validate/fields.py CHECKED): what it reported must be reported again,
every time, and an edit must be checked afresh."""

from __future__ import annotations

from dossier.project import load_dossier


def _diagnostics(root) -> list[str]:
    dossier, diagnostics = load_dossier(root)
    return [d.format() for d in diagnostics]


def test_a_rebuild_reports_what_the_last_check_reported_and_checks_an_edit_afresh(project_copy):
    clean = _diagnostics(project_copy)
    assert _diagnostics(project_copy) == clean
    path = project_copy / "annotations" / "sources" / "keine-neue-allianz.yml"
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    at = lines.index("evidence:") + 1  # the first evidence entry: "  - event: ..."
    path.write_text("\n".join(lines[:at + 1] + ["    page: 3"] + lines[at + 1:]), encoding="utf-8")
    broken = _diagnostics(project_copy)
    expected = f"annotations/sources/keine-neue-allianz.yml:{at + 2}:5: error[unknown-field]"
    assert [d for d in broken if d.startswith(expected)], broken
    assert _diagnostics(project_copy) == broken  # reported again by the next rebuild, not only by the first
    path.write_text(original, encoding="utf-8")
    assert _diagnostics(project_copy) == clean
