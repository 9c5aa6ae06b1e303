"""Where the sources agree: positions, derived `contested`, reported dates, the matrix, the home page's
table, the timeline's dates per source, and dossier-export/2 (against the real annotation files)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from dossier.dates import parse_date
from dossier.export import export, export_json
from dossier.model import agreement
from dossier.model.types import Answer, Position, Topic
from dossier.pages import render_site

from test_pages import BASE, make_dossier

CASES = Path(__file__).parent / "cases"

SECOND_SOURCE = """---
title: Ein zweiter Artikel
title_editorial: false
authors: [Max Zweiter]
publication: null
date: "2024-07"
language: de
translated_from: null
url: null
doi: null
---

Ein Bündnis sei das nicht, schreibt die Zeitung. Im Juli war Putin in Pjöngjang.
"""

SECOND_ANNOTATIONS = """evidence:
  - event: putin-in-pjoengjang-2024-06
    quote: Im Juli war Putin in Pjöngjang.
    date: "2024-07"
claims:
  - id: zweiter-kein-buendnis
    claimant: author
    stance: denies
    topic: partnerschaft
    text: Die Partnerschaft ist kein Bündnis.
    quote: Ein Bündnis sei das nicht
positions:
  - topic: partnerschaft
    position: nein
    claims: [zweiter-kein-buendnis]
"""


def two_sources(tmp_path, first_position="ja", event_date="2024-06/2024-07", **more):
    events = BASE["annotations/events.yml"].replace('date: "2024-06"', f'date: "{event_date}"')
    first = BASE["annotations/sources/artikel.yml"].replace(
        "quote: Mitte Juni reiste Wladimir Putin nach Pjöngjang.",
        'quote: Mitte Juni reiste Wladimir Putin nach Pjöngjang.\n    date: "2024-06"'
    ) + f"positions:\n  - topic: partnerschaft\n    position: {first_position}\n    claims: [artikel-partnerschaft]\n"
    return make_dossier(tmp_path, **{"annotations/events.yml": events, "annotations/sources/artikel.yml": first,
                                     "sources/zweiter.md": SECOND_SOURCE,
                                     "annotations/sources/zweiter.yml": SECOND_ANNOTATIONS, **more})


def _topic(answers=(), multiple=False):
    return Topic("t", "Frage?", False, None, tuple(Answer(a, a) for a in answers), multiple)


def _positions(*values):
    return [Position(f"s{i}", "t", tuple(v.split("+")), ("k",), None) for i, v in enumerate(values)]


@pytest.mark.parametrize("values, expected", [
    (("ja",), None),  # one position disagrees with nothing
    (("ja", "eher-ja"), False),  # neighbours differ in confidence, not in the answer
    (("eher-ja", "offen"), False),
    (("ja", "offen"), True),
    (("eher-ja", "eher-nein"), True),
    (("ja", "nein", "ja"), True),
])
def test_contested_on_the_scale_means_two_steps_apart(values, expected):
    assert agreement.derive_contested(_topic(), _positions(*values)) is expected


def test_own_answers_disagree_when_they_differ_unless_the_topic_takes_several():
    exclusive = _topic(answers=("eng", "wechselhaft"))
    assert agreement.derive_contested(exclusive, _positions("eng", "wechselhaft")) is True
    assert agreement.derive_contested(exclusive, _positions("eng", "eng", "offen")) is False
    several = _topic(answers=("sanktionen", "krieg"), multiple=True)
    assert agreement.derive_contested(several, _positions("sanktionen", "krieg")) is None


def test_contested_follows_the_positions_and_a_source_without_claims_is_not_covered(tmp_path):
    d = two_sources(tmp_path)
    topic = d.topic_by_id["partnerschaft"]
    assert topic.contested is True and topic.contested_set is None
    assert [(c.source.id, c.status, c.position.answers) for c in agreement.row(d, topic)] == [
        ("artikel", "position", ("ja",)), ("zweiter", "position", ("nein",))]
    neighbours = two_sources(tmp_path / "b", first_position="eher-nein")  # "eher nein" and "nein"
    assert neighbours.topic_by_id["partnerschaft"].contested is False


def test_agreeing_positions_leave_a_hand_set_contested_standing(tmp_path):
    # The sources may answer alike and still differ on a fact (a number, a date).
    topics = BASE["annotations/topics.yml"] + "    contested: true\n    disagreement: Sie nennen andere Zahlen.\n"
    d = two_sources(tmp_path, first_position="eher-nein", **{"annotations/topics.yml": topics})
    assert d.topic_by_id["partnerschaft"].contested is True


def test_a_source_with_no_claim_on_a_topic_is_not_covered(tmp_path):
    topics = BASE["annotations/topics.yml"] + "  - id: dauer\n    question: War der Besuch kurz?\n"
    d = two_sources(tmp_path, **{"annotations/topics.yml": topics})
    assert [c.status for c in agreement.row(d, d.topic_by_id["dauer"])] == ["not-covered", "not-covered"]
    assert d.topic_by_id["dauer"].contested is False


def test_reported_dates_that_share_no_day_disagree_and_the_earlier_source_reported_first(tmp_path):
    d = two_sources(tmp_path)
    event = d.event_by_id["putin-in-pjoengjang-2024-06"]
    reported = agreement.reported_dates(d, event)
    assert [(r.date.text, [s.id for s in r.sources]) for r in reported] == [("2024-06", ["artikel"]),
                                                                          ("2024-07", ["zweiter"])]
    assert agreement.dates_disagree(reported)
    assert [s.id for s in agreement.first_reported(d, event)] == ["artikel"]  # June before July


def test_a_less_precise_date_is_no_disagreement_and_overlapping_publication_dates_leave_first_open(tmp_path):
    second = SECOND_SOURCE.replace('date: "2024-07"', 'date: "2024"')
    own = SECOND_ANNOTATIONS.replace('date: "2024-07"', 'date: "2024"')
    d = two_sources(tmp_path, event_date="2024", **{"sources/zweiter.md": second,
                                                    "annotations/sources/zweiter.yml": own})
    event = d.event_by_id["putin-in-pjoengjang-2024-06"]
    assert not agreement.dates_disagree(agreement.reported_dates(d, event))
    # "2024" may be before or after "Juni 2024": either may have reported it first.
    assert {s.id for s in agreement.first_reported(d, event)} == {"artikel", "zweiter"}


def test_the_topics_page_opens_with_the_matrix_and_every_cell_links_to_the_claims_behind_it(tmp_path):
    topics = BASE["annotations/topics.yml"] + "  - id: dauer\n    question: War der Besuch kurz?\n"
    page = render_site(two_sources(tmp_path, **{"annotations/topics.yml": topics}))["themen.md"]
    matrix = page[page.index('<table class="dossier-matrix">'):page.index("</table>")]
    assert page.index("dossier-matrix") < page.index("\n## ")  # before the first topic
    assert '<tr class="dossier-matrix__row dossier-matrix__row--contested">' in matrix
    assert '<td class="dossier-pos dossier-pos--ja" data-source="Muster 2024"><a class="dossier-pos__word" ' \
           'href="#partnerschaft--artikel">ja</a></td>' in matrix
    assert '<a class="dossier-pos__word" href="#partnerschaft--zweiter">nein</a>' in matrix
    assert '<span class="dossier-pos__word">nicht behandelt</span>' in matrix
    for anchor in re.findall(r'href="#([^"]+--[^"]+)"', matrix):
        section = page[page.index(f'id="{anchor}"'):]
        section = section[:section.index("</section>")]
        claim = "artikel-partnerschaft" if anchor.endswith("artikel") else "zweiter-kein-buendnis"
        assert f'id="k-{claim}"' in section and "Antwort:" in section


def test_the_home_page_lists_who_answers_what_and_the_dates_that_disagree(tmp_path):
    page = render_site(two_sources(tmp_path))["index.md"]
    section = page[page.index("## Wo die Quellen sich widersprechen"):]
    assert re.search(r'<span class="dossier-pos dossier-pos--ja">ja</span> <a href="themen.html#partnerschaft--artikel"'
                     r'[^>]*>Muster 2024</a>', section)
    assert '<span class="dossier-pos dossier-pos--nein">nein</span>' in section
    dates = section[section.index("### Wo die Quellen verschieden datieren"):]
    assert 'href="zeitleiste.html#putin-in-pjoengjang-2024-06">Putin besucht Pjöngjang</a>' in dates
    assert re.search(r"<strong>Juni 2024</strong> laut <a [^>]*>Muster 2024</a>.*"
                     r"<strong>Juli 2024</strong> laut <a [^>]*>Zweiter 2024</a>", dates)


def test_a_source_with_several_answers_stands_in_each_answers_group_on_the_home_page(tmp_path):
    topics = BASE["annotations/topics.yml"] + (
        "    answers:\n      - id: handel\n        label: Handel\n      - id: macht\n        label: Macht\n"
        "    multiple: true\n    contested: true\n    disagreement: Sie nennen andere Gründe.\n")
    d = two_sources(tmp_path, first_position="[handel, macht]", **{
        "annotations/topics.yml": topics,
        "annotations/sources/zweiter.yml": SECOND_ANNOTATIONS.replace("position: nein", "position: macht")})
    assert d.topic_by_id["partnerschaft"].contested is True  # several answers: topics.yml decides
    section = render_site(d)["index.md"].split("## Wo die Quellen sich widersprechen")[1]
    groups = re.findall(r'dossier-disagree__group"><span class="dossier-pos dossier-pos--(answer-\d)">(\w+)</span> (.*?)</span>',
                        section)
    assert [(css, label, re.findall(r">([^<]+)</a>", who)) for css, label, who in groups] == [
        ("answer-0", "Handel", ["Muster 2024"]), ("answer-1", "Macht", ["Muster 2024", "Zweiter 2024"])]


def test_the_timeline_shows_which_source_gives_which_date_and_who_reported_first(tmp_path):
    page = render_site(two_sources(tmp_path))["zeitleiste.md"]
    event = page[page.index('id="putin-in-pjoengjang-2024-06"'):]
    event = event[:event.index("</li>\n</ol>")]
    assert ">Juni 2024–Juli 2024</time>" in event
    assert re.search(r'dossier-event__reported--disagree"><strong>Die Quellen datieren es verschieden:</strong> '
                     r'.*Juni 2024</span> laut <a [^>]*>Muster 2024</a>.*; .*Juli 2024</span> laut '
                     r'<a [^>]*>Zweiter 2024</a>', event)
    assert re.search(r'Zuerst berichtet von <a href="quellen/artikel.html"[^>]*>Muster 2024</a></p>', event)


def test_an_event_with_one_source_and_no_dates_of_its_own_shows_neither(tmp_path):
    page = render_site(make_dossier(tmp_path))["zeitleiste.md"]
    assert "dossier-event__reported" not in page and "Zuerst berichtet" not in page


# ---- dossier-export/2 --------------------------------------------------------------------------------

# Every field of dossier-export/1, per record kind: /2 must keep them all.
V1_FIELDS = {
    "": {"format", "sources", "actors", "events", "topics", "claims", "citations"},
    "sources": {"id", "title", "title_editorial", "authors", "publication", "date", "language", "translated_from",
                "url", "doi", "path", "page", "words"},
    "actors": {"id", "name", "kind", "aliases", "page", "mentions"},
    "events": {"id", "date", "start", "end", "title", "actors", "tags", "page", "evidence"},
    "evidence": {"source", "quote", "anchor"},
    "topics": {"id", "question", "claims", "contested"},
    "claims": {"id", "source", "claimant", "stance", "topic", "text", "quote", "anchor"},
    "citations": {"id", "source", "marker", "type", "authors", "title", "container", "publisher", "date", "url",
                  "doi", "anchor"},
}


def test_export_2_keeps_every_field_of_1(real_dossier):
    data = export(real_dossier)
    assert data["format"] == "dossier-export/2"
    assert V1_FIELDS[""] <= set(data)
    for kind in ("sources", "actors", "events", "topics", "claims", "citations"):
        for record in data[kind]:
            assert V1_FIELDS[kind] <= set(record), (kind, V1_FIELDS[kind] - set(record))
    for event in data["events"]:
        for ev in event["evidence"]:
            assert V1_FIELDS["evidence"] <= set(ev)


def _annotation_files(repo_root: Path):
    for path in sorted((repo_root / "annotations" / "sources").glob("*.yml")):
        yield path.stem, yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def test_export_positions_agree_with_the_annotation_files(real_dossier, repo_root):
    data = export(real_dossier)
    exported = {(t["id"], p["source"]): p for t in data["topics"] for p in t["positions"]}
    assert len(exported) == len(data["topics"]) * len(data["sources"])  # one entry per topic and source
    typed = 0
    for source, annotations in _annotation_files(repo_root):
        for position in annotations.get("positions") or ():
            answers = position["position"] if isinstance(position["position"], list) else [position["position"]]
            entry = exported[(position["topic"], source)]
            assert (entry["status"], entry["position"], entry["claims"]) == ("position", answers, position["claims"])
            typed += 1
    assert typed == sum(p["status"] == "position" for p in exported.values()) > 0
    on_topic = {(c["topic"], c["source"]) for c in data["claims"] if c["topic"]}
    for (topic, source), entry in exported.items():
        assert (entry["status"] == "not-covered") == ((topic, source) not in on_topic)


def test_export_reported_dates_agree_with_the_annotation_files(real_dossier, repo_root):
    data = export(real_dossier)
    exported = {(e["id"], ev["source"], ev["quote"]): ev for e in data["events"] for ev in e["evidence"]}
    given = 0
    for source, annotations in _annotation_files(repo_root):
        for entry in annotations.get("evidence") or ():
            ev = exported[(entry["event"], source, entry["quote"].strip())]
            date = entry.get("date")
            if date is None:
                assert (ev["date"], ev["start"], ev["end"]) == (None, None, None)
                continue
            bounds = parse_date(str(date))
            assert (ev["date"], ev["start"], ev["end"]) == (str(date), bounds.start.isoformat(), bounds.end.isoformat())
            given += 1
    assert given > 0
    veto = next(e for e in data["events"] if e["id"] == "russland-veto-un-expertengruppe-2024-03")
    assert veto["reported_dates_disagree"] is True
    assert {ev["date"] for ev in veto["evidence"] if ev["date"]} >= {"2024-03", "2024-04"}


def test_export_json_is_valid_json_with_the_new_format(real_dossier):
    assert json.loads(export_json(real_dossier))["format"] == "dossier-export/2"
