"""The error contract, tested with random input (Hypothesis): for any annotation files and source text,
valid or mutated, `dossier check` exits 0, or exits 1 with at least one `path:line:col: error[code]:` line
and a hint under each; never a traceback; the input files are left as they were; and `dossier build` on
input with errors leaves the previous site/ as it was.

A bounded number of examples (a few seconds); derandomized, so CI sees the same inputs on every run, and a
failure found once is found again."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.cli import main

BASE = yaml.safe_load((Path(__file__).parent / "cases" / "_base.yaml").read_text(encoding="utf-8"))["files"]
ERROR_LINE = re.compile(r"^[^\s:][^:]*:[0-9]+:[0-9]+: error\[[a-z0-9-]+\]: .+")

# What hostile or careless input is made of: YAML syntax, aliases, brackets, control characters, other
# scripts' digits, decomposed umlauts, invisible characters, HTML.
TOKENS = ["\n", "  ", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "'", '"', "#", "---\n", "\t", "!!python/object ",
          "\x00", "\x1b[31m", "\x85", "\x9b", "２０２３", "٢٠٢٣", "a\u0308", "\u00ad", "\u202e", "<script>x</script>",
          "null", "2024-13-45", "1985/", "javascript:x", "p-1", "ev-", "ref-", "ä", "é", "\ufeff", "\r\n"]
text_pieces = st.one_of(st.sampled_from(TOKENS), st.text(max_size=12))
junk = st.lists(text_pieces, max_size=12).map("".join)


@st.composite
def mutated(draw, original: str) -> str:
    """The original, or with a slice replaced by junk, a slice removed, or a line duplicated."""
    kind = draw(st.sampled_from(["keep", "insert", "delete", "duplicate-line"]))
    if kind == "keep" or not original:
        return original
    at = draw(st.integers(0, len(original)))
    if kind == "insert":
        end = draw(st.integers(at, min(len(original), at + 20)))
        return original[:at] + draw(junk) + original[end:]
    if kind == "delete":
        return original[:at] + original[draw(st.integers(at, len(original))):]
    lines = original.split("\n")
    n = draw(st.integers(0, len(lines) - 1))
    return "\n".join(lines[:n + 1] + lines[n:])


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10, 3000), st.text(max_size=20), st.sampled_from(TOKENS)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["id", "name", "date", "quote", "event", "actors",
                                                                "evidence", "claims", "topics", "events", "x"]),
                                               children, max_size=4)),
    max_leaves=12,
)


@st.composite
def projects(draw) -> dict[str, str]:
    files = dict(BASE)
    for name in draw(st.sets(st.sampled_from(sorted(BASE)), max_size=3)):
        how = draw(st.sampled_from(["mutate", "mutate", "random-yaml", "remove"]))
        if how == "mutate":
            files[name] = draw(mutated(BASE[name]))
        elif how == "random-yaml" and name.endswith(".yml"):
            files[name] = yaml.safe_dump(draw(yaml_values), allow_unicode=True)
        elif how == "remove":
            del files[name]
    if draw(st.booleans()):  # a random article text under the base front matter
        front, _, _ = files.get("sources/artikel.md", BASE["sources/artikel.md"]).partition("\n---\n")
        paragraphs = draw(st.lists(junk, min_size=0, max_size=4))
        files["sources/artikel.md"] = front + "\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    return files


@contextmanager
def _inside(folder: Path):
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@settings(max_examples=int(os.environ.get("DOSSIER_EXAMPLES", "50")), deadline=None, derandomize=not os.environ.get("DOSSIER_EXAMPLES"), database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(files=projects())
def test_any_input_gets_ok_or_diagnostics_never_a_traceback(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("p")
    (root / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content.encode("utf-8", "surrogatepass"))
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    before = _snapshot(root)
    runner = CliRunner()
    with _inside(root):
        result = runner.invoke(main, ["check"], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        lines = result.stderr.split("\n")
        errors = [i for i, line in enumerate(lines) if ERROR_LINE.match(line)]
        assert errors, result.stderr
        for i in errors:
            assert lines[i + 1].startswith("  hint: "), result.stderr
        with _inside(root):  # a build of input with errors stops before MkDocs: the site stays
            built = runner.invoke(main, ["build"], catch_exceptions=True)
        assert built.exit_code == 1 and (built.exception is None or isinstance(built.exception, SystemExit))
    assert _snapshot(root) == before
