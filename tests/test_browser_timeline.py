"""The timeline's overview axis in the browser: every event of dossier.json drawn at its bounds, the filter
applied to it, working from file:// with JavaScript off, reachable by keyboard, axe clean."""

from __future__ import annotations

import datetime as dt

import pytest

from test_browser import (  # noqa: F401 - fixtures
    DESKTOP, assert_target, axe_violations, export, goto, samples, shots, tab, visible_ids,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The axis's segments (their dates and drawn boxes) and every mark's box (its item, the exact span the
# mark is drawn on), with its link, in CSS pixels.
GEOMETRY = """() => ({
  segments: [...document.querySelectorAll('.dossier-axis__segment')].map(s => {
    const r = s.getBoundingClientRect();
    return {start: s.dataset.start, end: s.dataset.end, left: r.left, right: r.right};
  }),
  marks: Object.fromEntries([...document.querySelectorAll('a.dossier-axis__mark')].map(a => {
    const r = a.closest('.dossier-axis__item').getBoundingClientRect();
    return [a.dataset.event, {left: r.left, right: r.right, top: r.top, width: r.width,
                              href: a.getAttribute('href'), label: a.textContent.trim()}];
  })),
})"""


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def expected_x(segments: list[dict], when: dt.date, end_of_span: bool = False) -> float:
    """Where a day begins on the drawn axis, proportional within the segment that holds it; with
    `end_of_span`, where the day before it ends (a segment's last day ends at its right edge)."""
    for s in segments:
        start, end = day(s["start"]), day(s["end"])
        if (start < when <= end) if end_of_span else (start <= when < end):
            return s["left"] + (when - start).days / (end - start).days * (s["right"] - s["left"])
    raise AssertionError(f"{when} lies on no segment {segments}")


def assert_every_event_at_its_bounds(geometry: dict, events: list[dict]) -> None:
    segments, marks = geometry["segments"], geometry["marks"]
    assert len(segments) >= 2, "a broken axis: the crowded years get their own segment"
    assert set(marks) == {e["id"] for e in events}
    for event in events:
        mark = marks[event["id"]]
        left = expected_x(segments, day(event["start"]))
        right = expected_x(segments, day(event["end"]) + dt.timedelta(days=1), end_of_span=True)
        assert abs(mark["left"] - left) < 1.5 and abs(mark["right"] - right) < 1.5, (event, mark, left, right)
        assert mark["href"] == "#" + event["id"]
        assert event["title"] in mark["label"]


def test_the_overview_draws_every_event_of_dossier_json_at_its_bounds(tab, served, export):
    goto(tab, served + "zeitleiste.html")
    geometry = tab.evaluate(GEOMETRY)
    assert_every_event_at_its_bounds(geometry, export["events"])
    # The core is stretched: a month there is wider than a decade of the earliest segment.
    first, last = geometry["segments"][0], geometry["segments"][-1]
    decade = 3652 / (day(first["end"]) - day(first["start"])).days * (first["right"] - first["left"])
    month = 30 / (day(last["end"]) - day(last["start"])).days * (last["right"] - last["left"])
    assert month > decade / 2
    # Precision shows: a day is a dot, a decade a bar ten years long; qualified dates are drawn differently.
    looks = tab.eval_on_selector_all("a.dossier-axis__mark", """ms => Object.fromEntries(ms.map(m => {
        const s = getComputedStyle(m.closest('.dossier-axis__item'), '::before');
        return [m.dataset.event, s.borderStyle + ' ' + s.backgroundImage.slice(0, 24) + ' ' + s.borderRadius];
    }))""")
    plain = {looks[e["id"]] for e in export["events"] if not any(q in e["date"] for q in "~?%")
             and "/" not in e["date"] and len(e["date"]) == 7}
    about = {looks[e["id"]] for e in export["events"] if e["date"].endswith("~")}
    unsure = {looks[e["id"]] for e in export["events"] if e["date"].endswith("?") and "/" not in e["date"]}
    assert plain and about and unsure and not (plain & about) and not (plain & unsure) and not (about & unsure)


def test_a_mark_leads_to_its_event_and_the_keyboard_reaches_it(tab, served, export):
    goto(tab, served + "zeitleiste.html")
    event = export["events"][-1]
    tab.locator(f"a.dossier-axis__mark[data-event='{event['id']}']").click()
    assert_target(tab, event["id"])
    goto(tab, served + "zeitleiste.html")
    tab.locator(".dossier-axis__skip").focus()
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.className")
    assert "dossier-axis__mark" in focused
    tab.keyboard.press("Enter")
    assert_target(tab, export["events"][0]["id"])


def test_the_filter_applies_to_the_overview_and_the_count_says_so(tab, served, export, samples):
    events = export["events"]
    goto(tab, served + "zeitleiste.html")
    actor = samples.actor["id"]
    tab.select_option("select[name=actor]", actor)
    wanted = [e["id"] for e in events if actor in e["actors"]]
    shown = tab.eval_on_selector_all("a.dossier-axis__mark", "ms => ms.filter(m => m.checkVisibility()).map(m => m.dataset.event)")
    assert shown == wanted == visible_ids(tab, "li.dossier-event")
    assert tab.inner_text("form.dossier-filter output") == \
        f"{len(wanted)} von {len(events)} Ereignissen, in Überblick und Liste"
    reset = tab.locator(".dossier-filter__reset")
    assert reset.is_visible()
    reset.click()
    assert len(visible_ids(tab, "li.dossier-event")) == len(events)
    assert tab.locator("a.dossier-axis__mark:visible").count() == len(events)
    assert not reset.is_visible() and "?" not in tab.url


def test_the_overview_works_from_a_folder_with_javascript_off(chromium, built_site, export):
    context = chromium.new_context(locale="de-DE", java_script_enabled=False, **DESKTOP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    folder = built_site.resolve().as_uri() + "/"
    try:
        page = context.new_page()
        page.goto(folder + "zeitleiste.html")
        page.wait_for_load_state("load")
        assert_every_event_at_its_bounds(page.evaluate(GEOMETRY), export["events"])
        assert page.locator("a.dossier-axis__mark:visible").count() == len(export["events"])
    finally:
        context.close()
    assert [url for url in requests if not url.startswith(folder)] == []


def test_the_overview_is_axe_clean_on_a_phone_and_scrolls_inside_itself(chromium, served):
    context = chromium.new_context(locale="de-DE", **shots.VIEWPORTS["phone"])
    try:
        page = context.new_page()
        goto(page, served + "zeitleiste.html?actor=wladimir-putin")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        scroller = page.locator("[data-dossier-axis]")
        # Opened at its right end: the crowded recent years first.
        assert scroller.evaluate("s => s.scrollWidth > s.clientWidth && s.scrollLeft > 0")
        assert axe_violations(page) == []
    finally:
        context.close()
