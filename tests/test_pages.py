"""Page rendering as pure functions, without MkDocs: the small base project of the golden cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier.pages import render_site
from dossier.project import load_dossier

BASE = yaml.safe_load((Path(__file__).parent / "cases" / "_base.yaml").read_text(encoding="utf-8"))["files"]


def make_dossier(tmp_path: Path, **replace: str):
    for name, content in {**BASE, **replace}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    dossier, diagnostics = load_dossier(tmp_path)
    assert dossier is not None, [d.format() for d in diagnostics]
    return dossier


@pytest.fixture
def pages(tmp_path):
    return render_site(make_dossier(tmp_path))


def test_every_page_kind_is_generated(pages):
    assert set(pages) == {"index.md", "zeitleiste.md", "quellen/index.md", "quellen/artikel.md", "akteure/index.md",
                          "akteure/wladimir-putin.md", "akteure/kim-jong-un.md", "themen.md", "bibliographie.md",
                          "daten.md", "suche.md"}


def test_source_page_highlights_each_passage_with_its_own_id_and_link(pages):
    page = pages["quellen/artikel.md"]
    assert '<p class="dossier-para" id="p-1">' in page
    assert '<mark class="dossier-passage dossier-passage--event" id="ev-putin-in-pjoengjang-2024-06">Mitte Juni reiste' in page
    assert 'href="../zeitleiste.html#putin-in-pjoengjang-2024-06"' in page
    assert 'id="cl-artikel-partnerschaft">Putins Besuch „besiegelte“ eine Partnerschaft</mark>' in page
    assert 'href="../themen.html#k-artikel-partnerschaft"' in page


def test_footnote_marker_links_to_its_citation_and_back(pages):
    page = pages["quellen/artikel.md"]
    assert '<sup class="dossier-fn"><a id="fnref-1" href="#cit-beispiel-2024"' in page
    assert '<a class="dossier-fnback" href="#fnref-1"' in page


def test_timeline_entry_links_every_passage(pages):
    page = pages["zeitleiste.md"]
    assert 'id="putin-in-pjoengjang-2024-06"' in page
    assert 'href="quellen/artikel.html#ev-putin-in-pjoengjang-2024-06"' in page
    assert ">Juni 2024</time>" in page


def test_actor_page_lists_sources_with_mention_counts_and_claims_about(pages):
    page = pages["akteure/wladimir-putin.md"]
    assert ('href="../quellen/artikel.html" title="Ein Testartikel">Muster 2024</a> '
            '<span class="dossier-subtitle">Ein Testartikel</span> <span class="dossier-count">2 Erwähnungen</span>') in page
    assert "Der Besuch besiegelte eine Partnerschaft." in page  # a claim about Putin


def test_directory_urls_change_every_link(tmp_path):
    page = render_site(make_dossier(tmp_path), use_directory_urls=True)["quellen/artikel.md"]
    assert 'href="../../zeitleiste/#putin-in-pjoengjang-2024-06"' in page


HOSTILE = "<script>alert('x')</script> **fett** [link](javascript:alert(1)) &amp;"


def test_nothing_from_an_article_or_annotation_reaches_the_html_unescaped(tmp_path):
    source = BASE["sources/artikel.md"].replace("title: Ein Testartikel", f'title: "{HOSTILE}"')
    source = source.replace("Dort traf er Kim Jong Un.", f"Dort traf er Kim Jong Un. {HOSTILE}")
    actors = BASE["annotations/actors.yml"].replace("kind: person\n    aliases: [Putin]",
                                                    f"kind: person\n    aliases: [Putin]\n    role: \"{HOSTILE}\"")
    pages = render_site(make_dossier(tmp_path, **{"sources/artikel.md": source, "annotations/actors.yml": actors}))
    for path, markdown in pages.items():
        assert "<script>" not in markdown, path
    assert "&lt;script&gt;" in pages["quellen/artikel.md"]
    assert r"\*\*fett\*\*" in pages["quellen/artikel.md"]  # the title heading is Markdown-escaped


def test_source_ids_in_editors_notes_become_links_and_the_rest_stays_escaped(tmp_path):
    topics = BASE["annotations/topics.yml"] + ("    contested: true\n"
                                               "    disagreement: artikel sagt ja, <b>andere</b> nein.\n")
    page = render_site(make_dossier(tmp_path, **{"annotations/topics.yml": topics}))["themen.md"]
    assert ('<a href="quellen/artikel.html" title="Ein Testartikel">Muster 2024</a> sagt ja, '
            '&lt;b&gt;andere&lt;/b&gt; nein.') in page


def test_passage_ids_stay_unique_when_an_event_id_ends_like_a_numbered_passage(tmp_path):
    # A second passage of event "x" is "ev-x-2", which is also the first passage of an event "x-2"
    # (`dossier suggest` numbers its event ids that way).
    events = BASE["annotations/events.yml"] + ("  - id: putin-in-pjoengjang-2024-06-2\n    date: \"2024-06\"\n"
                                               "    title: Der Kreml spricht\n    actors: []\n")
    own = BASE["annotations/sources/artikel.yml"].replace("claims:", (
        "  - event: putin-in-pjoengjang-2024-06\n    quote: Dort traf er Kim Jong Un.\n"
        "  - event: putin-in-pjoengjang-2024-06-2\n    quote: sagte der Kreml\nclaims:"))
    dossier = make_dossier(tmp_path, **{"annotations/events.yml": events, "annotations/sources/artikel.yml": own})
    anchors = [ev.passage.anchor for ev in dossier.evidence_by_source["artikel"]]
    assert len(anchors) == len(set(anchors)) == 3
    page = render_site(dossier)["quellen/artikel.md"]
    assert all(page.count(f'id="{anchor}"') == 1 for anchor in anchors)


def test_timeline_has_one_heading_per_period_even_when_vague_dates_interleave(tmp_path):
    events = BASE["annotations/events.yml"] + "".join(
        f"  - id: e-{i}\n    date: \"{date}\"\n    title: Ereignis {i}\n    actors: []\n"
        for i, date in enumerate(["2010", "201X", "2010-05", "2024-01"]))
    evidence = BASE["annotations/sources/artikel.yml"].replace("claims:", "".join(
        f"  - event: e-{i}\n    quote: Dort traf er Kim Jong Un.\n" for i in range(4)) + "claims:")
    page = render_site(make_dossier(tmp_path, **{"annotations/events.yml": events,
                                                 "annotations/sources/artikel.yml": evidence}))["zeitleiste.md"]
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    # Sorted by bounds, "201X" stands between "2010" and "2010-05": still one "2010" heading (2010, with three
    # events, is the core's first year, so a heading per year from there).
    assert headings == ["## 2010 {#zeit_2010}", "## 2010er Jahre {#zeit_2010er}", "## 2024 {#zeit_2024}"]


def test_an_english_dossier_is_a_setting(tmp_path):
    import dataclasses

    pages = render_site(dataclasses.replace(make_dossier(tmp_path), language="en"))
    assert "# Timeline" in pages["zeitleiste.md"] and ">June 2024</time>" in pages["zeitleiste.md"]
    assert "Zeitleiste" not in pages["zeitleiste.md"]
