"""The exports (#16) of the real dossier, built with mkdocs: each read back by the field's own tools and
checked against the field's own schemas (tests/data/README.md says where each schema comes from)."""

from __future__ import annotations

import csv
import difflib
import glob
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


# --- CSL-JSON -------------------------------------------------------------------------------------------

def test_csl_json_validates_against_the_csl_data_schema(built_site, real_dossier):
    from jsonschema import Draft7Validator

    items = json.loads(read(built_site, "bibliographie.json"))
    schema = json.loads((DATA / "csl" / "csl-data.json").read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in Draft7Validator(schema).iter_errors(items)]
    assert not errors, errors[:5]
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    # One entry per source and one per reference; a repeated reference ("Ebd.") is the same entry.
    references = [c for c in real_dossier.citations if not c.repeats]
    assert ids == [s.id for s in real_dossier.sources] + [c.id for c in references]
    assert len(references) < len(real_dossier.citations)


def test_csl_dates_are_date_parts_plus_the_edtf_text_and_unknown_stays_empty(built_site, real_dossier):
    items = {i["id"]: i for i in json.loads(read(built_site, "bibliographie.json"))}
    for cit in real_dossier.citations:
        if cit.repeats:
            continue
        item = items[cit.id]
        if cit.date is None:
            assert "issued" not in item
        else:
            assert item["issued"]["raw"] == cit.date.text
            first = item["issued"]["date-parts"][0]
            assert first[0] == cit.date.start.year
            expected = {"day": 3, "month": 2}.get(cit.date.precision, 1)
            assert len(first) == expected, (cit.id, first)
        for field, value in (("title", cit.title), ("container-title", cit.container), ("publisher", cit.publisher),
                             ("URL", cit.url), ("DOI", cit.doi)):
            assert item.get(field) == value, (cit.id, field)
        assert ("author" in item) == bool(cit.authors)
    assert items["the-war-zone-2024-limo"]["issued"] == {"date-parts": [[2024, 3]], "circa": True, "raw": "2024-03%"}
    assert items["havertz-2024"]["issued"] == {"date-parts": [[2024]], "season": 3, "raw": "2024-23"}
    assert items["carnegie-endowment-quelle"]["custom"]["type-unknown"] is True
    assert {"family": "Kim", "given": "Jong-un", "static-ordering": True} in items["kim-jong-un-2024-botschaft"]["author"]


def test_csl_names_and_dates_golden():
    from dossier.dates import parse_date
    from dossier.exports.csl import csl_date, csl_name

    assert csl_name("Mary Beth D. Nikitin") == {"family": "Nikitin", "given": "Mary Beth D."}
    assert csl_name("Kim Jong-un")["family"] == "Kim"
    assert csl_name("RFI") == {"literal": "RFI"}
    assert csl_date(parse_date("2024-06-16?")) == {"date-parts": [[2024, 6, 16]], "raw": "2024-06-16?"}
    assert csl_date(parse_date("196X")) == {"date-parts": [[1960], [1969]], "raw": "196X"}
    assert csl_date(parse_date("1950/1953")) == {"date-parts": [[1950], [1953]], "raw": "1950/1953"}
    assert csl_date(parse_date("2000~")) == {"date-parts": [[2000]], "circa": True, "raw": "2000~"}


# --- BibTeX ---------------------------------------------------------------------------------------------

def _parse_bib(text: str):
    import bibtexparser
    from bibtexparser.bparser import BibTexParser
    from bibtexparser.customization import convert_to_unicode

    parser = BibTexParser(common_strings=False, ignore_nonstandard_types=False, interpolate_strings=False)
    parser.customization = convert_to_unicode
    return bibtexparser.loads(text, parser).entries


def test_bibtex_parses_back_to_the_same_entries(built_site):
    items = json.loads(read(built_site, "bibliographie.json"))
    entries = {e["ID"]: e for e in _parse_bib(read(built_site, "bibliographie.bib"))}
    assert list(entries) == [i["id"] for i in items]
    for item in items:
        entry = entries[item["id"]]
        assert entry.get("title") == item.get("title"), item["id"]
        names = [n.get("literal") or f"{n['family']}, {n['given']}" for n in item.get("author", [])]
        assert entry.get("author", "").replace("{", "").replace("}", "") == " and ".join(names)
        assert entry.get("date") == item.get("issued", {}).get("raw")
        assert entry.get("url") == item.get("URL") and entry.get("doi") == item.get("DOI")
        assert (entry.get("journaltitle") or entry.get("booktitle") or entry.get("howpublished")) == item.get("container-title")
        assert (entry.get("publisher") or entry.get("institution")) == item.get("publisher")
        assert entry.get("annotation") == (" ".join(item["annote"].split()) if "annote" in item else None)


def test_bibtex_escapes_what_latex_would_read_as_commands():
    from dossier.exports.bibtex import escape

    assert escape("Texas A&M 100% #1 a_b {x} ~ \\") == r"Texas A\&M 100\% \#1 a\_b \{x\} \textasciitilde{} \textbackslash{}"
    entries = _parse_bib("@misc{x,\n  title = {" + escape("Texas A&M, 100% #1 a_b") + "}\n}\n")
    assert entries[0]["title"] == "Texas A&M, 100% #1 a_b"


# --- Web Annotations ------------------------------------------------------------------------------------

def _wpt_validators():
    from jsonschema import Draft4Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    base = DATA / "annotation-model"
    registry = Registry()
    for path in sorted(glob.glob(str(base / "definitions" / "*.json"))):
        schema = json.loads(Path(path).read_text(encoding="utf-8"))
        registry = registry.with_resource(schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
    musts = json.loads((base / "annotations" / "annotationMusts.test").read_text(encoding="utf-8"))
    for assertion in musts["assertions"]:
        schema = json.loads((base / assertion).read_text(encoding="utf-8"))
        yield assertion, schema.get("expectedResult", "valid"), Draft4Validator(schema, registry=registry,
                                                                                 format_checker=FormatChecker())


def _resolved(node, base: str):
    """IRIs resolved against the file's own URL, as a JSON-LD processor does before anything else."""
    if isinstance(node, dict):
        return {k: urljoin(base, v) if k in ("id", "source") and isinstance(v, str) else _resolved(v, base)
                for k, v in node.items()}
    if isinstance(node, list):
        return [_resolved(v, base) for v in node]
    return node


@pytest.fixture(scope="module")
def annotations(built_site):
    return json.loads(read(built_site, "annotations.jsonld"))


def test_every_passage_is_one_web_annotation_valid_under_the_w3c_test_suite(annotations, real_dossier):
    items = annotations["first"]["items"]
    assert annotations["type"] == "AnnotationCollection" and annotations["total"] == len(items)
    assert len(items) == len(real_dossier.evidence) + len(real_dossier.claims) + len(real_dossier.citations)
    assert len({i["id"] for i in items}) == len(items)
    base = "https://dossier.example/site/annotations.jsonld"
    failures = []
    for assertion, expected, validator in _wpt_validators():
        for item in items:
            valid = not any(True for _ in validator.iter_errors(_resolved(item, base)))
            if valid != (expected == "valid"):
                failures.append((assertion, item["id"]))
    assert not failures, failures[:5]


class _ArticleText(HTMLParser):
    """The article's text on a built source page (paragraphs and subheadings, without the page's own labels),
    and where each highlight (<mark id=...>) starts in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.marks: dict[str, tuple[int, int]] = {}  # id -> (block, offset)
        self._depth = 0  # inside a block element
        self._skip = 0  # inside an excluded element (depth counter)
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._text is None:
            if (tag == "p" and "dossier-para" in (a.get("class") or "")) or tag == "h3":
                self._text, self._depth, self._tag = [], 1, tag
            return
        if tag == self._tag:
            self._depth += 1
        if self._skip:
            self._skip += 1
        elif "data-search-exclude" in a or "headerlink" in (a.get("class") or ""):
            self._skip = 1
        elif tag == "mark" and a.get("id"):
            self.marks[a["id"]] = (len(self.blocks), len("".join(self._text)))

    def handle_endtag(self, tag):
        if self._text is None:
            return
        if self._skip:
            self._skip -= 1
        if tag == self._tag:
            self._depth -= 1
            if self._depth == 0:
                raw = "".join(self._text)
                lead = len(raw) - len(raw.lstrip())
                index = len(self.blocks)
                self.marks.update({k: (b, o - lead) for k, (b, o) in self.marks.items() if b == index})
                self.blocks.append(raw.strip())
                self._text = None

    def handle_data(self, data):
        if self._text is not None and not self._skip:
            self._text.append(data)


def _anchor_by_quote(text: str, quote: dict, hint: int | None) -> list[int]:
    """Hypothesis' order: find the exact quote; where it occurs more than once, the prefix and suffix (fuzzy,
    as Hypothesis scores them) and then the position decide. Returns the best-scoring starts (ties)."""
    exact, starts, at = quote["exact"], [], text.find(quote["exact"])
    while at != -1:
        starts.append(at)
        at = text.find(exact, at + 1)
    if len(starts) <= 1:
        return starts

    def score(start: int) -> tuple[float, float]:
        before = text[max(0, start - len(quote["prefix"])):start]
        after = text[start + len(exact):start + len(exact) + len(quote["suffix"])]
        context = (difflib.SequenceMatcher(None, before, quote["prefix"]).ratio()
                   + difflib.SequenceMatcher(None, after, quote["suffix"]).ratio())
        return context, -abs(start - hint) if hint is not None else 0.0

    best = max(score(s) for s in starts)
    return [s for s in starts if score(s) == best]


def test_every_annotation_re_anchors_to_exactly_its_highlighted_passage(annotations, built_site):
    pages: dict[str, _ArticleText] = {}
    checked = 0
    for item in annotations["first"]["items"]:
        page_url = item["target"]["source"]
        if page_url not in pages:
            parser = _ArticleText()
            parser.feed(read(built_site, page_url))
            pages[page_url] = parser
        page = pages[page_url]
        text = "\n\n".join(page.blocks)
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        # The quote alone (with its context) finds one place, whatever the positions say ...
        found = _anchor_by_quote(text, quote, None)
        assert len(found) == 1, (item["id"], len(found))
        # ... which is where the positions point ...
        assert found[0] == position["start"] and text[position["start"]:position["end"]] == quote["exact"]
        # ... and where the page's highlight of that passage starts.
        anchor = item["id"].split("#", 1)[1]
        anchor = anchor[len(page_url.split("/")[-1][:-5]) + 1:]
        block, offset = page.marks[anchor]
        assert sum(len(b) + 2 for b in page.blocks[:block]) + offset == position["start"], item["id"]
        checked += 1
    assert checked == annotations["total"]


def test_quote_context_grows_until_the_quote_is_unique():
    from dossier.exports.webanno import quote_selector

    text = ("ab " * 40) + "X" + (" ab" * 40) + " Y " + ("ab " * 40) + "X" + (" ab" * 40)
    start = text.index("X")
    selector = quote_selector(text, start, start + 1)
    assert text.count(selector["prefix"] + "X" + selector["suffix"]) == 1
    assert len(selector["suffix"]) > 32


# --- schema.org JSON-LD ---------------------------------------------------------------------------------

class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._in:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.scripts[-1] += data


def _no_network(url, options=None):
    raise AssertionError(f"the JSON-LD asked the network for {url}")


def test_every_page_has_json_ld_that_pyld_expands_offline(built_site, real_dossier):
    from pyld import jsonld

    types: dict[str, int] = {}
    pages = sorted(built_site.rglob("*.html"))
    generated = 0
    for page in pages:
        parser = _Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        for script in parser.scripts:
            document = json.loads(script)
            base = "https://dossier.example/" + page.relative_to(built_site).as_posix()
            expanded = jsonld.expand(document, {"base": base, "documentLoader": _no_network})
            assert expanded, page
            for node in expanded:
                for t in node.get("@type", []):
                    types[t] = types.get(t, 0) + 1
        generated += bool(parser.scripts)
    assert generated == 7 + len(real_dossier.sources) + len(real_dossier.actors)  # every generated page
    s = "https://schema.org/"
    assert types[s + "Event"] == len(real_dossier.events)
    assert types[s + "Claim"] == 2 * len(real_dossier.claims)  # on the topics page and on its source's page
    assert types[s + "CreativeWork"] == len([c for c in real_dossier.citations if not c.repeats])
    assert types[s + "Person"] >= 1 and types[s + "Country"] >= 1 and types[s + "Dataset"] == 2
    from dossier.exports.jsonld import SOURCE_TYPES

    expected: dict[str, int] = {s + "CreativeWork": len([c for c in real_dossier.citations if not c.repeats])}
    for source in real_dossier.sources:  # on the sources index and on its own page
        key = s + SOURCE_TYPES.get(source.kind, "Article")
        expected[key] = expected.get(key, 0) + 2
    assert {t: types.get(t, 0) for t in expected} == expected
    assert types[s + "ScholarlyArticle"] == 2  # Havertz


def test_json_ld_cannot_be_closed_by_article_text():
    from dossier.exports.jsonld import script

    html = script({"@context": {"@vocab": "https://schema.org/"}, "name": "</script><script>alert(1)</script> & \u2028"})
    inner = html.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in inner and ">" not in inner and "&" not in inner and "\u2028" not in inner
    assert json.loads(inner)["name"] == "</script><script>alert(1)</script> & \u2028"


# --- CSV and datapackage.json ---------------------------------------------------------------------------

_TYPES = {"string": str, "integer": int, "boolean": lambda v: {"true": True, "false": False}[v],
          "date": lambda v: __import__("datetime").date.fromisoformat(v)}


def test_csv_tables_read_through_the_datapackage_schema(built_site, real_dossier):
    package = json.loads(read(built_site, "datapackage.json"))
    assert package["profile"] == "tabular-data-package" and package["licenses"][0]["path"]
    tables: dict[str, list[dict]] = {}
    for resource in package["resources"]:
        raw = (built_site / resource["path"]).read_bytes()
        assert resource["encoding"] == "utf-8" and not raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        fields = resource["schema"]["fields"]
        assert rows[0] == [f["name"] for f in fields], resource["name"]
        typed = []
        for row in rows[1:]:
            assert len(row) == len(fields)
            typed.append({f["name"]: None if v in resource["schema"]["missingValues"] else _TYPES[f["type"]](v)
                          for f, v in zip(fields, row)})
        key = resource["schema"]["primaryKey"]
        assert len({tuple(r[k] for k in key) for r in typed}) == len(typed), resource["name"]
        tables[resource["name"]] = typed
    for resource in package["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            target = tables[fk["reference"]["resource"] or resource["name"]]
            known = {r[fk["reference"]["fields"]] for r in target}
            missing = [r[fk["fields"]] for r in tables[resource["name"]] if r[fk["fields"]] not in known | {None}]
            assert not missing, (resource["name"], fk, missing[:3])
    d = real_dossier
    assert [len(tables[n]) for n in ("sources", "actors", "events", "evidence", "claims", "citations", "positions")] == \
        [len(d.sources), len(d.actors), len(d.events), len(d.evidence), len(d.claims), len(d.citations),
         len(d.topics) * len(d.sources)]  # every source on every question, "not covered" included
    claims = {c["id"] for c in tables["claims"]}
    assert all(set(p["claims"].split(" | ")) <= claims for p in tables["positions"] if p["claims"])
    assert sum(p["status"] == "position" for p in tables["positions"]) == len(d.positions)
    actors = {a["id"] for a in tables["actors"]}
    assert all(c["claimant"] in actors | {"author"} for c in tables["claims"])
    assert all(set(e["actors"].split(" | ")) <= actors for e in tables["events"] if e["actors"])


# --- all of them ----------------------------------------------------------------------------------------

def test_data_page_lists_every_export_with_its_size_licence_and_stand(built_site):
    from dossier.exports import CATALOGUE

    export = json.loads(read(built_site, "dossier.json"))
    assert [e["path"] for e in export["exports"]] == [p for p, _, _ in CATALOGUE]
    page = read(built_site, "daten.html")
    for path, _, _ in CATALOGUE:
        assert (built_site / path).is_file(), path
        assert f'href="{path}"' in page, path
        size = (built_site / path).stat().st_size
        shown = f"{size / 1000:.1f} kB".replace(".", ",") if size >= 1000 else f"{size} B"
        assert shown in page, (path, shown)
    assert "CC BY 4.0" in page and "2. Dezember 2026" in page and "So zitieren Sie das Dossier" in page
    for path in ("bibliographie.json", "bibliographie.bib", "annotations.jsonld", "datapackage.json"):
        assert "CC BY 4.0" in read(built_site, path), path


def test_exports_are_byte_identical_across_rebuilds(built_site, tmp_path, monkeypatch):
    from dossier.build import mkdocs_build
    from dossier.exports import CATALOGUE
    from conftest import ROOT

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # ignored: the configured Stand wins over the environment
    again = tmp_path / "site"
    lines: list[str] = []
    assert mkdocs_build(ROOT, again, echo=lines.append), "\n".join(lines)
    for path, _, _ in CATALOGUE:
        assert (again / path).read_bytes() == (built_site / path).read_bytes(), path
    for page in ("daten.html", "zeitleiste.html", "quellen/pakt-der-parias.html"):
        assert (again / page).read_bytes() == (built_site / page).read_bytes(), page
