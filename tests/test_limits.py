"""Resource limits (load/limits.py): input over them gets a diagnostic with file:line, in bounded time and
memory; input below them, however large, is read. The golden cases limit-*.yml show the reports."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from dossier.load import limits
from dossier.load.located_yaml import YamlSyntaxError, parse
from dossier.project import load_dossier

FRONT = ("---\ntitle: A\ntitle_editorial: false\nauthors: []\npublication: null\ndate: null\nlanguage: de\n"
         "translated_from: null\nurl: null\ndoi: null\n---\n\n")


def _project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in {"sources/a.md": FRONT + "Ein Absatz.\n", **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path


def _first_lines(diagnostics) -> list[str]:
    return [d.format().splitlines()[0] for d in diagnostics]


def _bounded(run, seconds: float = 2.0, megabytes: float = 64):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = run()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.perf_counter() - started < seconds
    assert peak < megabytes * 1e6
    return result


@pytest.mark.parametrize("path, limit", [
    ("annotations/sources/pakt.yml", limits.MAX_FILE_BYTES),  # a source's annotations, like an article
    ("annotations/events.yml", limits.MAX_SHARED_FILE_BYTES),  # a shared file grows with the dossier
])
def test_a_file_over_the_size_limit_is_not_read(tmp_path, path, limit):
    root = _project(tmp_path, {path: "events: []\n" + "# x\n" * (limit // 4)})
    dossier, diagnostics = _bounded(lambda: load_dossier(root))
    assert dossier is None
    assert f"{path}:1:1: error[file-too-large]: the file has {limit + 11:,} bytes; dossier reads at most {limit:,}" \
        in _first_lines(diagnostics)
    assert all(d.hint for d in diagnostics)


def test_a_shared_file_of_a_large_dossier_is_read(tmp_path):
    # events.yml of 1,000 articles has about 2.4 MB: more than an article may have, and still honest.
    root = _project(tmp_path, {"annotations/events.yml": "events: []\n" + "# x\n" * (3 * limits.MAX_FILE_BYTES // 4)})
    _, diagnostics = load_dossier(root)
    assert not [d for d in diagnostics if d.code == "file-too-large"]


def test_a_line_over_the_length_limit_is_named(tmp_path):
    long_paragraph = "Wort " * (limits.MAX_LINE_CHARS // 5) + "Ende."
    root = _project(tmp_path, {"sources/a.md": FRONT + "Erster Absatz.\n\n" + long_paragraph + "\n"})
    dossier, diagnostics = _bounded(lambda: load_dossier(root))
    assert _first_lines(diagnostics) == [
        f"sources/a.md:15:{limits.MAX_LINE_CHARS + 1}: error[line-too-long]: line 15 has {len(long_paragraph):,} "
        f"characters; dossier reads at most {limits.MAX_LINE_CHARS:,} per line"]


def test_an_honest_large_file_below_the_limits_is_read(tmp_path):
    # 1,000 events (the real dossier has 140), 12,000 values, an alias used 1,000 times: read.
    events = "".join(f"  - id: e-{i}\n    date: \"2024-06\"\n    title: Ereignis {i}\n    actors: *leute\n"
                     for i in range(1000))
    data, problems = _bounded(lambda: parse("leute: &leute [a, b, c]\nevents:\n" + events), seconds=10)
    assert len(data["events"]) == 1000 and problems == [] and data["events"][-1]["actors"] == ["a", "b", "c"]


@pytest.mark.parametrize("text, code", [
    ("x: " + "[" * 1_000_000, "yaml-too-deep"),  # scanning this took quadratic time before the bound
    ("x: " + "{a: " * 100_000, "yaml-too-deep"),
    ("- " * 100_000 + "x\n", "yaml-too-deep"),
    ("".join("  " * i + f"k{i}:\n" for i in range(2000)), "yaml-too-deep"),
    ("a: &a [*a]\n", "yaml-too-deep"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
     + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdefghi", "bcdefghij")),
     "yaml-too-large"),
])
def test_hostile_yaml_ends_in_a_diagnostic_in_bounded_time_and_memory(text, code):
    with pytest.raises(YamlSyntaxError) as caught:
        _bounded(lambda: parse(text))
    assert caught.value.code == code
    assert caught.value.pos.line >= 1 and caught.value.hint


def test_nesting_up_to_the_limit_is_read():
    text = "x: " + "[" * (limits.MAX_DEPTH - 1) + "]" * (limits.MAX_DEPTH - 1) + "\n"  # the mapping is a level
    data, _ = parse(text)
    assert data["x"] is not None


def _positions(value):
    """Every value of a parse with its positions, to compare two parses."""
    if isinstance(value, dict):
        return (value.pos, [(k, value.key_pos[k], value.value_pos[k], _positions(v)) for k, v in value.items()])
    if isinstance(value, list):
        return (value.pos, [(p, _positions(v)) for v, p in zip(value, value.item_pos)])
    return value


def test_a_file_without_aliases_reads_as_one_that_might_have_them():
    # Nodes are counted only where an alias can be (the text has a '*'): the values and positions are the same.
    text = ("events:\n  - id: e-1\n    date: 2024-06-01\n    actors: [a, b]\n    note: \"x\\ty\"\n"
            "  - {id: e-2, title: 'Zwei', tags: [c]}\nwer: null\n")
    without, problems = parse(text)
    with_star, more = parse(text + "# * no alias, but a star\n")
    assert _positions(without) == _positions(with_star) and problems == more == []
    assert without["events"][1].value_pos["title"].line == 6
