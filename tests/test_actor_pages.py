"""Actor pages and the actors index: labelled counts, German index order, the filtered timeline, who appears
with whom, and a line of context for each paragraph that names the actor."""

from __future__ import annotations

import re

from dossier.model import Actor
from dossier.pages import render_site
from dossier.pages.actor import co_mentioned, index_key, index_name, plural
from dossier.pages.kwic import Line, kwic
from test_pages import BASE, make_dossier, pages  # noqa: F401 - pages is a fixture


# ---- keyword in context (golden) -------------------------------------------------------------------------

SENTENCE = ("Mitte September reiste Kim Jong-un in den fernen Osten Russlands, wo er mit Putin über Waffen "
            "sprach und danach die Pazifikflotte besuchte.")


def test_kwic_cuts_at_word_boundaries_and_marks_the_cuts():
    at = SENTENCE.index("Putin")
    assert kwic(SENTENCE, at, at + 5, width=30) == Line(
        "…Osten Russlands, wo er mit ", "Putin", " über Waffen sprach und danach …")


def test_kwic_keeps_a_short_paragraph_whole():
    assert kwic("Putin lobt Kim.", 0, 5) == Line("", "Putin", " lobt Kim.")
    at = SENTENCE.index("Kim")
    assert kwic(SENTENCE, at, at + 11, width=200) == Line(SENTENCE[:at], "Kim Jong-un", SENTENCE[at + 11:])


def test_kwic_cuts_a_word_longer_than_the_window_rather_than_showing_nothing():
    text = "x" * 100 + " Putin " + "y" * 100
    line = kwic(text, 101, 106, width=20)
    assert line.hit == "Putin" and line.left == "…" + "x" * 19 + " " and line.right == " " + "y" * 19 + "…"


# ---- words and order --------------------------------------------------------------------------------------

def test_plural_picks_the_form_for_the_number():
    assert plural("{n} Erwähnung|{n} Erwähnungen", 1) == "1 Erwähnung"
    assert plural("{n} Erwähnung|{n} Erwähnungen", 12) == "12 Erwähnungen"
    assert plural("in {n} Quelle|in {n} Quellen", 0) == "in 0 Quellen"


def person(name, surname=None, kind="person"):
    return Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, role=None, aliases=(), wikidata=None,
                 surname=surname)


def test_persons_sort_by_surname_as_in_a_german_index():
    people = [person("Wladimir Putin"), person("Kim Jong-un", "Kim"), person("Ellen Kim"), person("Xi Jinping", "Xi"),
              person("Mary Beth D. Nikitin"), person("Michail Gorbatschow"), person("Martin Kölling"),
              person("John Kirby")]
    assert [index_name(a) for a in sorted(people, key=index_key)] == [
        "Gorbatschow, Michail", "Kim, Ellen", "Kim Jong-un", "Kirby, John", "Kölling, Martin",
        "Nikitin, Mary Beth D.", "Putin, Wladimir", "Xi Jinping"]
    # Not a person: the name as it is.
    assert index_name(person("Arms Control Association", kind="organisation")) == "Arms Control Association"


# ---- the pages of a small dossier ---------------------------------------------------------------------------

def test_actor_page_labels_its_counts_and_links_its_filtered_timeline(pages):
    page = pages["akteure/wladimir-putin.md"]
    assert '<a href="#textstellen">2 Erwähnungen in 1 Quelle</a>' in page
    assert '<a href="#ereignisse">1 Ereignis</a>' in page
    assert '<a class="dossier-timeline-link" href="../zeitleiste.html?actor=wladimir-putin">' in page


def test_actor_page_shows_each_paragraph_that_names_the_actor_as_a_line_of_context(pages):
    page = pages["akteure/wladimir-putin.md"]
    lines = re.findall(r'<li><a class="dossier-kwic__para" href="([^"]+)"[^>]*>¶&nbsp;(\d+)</a> '
                       r'<span class="dossier-kwic__text">(.*?)</span></li>', page)
    assert lines == [
        ("../quellen/artikel.html#p-1", "1", "Mitte Juni reiste <strong>Wladimir Putin</strong> nach Pjöngjang. "
                                             "Dort traf er Kim Jong Un."),
        ("../quellen/artikel.html#p-2", "2", "<strong>Putins</strong> Besuch „besiegelte“ eine Partnerschaft, "
                                             "sagte der Kreml.¹"),
    ]
    # Grouped under the source's short citation.
    assert ('<a class="dossier-cite" href="../quellen/artikel.html" title="Ein Testartikel">Muster 2024</a> '
            '<span class="dossier-subtitle">Ein Testartikel</span>') in page


def test_actor_page_names_who_appears_in_the_same_paragraphs(pages):
    page = pages["akteure/wladimir-putin.md"]
    assert "## Tritt auf mit {#tritt-auf-mit}" in page
    assert '<a href="kim-jong-un.html">Kim Jong-un</a> <span class="dossier-count">in 1 Absatz</span>' in page


def test_actor_page_leaves_out_empty_sections(pages):
    page = pages["akteure/kim-jong-un.md"]  # no claims by or about Kim in the small dossier
    assert "Aussagen von" not in page and "Aussagen über" not in page and "Keine Einträge" not in page
    assert "## Ereignisse" in page and "## Textstellen" in page


def test_actor_without_mentions_says_so_instead_of_a_zero(tmp_path):
    actors = BASE["annotations/actors.yml"] + (
        "  - id: boris-jelzin\n    name: Boris Jeltsin\n    kind: person\n")
    pages = render_site(make_dossier(tmp_path, **{"annotations/actors.yml": actors}))
    assert "Keine Quelle nennt Boris Jeltsin im Text." in pages["akteure/boris-jelzin.md"]
    assert "## Textstellen" not in pages["akteure/boris-jelzin.md"]
    index = pages["akteure/index.md"]
    # In no event and no claim: among the named only, with no "0" anywhere.
    assert '<a href="boris-jelzin.html">Jeltsin, Boris</a> <span class="dossier-subtitle">Person</span></li>' in index
    assert ('<a href="wladimir-putin.html">Putin, Wladimir</a> <span class="dossier-actor-index__figures">'
            '2 Erwähnungen in 1 Quelle · 1 Ereignis</span>') in index


# ---- the real dossier ----------------------------------------------------------------------------------------

def test_real_actor_pages(real_dossier):
    pages = render_site(real_dossier)
    putin = pages["akteure/wladimir-putin.md"]
    total, n_sources = sum(real_dossier.mentions["wladimir-putin"].values()), len(real_dossier.mentions["wladimir-putin"])
    assert f">{total} Erwähnungen in {n_sources} Quellen</a>" in putin
    assert 'href="../zeitleiste.html?actor=wladimir-putin"' in putin
    # Every paragraph that names Putin has its line, linked to the paragraph.
    paragraphs = {(s.source, s.block) for s in real_dossier.mention_sites["wladimir-putin"]
                  if real_dossier.source_by_id[s.source].blocks[s.block].kind == "p"}
    assert putin.count('class="dossier-kwic__para"') == len(paragraphs) > 10
    for source, block in paragraphs:
        anchor = real_dossier.source_by_id[source].blocks[block].anchor
        assert f'href="../quellen/{source}.html#{anchor}"' in putin
    # Who appears with Putin: the actors of his paragraphs, most frequent first.
    together = co_mentioned(real_dossier, "wladimir-putin")
    assert together and [n for _, n in together] == sorted((n for _, n in together), reverse=True)
    assert all(a.id != "wladimir-putin" for a, _ in together)
    for path, page in pages.items():
        if path.startswith("akteure/"):
            assert "Keine Einträge" not in page, path
