"""The real dossier, built for real: mkdocs build --strict, the export contract, the CLI's promises."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dossier.textmatch import fold_text

pytestmark = pytest.mark.slow


class _Ids(HTMLParser):
    """Collects every id of a page, and the text inside each element that has one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.text: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []
        self._skip = 0  # inside a passage's label or permalink ("Ereignis", "#"): not part of the quoted text

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._skip or "data-search-exclude" in attributes:
            self._skip += 1
        id_ = attributes.get("id")
        if id_:
            self.ids.add(id_)
            self.text[id_] = ""
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self._open.append((tag, id_))

    def handle_endtag(self, tag):
        if self._skip:
            self._skip -= 1
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._skip:
            return
        for _, id_ in self._open:
            if id_:
                self.text[id_] += data


_parsed: dict[Path, _Ids] = {}


def ids_of(page: Path) -> _Ids:
    if page not in _parsed:
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        _parsed[page] = parser
    return _parsed[page]


@pytest.fixture(scope="module")
def export(built_site):
    return json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))


def test_export_has_the_contracted_shape(export, real_dossier):
    assert export["format"] == "dossier-export/2"
    assert set(export) == {"format", "position_scale", "sources", "actors", "events", "topics", "claims", "citations",
                           "exports"}
    assert set(export["sources"][0]) == {"id", "title", "title_editorial", "authors", "publication", "date", "language",
                                         "translated_from", "url", "doi", "path", "page", "words"}
    assert set(export["events"][0]) == {"id", "date", "start", "end", "title", "actors", "tags", "page", "evidence",
                                        "first_reported_by", "reported_dates_disagree"}
    assert set(export["events"][0]["evidence"][0]) == {"source", "quote", "anchor", "date", "start", "end"}
    assert set(export["topics"][0]) == {"id", "question", "claims", "contested", "contested_set", "answers", "multiple",
                                        "positions"}
    assert set(export["citations"][0]) == {"id", "source", "marker", "type", "authors", "title", "container",
                                           "publisher", "date", "url", "doi", "anchor"}
    assert len(export["sources"]) == len(real_dossier.sources) == 5
    assert len(export["events"]) == len(real_dossier.events)


def test_every_page_and_anchor_in_the_export_exists(export, built_site):
    targets = [s["page"] for s in export["sources"]] + [a["page"] for a in export["actors"]]
    targets += [e["page"] for e in export["events"]] + [ev["anchor"] for e in export["events"] for ev in e["evidence"]]
    targets += [c["anchor"] for c in export["claims"]] + [c["anchor"] for c in export["citations"]]
    missing = []
    for target in targets:
        path, _, fragment = target.partition("#")
        page = built_site / path
        if not page.is_file() or (fragment and fragment not in ids_of(page).ids):
            missing.append(target)
    assert missing == []


def test_each_quote_is_shown_at_its_anchor(export, built_site):
    quotes = [(ev["anchor"], ev["quote"]) for e in export["events"] for ev in e["evidence"]]
    quotes += [(c["anchor"], c["quote"]) for c in export["claims"]]
    wrong = []
    for anchor, quote in quotes:
        path, _, fragment = anchor.partition("#")
        shown = ids_of(built_site / path).text[fragment]
        # The highlight holds the quote; a passage that another one crosses is split, so compare the start.
        if not shown.strip() or not fold_text(shown).startswith(fold_text(quote)[: len(fold_text(shown))][:40]):
            wrong.append((anchor, quote, shown))
    assert wrong == []


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for marker in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", 'src="http', "src='http",
                       '<link rel="stylesheet" href="http'):
            if marker in html:
                offenders.append((page.name, marker))
    assert offenders == []


def run_dossier(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dossier", *args], cwd=project, capture_output=True, text=True)


@pytest.mark.parametrize("file, old, new, expected", [
    ("annotations/sources/pakt-der-parias.yml", "quote: ", "quote: ERFUNDEN ", "error[quote-not-found]"),
    ("annotations/events.yml", "actors: [", "actors: [niemand-bekanntes, ", "error[unknown-ref]"),
    ("annotations/events.yml", "date: ", "date: Mitte ", "error[bad-date]"),
    ("annotations/actors.yml", "name: ", "name: : ", "error[yaml-syntax]"),
])
def test_check_names_file_and_line_of_a_planted_fault(project_copy, file, old, new, expected):
    path = project_copy / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run_dossier(project_copy, "check")
    assert result.returncode == 1
    line = next(l for l in result.stderr.splitlines() if expected in l)
    assert line.startswith(f"{file}:") and line.split(":")[1].isdigit()


def test_a_failed_build_leaves_the_previous_site_untouched(project_copy):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    events = project_copy / "annotations" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("date: ", "date: kaputt-", 1), encoding="utf-8")
    result = run_dossier(project_copy, "build")
    assert result.returncode == 1
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(project_copy.glob(".site-*"))  # no staging folder left behind


def test_build_replaces_the_site_and_never_writes_sources_or_annotations(project_copy):
    before = {p: p.read_bytes() for p in project_copy.rglob("*") if p.is_file()}
    result = run_dossier(project_copy, "build")
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "dossier.json").is_file()
    assert {p: p.read_bytes() for p in before} == before


HOSTILE = "Ein <script>alert('x')</script> und <img src=x onerror=alert(1)> [link](javascript:alert(1))"


def test_hostile_article_text_is_shown_as_text(project_copy):
    source = project_copy / "sources" / "feindlich.md"
    source.write_text("---\ntitle: \"<b>Feindlich</b></title><script>alert(2)</script>\"\ntitle_editorial: true\nauthors: []\npublication: null\n"
                      "date: null\nlanguage: de\ntranslated_from: null\nurl: null\ndoi: null\n---\n\n"
                      f"{HOSTILE}\n\n## <i>Überschrift</i>\n\nWladimir Putin.\n", encoding="utf-8")
    result = run_dossier(project_copy, "build", "--no-linkcheck")
    assert result.returncode == 0, result.stderr
    html = (project_copy / "site" / "quellen" / "feindlich.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert" in html and "<b>Feindlich</b>" not in html and "</title><script>" not in html
