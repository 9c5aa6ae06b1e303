"""Reading a source, in Debian's chromium: provenance first, neutral words, no jargon for readers."""

from __future__ import annotations

import re

import pytest

from test_browser import DESKTOP, _open_context, chromium, export, goto, served, shots  # noqa: F401 (fixtures)

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
        # Nothing runs off the side of the screen.
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    finally:
        context.close()
    guard.check()
