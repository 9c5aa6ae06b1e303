"""The editorial warnings on the real dossier: none. Every warning they give was a real finding of the
annotation review; a new one means an annotation to look at again (or a check that cries wolf)."""

from __future__ import annotations

from pathlib import Path

from dossier.project import load_dossier

ROOT = Path(__file__).resolve().parent.parent
EDITORIAL = {"date-inferred-unmarked", "conditional-evidence", "disagreement-source-without-claim",
             "disagreement-omits-source"}


def test_real_dossier_has_no_editorial_warnings() -> None:
    dossier, diagnostics = load_dossier(ROOT)
    assert dossier is not None
    assert [d.format() for d in diagnostics if d.code in EDITORIAL] == []
