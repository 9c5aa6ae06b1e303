"""Finding verbatim quotes in article text, tolerant only of what layout changes: white space and the
typographic form of quotation marks. Positions map back to the original text for highlighting."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Sequence

_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‟": '"', "″": '"',
                         "‚": "'", "‘": "'", "’": "'", "‛": "'", "′": "'"})
_WHITE_SPACE = re.compile(r"\s+")  # \s is what str.isspace() calls white space
_TO_FOLD = re.compile(r"\s\s|[^\S ]")  # two white-space characters in a row, or one other than " "


@dataclass(frozen=True)
class Folded:
    text: str
    origin: tuple[int, ...]  # origin[i] = index in the original text of folded character i


def _fold_chars(text: str) -> tuple[str, Sequence[int]]:
    """The folding rule: typographic quotes become straight ones, every run of white space one space.
    (Slices and ranges, not a loop over characters: the quotes of 1,000 articles are checked at every build.)"""
    text = text.translate(_QUOTES)
    if not _TO_FOLD.search(text):
        return text, range(len(text))  # already folded: most paragraphs and quotes
    pieces: list[str] = []
    origin: list[int] = []
    at = 0
    for run in _WHITE_SPACE.finditer(text):
        pieces += (text[at:run.start()], " ")
        origin += range(at, run.start() + 1)
        at = run.end()
    pieces.append(text[at:])
    origin += range(at, len(text))
    return "".join(pieces), origin


def fold(text: str) -> Folded:
    """A text folded, with the way back to the original positions (to highlight what a quote matched)."""
    folded, origin = _fold_chars(text)
    return Folded(folded, tuple(origin))


def fold_text(text: str) -> str:
    """Just the folded text, trimmed: for the quote that is looked up."""
    return _fold_chars(text)[0].strip()


@dataclass(frozen=True)
class Span:
    block: int  # index of the block (paragraph) in the source
    start: int  # character offsets in the block's original text
    end: int


def find_quote(quote: str, blocks: list[str] | list[Folded]) -> list[Span]:
    """Every occurrence of `quote` within one block; an empty list if there is none. Pass blocks already
    folded (`fold`) when searching many quotes in the same text: folding is the costly part."""
    needle = fold_text(quote)
    if not needle:
        return []
    spans = []
    for number, block in enumerate(blocks):
        folded = block if isinstance(block, Folded) else fold(block)
        at = folded.text.find(needle)
        while at != -1:
            end = folded.origin[at + len(needle) - 1] + 1
            spans.append(Span(number, folded.origin[at], end))
            at = folded.text.find(needle, at + 1)
    return spans


def closest_passage(quote: str, blocks: list[str]) -> tuple[int, str, float] | None:
    """The block and the passage in it most like `quote`, for the hint of a quote that does not match."""
    needle = fold_text(quote)
    best: tuple[int, str, float] | None = None
    for number, block in enumerate(blocks):
        hay = fold_text(block)
        matcher = difflib.SequenceMatcher(None, needle, hay, autojunk=False)
        match = matcher.find_longest_match(0, len(needle), 0, len(hay))
        if match.size == 0:
            continue
        start = max(0, match.b - match.a)
        end = min(len(hay), start + len(needle))
        # Snap to whole words: a hint that starts mid-word reads as a different text.
        while start > 0 and not hay[start - 1].isspace():
            start -= 1
        while end < len(hay) and not hay[end].isspace():
            end += 1
        window = hay[start:end]
        ratio = difflib.SequenceMatcher(None, needle, window, autojunk=False).ratio()
        if best is None or ratio > best[2]:
            best = (number, window, ratio)
    return best
