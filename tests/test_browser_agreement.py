"""Where the sources agree, as readers see it in chromium: the topics × sources matrix on desktop and on a
phone, the home page's table of disagreements, and the veto event's dates per source on the timeline.
What each view must show is taken from dossier.json, which tests/test_agreement.py checks against the
annotation files."""

from __future__ import annotations

import pytest

from test_browser import IN_VIEW, export, goto, phone_tab, tab  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VETO = "russland-veto-un-expertengruppe-2024-03"
WORDS = {"ja": "ja", "eher-ja": "eher ja", "offen": "offen", "eher-nein": "eher nein", "nein": "nein"}


def expected_cells(export) -> dict[str, list[str]]:
    """topic question -> the word of each source's cell, in the order of dossier.json's sources."""
    order = [s["id"] for s in export["sources"]]
    result = {}
    for topic in export["topics"]:
        labels = {a["id"]: a["label"] for a in topic["answers"] or ()}
        by_source = {p["source"]: p for p in topic["positions"]}
        cells = []
        for source in order:
            p = by_source[source]
            if p["status"] == "not-covered":
                cells.append("nicht behandelt")
            elif p["status"] == "unrated":
                cells.append("ohne Einordnung")
            else:
                cells.append(", ".join(labels.get(a) or WORDS.get(a, a) for a in p["position"]))
        result[topic["question"]] = cells
    return result


MATRIX = """() => [...document.querySelectorAll('table.dossier-matrix tbody tr')].map(tr => ({
  question: tr.querySelector('th a').textContent.trim(),
  contested: tr.classList.contains('dossier-matrix__row--contested'),
  badge: tr.querySelector('th .dossier-badge') ? tr.querySelector('th .dossier-badge').textContent : null,
  rule: parseFloat(getComputedStyle(tr.querySelector('th')).borderLeftWidth),
  cells: [...tr.querySelectorAll('td')].map(td => ({
    text: td.textContent.trim(), href: td.querySelector('a') ? td.querySelector('a').getAttribute('href') : null,
    background: getComputedStyle(td).backgroundColor})),
}))"""


def test_the_topics_page_opens_with_the_matrix_of_every_topic_and_source(tab, served, export):
    goto(tab, served + "themen.html")
    matrix = tab.locator("table.dossier-matrix")
    assert matrix.is_visible() and matrix.bounding_box()["y"] < 900  # on the first screen
    headers = tab.eval_on_selector_all("table.dossier-matrix thead th[scope=col] a", "els => els.map(a => a.title)")
    assert headers == [s["title"] for s in export["sources"]]
    rows = tab.evaluate(MATRIX)
    expected = expected_cells(export)
    assert {r["question"] for r in rows} == set(expected) and len(rows) == len(expected)
    contested = {t["question"]: t["contested"] for t in export["topics"]}
    for r in rows:
        assert [c["text"] for c in r["cells"]] == expected[r["question"]], r["question"]
        # A contested row stands out by a word and a rule, not by colour alone.
        assert r["contested"] == contested[r["question"]]
        assert (r["badge"] == "umstritten") == contested[r["question"]]
        assert (r["rule"] >= 3) == contested[r["question"]]
        for c in r["cells"]:
            assert (c["href"] is None) == (c["text"] == "nicht behandelt")
    # The same answer has the same colour everywhere; different answers of the scale differ.
    colours: dict[str, set] = {}
    for r in rows:
        for c in r["cells"]:
            colours.setdefault(c["text"], set()).add(c["background"])
    scale = [w for w in WORDS.values() if w in colours]
    assert all(len(colours[w]) == 1 for w in scale)
    assert len({next(iter(colours[w])) for w in scale}) == len(scale)


def test_a_matrix_cell_opens_the_claims_its_answer_rests_on(tab, served, export):
    goto(tab, served + "themen.html")
    claims = {(t["id"], p["source"]): p["claims"] for t in export["topics"] for p in t["positions"]
              if p["status"] == "position"}
    assert claims, "no positions in dossier.json"
    (topic, source), supporting = sorted(claims.items())[len(claims) // 2]
    link = tab.locator(f'table.dossier-matrix a[href="#{topic}--{source}"]')
    link.click()
    tab.wait_for_function("f => location.hash === '#' + f", arg=f"{topic}--{source}")
    section = tab.locator(f'section[id="{topic}--{source}"]')
    tab.wait_for_function(f"() => ({IN_VIEW})(document.querySelector('section[id=\"{topic}--{source}\"] h3'))")
    shown = section.locator("ul.dossier-claims--supports > li").evaluate_all("els => els.map(e => e.id)")
    assert shown == [f"k-{c}" for c in supporting]
    assert section.locator(".dossier-answer").inner_text().startswith("Antwort:")


def test_on_a_phone_the_matrix_is_one_card_per_topic(phone_tab, served, export):
    goto(phone_tab, served + "themen.html")
    width = phone_tab.evaluate("document.documentElement.clientWidth")
    cards = phone_tab.evaluate("""() => [...document.querySelectorAll('table.dossier-matrix tbody tr')].map(tr => {
      const r = tr.getBoundingClientRect();
      return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, display: getComputedStyle(tr).display,
              lines: [...tr.querySelectorAll('td')].map(td => {
                const b = td.getBoundingClientRect();
                return {source: getComputedStyle(td, '::before').content, text: td.textContent.trim(),
                        top: b.top, width: b.width};
              })};
    })""")
    assert len(cards) == len(export["topics"])
    for card, following in zip(cards, cards[1:]):
        assert following["top"] >= card["bottom"]  # stacked, not side by side
    for card in cards:
        assert card["display"] == "block" and card["left"] >= 0 and card["right"] <= width
        assert len(card["lines"]) == len(export["sources"])
        for line, following in zip(card["lines"], card["lines"][1:]):
            assert following["top"] > line["top"]  # one source a line
        for line in card["lines"]:
            assert line["source"] not in ("none", "normal", '""') and line["text"]  # the source's name and its answer
            assert line["width"] > (card["right"] - card["left"]) * 0.8
    assert phone_tab.evaluate("document.documentElement.scrollWidth") <= width


def _veto_dates(export) -> dict[str, set[str]]:
    """date text -> the pages of the sources that give it, for the veto event."""
    pages = {s["id"]: s["page"] for s in export["sources"]}
    veto = next(e for e in export["events"] if e["id"] == VETO)
    dates: dict[str, set[str]] = {}
    for ev in veto["evidence"]:
        if ev["date"]:
            dates.setdefault(ev["date"], set()).add(pages[ev["source"]])
    return dates


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_veto_event_shows_which_source_dates_it_when(tab, phone_tab, served, export, device):
    page = tab if device == "desktop" else phone_tab
    goto(page, served + f"zeitleiste.html#{VETO}")
    event = page.locator(f'li[id="{VETO}"]')
    reported = event.locator(".dossier-event__reported--disagree")
    assert reported.is_visible()
    text = " ".join(reported.inner_text().split())
    assert text.startswith("Die Quellen datieren es verschieden:")
    dates = _veto_dates(export)
    assert {"2024-03", "2024-04"} <= set(dates)
    parts = reported.locator(".dossier-reported").evaluate_all(
        "els => els.map(e => ({date: e.querySelector('.dossier-reported__date').textContent,"
        " sources: [...e.querySelectorAll('a')].map(a => a.getAttribute('href'))}))")
    shown = {p["date"]: set(p["sources"]) for p in parts}
    assert shown["April 2024"] == dates["2024-04"]
    assert shown["März 2024"] == dates["2024-03"]
    assert "April 2024 laut" in text and "März 2024 laut" in text
    assert event.locator(".dossier-event__date").inner_text().replace("\n", "") == "März 2024–April 2024"
    first = event.locator(".dossier-event__first")
    assert first.is_visible() and first.inner_text().startswith("Zuerst berichtet von")
    veto = next(e for e in export["events"] if e["id"] == VETO)
    pages = {s["id"]: s["page"] for s in export["sources"]}
    first_links = first.locator(":scope > a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert set(first_links) == {pages[s] for s in veto["first_reported_by"]}
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_the_home_page_tables_who_disagrees_on_what_and_when(tab, served, export):
    goto(tab, served + "index.html")
    rows = tab.eval_on_selector_all("table.dossier-disagree tbody tr", """rows => rows.map(tr => ({
      first: tr.querySelector('td a').getAttribute('href'), groups: [...tr.querySelectorAll('.dossier-disagree__group')]
        .map(g => g.textContent.trim())}))""")
    contested = [t for t in export["topics"] if t["contested"]]
    disagreeing = [e for e in export["events"] if e["reported_dates_disagree"]]
    firsts = [r["first"] for r in rows]
    assert sorted(f for f in firsts if f.startswith("themen.html")) == sorted(f"themen.html#{t['id']}" for t in contested)
    assert [f for f in firsts if f.startswith("zeitleiste.html")] == [f"zeitleiste.html#{e['id']}" for e in disagreeing]
    assert f"zeitleiste.html#{VETO}" in [r["first"] for r in rows]
    for r in rows:
        assert len(r["groups"]) >= 1 and all(g for g in r["groups"])
    veto_row = next(r for r in rows if r["first"] == f"zeitleiste.html#{VETO}")
    assert any(g.startswith("April 2024 laut") for g in veto_row["groups"])
