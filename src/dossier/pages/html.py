"""Escaping and inline rendering. Every text from an article or an annotation passes through here, so
nothing from the input reaches the HTML unescaped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_inline(text: str) -> Markup:
    """Text for a one-line Markdown context (a heading): HTML-escaped, Markdown-escaped, on one line."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", escape(" ".join(text.split()), quote=False)))


@dataclass(frozen=True)
class Decoration:
    """An element wrapped around text[start:end] of a paragraph: a highlight or a footnote link."""

    start: int
    end: int
    open: str  # the opening tag(s), already safe HTML
    close: str  # the closing tag(s) when the element ends for good (may carry a trailing link)
    pause: str  # the closing tag(s) when the element is split because another one crosses it
    resume: str  # the opening tag(s) of a continued piece (no id: an id must be unique)


def render_inline(text: str, decorations: list[Decoration]) -> str:
    """Escape `text` and wrap the decorated stretches. Overlapping decorations nest; where two cross,
    the inner one is closed and reopened as a continued piece, so the HTML stays well-formed."""
    if not decorations:
        return escape(text, quote=False)
    starts: dict[int, list[Decoration]] = {}
    ends: dict[int, list[Decoration]] = {}
    for d in decorations:
        starts.setdefault(d.start, []).append(d)
        ends.setdefault(d.end, []).append(d)
    cuts = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    stack: list[Decoration] = []
    for i, at in enumerate(cuts):
        for d in ends.get(at, []):
            # Close everything opened after d, close d, then reopen the others as continued pieces.
            index = stack.index(d)
            reopened = stack[index + 1:]
            for other in reversed(reopened):
                out.append(other.pause)
            out.append(d.close)
            del stack[index:]
            for other in reopened:
                out.append(other.resume)
                stack.append(other)
        # Longer decorations open first, so they enclose the shorter ones that start at the same place.
        for d in sorted(starts.get(at, []), key=lambda d: -d.end):
            out.append(d.open)
            stack.append(d)
        if i + 1 < len(cuts):
            out.append(escape(text[at:cuts[i + 1]], quote=False))
    return "".join(out)
