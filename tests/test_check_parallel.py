"""`dossier check` finds the actors' mentions in a forked child while it checks the annotations
(validate.check, forked.Background): the same dossier and the same diagnostics, in the same order, as
when all is done in one process; with errors, and with the child ended unasked."""

from __future__ import annotations

import pytest

from conftest import script_module
from dossier import validate
from dossier.model.build import SITES
from dossier.project import load_dossier


@pytest.fixture(scope="module")
def synthetic_project(tmp_path_factory):
    n = validate.PARALLEL_FROM + 4
    project, _ = script_module("synthetic").write(tmp_path_factory.mktemp("synthetic"), n)
    return project


def _both_ways(root, monkeypatch):
    forks = []
    background = validate.Background

    def spy(func, fork=True):
        forks.append(fork)
        return background(func, fork)

    monkeypatch.setattr(validate, "Background", spy)
    SITES.forget()  # else the mentions are known from the last check
    parallel = load_dossier(root)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 10**9)
    SITES.forget()
    serial = load_dossier(root)
    assert forks == [True, False]
    return parallel, serial


def test_mentions_found_in_a_child_are_those_found_here(synthetic_project, monkeypatch):
    (dossier, diagnostics), (serial, serial_diagnostics) = _both_ways(synthetic_project, monkeypatch)
    assert dossier is not None and dossier == serial
    assert {a: list(s) for a, s in dossier.mention_sites.items()} == {a: list(s) for a, s in serial.mention_sites.items()}
    assert sum(map(len, dossier.mention_sites.values())) > 100
    assert diagnostics == serial_diagnostics


def test_with_errors_the_diagnostics_are_the_same(synthetic_project, tmp_path, monkeypatch):
    import shutil

    root = tmp_path / "broken"
    shutil.copytree(synthetic_project, root)
    first = sorted((root / "annotations" / "sources").glob("*.yml"))
    first[0].write_text(first[0].read_text(encoding="utf-8").replace("- event: ", "- event: x-", 1), encoding="utf-8")
    first[1].write_text("evidence: [\n", encoding="utf-8")
    (dossier, diagnostics), (serial, serial_diagnostics) = _both_ways(root, monkeypatch)
    assert dossier is None and serial is None
    assert diagnostics == serial_diagnostics
    assert {d.code for d in diagnostics if d.severity == "error"} >= {"unknown-ref", "yaml-syntax"}


def test_a_second_check_takes_the_mentions_it_knows_and_finds_those_of_an_edited_text(synthetic_project, tmp_path,
                                                                                      monkeypatch):
    import shutil

    root = tmp_path / "edited"
    shutil.copytree(synthetic_project, root)
    SITES.forget()
    first, _ = load_dossier(root)
    forks = []
    background = validate.Background
    monkeypatch.setattr(validate, "Background", lambda func, fork=True: forks.append(fork) or background(func, fork))
    again, _ = load_dossier(root)
    assert forks == [False] and again == first  # under `dossier serve`: nothing changed, nothing found anew
    source = sorted((root / "sources").glob("*.md"))[0]
    name = next(a.name for a in first.actors if a.id in first.mentions and source.stem in first.mentions[a.id])
    with open(source, "a", encoding="utf-8") as f:
        f.write(f"\nAm Ende sprach noch {name}.\n")
    edited, _ = load_dossier(root)
    SITES.forget()
    fresh, _ = load_dossier(root)
    assert edited == fresh and edited.mentions != first.mentions
    assert list(edited.mention_sites) == list(fresh.mention_sites)
