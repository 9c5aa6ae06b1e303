"""Fast and still on a phone (issue #11, point 7), in the browser: no layout shift on the pages Lighthouse
measures, the timeline's filter in place from the first paint, and none of our scripts blocks the first
paint. scripts/lighthouse.py measures the scores; these tests pin the causes, so that they fail fast."""

from __future__ import annotations

import re

import pytest

from conftest import script_module
from test_browser import _open_context, goto, samples, shots  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Every layout shift since the navigation (buffered), as the Layout Instability API reports it to
# Lighthouse's CLS; shifts right after input do not count there, nor here.
SHIFTS = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => {
    if (!e.hadRecentInput) shifts.push([e.value, e.sources.map(s => s.node && s.node.outerHTML.slice(0, 80))]);
  })).observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(shifts), 300)));
})"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_measured_pages_do_not_shift_while_they_load(chromium, served, built_site, device):
    context, page, guard = _open_context(chromium, served, **shots.VIEWPORTS[device])
    shifted = {}
    try:
        for path in script_module("lighthouse").pages(built_site).values():
            goto(page, served + path)
            if found := page.evaluate(SHIFTS):
                shifted[path] = found
    finally:
        context.close()
    guard.check()
    assert shifted == {}


# The filter form's and the overview's boxes, and where the list's jumps begin (a filter may shorten them).
BOXES = """() => Object.fromEntries(['form.dossier-filter', '.dossier-axis', '#liste'].map(s => {
  const r = document.querySelector(s).getBoundingClientRect();
  return [s, s === '#liste' ? [r.top] : [r.top, r.height]];
}))"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("filtered", [False, True])
def test_the_timeline_filter_stands_in_place_before_its_script_runs(chromium, served, samples, device, filtered):
    """The filter form, and what is below it, keep their boxes when dossier.js wires the filter up (and,
    opened filtered, shows the reset): the script is held back until the page is parsed and laid out."""
    context, page, guard = _open_context(chromium, served, **shots.VIEWPORTS[device])
    held = []
    page.route("**/assets/dossier.js", lambda route: held.append(route))
    query = f"?actor={samples.actor['id']}" if filtered else ""
    try:
        page.goto(served + "zeitleiste.html" + query, wait_until="commit")
        page.wait_for_function("() => document.readyState === 'interactive'")  # parsed; deferred scripts wait
        assert len(held) == 1 and page.evaluate("!document.querySelector('[data-dossier-filter]').dataset.ready")
        before = page.evaluate(BOXES)
        assert before["form.dossier-filter"][1] > 0, "the filter is shown from the first paint"
        held[0].continue_()
        page.wait_for_function("() => document.querySelector('[data-dossier-filter]').dataset.ready")
        assert page.evaluate(BOXES) == before
        assert page.locator("form.dossier-filter").is_visible()
        assert page.locator(".dossier-filter__reset").is_visible() == filtered
        if not filtered:  # no room kept for a link that is not there (an empty band on a phone)
            assert page.locator(".dossier-filter__reset").bounding_box() is None
    finally:
        context.close()
    guard.check()


def test_none_of_our_scripts_blocks_the_first_paint(built_site):
    """Our scripts on every page are deferred; the only script with a src that is not is Material's bundle,
    at the end of the body, where it blocks nothing above it."""
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert not re.search(r"<script[^>]*\ssrc=", head), (path.name, "a script with a src in the head")
        for tag in re.findall(r"<script[^>]*\ssrc=[^>]*>", html):
            if "assets/javascripts/bundle." not in tag:
                assert re.search(r"\s(defer|async)\b", tag), (path.name, tag)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_header_search_box_has_its_size_before_its_button_is_parsed(chromium, served, device):
    """A slow phone may paint the header half parsed: the box must not grow when its button comes."""
    context, page, guard = _open_context(chromium, served, **shots.VIEWPORTS[device])
    box = "() => { const r = document.querySelector('form.dossier-search').getBoundingClientRect(); return [r.left, r.width, r.height]; }"
    try:
        goto(page, served + "index.html")
        whole = page.evaluate(box)
        page.evaluate("document.querySelector('form.dossier-search button').remove()")
        assert page.evaluate(box) == whole
    finally:
        context.close()
    guard.check()
