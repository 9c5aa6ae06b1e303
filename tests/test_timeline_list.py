"""The timeline's list: evidence grouped by source under the short citation, long quotes folded, periods
and jumps (a year in the core, a decade before it)."""

from __future__ import annotations

import re

from dossier.pages import render_site
from dossier.pages.timeline import by_source, quote_head
from test_pages import BASE, make_dossier


def test_a_long_quote_folds_to_its_first_words_and_a_short_one_stays_whole():
    short = "Dort traf er Kim Jong Un."
    assert quote_head(short) is None
    long = ("Russland und Nordkorea haben einen Vertrag über eine umfassende strategische Partnerschaft "
            "unterzeichnet, der unter anderem gegenseitigen Beistand im Fall eines Angriffs vorsieht, "
            "wie beide Seiten nach dem Gipfel in Pjöngjang mitteilten.")
    head = quote_head(long)
    assert head == "Russland und Nordkorea haben einen Vertrag über eine umfassende strategische"
    assert long.startswith(head) and len(head) <= 90


def test_evidence_is_grouped_by_source_under_its_short_citation(tmp_path):
    evidence = BASE["annotations/sources/artikel.yml"].replace("claims:", (
        "  - event: putin-in-pjoengjang-2024-06\n    quote: Dort traf er Kim Jong Un.\n"
        "  - event: putin-in-pjoengjang-2024-06\n    quote: sagte der Kreml\nclaims:"))
    page = render_site(make_dossier(tmp_path, **{"annotations/sources/artikel.yml": evidence}))["zeitleiste.md"]
    line = re.search(r'<ul class="dossier-event__evidence">\n<li>(.*?)<ul class="dossier-event__quotes">', page)[1]
    # One line per source: "Muster 2024, ¶ 1, ¶ 1, ¶ 2", each number a link to its passage.
    assert line == (
        '<span class="dossier-cite" title="Ein Testartikel">Muster 2024</span>'
        ', <a class="dossier-event__para" href="quellen/artikel.html#ev-putin-in-pjoengjang-2024-06" title="Absatz 1">¶&nbsp;1</a>'
        ', <a class="dossier-event__para" href="quellen/artikel.html#ev-putin-in-pjoengjang-2024-06-2" title="Absatz 1">¶&nbsp;1</a>'
        ', <a class="dossier-event__para" href="quellen/artikel.html#ev-putin-in-pjoengjang-2024-06-3" title="Absatz 2">¶&nbsp;2</a>')
    assert page.count('class="dossier-cite"') == 1  # not the title once per quote
    assert "Ein Testartikel</a>" not in page
    assert '<span class="dossier-event__quote-para">¶&nbsp;2</span> <q>sagte der Kreml</q>' in page


def test_the_real_timeline_names_each_source_once_per_event_and_folds_long_quotes(real_dossier):
    page = render_site(real_dossier)["zeitleiste.md"]
    for event in real_dossier.events:
        block = page[page.index(f'id="{event.id}"'):]
        block = block[: block.index("</li>\n", block.index('class="dossier-event__evidence"'))]
        sources = {ev.source for ev in real_dossier.evidence_by_event.get(event.id, ())}
        groups = by_source(real_dossier, real_dossier.evidence_by_event.get(event.id, ()))
        assert [s.id for s, _ in groups] == sorted(sources, key=real_dossier.source_order.get)
    longest = max(real_dossier.evidence, key=lambda ev: len(ev.quote))
    assert len(longest.quote) > 140
    assert f'<summary><q class="dossier-quote__head">{quote_head(longest.quote)} …</q>' in page
    # Jumps: the core's years first, newest first, then the periods before it.
    jumps = re.search(r'<nav class="dossier-jumps".*?</nav>', page)[0]
    anchors = re.findall(r'href="#(zeit_[^"]+)"', jumps)
    assert anchors[:3] == ["zeit_2024", "zeit_2023", "zeit_2022"] and "zeit_1990er" in anchors[3:]
    assert all(f"{{#{a}}}" in page for a in anchors)
    assert "1980er–1990er Jahre</time>" in page
