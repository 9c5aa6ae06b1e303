"""Finding verbatim quotes in article text, tolerant only of what layout changes: white space, the
typographic form of quotation marks and the Unicode normalisation form (an article copied from a PDF or a
Mac often writes "ä" as "a" + combining diaeresis). Positions map back to the original text, which stays
as it was, for highlighting."""

from __future__ import annotations

import difflib
from bisect import bisect_right
from itertools import accumulate
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence

_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‟": '"', "″": '"',
                         "‚": "'", "‘": "'", "’": "'", "‛": "'", "′": "'"})
# The same characters, to find whether a text has any: str.translate looks up every character of a text that
# is not pure ASCII (most German text), ten times slower than this search, and most texts have none.
_TYPOGRAPHIC = re.compile("[" + "".join(map(chr, _QUOTES)) + "]")
_WHITE_SPACE = re.compile(r"\s+")  # \s is what str.isspace() calls white space
# White space other than " ": with "  " (two spaces), what finds a text that folding changes; as one
# expression (r"\s\s|[^\S ]") the search takes three times as long.
_OTHER_SPACE = re.compile(r"[^\S ]")


@dataclass(frozen=True)
class Folded:
    text: str
    # origin[i] = index in the original text of folded character i: a range where folding changed nothing
    # (most paragraphs; a tuple of each index would be 16 million numbers for 1,000 articles).
    origin: Sequence[int]
    # ends[i] = index after the original characters folded character i came from (a base letter and its
    # combining marks make one composed character); empty when each came from one character.
    ends: tuple[int, ...] = field(default=())

    def end(self, i: int) -> int:
        return self.ends[i] if self.ends else self.origin[i] + 1


def _fold_decomposed(text: str) -> tuple[str, list[int], list[int]]:
    """The folding rule for a text not in NFC: each base character with the combining marks after it is
    composed (NFC), then folded as below; slower, and only such texts pay for it."""
    chars: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        for char in unicodedata.normalize("NFC", text[start:i]).translate(_QUOTES):
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            origin.append(start)
            ends.append(i)
        start = i
    return "".join(chars), origin, ends


def _fold_chars(text: str) -> tuple[str, Sequence[int]]:
    """The folding rule: typographic quotes become straight ones, every run of white space one space.
    (Slices and ranges, not a loop over characters: the quotes of 1,000 articles are checked at every build.)"""
    if not unicodedata.is_normalized("NFC", text):
        return _fold_decomposed(text)[:2]
    if _TYPOGRAPHIC.search(text):
        text = text.translate(_QUOTES)
    if "  " not in text and not _OTHER_SPACE.search(text):
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
    if not unicodedata.is_normalized("NFC", text):
        folded, origin, ends = _fold_decomposed(text)
        return Folded(folded, tuple(origin), tuple(ends))
    folded, origin = _fold_chars(text)
    return Folded(folded, origin if isinstance(origin, range) else tuple(origin))


def fold_text(text: str) -> str:
    """Just the folded text, trimmed: for the quote that is looked up."""
    return _fold_chars(text)[0].strip()


@dataclass(frozen=True)
class Span:
    block: int  # index of the block (paragraph) in the source
    start: int  # character offsets in the block's original text
    end: int


class Haystack:
    """Blocks folded once and joined by line breaks, to search many quotes in the same text (a source's 56
    quotes in its 22 paragraphs): one search per quote instead of one per quote and paragraph. A folded
    quote has no line break (folding makes every run of white space one space), so no occurrence spans two
    blocks."""

    def __init__(self, blocks: Sequence[str] | Sequence[Folded]):
        self.blocks = [block if isinstance(block, Folded) else fold(block) for block in blocks]
        self.text = "\n".join(block.text for block in self.blocks)
        self.starts = [0, *accumulate(len(block.text) + 1 for block in self.blocks)][:-1]


def find_quote(quote: str, blocks: Sequence[str] | Sequence[Folded] | Haystack) -> list[Span]:
    """Every occurrence of `quote` within one block, in text order; an empty list if there is none. Pass a
    Haystack when searching many quotes in the same text: folding is the costly part."""
    needle = fold_text(quote)
    if not needle:
        return []
    hay = blocks if isinstance(blocks, Haystack) else Haystack(blocks)
    spans = []
    at = hay.text.find(needle)
    while at != -1:
        number = bisect_right(hay.starts, at) - 1
        folded, offset = hay.blocks[number], at - hay.starts[number]
        spans.append(Span(number, folded.origin[offset], folded.end(offset + len(needle) - 1)))
        at = hay.text.find(needle, at + 1)
    return spans


_HINT_CHARS = 600


def closest_passage(quote: str, blocks: list[str]) -> tuple[int, str, float] | None:
    """The block and the passage in it most like `quote`, for the hint of a quote that does not match."""
    needle = fold_text(quote)[:_HINT_CHARS]  # difflib takes quadratic time: a hint needs no more
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


def _odd(char: str) -> bool:
    """Invisible format characters (soft hyphen, zero-width space, direction marks) and compatibility
    forms (ligatures, full-width letters): characters that look like others, or like nothing."""
    return unicodedata.category(char) == "Cf" or unicodedata.normalize("NFKC", char) != unicodedata.normalize("NFC", char)


def _lax(text: str) -> str:
    return fold_text("".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf"))


def explain_mismatch(quote: str, blocks: list[str]) -> tuple[int, str] | None:
    """Why a quote that was not found would match if look-alike or invisible characters were ignored, or
    None: (block, explanation). Such a difference is not folded away: it may be a real difference."""
    needle = _lax(quote)
    if not needle:
        return None
    for number, block in enumerate(blocks):
        if needle in _lax(block):
            odd = sorted({c for c in quote + block if _odd(c)})
            named = ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed')})" for c in odd[:3])
            return (number, f"the quote and the text differ only in look-alike or invisible characters: {named}; "
                            "copy the quote from the source text, or remove the character where it does not belong")
    return None
