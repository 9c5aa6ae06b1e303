"""Loading edge cases that golden YAML cases cannot express (bytes that are not UTF-8)."""

from pathlib import Path

from dossier.project import load_dossier


def test_a_file_that_is_not_utf8_is_named_not_a_crash(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "topics.yml").write_bytes("topics:\n  - id: x\n    question: Grüße\n".encode("latin-1"))
    dossier, diagnostics = load_dossier(tmp_path)
    assert dossier is None
    assert [d.format().splitlines()[0] for d in diagnostics] == [
        "annotations/topics.yml:1:1: error[encoding]: not UTF-8 text (invalid start byte)"]


def test_line_numbers_count_from_the_top_of_the_source_file(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.md").write_text(
        "---\ntitle: A\ntitle_editorial: false\nauthors: []\npublication: null\ndate: null\nlanguage: de\n"
        "translated_from: null\nurl: null\ndoi: null\n---\n\nErster Absatz.\n\n## Titel\n\nZweiter\nAbsatz.\n",
        encoding="utf-8")
    dossier, diagnostics = load_dossier(tmp_path)
    assert diagnostics == []
    blocks = dossier.sources[0].blocks
    assert [(b.kind, b.text, b.line, b.number) for b in blocks] == [
        ("p", "Erster Absatz.", 13, 1), ("h2", "Titel", 15, 1), ("p", "Zweiter Absatz.", 17, 2)]
