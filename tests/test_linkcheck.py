"""The internal link check, on a small real MkDocs + Material site with faults planted into a copy of it.

The site has what the dossier's pages have (raw-HTML links with #fragments, ids with umlauts, footnotes,
directory URLs) and what Material adds (search, assets, the skip link, `#__codelineno` anchors, the
root-relative 404 page), so a false alarm on any of them fails the clean-site test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from dossier.cli import main
from dossier.linkcheck import Finding, LinkcheckError, check_site

MKDOCS_YML = """\
site_name: Linkcheck-Probe
use_directory_urls: false
theme: {name: material, language: de, font: false}
plugins: [search]
markdown_extensions:
  - attr_list
  - md_in_html
  - footnotes
  - toc: {permalink: true}
  - pymdownx.highlight: {linenums: true, anchor_linenums: true}
  - pymdownx.superfences
nav:
  - Start: index.md
  - Zeitleiste: zeitleiste.md
  - Archiv: archiv/index.md
"""

PAGES = {
    "index.md": """\
# Start

Zur [Zeitleiste](zeitleiste.md), zum [Ereignis](zeitleiste.md#ev-kim-besucht-russland-2023-09),
ins [Archiv](archiv/index.md), zu [Über uns](zeitleiste.md#uber-uns). Ein Satz mit Fußnote.[^1]

<p id="p-3">Absatz drei: <a href="#p-3">hier</a>, <a href="zeitleiste.html#k-für-frieden">roh</a>,
<a href="zeitleiste.html#k-f%C3%BCr-frieden">kodiert</a>, <a href="zeitleiste.html#k-f&uuml;r-frieden">Entität</a>,
<a href="archiv/">Verzeichnis</a>, <a href="archiv/#a-1">Verzeichnis mit Anker</a>,
<a href="mailto:redaktion@example.org">Mail</a>, <a href="tel:+4930123">Telefon</a>,
<a href="javascript:void(0)">JS</a>, <img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">,
<a href="https://example.org/quelle#:~:text=Text">extern</a>, <a href="search/search_index.json">Index</a></p>

```python
print("Zeile eins")
print("Zeile zwei")
```

[^1]: Die Fußnote.
""",
    "zeitleiste.md": """\
# Zeitleiste

<ol>
<li id="ev-kim-besucht-russland-2023-09">Kim besucht Russland <a href="index.html#p-3">Beleg</a></li>
<li id="k-für-frieden">Eine Behauptung <a href="#ev-kim-besucht-russland-2023-09">zum Ereignis</a></li>
</ol>

## Über uns

Text.
""",
    "archiv/index.md": """\
# Archiv

<p id="a-1">Zurück zum <a href="../index.html#p-3">Start</a>.</p>
""",
}


def build_probe(folder: Path, site_url: str | None = None) -> Path:
    """Build the probe project with `mkdocs build --strict` into folder/site (MkDocs in a subprocess)."""
    docs = folder / "docs"
    for name, text in PAGES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML + (f"site_url: {site_url}\n" if site_url else ""), encoding="utf-8")
    process = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], cwd=folder,
                             env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    return folder / "site"


@pytest.fixture(scope="session")
def probe_site(tmp_path_factory) -> Path:
    return build_probe(tmp_path_factory.mktemp("probe"))


@pytest.fixture
def site(probe_site, tmp_path) -> Path:
    """A fresh copy of the probe site to plant faults into."""
    return Path(shutil.copytree(probe_site, tmp_path / "site"))


def plant(site: Path, page: str, snippet: str) -> None:
    """Add raw HTML at the end of a page's article, as a template would write it."""
    path = site / page
    text = path.read_text(encoding="utf-8")
    assert "</article>" in text
    path.write_text(text.replace("</article>", snippet + "\n</article>", 1), encoding="utf-8")


def test_clean_site_passes_with_material_extras_checked(probe_site):
    index = (probe_site / "index.html").read_text(encoding="utf-8")
    # The things a checker could raise a false alarm on are really in the site:
    for generated in ('class="md-skip"', 'href="#__codelineno-0-1"', 'href="#fn:1"', 'href="#fnref:1"',
                      'src="assets/javascripts/bundle.', 'href="mailto:', 'src="data:', 'href="javascript:'):
        assert generated in index
    assert 'href="/assets/' in (probe_site / "404.html").read_text(encoding="utf-8")

    report = check_site(probe_site)

    assert report.findings == []
    assert report.pages == len(list(probe_site.rglob("*.html"))) == 4
    assert report.links > 50  # every nav, asset and raw link of four pages: the pages were really read
    assert report.summary().startswith(f"linkcheck: 4 pages, {report.links} links, 0 broken, ")


PLANTED = [
    # (what, page, planted HTML, the link as written, reason)
    ("missing page", "index.html", '<a href="fehlt.html">x</a>', "fehlt.html", "fehlt.html does not exist"),
    ("missing anchor on another page", "index.html", '<a href="zeitleiste.html#ev-gibt-es-nicht">x</a>',
     "zeitleiste.html#ev-gibt-es-nicht", 'no id "ev-gibt-es-nicht" in zeitleiste.html'),
    ("missing anchor on the same page", "zeitleiste.html", '<a href="#p-3">x</a>', "#p-3",
     'no id "p-3" on this page'),
    ("umlaut anchor, raw", "index.html", '<a href="zeitleiste.html#k-für-krieg">x</a>',
     "zeitleiste.html#k-für-krieg", 'no id "k-für-krieg" in zeitleiste.html'),
    ("umlaut anchor, percent-encoded", "index.html", '<a href="zeitleiste.html#k-f%C3%BCr-krieg">x</a>',
     "zeitleiste.html#k-f%C3%BCr-krieg", 'no id "k-für-krieg" in zeitleiste.html'),
    ("umlaut anchor, other case (ids are case-sensitive)", "index.html",
     '<a href="zeitleiste.html#K-für-frieden">x</a>', "zeitleiste.html#K-für-frieden",
     'no id "K-für-frieden" in zeitleiste.html'),
    ("broken raw-HTML link in a sub-folder page", "archiv/index.html",
     '<a href="../zeitleiste.html#ev-kim-besucht-russland-2023-10">x</a>',
     "../zeitleiste.html#ev-kim-besucht-russland-2023-10",
     'no id "ev-kim-besucht-russland-2023-10" in zeitleiste.html'),
    ("anchor in a directory URL", "index.html", '<a href="archiv/#a-2">x</a>', "archiv/#a-2",
     'no id "a-2" in archiv/index.html'),
    ("directory without index.html", "index.html", '<a href="assets/">x</a>', "assets/",
     "assets/index.html does not exist"),
    ("script src", "index.html", '<script src="assets/javascripts/fehlt.js"></script>',
     "assets/javascripts/fehlt.js", "assets/javascripts/fehlt.js does not exist"),
    ("img src", "archiv/index.html", '<img alt="" src="../bilder/karte.png">', "../bilder/karte.png",
     "bilder/karte.png does not exist"),
    ("link inside <code>", "index.html", '<code><a href="zeitleiste.html#nirgends">x</a></code>',
     "zeitleiste.html#nirgends", 'no id "nirgends" in zeitleiste.html'),
    ("root-relative link", "zeitleiste.html", '<a href="/index.html">x</a>', "/index.html",
     "root-relative link: breaks when the site is opened from a folder or served below a sub-path"),
    ("missing page linked from the 404 page", "404.html", '<a href="/fehlt.html">x</a>', "/fehlt.html",
     "fehlt.html does not exist"),
    ("one URL of a srcset", "index.html", '<img alt="" srcset="assets/images/favicon.png 1x, bilder/k,2.png 2x">',
     "bilder/k,2.png", "bilder/k,2.png does not exist"),
    ("a srcset of <source>", "archiv/index.html",
     '<picture><source srcset="../bilder/a.webp 480w, ../assets/images/favicon.png 800w"></picture>',
     "../bilder/a.webp", "bilder/a.webp does not exist"),
    ("script src in <head> style", "zeitleiste.html", '<script defer src="assets/fehlt.js?v=2"></script>',
     "assets/fehlt.js?v=2", "assets/fehlt.js does not exist"),
    ("link inside <pre>", "index.html", '<pre><a href="#nirgends">x</a></pre>', "#nirgends",
     'no id "nirgends" on this page'),
    ("name= on another element than <a> is no anchor", "index.html",
     '<span name="nur-span"></span><a href="#nur-span">x</a>', "#nur-span", 'no id "nur-span" on this page'),
    ("text directive after a missing anchor", "index.html", '<a href="zeitleiste.html#nirgends:~:text=Kim">x</a>',
     "zeitleiste.html#nirgends:~:text=Kim", 'no id "nirgends" in zeitleiste.html'),
    ("entity in the link: reported as the parser reads it", "index.html",
     '<a href="zeitleiste.html#k-f&uuml;r-krieg">x</a>', "zeitleiste.html#k-für-krieg",
     'no id "k-für-krieg" in zeitleiste.html'),
    ("form action", "index.html", '<form action="fehlt.html"></form>', "fehlt.html", "fehlt.html does not exist"),
    ("video poster", "index.html", '<video poster="fehlt.png"></video>', "fehlt.png", "fehlt.png does not exist"),
    ("blockquote cite", "index.html", '<blockquote cite="fehlt.html">x</blockquote>', "fehlt.html",
     "fehlt.html does not exist"),
    ("file: URL of the build machine", "index.html", '<a href="file:///etc/hostname">x</a>', "file:///etc/hostname",
     "leads outside the site, to /etc/hostname"),
    ("root-relative link in a sub-folder page", "archiv/index.html", '<img alt="" src="/assets/images/favicon.png">',
     "/assets/images/favicon.png",
     "root-relative link: breaks when the site is opened from a folder or served below a sub-path"),
]


@pytest.mark.parametrize("what, page, snippet, link, reason", PLANTED, ids=[case[0] for case in PLANTED])
def test_planted_fault_is_caught(site, what, page, snippet, link, reason):
    plant(site, page, snippet)

    assert check_site(site).findings == [Finding(page, link, reason)]


PASSING = [
    # (what, page, planted HTML): each must add no finding
    ("an <a name> anchor", "zeitleiste.html", '<a name="alter-anker"></a><a href="#alter-anker">x</a>'),
    ("an <a name> anchor, by the page's file name", "zeitleiste.html",
     '<a name="alter-anker"></a><a href="zeitleiste.html#alter-anker">x</a>'),
    ("# alone, here and on another page", "archiv/index.html", '<a href="#">x</a> <a href="../index.html#">y</a>'),
    ("#top: browsers scroll to the top of any page", "index.html",
     '<a href="#top">x</a> <a href="zeitleiste.html#TOP">y</a>'),
    ("a text directive alone", "index.html", '<a href="zeitleiste.html#:~:text=Kim">x</a>'),
    ("a query string", "index.html", '<a href="zeitleiste.html?ansicht=kurz#ev-kim-besucht-russland-2023-09">x</a>'),
    ("a folder URL without its slash", "index.html", '<a href="archiv">x</a> <a href=".">y</a> <a href="./">z</a>'),
    ("blanks around the URL", "index.html", '<a href="  zeitleiste.html#k-für-frieden\n">x</a>'),
    ("a fragment of a file that is no page", "index.html", '<a href="search/search_index.json#x">x</a>'),
    ("a host, and schemes the offline check leaves alone", "index.html",
     '<a href="//example.org/x.html">x</a> <a href="HTTPS://example.org/#nirgends">y</a> '
     '<a href="ftp://example.org/x">z</a> <iframe src="about:blank"></iframe>'),
    ("usemap names a <map>, not a URL", "index.html", '<img alt="" src="assets/images/favicon.png" usemap="#karte">'),
    ("a link that climbs and comes back", "archiv/index.html", '<a href="../archiv/./index.html#a-1">x</a>'),
]


@pytest.mark.parametrize("what, page, snippet", PASSING, ids=[case[0] for case in PASSING])
def test_valid_link_is_no_finding(site, what, page, snippet):
    plant(site, page, snippet)

    assert check_site(site).findings == []


def test_umlaut_file_name_raw_and_percent_encoded(site):
    (site / "über.html").write_text('<p id="ä">x</p>', encoding="utf-8")
    plant(site, "index.html", '<a href="über.html#ä">x</a> <a href="%C3%BCber.html#%C3%A4">y</a> '
                              '<a href="%C3%BCber.html#%C3%B6">z</a>')

    assert check_site(site).findings == [Finding("index.html", "%C3%BCber.html#%C3%B6", 'no id "ö" in über.html')]


def test_links_counts_every_link_checked_and_nothing_else(site):
    before = check_site(site).links
    plant(site, "index.html", '<a href="zeitleiste.html">1</a> <a href="zeitleiste.html">2</a> <a href="#p-3">3</a> '
                              '<img alt="" srcset="a.png 1x, b.png 2x"> <a href="https://example.org/">x</a> '
                              '<a href="mailto:a@example.org">y</a> <img alt="" src="data:,">')

    report = check_site(site)

    assert report.links == before + 5  # every occurrence, each URL of a srcset; no other scheme
    assert [f.link for f in report.findings] == ["a.png", "b.png"]


def test_parsing_on_two_processes_gives_the_same_report(site):
    plant(site, "archiv/index.html", '<a href="../zeitleiste.html#ev-gibt-es-nicht">x</a>')
    one = check_site(site)
    # In a fresh interpreter: this one may run other tests' server threads, and forking those is unsafe.
    script = ("import sys; from pathlib import Path; from dossier import linkcheck; "
              "linkcheck.PARALLEL_FROM = 1; r = linkcheck.check_site(Path(sys.argv[1])); print(r.pages, r.links); "
              "print(*(f.format() for f in r.findings), sep='\\n')")

    two = subprocess.run([sys.executable, "-c", script, str(site)], capture_output=True, text=True, check=True)

    assert two.stdout.splitlines() == [f"{one.pages} {one.links}", *(f.format() for f in one.findings)]
    assert len(one.findings) == 1


@given(folder=st.lists(st.sampled_from(["a", "b", "ä"]), max_size=3),
       path=st.lists(st.sampled_from(["a", "b", "ä", ".", "..", "x.html"]), min_size=1, max_size=6))
def test_relative_links_resolve_as_rfc_3986_says(folder, path):
    """The resolution of a relative path agrees with urljoin's (RFC 3986's remove_dot_segments), except that a
    path climbing out of the site is reported instead of being clamped at its root."""
    from dossier.linkcheck import _joined

    folder, path = "/".join(folder), "/".join(path)
    ours = _joined(folder, path)
    reference = urlsplit(urljoin(f"https://example.org/{folder}/page.html" if folder else
                                 "https://example.org/page.html", path)).path
    depth, climbs = len(folder.split("/")) if folder else 0, False
    for segment in path.split("/"):
        climbs = climbs or (segment == ".." and depth == 0)
        depth = max(0, depth - 1) if segment == ".." else depth + (segment != ".")
    assert (ours == ".." or ours.startswith("../")) == climbs
    if not climbs:
        assert ("/" + ours).rstrip("/") == reference.rstrip("/")


def test_site_without_pages_is_an_error_not_a_pass(tmp_path):
    (tmp_path / "site").mkdir()
    with pytest.raises(LinkcheckError, match="no HTML pages"):
        check_site(tmp_path / "site")


def test_removed_id_breaks_the_links_to_it(site):
    path = site / "zeitleiste.html"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('id="k-für-frieden"', ""), encoding="utf-8")

    findings = check_site(site).findings

    # The raw, the percent-encoded and the entity spelling of the link on the start page all break.
    assert findings == [Finding("index.html", link, 'no id "k-für-frieden" in zeitleiste.html')
                        for link in ("zeitleiste.html#k-f%C3%BCr-frieden", "zeitleiste.html#k-für-frieden")]


def test_removed_page_breaks_every_link_to_it(site):
    (site / "archiv" / "index.html").unlink()

    findings = check_site(site).findings

    assert {f.page for f in findings} == {"index.html", "zeitleiste.html", "404.html"}
    assert Finding("index.html", "archiv/", "archiv/index.html does not exist") in findings
    assert Finding("index.html", "archiv/index.html", "archiv/index.html does not exist") in findings


def test_link_that_leaves_the_site_is_caught_even_if_the_file_exists(site):
    (site.parent / "notizen.html").write_text("<p>not deployed</p>", encoding="utf-8")
    plant(site, "index.html", '<a href="../notizen.html">x</a>')

    [finding] = check_site(site).findings

    assert (finding.page, finding.link) == ("index.html", "../notizen.html")
    assert finding.reason.startswith("leads outside the site")


def test_hidden_and_git_ignored_staging_folder_is_checked(site, tmp_path):
    """`dossier build` checks `.site-new-*/`: hidden and git-ignored, which lychee's folder walk skips."""
    project = tmp_path / "project"
    project.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".gitignore").write_text("/.site-*/\n/site/\n", encoding="utf-8")
    staging = Path(shutil.move(site, project / ".site-new-abc"))
    plant(staging, "index.html", '<a href="fehlt.html">x</a>')

    assert check_site(staging).findings == [Finding("index.html", "fehlt.html", "fehlt.html does not exist")]


def test_site_url_with_a_path_is_not_a_false_alarm(tmp_path):
    """With site_url https://x.github.io/dossier/ MkDocs writes 404.html's links as /dossier/...; they are
    right, and a link that misses the sub-path is still caught."""
    site = build_probe(tmp_path, site_url="https://example.github.io/dossier/")
    assert 'href="/dossier/assets/' in (site / "404.html").read_text(encoding="utf-8")
    assert check_site(site).findings == []

    plant(site, "404.html", '<a href="/dossier/fehlt.html">x</a> <a href="/zeitleiste.html">y</a>')

    assert check_site(site).findings == [
        Finding("404.html", "/dossier/fehlt.html", "fehlt.html does not exist"),
        Finding("404.html", "/zeitleiste.html", "leads outside the site, to /zeitleiste.html"),
    ]


def test_missing_site_is_an_error_not_a_pass(tmp_path):
    with pytest.raises(LinkcheckError, match="no site at"):
        check_site(tmp_path / "site")


# The command


def test_cli_names_page_and_link_and_exits_1(site):
    plant(site, "archiv/index.html", '<a href="../zeitleiste.html#ev-gibt-es-nicht">x</a>')

    result = CliRunner().invoke(main, ["linkcheck", str(site)])

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == ('archiv/index.html: ../zeitleiste.html#ev-gibt-es-nicht '
                        '(no id "ev-gibt-es-nicht" in zeitleiste.html)')
    assert lines[1].startswith("linkcheck: 4 pages, ") and ", 1 broken, " in lines[1]
    assert len(lines) == 2


def test_cli_clean_site_exits_0_and_defaults_to_the_projects_site(probe_site, tmp_path, monkeypatch):
    project = tmp_path / "project"
    shutil.copytree(probe_site, project / "site")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")  # like mkdocs: the project is the nearest folder with mkdocs.yml

    result = CliRunner().invoke(main, ["linkcheck"])

    assert result.exit_code == 0, result.output
    assert result.output.startswith("linkcheck: 4 pages, ") and ", 0 broken, " in result.output


def test_cli_without_a_site_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["linkcheck", str(tmp_path / "nowhere")])

    assert result.exit_code == 2
    assert "no site at" in result.output


# `dossier build` runs the check (wired in build.py through check_site)


def test_build_refuses_a_site_with_a_broken_raw_html_link(tmp_path):
    """MkDocs' own validation does not look into raw HTML; the link check after the build does."""
    from dossier.build import build_site

    build_probe(tmp_path)
    (tmp_path / "docs" / "zeitleiste.md").write_text(PAGES["zeitleiste.md"] + '\n<a href="#nirgends">x</a>\n',
                                                     encoding="utf-8")
    lines: list[str] = []

    result = build_site(tmp_path, Path("public"), echo=lines.append)

    assert not result.ok
    assert 'zeitleiste.html: #nirgends (no id "nirgends" on this page)' in lines
    assert not (tmp_path / "public").exists()  # nothing half-checked is published
    assert build_site(tmp_path, Path("public"), linkcheck=False, echo=lines.append).ok


# The real dossier


@pytest.mark.slow
def test_real_site_passes_in_seconds(built_site):
    report = check_site(built_site)

    assert [f.format() for f in report.findings] == []
    assert report.pages > 20 and report.links > 1000
    assert report.seconds < 5


@pytest.mark.slow
def test_real_site_planted_faults_are_caught(built_site, tmp_path):
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    source_page = sorted((site / "quellen").glob("*.html"))[-1]
    page = source_page.relative_to(site).as_posix()
    plant(site, page, '<a href="../zeitleiste.html#ev-gibt-es-nicht">x</a> <a href="#p-9999">y</a>')

    assert check_site(site).findings == [
        Finding(page, "#p-9999", 'no id "p-9999" on this page'),
        Finding(page, "../zeitleiste.html#ev-gibt-es-nicht", 'no id "ev-gibt-es-nicht" in zeitleiste.html'),
    ]


@pytest.mark.slow
def test_real_site_lychee_agrees(built_site):
    """Cross-check with lychee (installed for the external check), run as the check ran until 2026: it
    counts as many links checked, and finds nothing broken either (the error page aside: lychee without
    --root-dir takes its absolute links for broken)."""
    from dossier.linkcheck_external import OFFLINE_OPTIONS, run_lychee

    pages = sorted(built_site.rglob("*.html"))
    options = [*OFFLINE_OPTIONS, "--include-fragments=anchor-only", "--index-files", "index.html",
               "--include-verbatim=true"]

    result = run_lychee(options, pages)

    assert check_site(built_site).links == result["total"] - result["excludes"] - result["unsupported"]
    assert {Path(page).name for page in result["error_map"]} <= {"404.html"}
