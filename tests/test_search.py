"""Search records and the index file, without MkDocs: what a reader finds and how it is titled."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from dossier.i18n import words_for
from dossier.pages.search_index import GLOBAL, INDEX_FILE, index_file
from dossier.pages.search_records import FOOTNOTE_SHARE, search_records, shorten
from dossier.pages.urls import Linker

DE = words_for("de")


@pytest.fixture(scope="module")
def records(real_dossier):
    return search_records(real_dossier, Linker(False), DE)


def by_url(records):
    return {r.url: r for r in records}


def test_one_record_per_thing_a_reader_looks_for(real_dossier, records):
    d = real_dossier
    kinds = Counter(r.kind for r in records)
    assert kinds["event"] == len(d.events) + len(d.evidence)
    assert kinds["claim"] == len(d.claims)
    assert kinds["actor"] == len(d.actors)
    assert kinds["reference"] == sum(1 for c in d.citations if not c.repeats)  # "Ebd." is its reference
    footnotes = {(c.source, c.passage.block) for c in d.citations
                 if c.passage.end - c.passage.start >= FOOTNOTE_SHARE * len(d.source_by_id[c.source].blocks[c.passage.block].text)}
    paragraphs = sum(1 for s in d.sources for i, b in enumerate(s.blocks) if b.kind == "p" and (s.id, i) not in footnotes)
    assert kinds["source"] == paragraphs
    assert len({r.url for r in records}) == len(records), "every record has its own URL"


def test_urls_point_at_the_passage_itself(real_dossier, records):
    urls = by_url(records)
    ev = real_dossier.evidence[0]
    assert f"quellen/{ev.source}.html#{ev.passage.anchor}" in urls
    claim = real_dossier.claims[0]
    assert urls[f"quellen/{claim.source}.html#{claim.passage.anchor}"].kind == "claim"
    event = real_dossier.events[0]
    assert urls[f"zeitleiste.html#{event.id}"].kind == "event"
    assert "akteure/wladimir-putin.html" in urls
    assert urls["quellen/pakt-der-parias.html#p-1"].kind == "source"


def test_titles_read_as_words_without_signs_or_badge_labels(records):
    urls = by_url(records)
    assert urls["zeitleiste.html#kim-besucht-russland-2023-09"].title == \
        "Ereignis · September 2023 · Kim Jong-un reist in den Fernen Osten Russlands und trifft Putin am …"
    claim = urls["quellen/neue-allianz-havertz.html#cl-havertz-buendnisfall-kursk"]
    assert claim.title.startswith("Aussage · Havertz 2024 · Ralf Havertz ")
    assert urls["quellen/pakt-der-parias.html#p-2"].title == "Quelle · Pakt der Parias 2023, Absatz 2"
    assert urls["akteure/wladimir-putin.html"].title == "Akteur · Wladimir Putin"
    assert urls["bibliographie.html#ref-nikitin-2023"].title.startswith("Literatur · Havertz 2024 · North Korea")
    for r in records:
        for text in (r.title, r.text, r.quote):
            assert "¶" not in text and " #" not in text and "Bibliographie" not in text, r
        assert r.title.split(" · ")[0] in DE.search["kinds"].values()


def test_quote_and_paraphrase_stay_apart(real_dossier, records):
    urls = by_url(records)
    claim = real_dossier.claims[0]
    record = urls[f"quellen/{claim.source}.html#{claim.passage.anchor}"]
    assert record.text == claim.text and record.quote == claim.quote.replace("\n", " ").strip()
    ev = real_dossier.evidence[0]
    assert urls[f"quellen/{ev.source}.html#{ev.passage.anchor}"].text == ""  # the event is in the title
    # A source's words carry no footnote markers ("Partner¹" is the word "Partner").
    assert not any(c in r.quote for r in records for c in "¹²³⁴⁵⁶⁷⁸⁹")


def test_editors_notes_name_sources_by_short_citation_not_by_id(real_dossier, records):
    ids = {s.id for s in real_dossier.sources}
    for r in records:
        assert not any(i in r.text for i in ids), r


def test_facets(real_dossier, records):
    urls = by_url(records)
    claim = next(c for c in real_dossier.claims if c.topic and c.claimant != "author"
                 and real_dossier.source_by_id[c.source].date)
    record = urls[f"quellen/{claim.source}.html#{claim.passage.anchor}"]
    assert record.source == claim.source and claim.topic in record.topics
    assert claim.claimant in record.actors and record.year == real_dossier.source_by_id[claim.source].date.start.year
    event = urls["zeitleiste.html#kim-besucht-russland-2023-09"]
    assert event.year == 2023 and "kim-jong-un" in event.actors and event.source is None
    paragraph = urls["quellen/pakt-der-parias.html#p-1"]
    assert "kim-jong-un" in paragraph.actors  # found in the text by name


def test_short_cite(real_dossier):
    cites = {s.id: s.short_cite for s in real_dossier.sources}
    assert cites["neue-allianz-havertz"] == "Havertz 2024"
    assert cites["putin-besuch-pjoengjang"] == "Schmitt 2024"
    assert cites["pakt-der-parias"] == "Pakt der Parias 2023"  # no author: the title's head


def test_shorten_cuts_after_whole_words():
    assert shorten("eins zwei drei", 5) == "eins zwei drei"
    assert shorten("eins zwei, drei vier", 2) == "eins zwei …"


def test_the_index_file_is_a_script_with_every_record_and_the_facet_labels(real_dossier, records):
    f = index_file(records, real_dossier, DE)
    assert f.path == INDEX_FILE and f.records == len(records)
    prefix = f"window.{GLOBAL}="
    assert f.content.startswith(prefix) and f.content.endswith(";\n")
    assert "</" not in f.content  # cannot end the script element
    data = json.loads(f.content[len(prefix):-2])
    assert len(data["records"]) == len(records)
    assert data["kinds"]["claim"] == "Aussage" and data["sources"]["neue-allianz-havertz"] == "Havertz 2024"
    assert "Jeltsin" in data["names"]["boris-jelzin"]
    assert all(set(r) <= set("uktxqsayo") and r["u"] and r["t"] for r in data["records"])
    assert f.summary() == f"search index: {len(records)} records, {f.size / 1024:.0f} KB (search/index.js)"
    assert f.size < 400_000, "the index grows with the texts, not with texts x actors"


def test_the_index_escapes_what_would_end_its_script(real_dossier):
    from dossier.pages.search_records import Record

    f = index_file([Record("x.html", "source", "Quelle · </script><b>", quote="\u2028")], real_dossier, DE)
    assert "</script>" not in f.content and "\u2028" not in f.content
