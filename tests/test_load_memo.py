"""Under `dossier serve` each rebuild loads the dossier again and takes what did not change from the last
load (memo.py): parsed YAML, checked mappings, a source's checked annotations with what they reported,
referred to and defined, and the records themselves. Whatever the editor changes, a load with the memos must
give the dossier and the diagnostics a load without them gives, and an unchanged file must really be taken
from the memo."""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier import memo
from dossier.model import Dossier
from dossier.model.types import index
from dossier.pages import search_records
from dossier.project import load_dossier

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p.stem for p in (ROOT / "sources").glob("*.md"))


@pytest.fixture
def memos():
    memo.keep(True)
    yield
    memo.keep(False)


def _load(root: Path):
    dossier, diagnostics = load_dossier(root)
    return dossier, [d.format() for d in diagnostics], _indexes(dossier)


def _ordered(value):
    if isinstance(value, Mapping):
        return [(key, _ordered(item)) for key, item in value.items()]
    return sorted(value) if isinstance(value, (set, frozenset)) else value


def _indexes(dossier) -> dict | None:
    """Every field and index of the dossier, mappings with their order (a field or an index taken over from
    the last load must be the one this load would make)."""
    if dossier is None:
        return None
    names = [f.name for f in dataclasses.fields(Dossier)]
    names += [name for name, value in vars(Dossier).items() if isinstance(value, index)]
    return {name: _ordered(getattr(dossier, name)) for name in names}


def _fresh(root: Path):
    """A load without the memos, leaving what they hold as it was."""
    held = [(m.current, m.last) for m in memo.Generations.ALL]
    memo.keep(False)
    try:
        return _load(root)
    finally:
        memo.keep(True)
        for m, (current, last) in zip(memo.Generations.ALL, held):
            m.current, m.last = current, last


def _replace_line(path: Path, starts: str, new: str, nth: int = 0) -> None:
    """The `nth` line (counted from 0, modulo their number) that starts with `starts` and holds its value (not a block
    scalar's first line), replaced by `new`
    (a function of the old line)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found = [i for i, line in enumerate(lines) if line.startswith(starts) and not line.endswith((">-", "|"))]
    i = found[nth % len(found)]
    lines[i] = new(lines[i])
    path.write_text("\n".join(lines), encoding="utf-8")


def _annotations(root: Path, source: str) -> Path:
    return root / "annotations" / "sources" / f"{source}.yml"


def _first_claim_id(path: Path) -> str:
    in_claims = False
    for line in path.read_text(encoding="utf-8").split("\n"):
        in_claims = in_claims or line.startswith("claims:")
        if in_claims and line.startswith("  - id: "):
            return line[len("  - id: "):].strip()
    raise AssertionError(f"no claim in {path}")


@st.composite
def edit(draw):
    """(description, edit(root)): one change an editor might make, at a place drawn."""
    source, other = draw(st.sampled_from(SOURCES)), draw(st.sampled_from(SOURCES))
    nth = draw(st.integers(0, 40))
    kind = draw(st.sampled_from([
        "quote broken", "claim text", "evidence event unknown", "claim id of another source", "paragraph added",
        "word in a source", "event date", "actor renamed", "topic renamed", "file restored", "conditional quote",
        "source date",
    ]))

    def apply(root: Path) -> None:
        if kind == "quote broken":
            _replace_line(_annotations(root, source), "    quote: ", lambda line: line + " Zuckerwatte", nth)
        elif kind == "conditional quote":  # an editorial warning, besides the quote that is not found
            _replace_line(_annotations(root, source), "    quote: ", lambda line: "    quote: Wenn " + line[11:], nth)
        elif kind == "claim text":
            _replace_line(_annotations(root, source), "    text: ", lambda line: line + " (Zuckerwatte)", nth)
        elif kind == "evidence event unknown":
            _replace_line(_annotations(root, source), "  - event: ", lambda line: line + "-zwei", nth)
        elif kind == "claim id of another source":  # a duplicate id: an error that depends on another file
            taken = _first_claim_id(_annotations(root, other))
            _replace_line(_annotations(root, source), "  - id: ", lambda line: f"  - id: {taken}", nth)
        elif kind == "paragraph added":
            with open(root / "sources" / f"{source}.md", "a", encoding="utf-8") as f:
                f.write("\nDie Zuckerwatte AG lieferte nach Pjöngjang.\n")
        elif kind == "word in a source":  # quotes with the word are no longer found
            path = root / "sources" / f"{source}.md"
            path.write_text(path.read_text(encoding="utf-8").replace("Russland", "Russia", 1 + nth % 3),
                            encoding="utf-8")
        elif kind == "source date":  # the sources' order changes, and with it the order of what lists them
            _replace_line(root / "sources" / f"{source}.md", "date: ", lambda line: 'date: "2001"')
        elif kind == "event date":  # dates the sources report are compared with it
            _replace_line(root / "annotations" / "events.yml", "    date: ", lambda line: '    date: "2019"', nth)
        elif kind == "actor renamed":  # references from unchanged annotation files become unknown
            _replace_line(root / "annotations" / "actors.yml", "  - id: ", lambda line: line + "-zwei", nth)
        elif kind == "topic renamed":  # positions and claims of unchanged files name it
            _replace_line(root / "annotations" / "topics.yml", "  - id: ", lambda line: line + "-zwei", nth)
        else:
            for folder in ("sources", "annotations"):
                shutil.rmtree(root / folder)
                shutil.copytree(ROOT / folder, root / folder)

    return f"{kind} ({source}, {other}, {nth})", apply


EXAMPLES = settings(max_examples=int(os.environ.get("DOSSIER_EXAMPLES", "25")), deadline=None,
                    derandomize=not os.environ.get("DOSSIER_EXAMPLES"), database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@EXAMPLES
@given(edits=st.lists(edit(), min_size=1, max_size=5))
def test_after_any_edits_a_load_with_the_memos_equals_one_without(project_copy, memos, edits):
    for folder in ("sources", "annotations"):  # each example starts from the real dossier
        shutil.rmtree(project_copy / folder)
        shutil.copytree(ROOT / folder, project_copy / folder)
    _load(project_copy)
    for description, apply in edits:
        apply(project_copy)
        assert _load(project_copy) == _fresh(project_copy), description


def test_an_unchanged_file_is_taken_from_the_memo_and_an_edited_one_checked_afresh(project_copy, memos):
    first, _, _ = _load(project_copy)
    path = _annotations(project_copy, "keine-neue-allianz")
    _replace_line(path, "    text: ", lambda line: line + " (Zuckerwatte)")
    second, diagnostics, _ = _load(project_copy)
    assert second is not None, diagnostics

    def by_source(dossier, sid):
        return [c for c in dossier.claims if c.source == sid]

    # The other sources' claims, sources and events are the very objects of the first load ...
    other = "pakt-der-parias"
    assert all(a is b for a, b in zip(by_source(first, other), by_source(second, other)))
    assert second.source_by_id[other] is first.source_by_id[other]
    assert all(a is b for a, b in zip(first.events, second.events))
    # ... the edited file's are new, with the edit.
    edited = by_source(second, "keine-neue-allianz")
    assert any(c.text.endswith("(Zuckerwatte)") for c in edited)
    assert not any(c.text.endswith("(Zuckerwatte)") for c in by_source(first, "keine-neue-allianz"))


def test_a_rebuild_reports_what_the_last_check_reported_and_checks_an_edit_afresh(project_copy, memos):
    _, clean, _ = _load(project_copy)
    assert _load(project_copy)[1] == clean
    path = _annotations(project_copy, "keine-neue-allianz")
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    at = lines.index("evidence:") + 1  # the first evidence entry: "  - event: ..."
    path.write_text("\n".join(lines[:at + 1] + ["    page: 3"] + lines[at + 1:]), encoding="utf-8")
    _, broken, _ = _load(project_copy)
    expected = f"annotations/sources/keine-neue-allianz.yml:{at + 2}:5: error[unknown-field]"
    assert [d for d in broken if d.startswith(expected)], broken
    assert _load(project_copy)[1] == broken  # reported again by the next rebuild, not only by the first
    path.write_text(original, encoding="utf-8")
    assert _load(project_copy)[1] == clean


def test_an_id_an_edit_takes_from_an_unchanged_file_is_reported_there(project_copy, memos):
    """keine-neue-allianz is checked before pakt-der-parias: once it takes a claim id of pakt-der-parias,
    the unchanged pakt-der-parias defines it a second time, and must say so, not be replayed."""
    _load(project_copy)
    taken = _first_claim_id(_annotations(project_copy, "pakt-der-parias"))
    _replace_line(_annotations(project_copy, "keine-neue-allianz"), "  - id: ", lambda line: f"  - id: {taken}")
    dossier, diagnostics, indexes = _load(project_copy)
    assert dossier is None
    assert [d for d in diagnostics if d.startswith("annotations/sources/pakt-der-parias.yml")
            and f"error[duplicate-id]: claim id '{taken}' is defined twice" in d], diagnostics
    assert (dossier, diagnostics, indexes) == _fresh(project_copy)


class _Missing:
    """A field an index must not read: any use of it fails."""

    def _fail(self, *args):
        raise AssertionError("an index read a field it does not name")

    __getattr__ = __iter__ = __len__ = __getitem__ = __contains__ = __bool__ = __eq__ = __hash__ = _fail


def test_each_index_is_made_from_the_fields_it_names_only(real_dossier):
    # An index is taken over from the last load when the fields it names are the same objects: a field it
    # reads without naming it would leave it outdated.
    assert not memo.on()
    fields = [f.name for f in dataclasses.fields(Dossier)]
    indexes = {name: value for name, value in vars(Dossier).items() if isinstance(value, index)}
    assert len(indexes) >= 20
    for name, made in indexes.items():
        alone = dataclasses.replace(real_dossier, **{f: _Missing() for f in fields if f not in made.fields})
        assert _ordered(getattr(alone, name)) == _ordered(getattr(real_dossier, name)), name


def test_an_index_is_taken_over_only_while_its_fields_are_the_same_objects(project_copy, memos):
    first = _load(project_copy)[0]
    second = _load(project_copy)[0]
    assert second.events is first.events and second.event_by_id is first.event_by_id
    path = project_copy / "annotations" / "events.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  title: ", "  title: Zuckerwatte ", 1), encoding="utf-8")
    third = _load(project_copy)[0]
    assert third.events is not second.events and third.event_by_id is not second.event_by_id
    assert third.claim_by_id is second.claim_by_id  # the claims did not change
    assert any(e.title.startswith("Zuckerwatte") for e in third.event_by_id.values())
    # The search's finder of the actors' names, kept while the actors are those of the last load.
    assert search_records.finder(third) is search_records.finder(second)
    _replace_line(project_copy / "annotations" / "actors.yml", "    name: ", lambda line: line + " Zuckerwatte")
    fourth = _load(project_copy)[0]
    assert fourth.actors is not third.actors and search_records.finder(fourth) is not search_records.finder(third)
    assert any(m.actor for m in search_records.finder(fourth).find(fourth.actors[0].name + " sagte"))
