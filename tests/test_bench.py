"""The benchmark (scripts/bench.py) runs, at N = 10, on a synthetic dossier at the real density."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402


@pytest.mark.slow
def test_benchmark_runs_at_n_10(tmp_path, capsys):
    assert bench.main(["--sizes", "10", "--repeat", "1", "--workdir", str(tmp_path), "--serve"]) == 0
    out = capsys.readouterr().out.splitlines()
    row = next(line for line in out if line.split()[:1] == ["10"])
    served = next(line for line in out if line.startswith("serve N=10: "))
    for what in ("first build", "source text", "source annotations", "events.yml"):
        assert f"{what} " in served
    assert row.split()[1:3] == ["57", "120"]  # actors, events
    data = json.loads((tmp_path / "10" / "dossier" / "site" / "dossier.json").read_text(encoding="utf-8"))
    # The real density: 29 evidence quotes, 20 claims and 7 citations per article; the actors are found in
    # the texts; events have evidence from more than one source.
    assert sum(len(e["evidence"]) for e in data["events"]) == 10 * 29
    assert (len(data["claims"]), len(data["citations"])) == (10 * 20, 10 * 7)
    assert sum(1 for a in data["actors"] if a["mentions"]) >= 0.9 * len(data["actors"])
    assert any(len({q["source"] for q in e["evidence"]}) > 1 for e in data["events"])
    assert (tmp_path / "10" / "bare" / "site" / "index.html").is_file()
