"""Problems found in the input, reported as `path:line:col: error[code]: message` plus a hint.

Every stage collects diagnostics instead of raising at the first one, so an editor sees all problems of a
build at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    col: int
    code: str
    message: str
    # Sorting goes by place, code and message; hint and severity only travel along (a None hint is unorderable).
    hint: str | None = field(default=None, compare=False)
    severity: str = field(default="error", compare=False)

    def format(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += "\n  hint: " + self.hint.replace("\n", "\n        ")
        return text


class DossierError(Exception):
    """Raised when the input has errors; carries every diagnostic found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__(format_report(self.diagnostics))


def format_report(diagnostics: Iterable[Diagnostic]) -> str:
    diagnostics = sorted(diagnostics)
    errors = sum(d.severity == "error" for d in diagnostics)
    lines = [d.format() for d in diagnostics]
    lines.append(f"{errors} error{'s' if errors != 1 else ''} found.")
    return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """The path as an editor types it: relative to the project root where possible. A link inside the
    project is named by its own place, not by where it points."""
    for relative in (lambda: path.absolute().relative_to(root.absolute()), lambda: path.resolve().relative_to(root.resolve())):
        try:
            return relative().as_posix()
        except ValueError:
            continue
    return path.as_posix()


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
