"""Golden cases for load + validate: each file in tests/cases/ is a small project (files layered over a
valid base project) and the exact report `dossier check` prints for it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier.diagnostics import format_report
from dossier.project import load_dossier

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))
BASE = yaml.safe_load((Path(__file__).parent / "cases" / "_base.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    for name, content in {**BASE["files"], **spec.get("files", {})}.items():
        if content is not None:  # null removes a base file
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(content, encoding="utf-8")
    dossier, diagnostics = load_dossier(tmp_path)
    assert format_report(diagnostics) == spec["report"].rstrip("\n")
    assert (dossier is None) == ("error[" in spec["report"])


def test_every_diagnostic_of_every_case_has_a_hint(tmp_path: Path) -> None:
    for case in CASES:
        report = yaml.safe_load(case.read_text(encoding="utf-8"))["report"].rstrip("\n").split("\n")
        for line, following in zip(report, report[1:] + [""]):
            if "error[" in line or "warning[" in line:
                assert following.startswith("  hint: "), f"{case.name}: {line}"
