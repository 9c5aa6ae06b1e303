"""Finding each quote of a source's annotations in the source's paragraphs, and saying precisely why one
is not there (in a heading, across a paragraph break, or where the closest passage stands)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ..load.located_yaml import Pos
from ..model.types import Passage, Source
from ..textmatch import Haystack, closest_passage, explain_mismatch, find_quote
from .fields import Checker


class QuoteFinder:
    """Finds a source's quotes in its paragraphs; reports quotes that are missing or ambiguous."""

    def __init__(self, checker: Checker, source: Source):
        self.checker = checker
        self.source = source
        self.index = [i for i, b in enumerate(source.blocks) if b.kind == "p"]
        self.texts = [source.blocks[i].text for i in self.index]
        self.haystack = Haystack(self.texts)  # folded once per source, not once per quote

    def find(self, quote: str, pos: Pos, anchor: str) -> Passage | None:
        if not self.texts:
            return None  # a source without text: reported once, as empty-source, not once per quote
        spans = find_quote(quote, self.haystack)
        if len(spans) == 1:
            span = spans[0]
            return Passage(self.source.id, self.index[span.block], span.start, span.end, anchor)
        if spans:
            where = ", ".join(f"{self.source.path}:{self.source.blocks[self.index[s.block]].line}" for s in spans)
            self.checker.error(pos, "quote-ambiguous", f"the quote occurs {len(spans)} times in {self.source.path}",
                               f"lengthen the quote until it is unique; it stands at {where}")
            return None
        headings = [b for b in self.source.blocks if b.kind == "h2" and find_quote(quote, [b.text])]
        if headings:
            self.checker.error(pos, "quote-in-heading", f"the quote is a subheading of {self.source.path}",
                               f"quote a passage of a paragraph instead (the heading is on line {headings[0].line})")
            return None
        across = find_quote(quote, [" ".join(self.texts)])
        if across:
            ends = list(accumulate(len(text) + 1 for text in self.texts))  # where each paragraph's text ends
            block = self.source.blocks[self.index[bisect_right(ends, across[0].start)]]
            self.checker.error(pos, "quote-across-paragraphs",
                               f"the quote runs across a paragraph break in {self.source.path}",
                               "a quote must stand within one paragraph: shorten it, or split it into two entries "
                               f"(it begins at {self.source.path}:{block.line}, paragraph {block.number})")
            return None
        best = closest_passage(quote, self.texts)
        if why := explain_mismatch(quote, self.texts):
            block = self.source.blocks[self.index[why[0]]]
            hint = f"{why[1]} (in {self.source.path}:{block.line}, paragraph {block.number})"
        elif best:
            block = self.source.blocks[self.index[best[0]]]
            hint = f"closest passage ({self.source.path}:{block.line}, paragraph {block.number}): \"{best[1]}\""
        else:
            hint = "copy the quote from the source text"
        self.checker.error(pos, "quote-not-found", f"the quote does not occur in {self.source.path}", hint)
        return None
