"""Reading a source, in Debian's chromium: provenance first, neutral words, no jargon for readers."""

from __future__ import annotations

import re

import pytest

from test_browser import DESKTOP, _open_context, export, goto, shots  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The editors' manual may speak of EDTF and slugs; every other page is for readers.
EDITORS_ONLY = {"annotation-format.html"}

TEXT_AND_TOOLTIPS = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[title], [aria-label], [alt], [placeholder]')]
     .filter(e => e.checkVisibility())
     .flatMap(e => ['title', 'aria-label', 'alt', 'placeholder'].map(a => e.getAttribute(a) || ''))].join('\\n')"""


def _reader_pages(built_site) -> list[str]:
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                  if p.name != "404.html" and p.relative_to(built_site).as_posix() not in EDITORS_ONLY)


def test_no_page_shows_jargon_vouching_words_or_tag_slugs(chromium, served, built_site, export):
    from dossier.project import load_dossier
    from test_browser import ROOT

    dossier, _ = load_dossier(ROOT)
    slugs = [t for t in dossier.tags if dossier.tag_label(t) != t]
    forbidden = re.compile(r"EDTF|stellt fest|Verfasser der Quelle|\bsources/\w|" +
                           "|".join(rf"(?<![\w./-]){re.escape(s)}(?![\w./-])" for s in slugs))  # not in a URL
    context, page, guard = _open_context(chromium, served, **DESKTOP)
    found = {}
    try:
        for path in _reader_pages(built_site):
            goto(page, served + path)
            hits = sorted(set(forbidden.findall(page.evaluate(TEXT_AND_TOOLTIPS))))
            if hits:
                found[path] = hits
    finally:
        context.close()
    guard.check()
    assert found == {}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_sources_table_shows_kind_and_outlet_on_desktop_and_phone(chromium, served, export, device):
    context, page, guard = _open_context(chromium, served, **shots.VIEWPORTS[device])
    try:
        goto(page, served + "quellen/index.html")
        rows = page.eval_on_selector_all("table.dossier-table--sources tbody tr", """trs => trs.map(tr => {
            const cell = label => [...tr.cells].find(td => td.dataset.label === label);
            const seen = td => td && td.checkVisibility() && td.getBoundingClientRect().right <= innerWidth + 1
                               && td.innerText.trim();
            return {title: tr.querySelector('a').textContent, kind: seen(cell('Textsorte')),
                    outlet: seen(cell('Medium')), author: seen(cell('Autoren'))}; })""")
        assert [r["title"] for r in rows] == [s["title"] for s in export["sources"]]
        kinds = {"Fachaufsatz", "Kommentar", "Analyse", "Nachrichtenbericht", "Übersetzung aus dem Französischen"}
        assert {r["kind"] for r in rows} == kinds
        assert all(r["outlet"] and r["author"] for r in rows), rows  # "unbekannt" where unknown, in view
        assert "Krakowskie Studia" in " ".join(r["outlet"] for r in rows)
        # Nothing runs off the side of the screen, nor out of its cell (the card clips what does).
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        spill = page.eval_on_selector_all("table.dossier-table--sources td",
                                          "tds => tds.filter(td => td.scrollWidth > td.clientWidth + 1)"
                                          ".map(td => td.innerText)")
        assert spill == []
    finally:
        context.close()
    guard.check()


# ---- an opened passage explains itself ------------------------------------------------------------------

CARD = """() => {
  const card = document.querySelector('.dossier-card');
  const mark = document.querySelector('mark:target');
  if (!card || !mark) return null;
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const r = mark.getClientRects()[0], c = card.getBoundingClientRect();
  return {text: card.innerText, top: r.top, header: header, height: innerHeight, cardTop: c.top,
          cardBottom: c.bottom, back: [...card.querySelectorAll('.dossier-anno__back a')].map(a => a.href)};
}"""


def _cases(export):
    """One passage of each kind (evidence, claim, reference): (anchor URL, what the card must say, way back)."""
    event = next(e for e in export["events"] if len({ev["source"] for ev in e["evidence"]}) > 1)
    claim = next(c for c in export["claims"] if c.get("topic"))
    citation = next(c for c in export["citations"] if c.get("title"))
    return {
        "event": (event["evidence"][0]["anchor"], event["title"], f"zeitleiste.html#{event['id']}"),
        "claim": (claim["anchor"], claim["text"], f"themen.html#k-{claim['id']}"),
        "citation": (citation["anchor"], citation["title"], f"bibliographie.html#ref-{citation['id']}"),
    }


def _words(text: str) -> str:
    return " ".join(re.sub(r"[\"„“‚‘]", "", text).split())


@pytest.mark.parametrize("kind", ["event", "claim", "citation"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_an_opened_passage_shows_what_it_is_evidence_for_and_the_way_back(chromium, served, export, kind, device):
    anchor, says, back = _cases(export)[kind]
    context, page, guard = _open_context(chromium, served, **shots.VIEWPORTS[device])
    try:
        goto(page, served + anchor)
        page.wait_for_selector(".dossier-card", state="visible")
        card = page.evaluate(CARD)
        assert _words(says)[:60] in _words(card["text"]), card["text"]
        # The passage lands in the upper third, below the sticky header; its card right under it, in view.
        assert card["header"] <= card["top"] <= card["height"] / 3, card
        assert card["top"] < card["cardTop"] < card["height"], card
        if kind == "event":
            assert "Auch berichtet in" in card["text"]  # the other sources that report the same event
            others = page.evaluate("[...document.querySelectorAll('.dossier-card .dossier-anno__more a')]"
                                   ".map(a => a.href.split('#')[0])")
            assert others and served + anchor.split("#")[0] not in others[:1], others
        assert card["back"][0] == served + back
        page.locator(".dossier-card .dossier-anno__back a").first.click()
        page.wait_for_url(served + back)
        page.wait_for_function("f => decodeURIComponent(location.hash.slice(1)) === f", arg=back.split("#")[1])
        # The card closes, and says nothing more.
        goto(page, served + anchor)
        page.locator(".dossier-card__close").click()
        assert page.locator(".dossier-card").count() == 0
    finally:
        context.close()
    guard.check()


def test_from_the_timeline_to_a_passage_and_back_to_where_the_reader_was(chromium, served, export):
    event = next(e for e in export["events"] if e["evidence"])
    context, page, guard = _open_context(chromium, served, **DESKTOP)
    try:
        goto(page, served + f"zeitleiste.html#{event['id']}")
        page.locator(f'[id="{event["id"]}"] .dossier-event__evidence a').first.click()
        page.wait_for_selector(".dossier-card", state="visible")
        back = page.locator(".dossier-card .dossier-anno__back a", has_text="Zurück")
        assert back.count() == 1
        back.click()
        page.wait_for_url(served + f"zeitleiste.html#{event['id']}")
    finally:
        context.close()
    guard.check()


def test_the_card_works_opened_from_a_folder(chromium, built_site, export):
    folder = built_site.resolve().as_uri() + "/"
    context = chromium.new_context(locale="de-DE", **shots.VIEWPORTS["phone"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for kind, (anchor, says, back) in _cases(export).items():
            goto(page, folder + anchor)
            page.wait_for_selector(".dossier-card", state="visible")
            card = page.evaluate(CARD)
            assert _words(says)[:60] in _words(card["text"]), kind
            assert card["header"] <= card["top"] <= card["height"] / 3, (kind, card)
            page.locator(".dossier-card .dossier-anno__back a").first.click()
            page.wait_for_url(folder + back)
    finally:
        context.close()
    assert errors == []


# ---- a calm text: the highlight control ------------------------------------------------------------------

HIGHLIGHTS = """() => ({
  mode: document.documentElement.getAttribute('data-highlights'),
  pressed: [...document.querySelectorAll('[data-dossier-highlights] button[aria-pressed=true]')].map(b => b.textContent),
  lines: Object.fromEntries(['event', 'claim', 'citation'].map(k => [k,
    [...document.querySelectorAll('mark.dossier-passage--' + k)].some(m => getComputedStyle(m).backgroundImage !== 'none')])),
  numbers: Object.fromEntries(['event', 'claim', 'citation'].map(k => [k,
    [...document.querySelectorAll('a.dossier-nref--' + k)].some(a => a.checkVisibility())])),
})"""


def test_the_highlight_control_switches_kinds_and_is_remembered_across_pages(chromium, served, export):
    first, second = (s["page"] for s in export["sources"][:2])
    context, page, guard = _open_context(chromium, served, **DESKTOP)
    try:
        goto(page, served + first)
        state = page.evaluate(HIGHLIGHTS)
        assert state["pressed"] == ["alle"] and all(state["lines"].values()) and all(state["numbers"].values())
        legend = page.locator(".dossier-legend__keys").inner_text()
        assert all(word in legend for word in ("Ereignis", "Aussage", "Literatur"))
        page.get_by_role("button", name="Aussagen").click()
        state = page.evaluate(HIGHLIGHTS)
        assert state["mode"] == "claim" and state["pressed"] == ["Aussagen"]
        assert state["lines"] == {"event": False, "claim": True, "citation": False}
        assert state["numbers"] == {"event": False, "claim": True, "citation": False}
        goto(page, served + second)  # another page: the choice holds
        assert page.evaluate(HIGHLIGHTS)["pressed"] == ["Aussagen"]
        page.get_by_role("button", name="keine").click()
        page.reload()
        shots.settle(page)
        state = page.evaluate(HIGHLIGHTS)
        assert state["mode"] == "none" and not any(state["lines"].values()) and not any(state["numbers"].values())
        page.get_by_role("button", name="alle").click()
        assert all(page.evaluate(HIGHLIGHTS)["lines"].values())
    finally:
        context.close()
    guard.check()


def test_no_empty_highlight_and_footnote_urls_are_links(built_site):
    for path in (built_site / "quellen").glob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<mark[^>]*></mark>", html), path.name
    havertz = (built_site / "quellen" / "neue-allianz-havertz.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="dossier-url" href="https://[^"]+">https://', havertz)
    assert 'id="fussnoten"' in havertz


# ---- tap targets -------------------------------------------------------------------------------------------

SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, summary, select, input')]
  .filter(e => e.checkVisibility() && !e.closest('.md-header, .md-footer, .md-sidebar, .md-search'))
  .map(e => { const r = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 90), r.width, r.height]; })
  .filter(([, w, h]) => w < 24 || h < 24)"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_every_tap_target_on_source_pages_is_24_px_at_least(chromium, served, export, device):
    context, page, guard = _open_context(chromium, served, **shots.VIEWPORTS[device])
    small = {}
    try:
        for source in export["sources"]:
            goto(page, served + source["page"])
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            found = page.evaluate(SMALL_TARGETS)
            if found:
                small[source["id"]] = found[:5] + [len(found)]
    finally:
        context.close()
    guard.check()
    assert small == {}
