"""Loading edge cases that golden YAML cases cannot express: bytes that are not UTF-8, line numbers, memory,
mkdocs.yml."""

from pathlib import Path

import pytest

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


def test_parsing_keeps_no_yaml_nodes_alive():
    # `mkdocs serve` parses every file on every rebuild: nothing of a parse may outlive it.
    import gc

    import yaml

    from dossier.load.located_yaml import parse

    def live_nodes() -> int:
        gc.collect()
        return sum(isinstance(o, yaml.Node) for o in gc.get_objects())

    before = live_nodes()
    data, _ = parse("events:\n  - id: a\n    date: 2024-06-01\n    tags: [x, y]\n")
    assert data["events"][0]["tags"] == ["x", "y"]
    assert live_nodes() == before


@pytest.mark.parametrize("mkdocs_yml, options", [
    ("plugins:\n  - search\n  - dossier:\n      sources: texte\n", {"sources": "texte"}),
    ("plugins:\n  search: {}\n  dossier:\n    sources: texte\n", {"sources": "texte"}),  # MkDocs takes a mapping too
    ("plugins:\n  - dossier\n", {}),
    ("plugins:\n  - dossier: 5\n", {}),
    ("- site_name: kein Mapping\n", {}),
    ("site_name: [kaputt\n", {}),
])
def test_plugin_options_as_mkdocs_reads_them(tmp_path, mkdocs_yml, options):
    from dossier.project import plugin_options

    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    assert plugin_options(tmp_path) == options


def test_a_language_without_a_word_table_is_an_error_not_silently_german(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - dossier:\n      language: xx\n", encoding="utf-8")
    dossier, diagnostics = load_dossier(tmp_path)
    assert dossier is None
    assert [d.format() for d in diagnostics] == [
        "mkdocs.yml:1:1: error[bad-value]: dossier has no words for the language 'xx'\n"
        "  hint: one of: de, en (the tables are in src/dossier/i18n.py)"]
    assert load_dossier(tmp_path, language="de")[0] is not None


def test_a_file_that_cannot_be_read_is_named_not_a_crash(tmp_path: Path):
    (tmp_path / "sources" / "ordner.md").mkdir(parents=True)  # a folder where a source file is expected
    dossier, diagnostics = load_dossier(tmp_path)
    assert dossier is None
    assert [d.format().splitlines()[0] for d in diagnostics] == [
        "sources/ordner.md:1:1: error[not-a-file]: 'ordner.md' is a folder, not a file"]


def test_a_subheading_needs_no_blank_line_after_it():
    from dossier.load.files import split_blocks

    blocks = split_blocks("Erster Absatz.\n## Titel\nZweiter Absatz\nweiter.\n", 20)
    assert [(b.kind, b.text, b.line) for b in blocks] == [
        ("p", "Erster Absatz.", 20), ("h2", "Titel", 21), ("p", "Zweiter Absatz weiter.", 22)]


def test_diagnostics_sort_by_place_whatever_their_hints():
    from dossier.diagnostics import Diagnostic

    a = Diagnostic("a.yml", 2, 1, "x", "m", None)
    b = Diagnostic("a.yml", 2, 1, "x", "m", "hint")
    c = Diagnostic("a.yml", 1, 5, "y", "m", "hint")
    assert sorted([a, b, c])[0] is c
