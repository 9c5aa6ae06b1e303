"""German typography for what the dossier itself writes (claims in its words, notes, summaries, repairs) and
for quotations shown inside German quotation marks. The article text on a source page is never touched.

- Straight quotes in the dossier's own words become „…“, a quotation inside a quotation ‚…‘.
- A quote set in <q> (which the browser puts in „…“) shows its own quotation marks as ‚…‘.
- A range of years takes an en dash: 1950–1953.
"""

from __future__ import annotations

import re

_OPENING_CONTEXT = " \t\n([{/–—-‚„"  # a straight quote after one of these (or at the start) opens
_YEARS = re.compile(r"\b((?:1[5-9]|20)\d\d)-((?:1[5-9]|20)\d\d)\b")


def _requote(text: str, depth: int) -> str:
    """Quotation marks by nesting depth: depth 0 gets „…“, depth 1 and deeper ‚…‘."""
    out = []
    for i, ch in enumerate(text):
        if ch == '"':
            opening = i == 0 or text[i - 1] in _OPENING_CONTEXT
            ch = "„" if opening else "“"
        if ch in "„“":
            if ch == "„":
                out.append("„" if depth == 0 else "‚")
                depth += 1
            else:
                depth = max(depth - 1, 0)
                out.append("“" if depth == 0 else "‘")
        else:
            out.append(ch)
    return "".join(out)


def german(text: str | None) -> str:
    """The dossier's own words in German typography."""
    if not text:
        return text or ""
    return _YEARS.sub(lambda m: f"{m[1]}–{m[2]}" if m[1] < m[2] else m[0], _requote(text, 0))


def inner(text: str | None) -> str:
    """A verbatim quote for <q>: its own quotation marks become ‚…‘ (the browser adds the outer „…“)."""
    if not text:
        return text or ""
    return _requote(text, 1)
