"""The site as readers see it: the real dossier, built with mkdocs --strict, in Debian's chromium.

Served from 127.0.0.1 (and, for the offline test, opened from the folder with file:// URLs). One browser
for the whole module. Every test's page fails the test if it asks another host for anything or throws a
JavaScript error. Missing chromium or playwright is an error, never a skip.
"""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import script_module
from dossier.textmatch import fold_text

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


shots = script_module("screenshots")


# ---- fixtures --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def export(built_site) -> dict:
    return json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def samples(built_site):
    return shots.Samples.of(built_site)


class Guard:
    """Lets requests to the test server through; blocks and records any other, and JavaScript errors."""

    def __init__(self, base: str):
        self.base = base
        self.outside: list[str] = []
        self.errors: list[str] = []

    def route(self, route):
        url = route.request.url
        if url.startswith(self.base):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def check(self):
        assert self.outside == [], f"requests to other hosts: {self.outside}"
        assert self.errors == [], f"JavaScript errors: {self.errors}"


def _open_context(chromium, served, **options):
    context = chromium.new_context(locale="de-DE", **options)
    guard = Guard(served)
    context.route("**/*", guard.route)
    page = context.new_page()
    page.on("pageerror", lambda error: guard.errors.append(str(error)))
    return context, page, guard


@pytest.fixture
def tab(chromium, served):
    context, page, guard = _open_context(chromium, served, **DESKTOP)
    yield page
    context.close()
    guard.check()


@pytest.fixture
def phone_tab(chromium, served):
    context, page, guard = _open_context(chromium, served, **shots.VIEWPORTS["phone"])
    yield page
    context.close()
    guard.check()


# ---- helpers ---------------------------------------------------------------------------------------------

def goto(page, url: str) -> None:
    page.goto(url)
    shots.settle(page)


def visible_ids(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.filter(e => e.checkVisibility()).map(e => e.id)")


# The element's first line lies between the sticky header and the bottom of the window, and nothing (a
# sticky heading, say) covers it.
IN_VIEW = """el => {
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const r = el.getClientRects()[0];
  if (!r || r.top < header - 1 || r.top > window.innerHeight - 20) return false;
  const hit = document.elementFromPoint(r.left + Math.min(4, r.width / 2), r.top + Math.min(4, r.height / 2));
  return hit !== null && (hit === el || el.contains(hit));
}"""


def assert_target(page, fragment: str) -> dict:
    """The element `fragment` names is the page's :target, lies in view below the header, and stands out
    from the same kind of element when it is not the target. Returns its computed look."""
    page.wait_for_function("f => decodeURIComponent(location.hash.slice(1)) === f", arg=fragment)
    target = page.locator(":target")
    assert target.count() == 1 and target.get_attribute("id") == fragment
    page.wait_for_function(f"() => ({IN_VIEW})(document.querySelector(':target'))", timeout=5000)
    look = target.evaluate("""el => {
      const s = getComputedStyle(el);
      const other = [...document.querySelectorAll(el.tagName + '.' + el.classList[0])].find(o => o !== el);
      const o = other ? getComputedStyle(other) : null;
      return {outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), background: s.backgroundColor,
              otherOutline: o && o.outlineStyle, otherBackground: o && o.backgroundColor};
    }""")
    assert look["outline"] == "solid" and look["outlineWidth"] >= 2, look
    assert look["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), look
    if look["otherOutline"] is not None:
        assert look["otherOutline"] == "none" and look["otherBackground"] != look["background"], look
    return look


def hrefs(page, selector: str = "a[href]") -> list[str]:
    """Absolute URLs of the links matching `selector`, as the browser resolves them."""
    return page.eval_on_selector_all(selector, "els => els.map(a => a.href)")


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.evaluate("document.querySelector('h1').firstChild.textContent.trim()")


def css_id(value: str) -> str:
    return f'[id="{value}"]'


# ---- the timeline ----------------------------------------------------------------------------------------

def test_the_timeline_shows_every_event_of_dossier_json_in_date_order(tab, served, export):
    goto(tab, served + "zeitleiste.html")
    events = export["events"]
    shown = visible_ids(tab, "li.dossier-event")
    assert shown == [e["id"] for e in events]
    starts = tab.eval_on_selector_all("li.dossier-event time", "els => els.map(t => t.getAttribute('datetime'))")
    assert starts == [e["start"] for e in events] and starts == sorted(starts)
    # Each event links to every passage that reports it.
    for event in events:
        links = hrefs(tab, f"{css_id(event['id'])} .dossier-event__evidence a")
        # Grouped by source (in the dossier's source order), so compare as sets of passages.
        assert sorted(links) == sorted(served + ev["anchor"] for ev in event["evidence"]), event["id"]
    # Periods: one heading per group, and the headings go forward in time.
    headings = tab.eval_on_selector_all("h2:has(+ ol.dossier-timeline)", "els => els.map(h => h.id)")
    assert len(headings) == tab.locator("ol.dossier-timeline").count() >= 2


GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                 "November", "Dezember"]


def expected_label(edtf: str) -> str | None:
    """The German label a reader should see for the simple EDTF forms (None for the others)."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", edtf):
        return f"{int(m[3])}. {GERMAN_MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", edtf):
        return f"{GERMAN_MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := re.fullmatch(r"(\d{3})X", edtf):
        return f"{m[1]}0er Jahre"
    if m := re.fullmatch(r"(\d{4})~", edtf):
        return f"um {m[1]}"
    if m := re.fullmatch(r"(\d{4})/(\d{4})", edtf):
        return f"{m[1]}–{m[2]}"
    if re.fullmatch(r"\d{4}", edtf):
        return edtf
    return None


def test_dates_and_the_interface_speak_german(tab, served, export):
    goto(tab, served + "zeitleiste.html")
    assert tab.evaluate("document.documentElement.lang") == "de"
    labels = dict(tab.eval_on_selector_all(
        "li.dossier-event", "els => els.map(e => [e.id, e.querySelector('time').textContent.trim()])"))
    checked = {}
    for event in export["events"]:
        expected = expected_label(event["date"])
        if expected is not None:
            checked[event["date"]] = (labels[event["id"]], expected)
    assert len(checked) >= 5, "too few simple dates to check"
    assert {date: shown for date, (shown, _) in checked.items()} == {date: exp for date, (_, exp) in checked.items()}
    # Precision stays visible: no label of a vague date looks like an exact one.
    for event in export["events"]:
        if re.fullmatch(r"\d{3}X|\d{2}XX|.*[~?].*|.*/.*", event["date"]):
            months = "|".join(GERMAN_MONTHS)
            assert not re.fullmatch(rf"(\d{{1,2}}\. )?({months}) \d{{4}}|\d{{4}}", labels[event["id"]]), event
    text = tab.inner_text("body")
    assert not re.search(r"\b(January|February|March|May|June|July|October|December|Made with)\b", text)
    assert tab.get_attribute("#dossier-search-input", "placeholder") == "Suchen"
    assert "Erstellt mit" in tab.inner_text(".md-copyright")


def test_following_an_evidence_link_lands_on_the_highlighted_passage(tab, served, samples):
    event = samples.event
    evidence = next(ev for ev in event["evidence"] if ev["source"] == samples.source["id"])
    page_path, fragment = evidence["anchor"].split("#")
    goto(tab, served + "zeitleiste.html")
    tab.locator(f"{css_id(event['id'])} .dossier-event__evidence a[href='{evidence['anchor']}']").first.click()
    tab.wait_for_url(served + evidence["anchor"])
    assert_target(tab, fragment)
    assert tab.evaluate("window.scrollY") > 0, "the passage lies further down: the page must have scrolled"
    target = tab.locator(":target")
    assert target.evaluate("el => el.tagName") == "MARK"
    shown = fold_text(target.text_content())
    assert fold_text(evidence["quote"]).startswith(shown[:40]), (shown, evidence["quote"])


def test_the_timeline_filters_by_actor_and_tag_without_a_server(tab, served, export, samples):
    events = export["events"]
    goto(tab, served + "zeitleiste.html")
    form = tab.locator("form.dossier-filter")
    assert form.is_visible(), "dossier.js shows the filter"
    actor_options = tab.eval_on_selector_all("select[name=actor] option", "os => os.map(o => o.value)")
    assert set(actor_options) == {""} | {a for e in events for a in e["actors"]}

    actor = samples.actor["id"]
    tab.select_option("select[name=actor]", actor)
    wanted = [e["id"] for e in events if actor in e["actors"]]
    assert visible_ids(tab, "li.dossier-event") == wanted
    assert tab.inner_text("form.dossier-filter output") == \
        f"{len(wanted)} von {len(events)} Ereignissen, in Überblick und Liste"
    assert f"actor={actor}" in tab.url

    # A tag that some but not all of the actor's events carry.
    tags = sorted({t for e in events if actor in e["actors"] for t in e["tags"]},
                  key=lambda t: -sum(t in e["tags"] for e in events if actor in e["actors"]))
    tag = next(t for t in tags if 0 < sum(t in e["tags"] for e in events if actor in e["actors"]) < len(wanted))
    tab.select_option("select[name=tag]", tag)
    both = [e["id"] for e in events if actor in e["actors"] and tag in e["tags"]]
    assert visible_ids(tab, "li.dossier-event") == both
    # A period none of whose events is shown loses its heading too.
    periods = tab.eval_on_selector_all("ol.dossier-timeline", """ls => ls.map(l => [
        l.previousElementSibling.checkVisibility(),
        [...l.querySelectorAll('li.dossier-event')].some(e => e.checkVisibility())])""")
    assert all(heading == shown for heading, shown in periods) and not all(shown for _, shown in periods)

    # The filtered view can be shared: its address restores it.
    shared = tab.url
    goto(tab, shared)
    assert visible_ids(tab, "li.dossier-event") == both
    assert tab.input_value("select[name=actor]") == actor and tab.input_value("select[name=tag]") == tag

    tab.select_option("select[name=actor]", "")
    tab.select_option("select[name=tag]", "")
    assert visible_ids(tab, "li.dossier-event") == [e["id"] for e in events]
    assert "?" not in tab.url


def test_an_event_a_passage_and_a_claim_each_have_a_permalink(tab, served, export):
    event = export["events"][len(export["events"]) // 2]
    goto(tab, served + "zeitleiste.html")
    permalink = tab.locator(f"{css_id(event['id'])} a.dossier-permalink")
    assert permalink.get_attribute("href") == f"#{event['id']}"
    permalink.click()
    assert_target(tab, event["id"])
    # Opened fresh, each permalink shows its target in view and highlighted.
    goto(tab, served + event["page"])
    assert_target(tab, event["id"])

    claim = export["claims"][len(export["claims"]) // 2]
    goto(tab, served + f"themen.html#k-{claim['id']}")
    assert_target(tab, f"k-{claim['id']}")
    assert tab.locator(f"{css_id('k-' + claim['id'])} a.dossier-permalink").get_attribute("href") == f"#k-{claim['id']}"
    assert hrefs(tab, f"{css_id('k-' + claim['id'])} a.dossier-jump") == [served + claim["anchor"]]

    goto(tab, served + claim["anchor"])
    assert_target(tab, claim["anchor"].split("#")[1])


# ---- source and actor pages ------------------------------------------------------------------------------

def test_a_source_page_shows_metadata_anchors_and_linked_passages(tab, served, export, samples):
    source = samples.source
    goto(tab, served + source["page"])
    assert heading(tab) == source["title"]
    meta = dict(tab.eval_on_selector_all("dl.dossier-meta dt", "dts => dts.map(dt => [dt.textContent.trim(), "
                                         "dt.nextElementSibling.textContent.trim()])"))
    assert source["path"] not in tab.content(), "readers see no file paths"
    assert all(value for value in meta.values()), "an unknown value says so ('unbekannt'), never nothing"

    # Numbered paragraphs, each number a link to its own paragraph.
    paragraphs = tab.eval_on_selector_all("p.dossier-para", """ps => ps.map(p => {
        const a = p.querySelector('a.dossier-pnum'); return [p.id, a.textContent, a.getAttribute('href')]; })""")
    assert [int(number) for _, number, _ in paragraphs] == list(range(1, len(paragraphs) + 1))
    assert all(href == f"#{anchor}" for anchor, _, href in paragraphs)
    tab.locator("a.dossier-pnum").nth(2).click()
    assert_target(tab, paragraphs[2][0])

    # Every annotated passage is highlighted, and links to its event, claim or reference.
    evidence = [(ev["anchor"], f"zeitleiste.html#{e['id']}") for e in export["events"] for ev in e["evidence"]
                if ev["source"] == source["id"]]
    claims = [(c["anchor"], f"themen.html#k-{c['id']}") for c in export["claims"] if c["source"] == source["id"]]
    citations = [(c["anchor"], f"bibliographie.html#ref-{c['id']}") for c in export["citations"]
                 if c["source"] == source["id"]]
    # Quietly: a line under the passage (a background image), no background colour.
    marks = tab.eval_on_selector_all("mark.dossier-passage[id]", """ms => ms.map(m => [m.id,
        getComputedStyle(m).backgroundImage, m.checkVisibility()])""")
    assert sorted(m[0] for m in marks) == sorted({a.split("#")[1] for a, _ in evidence + claims + citations})
    assert all(line.startswith("linear-gradient") and seen for _, line, seen in marks)
    # Each passage's note says what it is and links to it.
    refs = set(hrefs(tab, "a.dossier-anno__text"))
    assert {served + target for _, target in evidence + claims + citations} <= refs

    # Following a passage's label leads to its claim on the topics page.
    claim_anchor, claim_target = claims[0]
    tab.locator(f"a.dossier-anno__text[href$='{claim_target.split('#')[1]}']").first.click()
    tab.wait_for_url(served + claim_target)
    assert_target(tab, claim_target.split("#")[1])


def test_footnote_markers_lead_to_their_citation_and_back(tab, served, export):
    with_markers = [c for c in export["citations"] if c["marker"]]
    assert with_markers, "the dossier has footnotes"
    page_path = max({c["anchor"].split("#")[0] for c in with_markers},
                    key=lambda p: sum(c["anchor"].startswith(p + "#") for c in with_markers))
    goto(tab, served + page_path)
    citation_ids = set(tab.eval_on_selector_all("mark.dossier-passage--citation[id]", "ms => ms.map(m => m.id)"))
    markers = tab.eval_on_selector_all("sup.dossier-fn a", "as => as.map(a => [a.textContent, a.getAttribute('href')])")
    assert markers, "footnote markers are links"
    assert all(href[1:] in citation_ids for _, href in markers), markers
    first = tab.locator("sup.dossier-fn a[id^='fnref-']").first
    marker_id = first.get_attribute("id")
    first.click()
    target = first.get_attribute("href")[1:]
    assert_target(tab, target)
    back = tab.locator(f"a.dossier-fnback[href='#{marker_id}']")
    if back.count():
        back.first.click()
        tab.wait_for_function("f => location.hash === '#' + f", arg=marker_id)
        assert tab.locator(f"#{marker_id}").evaluate(IN_VIEW)


def test_an_actor_page_lists_its_events_claims_and_sources(tab, served, export):
    def claims_by(actor):
        return [c for c in export["claims"] if c["claimant"] == actor["id"]]

    def events_of(actor):
        return [e for e in export["events"] if actor["id"] in e["actors"]]

    actor = max(export["actors"], key=lambda a: (bool(claims_by(a)), len(events_of(a)), len(a["mentions"])))
    goto(tab, served + actor["page"])
    assert heading(tab) == actor["name"]
    links = set(hrefs(tab, "article a[href]"))
    assert {served + e["page"] for e in events_of(actor)} <= links
    assert {served + c["anchor"] for c in claims_by(actor)} <= links
    pages = {s["id"]: s["page"] for s in export["sources"]}
    assert {served + pages[s] for s in actor["mentions"]} <= links
    assert events_of(actor) and claims_by(actor) and actor["mentions"]


# ---- search ----------------------------------------------------------------------------------------------

def test_search_finds_a_german_word_from_an_article(tab, served, export, samples):
    word = samples.word
    goto(tab, served + "index.html")
    shots.search(tab, word)  # a click into the header's box, then key presses
    passages = {ev["anchor"] for e in export["events"] for ev in e["evidence"] if word in ev["quote"]}
    # The hits lead to the passages themselves (page and anchor), not to a page section.
    results = [url.removeprefix(served) for url in hrefs(tab, ".dossier-search__drop .dossier-hit__link")]
    found = [url for url in results if url in passages]
    assert found, (word, results)
    tab.locator(f".dossier-hit__link[href='{served + found[0]}']").first.click()
    tab.wait_for_load_state("load")
    assert tab.url == served + found[0]
    assert_target(tab, found[0].split("#")[1])
    assert word in tab.locator(":target").inner_text()

    # A word from no article finds nothing.
    goto(tab, served + "index.html")
    tab.locator("#dossier-search-input").click()
    tab.keyboard.type("Quxzwockel", delay=20)
    tab.wait_for_function("() => /Keine Treffer/.test(document.querySelector('.dossier-search__drop').textContent)")
    assert tab.locator(".dossier-search__drop .dossier-hit").count() == 0


# ---- privacy, accessibility, offline, phones --------------------------------------------------------------

def test_no_page_requests_anything_from_another_host(chromium, served, built_site):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert len(pages) > 20
    context = chromium.new_context(locale="de-DE", **DESKTOP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        for path in pages:
            page.goto(served + path, wait_until="load")
        page.wait_for_timeout(1000)  # requests that scripts start after the load
    finally:
        context.close()
    assert [url for url in requests if not url.startswith(served)] == []
    assert len(requests) > len(pages) * 5, "the listener saw the pages' own requests"


AXE = Axe()
AXE_VIEWS = ["home", "timeline", "source", "actor", "topics", "bibliography", "sources", "actors", "data",
             "search-results"]


# axe leaves WCAG 2.2's target size (24 px, or space around) off by default; Lighthouse and the issue want it.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def axe_violations(page) -> list[str]:
    found = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in found]


@pytest.mark.parametrize("view", AXE_VIEWS)
def test_axe_finds_no_accessibility_violations(tab, served, samples, view):
    goto(tab, served + samples.pages()[view])
    assert axe_violations(tab) == []


def test_axe_finds_no_violations_in_search_results_and_on_a_phone(tab, phone_tab, served, samples):
    goto(tab, served + "index.html")
    shots.search(tab, samples.word)
    assert axe_violations(tab) == []
    goto(phone_tab, served + "zeitleiste.html")
    assert axe_violations(phone_tab) == []


def test_the_site_works_opened_from_a_folder_without_a_server(chromium, built_site, samples):
    context = chromium.new_context(locale="de-DE", **DESKTOP)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    folder = built_site.resolve().as_uri() + "/"
    try:
        goto(page, folder + "index.html")
        # Material's stylesheet applies (the header takes the theme colour).
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") \
            not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
        # Search runs without a server.
        shots.search(page, samples.word)
        page.locator(".dossier-hit__link").first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith(folder) and page.url.split("#")[0].endswith(".html")
        # Links between pages and the timeline filter work.
        goto(page, folder + "index.html")
        page.locator(".md-tabs__link", has_text="Zeitleiste").click()
        page.wait_for_url(folder + "zeitleiste.html")
        actor = samples.actor["id"]
        page.select_option("select[name=actor]", actor)
        assert len(visible_ids(page, "li.dossier-event")) == \
            sum(actor in e["actors"] for e in samples.export["events"])
        goto(page, folder + samples.event["evidence"][0]["anchor"])
        assert_target(page, samples.event["evidence"][0]["anchor"].split("#")[1])
    finally:
        context.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(folder)] == []


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def test_screenshots_of_every_page_kind_on_desktop_and_phone(chromium, built_site, samples, tmp_path):
    problems: list[str] = []

    def check(page, view, device):
        if device != "phone":
            return
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{view}: {overflow}px wider than the phone's screen")
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-content__inner')).fontSize)")
        if size < 15:
            problems.append(f"{view}: text {size}px")

    written = shots.take(built_site, tmp_path, browser=chromium, check=check, echo=lambda _: None)
    views = list(samples.pages()) + ["search"]
    assert sorted(p.name for p in written) == sorted(f"{v}-{d}.png" for v in views for d in ("desktop", "phone"))
    for path in written:
        width, height = _png_size(path)
        assert (width, height) == ((1280, 900) if "desktop" in path.name else (780, 1688)), path.name
        assert path.stat().st_size > 20_000, f"{path.name} looks empty"
    assert problems == []
