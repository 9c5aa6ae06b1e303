"""Every HTML page has unique ids, also when the editors' ids and texts are chosen to meet the ids the
generator makes: period headings, section headings, paragraph and passage anchors, page titles."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import pytest

from dossier.pages.ids import duplicate_ids, id_counts

# Before the generator's heading ids were kept apart, each of these met another id on its page: an event
# "2023" the timeline's heading "2023", an event "zeitleiste" the page title, a subheading "P 1" the anchor
# of paragraph 1, "Ev Gipfel" a passage anchor, a source titled "Ref Beispiel" the anchor of the citation
# "beispiel" in the bibliography, a subheading "Fnref 1" a footnote marker's anchor.
SOURCE = """---
title: Ref Beispiel
title_editorial: false
authors: [Erika Muster]
publication: null
date: "2023"
language: de
translated_from: null
url: null
doi: null
---

## P 1

Im Jahr 2023 trafen sich die beiden Delegationen zu einem ersten Gipfel.¹

## Ev Gipfel

Die Zeitleiste jenes Jahres war dicht.

## Fnref 1

## Text

## P 3

¹ Beispiel, Max (2024): Ein Bericht.
"""

ANNOTATIONS = """summary: Ein Artikel, dessen Ids mit denen des Generators zusammenstoßen sollen.
evidence:
  - event: "2023"
    quote: Im Jahr 2023 trafen sich die beiden Delegationen zu einem ersten Gipfel.
  - event: zeitleiste
    quote: Die Zeitleiste jenes Jahres war dicht.
claims:
  - id: gipfel
    claimant: author
    stance: reports
    text: Die Delegationen trafen sich.
    quote: trafen sich die beiden Delegationen
citations:
  - id: beispiel
    marker: "1"
    quote: "Beispiel, Max (2024): Ein Bericht."
    type: report
    authors: [Max Beispiel]
    title: Ein Bericht
"""

EVENTS = """
  - id: "2023"
    date: "2023"
    title: Ein Ereignis, dessen Id eine Jahreszahl ist
    actors: []
  - id: zeitleiste
    date: "2023"
    title: Ein Ereignis, das wie die Seite heißt
    actors: []
"""


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()

    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k == "id")


@pytest.mark.slow
def test_ids_chosen_to_collide_still_give_unique_ids_on_every_page(project_copy, tmp_path):
    from dossier.build import mkdocs_build
    from dossier.linkcheck import check_site

    (project_copy / "sources" / "ref-beispiel.md").write_text(SOURCE, encoding="utf-8")
    (project_copy / "annotations" / "sources" / "ref-beispiel.yml").write_text(ANNOTATIONS, encoding="utf-8")
    events = project_copy / "annotations" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").rstrip("\n") + "\n" + EVENTS, encoding="utf-8")
    site = tmp_path / "site"
    lines: list[str] = []
    assert mkdocs_build(project_copy, site, echo=lines.append), "\n".join(lines)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 80
    for page in pages:
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        twice = {i: n for i, n in parser.ids.items() if n > 1}
        assert not twice, f"{page.relative_to(site)}: {twice}"
    # The editors' ids are still where the links expect them, and the generator's too.
    timeline = (site / "zeitleiste.html").read_text(encoding="utf-8")
    assert 'id="2023"' in timeline and 'id="zeitleiste"' in timeline and 'id="zeit_2023"' in timeline
    source = (site / "quellen" / "ref-beispiel.html").read_text(encoding="utf-8")
    assert 'id="p-1"' in source and 'id="abschnitt-1"' in source and 'id="ev-2023"' in source
    assert 'id="ref-beispiel"' in (site / "bibliographie.html").read_text(encoding="utf-8")
    report = check_site(site)
    assert report.findings == [], [f.format() for f in report.findings]


def test_the_build_guard_finds_duplicate_ids():
    assert duplicate_ids('<p id="a">x</p><h2 class="x" id="b">y</h2><li id=\'a\'/> <q>id="b"</q>') == ["a"]
    assert duplicate_ids('<p id="a"></p><p id="A"></p><p data-id="a"></p>') == []


def test_the_guard_agrees_with_an_html_parser_on_the_built_site(built_site):
    pages = sorted(built_site.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = _Ids()
        parser.feed(html)
        assert id_counts(html) == parser.ids, page
        assert duplicate_ids(html) == [], page
