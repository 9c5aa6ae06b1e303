"""Keyword in context: the words around a mention, cut at word boundaries, for one line of an actor page.

Pure and small, so the golden tests (tests/test_actor_pages.py) pin exactly what a reader sees."""

from __future__ import annotations

from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True)
class Line:
    left: str  # text before the mention, with a leading "…" where the paragraph goes on
    hit: str  # the mention as written in the source
    right: str  # text after it, with a trailing "…" where the paragraph goes on


def kwic(text: str, start: int, end: int, width: int = 60) -> Line:
    """About `width` characters either side of text[start:end], never cutting a word in half."""
    left, right = text[:start], text[end:]
    if len(left) > width:
        cut = left.find(" ", len(left) - width)
        left = ELLIPSIS + left[cut + 1:] if 0 <= cut < len(left) - 1 else ELLIPSIS + left[len(left) - width:]
    if len(right) > width:
        cut = right.rfind(" ", 0, width + 1)
        right = right[:cut].rstrip(" ,;:") + " " + ELLIPSIS if cut > 0 else right[:width] + ELLIPSIS
    return Line(left, text[start:end], right)
