"""Provenance and neutral words: short citations, kinds of text, tag labels, regions, stance words."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.dates import parse_date
from dossier.i18n import ENGLISH, GERMAN
from dossier.model.types import Source
from dossier.pages import render_site
from dossier.project import load_dossier

from test_pages import BASE, make_dossier


def _source(**values) -> Source:
    base = dict(id="x", path="sources/x.md", title="Pakt der Parias? Kim Jong-un bei Putin", title_editorial=True,
                authors=(), publication=None, date=parse_date("2023-09"), language="de", translated_from=None,
                url=None, doi=None, repairs=(), blocks=())
    return Source(**{**base, **values})


@pytest.mark.parametrize("values, expected", [
    ({"authors": ("Ralf Havertz",), "date": parse_date("2024")}, "Havertz 2024"),
    ({"authors": ("Victor Cha", "Ellen Kim"), "date": parse_date("2024-06-20")}, "Cha und Kim 2024"),
    ({"authors": ("A Eins", "B Zwei", "C Drei")}, "Eins u. a. 2023"),
    ({}, "Pakt der Parias 2023"),  # no author: the title up to its question mark
    ({"short": "Annäherung aus Bequemlichkeit"}, "Annäherung aus Bequemlichkeit 2023"),
    ({"date": None, "short": "Freundschaft"}, "Freundschaft"),  # undated: no year is invented
    ({"authors": ("Ralf Havertz",), "date": parse_date("202X")}, "Havertz"),  # a decade names no year
])
def test_short_citation(values, expected):
    assert _source(**values).short_cite == expected


def test_the_five_sources_have_short_citations_kinds_and_no_state_regions():
    from pathlib import Path

    dossier, diagnostics = load_dossier(Path(__file__).parent.parent)
    assert dossier is not None, [d.format() for d in diagnostics]
    cites = {s.id: s.short_cite for s in dossier.sources}
    assert cites["neue-allianz-havertz"] == "Havertz 2024" and cites["putin-besuch-pjoengjang"] == "Schmitt 2024"
    assert len(set(cites.values())) == len(cites)  # three anonymous texts, three different names
    assert all(s.kind for s in dossier.sources)
    assert dossier.actor_by_id["donezk"].kind == dossier.actor_by_id["luhansk"].kind == "region"
    # Every tag an event uses has a label that is no bare slug.
    for tag in dossier.tags:
        assert tag in dossier.tag_labels, tag
    assert dossier.tag_label("militaer") == "Militär" and dossier.tag_label("un") == "UN"


def test_the_dossier_does_not_vouch_for_claims():
    for words in (GERMAN, ENGLISH):
        assert set(words.stances) >= {"asserts", "alleges"}
    assert GERMAN.stances["asserts"] == "sagt" and "stellt fest" not in GERMAN.stances.values()
    assert "behauptet" not in GERMAN.stances.values()  # casts doubt: no more neutral than "stellt fest"
    assert ENGLISH.stances["asserts"] == "says"
    assert GERMAN.kinds["region"] == "Region"


def test_anonymous_authors_are_told_apart_by_their_source(tmp_path):
    source = BASE["sources/artikel.md"].replace("authors: [Erika Muster]", "authors: []")
    pages = render_site(make_dossier(tmp_path, **{"sources/artikel.md": source}))
    assert '<strong>Ein Testartikel 2024</strong> <span class="dossier-stance">sagt</span>: Der Besuch' in pages["themen.md"]
    assert "Verfasser der Quelle" not in "".join(pages.values())


def test_source_page_and_table_show_provenance_first(tmp_path):
    source = BASE["sources/artikel.md"].replace("doi: null", "doi: null\nkind: commentary\ntranslated_from: fr")
    source = source.replace("translated_from: null\n", "")
    pages = render_site(make_dossier(tmp_path, **{"sources/artikel.md": source}))
    page = pages["quellen/artikel.md"]
    assert ('<p class="dossier-byline">Kommentar, übersetzt aus dem Französischen · Erika Muster · '
            '<span class="dossier-unknown">Medium unbekannt</span> · Juni 2024</p>') in page
    assert "Zitiert als <cite>Muster 2024</cite>" in page
    assert "Medium unbekannt. Damit lässt sich nicht prüfen" in page
    assert "sources/artikel.md" not in page  # no file paths for readers
    table = pages["quellen/index.md"]
    assert '<td data-label="Textsorte">Kommentar, übersetzt aus dem Französischen</td>' in table
    assert '<td data-label="Medium"><span class="dossier-unknown">unbekannt</span></td>' in table


def test_tags_show_their_labels_and_an_unlabelled_tag_is_an_error(tmp_path):
    tags = "tags:\n  - id: besuch\n    label: Staatsbesuch\n"
    pages = render_site(make_dossier(tmp_path, **{"annotations/tags.yml": tags}))
    assert '<span class="dossier-tag">Staatsbesuch</span>' in pages["zeitleiste.md"]
    assert '<option value="besuch">Staatsbesuch</option>' in pages["zeitleiste.md"]
    (tmp_path / "annotations/tags.yml").write_text("tags:\n  - id: gipfel\n    label: Gipfel\n", encoding="utf-8")
    dossier, diagnostics = load_dossier(tmp_path)
    assert dossier is None
    assert [d.code for d in diagnostics] == ["unknown-ref"]
    assert "unknown tag 'besuch'" in diagnostics[0].message and "tags.yml" in diagnostics[0].hint


def test_actors_that_only_publish_or_are_named_stand_apart(tmp_path):
    actors = BASE["annotations/actors.yml"] + ("  - id: beispielverlag\n    name: Beispielverlag\n"
                                               "    kind: publisher\n")
    page = render_site(make_dossier(tmp_path, **{"annotations/actors.yml": actors}))["akteure/index.md"]
    named = page.split("## Nur genannt", 1)
    assert len(named) == 2 and "Beispielverlag" in named[1] and "Beispielverlag" not in named[0]
    assert "Putin, Wladimir" in named[0]  # persons by surname


def test_an_english_dossier_says_says(tmp_path):
    pages = render_site(dataclasses.replace(make_dossier(tmp_path), language="en"))
    assert '<span class="dossier-stance">says</span>: Der Besuch' in pages["themen.md"]
