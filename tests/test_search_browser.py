"""The search in the browser: the query benchmark over http and from the folder (file://), the facets and
their state in the URL, the results page by keyboard, and an index that loads only when search is used.

The real dossier built with mkdocs --strict, Debian's chromium through playwright (see test_browser.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import script_module

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = yaml.safe_load((ROOT / "tests" / "data" / "search-benchmark.yml").read_text(encoding="utf-8"))
REQUIRED_SHARE = 0.9
SEARCH_FILES = ("search/index.js", "assets/search/lunr.min.js", "lunr.de.min.js")


shots = script_module("screenshots")


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def first_hits(page, base: str) -> list[tuple[str, str, str | None]]:
    """(query, expected, got) for every benchmark query, ranked by the engine the site ships."""
    page.goto(base + "index.html")
    queries = [entry["query"] for entry in BENCHMARK]
    ranked = page.evaluate("qs => Promise.all(qs.map(q => window.dossierSearch.search(q)))", queries)
    return [(e["query"], e["first"], urls[0] if urls else None) for e, urls in zip(BENCHMARK, ranked)]


def check_benchmark(page, base: str, where: str) -> None:
    results = first_hits(page, base)
    hits = sum(expected == got for _, expected, got in results)
    share = hits / len(results)
    print(f"\nsearch benchmark ({where}): {hits} of {len(results)} first hits, {share:.0%}")
    misses = [f"{q!r}: expected {expected}, got {got}" for q, expected, got in results if expected != got]
    for miss in misses:
        print("  miss", miss)
    assert share >= REQUIRED_SHARE, misses


def test_the_benchmark_has_thirty_german_queries_with_pages_that_exist(built_site):
    assert len(BENCHMARK) >= 30
    assert len({e["query"] for e in BENCHMARK}) == len(BENCHMARK)
    for entry in BENCHMARK:
        path, _, anchor = entry["first"].partition("#")
        html = (built_site / path).read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in html, entry


def test_query_benchmark_over_http(page, served):
    check_benchmark(page, served, "http")


def test_query_benchmark_from_the_folder(page, built_site):
    check_benchmark(page, built_site.resolve().as_uri() + "/", "file://")


def test_no_page_loads_the_index_before_search_is_used(chromium, served, built_site):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    context = chromium.new_context(locale="de-DE")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    try:
        for path in pages:
            tab.goto(served + path, wait_until="load")
        tab.wait_for_timeout(500)
        assert [url for url in requests if url.endswith(SEARCH_FILES)] == []
        assert not (built_site / "search" / "search_index.json").exists()  # Material's search is off
        # The first focus of the box loads engine and index, once.
        tab.goto(served + "index.html")
        tab.locator("#dossier-search-input").focus()
        tab.wait_for_function("() => window.dossierSearchIndex !== undefined")
        loaded = [url for url in requests if url.endswith(SEARCH_FILES)]
        assert sorted(u.rsplit("/", 1)[1] for u in loaded) == ["index.js", "lunr.de.min.js", "lunr.min.js"]
    finally:
        context.close()


def test_facets_filter_the_results_and_live_in_the_url(page, served):
    page.goto(served + "suche.html?q=Sanktionen")
    page.locator("[data-search-results] .dossier-hit").first.wait_for()
    total = page.locator("[data-search-results] .dossier-hit").count()
    # Each facet offers its values with counts; choosing one filters the list and writes the URL.
    options = page.eval_on_selector_all("select[name=kind] option", "os => os.map(o => [o.value, o.textContent])")
    assert ("claim" in dict(options)) and any(label.startswith("Aussage (") for _, label in options)
    claims = int(dict(options)["claim"].split("(")[1].rstrip(")"))
    page.select_option("select[name=kind]", "claim")
    page.wait_for_function("n => document.querySelectorAll('[data-search-results] .dossier-hit').length === n", arg=claims)
    assert claims < total
    assert page.locator(".dossier-hit--claim").count() == claims
    page.select_option("select[name=source]", "neue-allianz-havertz")
    page.wait_for_function("() => /source=neue-allianz-havertz/.test(location.search)")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["Sanktionen"], "kind": ["claim"], "source": ["neue-allianz-havertz"]}
    titles = page.eval_on_selector_all("[data-search-results] .dossier-hit__title", "ts => ts.map(t => t.textContent)")
    assert titles and all(t.startswith("Havertz 2024") for t in titles), titles
    # The URL alone restores the view: a shared link shows the same filtered results.
    shared = page.url
    page.goto(served + "index.html")
    page.goto(shared)
    page.locator("[data-search-results] .dossier-hit").first.wait_for()
    assert page.eval_on_selector_all("[data-search-results] .dossier-hit__title", "ts => ts.map(t => t.textContent)") == titles
    assert page.input_value("select[name=kind]") == "claim"
    # Year, actor and topic filter too; resetting brings every hit back.
    page.goto(served + "suche.html?q=Sanktionen&year=2023&actor=china")
    page.locator("[data-search-results] .dossier-hit").first.wait_for()
    few = page.locator("[data-search-results] .dossier-hit").count()
    assert 0 < few < total
    page.locator("[data-search-reset]").click()
    page.wait_for_function("n => document.querySelectorAll('[data-search-results] .dossier-hit').length === n", arg=total)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["Sanktionen"]}


def test_results_page_lists_hits_in_rank_order_and_works_by_keyboard(page, served):
    page.goto(served + "suche.html")
    page.keyboard.press("Tab")  # the skip link first, then the header's box ...
    page.locator("#dossier-search-q").focus()
    page.keyboard.type("Kinschal", delay=20)
    page.keyboard.press("Enter")
    page.locator("[data-search-results] .dossier-hit").first.wait_for()
    assert parse_qs(urlsplit(page.url).query) == {"q": ["Kinschal"]}
    listed = [h.removeprefix(served) for h in
              page.eval_on_selector_all("[data-search-results] .dossier-hit__link", "as => as.map(a => a.href)")]
    ranked = page.evaluate("q => window.dossierSearch.search(q)", "Kinschal")
    assert listed == ranked and listed[0] == next(e["first"] for e in BENCHMARK if e["query"] == "Kinschal")
    # Titles read as words: no paragraph signs, permalink hashes or badge labels; quotes as quotations.
    texts = page.locator("[data-search-results]").inner_text()
    assert "¶" not in texts and "#" not in texts and "EREIGNIS" not in texts
    assert page.locator("[data-search-results] .dossier-hit__quote q").count() >= 1
    # Tab moves from the filters into the hits; Enter follows the focused hit.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('dossier-hit__link')"):
            break
    target = page.evaluate("document.activeElement.href")
    assert target.removeprefix(served) == listed[0]
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_a_hit_marks_the_word_and_not_the_punctuation_around_it(page, served):
    page.goto(served + "suche.html?q=R%C3%BCstungskontrollverhandlungen")
    page.locator("[data-search-results] .dossier-hit").first.wait_for()
    marked = page.eval_on_selector_all("[data-search-results] mark", "ms => ms.map(m => m.textContent)")
    assert "Rüstungskontrollverhandlungen" in marked  # in the text followed by a comma
    assert all(re.fullmatch(r"\w(.*\w)?", word) for word in marked), marked


def test_the_header_box_lists_hits_while_typing_and_enter_opens_the_results_page(page, served):
    page.goto(served + "quellen/pakt-der-parias.html")
    page.locator("#dossier-search-input").click()
    page.keyboard.type("Artilleriegranaten", delay=20)
    first = page.locator(".dossier-search__drop .dossier-hit__link").first
    first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('dossier-hit__link')")
    page.keyboard.press("Escape")
    assert page.locator(".dossier-search__drop").is_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche.html?q=Artilleriegranaten")
    page.locator("[data-search-results] .dossier-hit").first.wait_for()


def test_search_works_from_the_folder_with_facets(page, built_site):
    folder = built_site.resolve().as_uri() + "/"
    page.goto(folder + "suche.html?q=Pjongjang&kind=actor")
    page.locator("[data-search-results] .dossier-hit").first.wait_for()
    assert page.locator("[data-search-results] .dossier-hit--actor").count() >= 1
    assert page.locator("[data-search-results] .dossier-hit:not(.dossier-hit--actor)").count() == 0
    page.select_option("select[name=kind]", "event")
    page.locator("[data-search-results] .dossier-hit--event").first.wait_for()
    page.locator("[data-search-results] .dossier-hit__link").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(folder) and "#" in page.url
