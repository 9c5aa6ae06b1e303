"""A large dossier's topics and timeline: an index of the questions and a page per topic, an index of the
periods and a page per period (pages/urls.py, topics_split and timeline_split), with every link to a claim,
a topic, a source's answer or an event leading to the page that has it. The real dossier stays on one
topics page and one timeline."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.pages import render_site, urls

ROOT = Path(__file__).resolve().parent.parent
HREF = re.compile(r'href="([^"#]*)#([^"]+)"')
IDS = re.compile(r'\sid="([^"]+)"|\{#([^}\s]+)\}')


def _ids(markdown: str) -> set[str]:
    return {a or b for a, b in IDS.findall(markdown)}


def test_the_real_dossier_keeps_its_topics_and_its_timeline_on_one_page(real_dossier):
    assert not urls.topics_split(real_dossier) and not urls.timeline_split(real_dossier)
    pages = render_site(real_dossier)
    assert {p for p in pages if p.startswith(("themen", "zeitleiste"))} == {urls.TOPICS, urls.TIMELINE}


@pytest.fixture
def split(real_dossier, monkeypatch):
    """The real dossier's pages as a large dossier would have them."""
    monkeypatch.setattr(urls, "TOPICS_ON_ONE_PAGE", 0)
    monkeypatch.setattr(urls, "TIMELINE_ON_ONE_PAGE", 0)
    return render_site(real_dossier)


def test_every_event_stands_on_its_periods_page_and_the_index_links_every_period(real_dossier, split):
    d = real_dossier
    periods = {p for p in split if p.startswith("zeitleiste/")}
    assert len(periods) > 5
    for event in d.events:
        pages = [p for p, text in split.items() if f'id="{event.id}"' in text and 'class="dossier-event' in text]
        assert pages == [urls.event_page(d, event.id)], (event.id, pages)
    index = split[urls.TIMELINE]
    assert all(f'href="{p[:-3]}.html"' in index for p in periods)
    assert "dossier-event" not in index and "dossier-axis" not in index
    # Each period's page leads to the one before and after it: a chain through all of them.
    nexts = {p: re.search(r'href="([^"]+)" rel="next"', split[p]) for p in periods}
    assert sum(1 for m in nexts.values() if m is None) == 1
    # An actor's page does not promise a timeline filtered by the actor (the filter works per period).
    assert all("dossier-timeline-link" not in text for p, text in split.items() if p.startswith("akteure/"))


def test_every_topic_and_the_claims_without_one_get_a_page(real_dossier, split):
    d = real_dossier
    expected = {urls.TOPICS} | {f"themen/{t.id}.md" for t in d.topics}
    if any(not c.topic for c in d.claims):
        expected.add(f"themen/{urls.OTHER_CLAIMS}.md")
    assert {p for p in split if p.startswith("themen")} == expected
    # Each claim stands on the one page urls.topic_page names for it, and on no other.
    for claim in d.claims:
        pages = [p for p, text in split.items() if f'id="k-{claim.id}"' in text]
        assert pages == [urls.topic_page(d, claim.topic)], (claim.id, pages)
    # The index names every topic, linked to its page, and has no claim of its own.
    index = split[urls.TOPICS]
    for topic in d.topics:
        assert f'href="themen/{topic.id}.html"' in index
    assert 'id="k-' not in index and "dossier-matrix" not in index


def test_every_link_into_the_topics_finds_its_anchor(split):
    ids = {page: _ids(text) for page, text in split.items()}
    checked = 0
    for page, text in split.items():
        base = posixpath.dirname(page)
        for target, fragment in HREF.findall(text):
            if target and not target.endswith(".html"):
                continue
            path = posixpath.normpath(posixpath.join(base, target[:-5] + ".md")) if target else page
            if not path.startswith(("themen", "zeitleiste")):
                continue
            assert fragment in ids[path], (page, target, fragment)
            checked += 1
    assert checked > 100  # the source pages' notes and claims, the home page's disagreements


def test_a_large_dossiers_home_page_lists_its_latest_sources_and_counts_the_answers(real_dossier, monkeypatch):
    d = real_dossier
    whole = render_site(d)[urls.HOME]
    monkeypatch.setattr(urls, "HOME_SOURCES_IN_FULL", 0)
    monkeypatch.setattr(urls, "HOME_LATEST", 2)
    home = render_site(d)[urls.HOME]
    listed = [s for s in re.findall(r'<li><a href="quellen/([^".]+)\.html">', home) if s != "index"]
    newest = sorted((s for s in d.sources if s.date), key=lambda s: s.date.sort_key(), reverse=True)
    assert listed == [s.id for s in newest[:2]]
    assert f"Die 2 jüngsten der {len(d.sources)} Quellen, die neueste zuerst." in home
    assert '<a href="quellen/index.html">Alle Quellen</a>' in home
    assert f"erschließt {len(d.sources)} Artikel" in home  # the figures are the whole dossier's
    # Each contested question still shows every answer, with the number of sources instead of their names.
    assert d.topics and any(t.contested for t in d.topics)
    for topic in (t for t in d.topics if t.contested):
        row = re.search(rf'<tr><td><a href="[^"]*#{topic.id}">.*?</tr>', home).group(0)
        full = re.search(rf'<tr><td><a href="[^"]*#{topic.id}">.*?</tr>', whole).group(0)
        labels = re.findall(r'dossier-pos--[^"]+">([^<]+)</span> (\d+)', row)
        named = re.findall(r'dossier-pos--[^"]+">([^<]+)</span> ((?:<a [^>]+>[^<]+</a>(?:, )?)+)', full)
        assert [(label, int(n)) for label, n in labels] == [(label, links.count("<a ")) for label, links in named]
        assert "title=" not in row
    assert "Je Antwort die Zahl der Quellen" in home and "Je Antwort" not in whole


@pytest.mark.slow
def test_a_large_synthetic_dossier_builds_its_split_pages_and_every_link_holds(tmp_path):
    """200 synthetic articles (4,000 claims in 30 topics, 2,400 events): the whole build, link check included."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import synthetic

    project, _ = synthetic.write(tmp_path, 200)
    build = subprocess.run([sys.executable, "-m", "dossier", "build"], cwd=project, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "0 broken" in build.stdout + build.stderr
    site = project / "site"
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    assert all((site / "themen" / f"{t['id']}.html").is_file() for t in data["topics"])
    assert (site / "themen.html").stat().st_size < 100_000
    assert (site / "zeitleiste.html").stat().st_size < 100_000
    assert (site / "index.html").stat().st_size < 100_000  # the home page lists the latest sources only
    for event in data["events"][:50]:  # the export's address of an event is where it is
        page, anchor = event["page"].split("#")
        assert f'id="{anchor}"' in (site / page).read_text(encoding="utf-8"), event["page"]
    # A topic's page carries its claims as JSON-LD, each named by its anchor on that page.
    topic = data["topics"][0]["id"]
    page = (site / "themen" / f"{topic}.html").read_text(encoding="utf-8")
    graph = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    named = sorted(n["@id"] for n in graph["@graph"] if n["@type"] == "Claim")
    assert named == sorted(f"#k-{c['id']}" for c in data["claims"] if c.get("topic") == topic) != []
