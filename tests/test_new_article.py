"""Adding an article: `dossier new` writes the source and a skeleton, the article builds into the site with
its actors linked both ways before it has any annotation, and `dossier suggest` stubs paste as they are."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.project import load_dossier
from dossier.scaffold import NewSource, ScaffoldError, annotation_skeleton, check_new, create, paragraphs, source_markdown

ARTICLE = Path(__file__).parent / "data" / "new_article" / "artikel.txt"
ID = "gipfel-in-pjoengjang"


@pytest.mark.parametrize("text, expected", [
    ("Eins, hart\numbrochen.\n\nZwei.\n", ["Eins, hart umbrochen.", "Zwei."]),
    ("\ufeffEins.\r\n\r\nZwei.\r\n", ["Eins.", "Zwei."]),  # a BOM and Windows line ends
    ("Eins.\nZwei.\nDrei.", ["Eins.", "Zwei.", "Drei."]),  # no blank line at all: one paragraph a line
    ("\n\n  Eins.  \n\n\n\nZwei.\n\n", ["Eins.", "Zwei."]),
    ("Eins.\n\n## Titel\nZwei.\n", ["Eins.", "## Titel", "Zwei."]),  # a subheading is a block of its own
])
def test_paragraphs(text, expected):
    assert paragraphs(text) == expected


def new_source(**changes) -> NewSource:
    values = dict(id="neuer-artikel", title="Ein Titel: mit Doppelpunkt", date="2024-06", text="Eins.\n\nZwei.")
    return NewSource(**{**values, **changes})


def test_source_file_has_every_field_and_the_text():
    post = frontmatter.loads(source_markdown(new_source(authors=("Erika Muster", "Max Beispiel"), url="https://x.de")))
    assert list(post.metadata) == ["title", "title_editorial", "authors", "publication", "date", "language",
                                   "translated_from", "url", "doi", "kind", "short", "repairs"]
    assert post.metadata == {"title": "Ein Titel: mit Doppelpunkt", "title_editorial": False,
                             "authors": ["Erika Muster", "Max Beispiel"], "publication": None,
                             "date": "2024-06", "language": "de", "translated_from": None, "url": "https://x.de",
                             "doi": None, "kind": None, "short": None, "repairs": []}
    assert post.content == "Eins.\n\nZwei."


def test_skeleton_quotes_the_first_sentence_in_its_commented_examples():
    skeleton = annotation_skeleton(new_source(text='Er sagte am 3. März „Ja“ und "nein". Dann ging er.'))
    assert '#   quote: "Er sagte am 3. März „Ja“ und \\"nein\\"."' in skeleton
    # Nothing but comments inside the sections, so the file passes the check as it is.
    assert all(line.lstrip().startswith("#") or not line.startswith(" ") for line in skeleton.splitlines())


@pytest.mark.parametrize("changes, message, hint", [
    ({"id": "Neuer Artikel"}, "'Neuer Artikel' is not a usable source id", "e.g. 'neuer-artikel'"),
    ({"id": "über-uns"}, "not a usable source id", "e.g. 'ueber-uns'"),
    ({"id": "index"}, "'index' is not a usable source id", "reserved"),
    ({"date": "Juni 2024"}, "'Juni 2024' is not an EDTF date", "2023-09-16 (day)"),
    ({"date": "2024-13"}, "not an EDTF date", None),
    ({"title": "  "}, "the title is empty", "--editorial-title"),
    ({"language": "Deutsch"}, "--language 'Deutsch' is not a language code", None),
    ({"text": "\n\n"}, "the text has no paragraph", "standard input"),
    ({"text": "## Nur eine Überschrift"}, "the text has no paragraph", None),
])
def test_rejects(changes, message, hint):
    with pytest.raises(ScaffoldError) as error:
        check_new(new_source(**changes))
    assert message in error.value.message
    assert hint is None or hint in error.value.hint


def test_never_overwrites(tmp_path):
    create(tmp_path, new_source())
    source = tmp_path / "sources" / "neuer-artikel.md"
    before = source.read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="sources/neuer-artikel.md already exists"):
        create(tmp_path, new_source(title="Anders"))
    assert source.read_text(encoding="utf-8") == before
    # An orphaned annotation file is kept too, and then nothing is written at all.
    (tmp_path / "annotations" / "sources" / "zweiter.yml").write_text("summary: Wichtig.\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="annotations/sources/zweiter.yml already exists"):
        create(tmp_path, new_source(id="zweiter"))
    assert not (tmp_path / "sources" / "zweiter.md").exists()
    assert (tmp_path / "annotations" / "sources" / "zweiter.yml").read_text(encoding="utf-8") == "summary: Wichtig.\n"


def test_cli_reads_standard_input_and_explains_errors(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["new", "neu", "--title", "Neu", "--date", "2024"], input="Erster Absatz.\n")
    assert result.exit_code == 0, result.output
    assert "created sources/neu.md (1 paragraph, 2 words)" in result.output
    assert "dossier suggest neu" in result.output
    assert frontmatter.loads((tmp_path / "sources" / "neu.md").read_text(encoding="utf-8")).content == "Erster Absatz."
    result = runner.invoke(main, ["new", "Neu 2", "--title", "Neu", "--date", "2024"], input="Text.\n")
    assert result.exit_code == 1
    assert "error: 'Neu 2' is not a usable source id\n  hint: ids use a-z, 0-9 and '-' only, e.g. 'neu-2'" in result.output
    assert not (tmp_path / "sources" / "Neu 2.md").exists()
    latin1 = tmp_path / "alt.txt"
    latin1.write_bytes("Pjöngjang im März.".encode("latin-1"))
    result = runner.invoke(main, ["new", "alt", "--title", "Alt", "--date", "2024", "--text", str(latin1)])
    assert result.exit_code == 1 and "alt.txt is not UTF-8 text" in result.output
    assert not (tmp_path / "sources" / "alt.md").exists()


# --- end to end, on a copy of the real dossier ---------------------------------------------------------------

def _section(output: str, header: str) -> str:
    """The YAML printed under the comment line that starts with `header`, up to the next blank line."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header)) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return "\n".join(lines[start:end]) + "\n"


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"#]+)', html))


@pytest.mark.slow
def test_a_sixth_article_from_text_file_to_linked_pages(project_copy, monkeypatch, tmp_path_factory):
    from dossier.build import mkdocs_build
    from dossier.pages import render_site

    monkeypatch.chdir(project_copy)
    runner = CliRunner()
    result = runner.invoke(main, ["new", ID, "--title", "Gipfel in Pjöngjang: Putin besucht Kim", "--date",
                                  "2024-06-21", "--authors", "Erika Muster; Max Beispiel", "--text", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    assert f"created sources/{ID}.md (5 paragraphs, 1 subheading, " in result.output

    # Before any annotation: the skeleton passes the check, the page is built, actors are linked both ways.
    dossier, diagnostics = load_dossier(project_copy)
    assert dossier is not None, "\n".join(d.format() for d in diagnostics)
    assert len(dossier.source_by_id[ID].paragraphs) == 5
    site = tmp_path_factory.mktemp("site") / "site"
    log: list[str] = []
    assert mkdocs_build(project_copy, site, echo=log.append), "\n".join(log)
    source_page = (site / "quellen" / f"{ID}.html").read_text(encoding="utf-8")
    # "Kim Jong Un" and "Kim Jong Uns" (spelled and inflected otherwise than the name), "Putins" (inflected).
    assert {"../akteure/kim-jong-un.html", "../akteure/wladimir-putin.html"} <= _links(source_page)
    for actor in ("kim-jong-un", "wladimir-putin"):
        assert f"../quellen/{ID}.html" in _links((site / "akteure" / f"{actor}.html").read_text(encoding="utf-8"))

    # The suggestions: actors with counts, dates with EDTF, new names, and no common nouns.
    result = runner.invoke(main, ["suggest", ID])
    assert result.exit_code == 0, result.output
    out = result.output
    assert re.search(r"^#\s+kim-jong-un\s+3×\s+¶ 1, 5$", out, re.M), out
    assert re.search(r"^#\s+wladimir-putin\s+2×\s+¶ 1, 3$", out, re.M), out
    for line in ("„Am 19. Juni 2024“ → 2024-06-19", "„im Frühjahr 2024“ → 2024-21",
                 "„im Mai“ → 2024-05  (relative to the article's date 2024-06-21)",
                 "„In den 1990er Jahren“ → 199X", "„1961“ → 1961", "„um das Jahr 2000“ → 2000~",
                 "„Mitte September vergangenen Jahres“ → 2023-09  (relative to the article's date 2024-06-21)"):
        assert line in out
    actors = _section(out, "# For annotations/actors.yml")
    assert re.findall(r'name: "(.*)"', actors) == ["Choe Son Hui", "Koreanische Zentrale Nachrichtenagentur",
                                                   "Andrej Beloussow"]
    assert 'aliases: ["KCNA"]' in actors

    # The stubs paste as printed: events (once given a title), evidence, actors; then the check passes.
    events = _section(out, "# For annotations/events.yml").replace(
        "title: null  # TODO: what happened, in your own words", "title: Ein Ereignis aus dem Testartikel")
    evidence = _section(out, f"# For annotations/sources/{ID}.yml, under evidence:")
    annotations = project_copy / "annotations"
    with open(annotations / "events.yml", "a", encoding="utf-8") as f:
        f.write(events)
    with open(annotations / "actors.yml", "a", encoding="utf-8") as f:
        f.write(actors)
    own = annotations / "sources" / f"{ID}.yml"
    own.write_text(own.read_text(encoding="utf-8").replace("evidence:\n", "evidence:\n" + evidence, 1), encoding="utf-8")
    dossier, diagnostics = load_dossier(project_copy)
    assert dossier is not None, "\n".join(d.format() for d in diagnostics)
    assert len(dossier.evidence_by_source[ID]) == events.count("- id:") == 8
    assert dossier.mentions["choe-son-hui"] == {ID: 1}
    pages = render_site(dossier)
    assert f'href="../quellen/{ID}.html"' in pages["akteure/choe-son-hui.md"]
    assert 'href="../akteure/andrej-beloussow.html"' in pages[f"quellen/{ID}.md"]
