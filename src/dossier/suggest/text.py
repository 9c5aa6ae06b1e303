"""Sentences in German article text: where they start (a capital there says nothing about a name) and
the sentence around a passage (the verbatim quote a suggested evidence entry gives)."""

from __future__ import annotations

import re

# Abbreviations after which a full stop ends no sentence.
_ABBREVIATIONS = frozenset(
    "z.b u.a d.h bzw ca dr prof nr vgl etc st jh chr mio mrd usw sog ggf evtl inkl abs art hrsg bzgl zit s "
    "u.s jan feb febr aug sep sept okt nov dez".split()
)
# A candidate end: . ! ? or … (and a closing quote), then space, then what can start a sentence.
# A footnote marker may stand between the full stop and the space: "abgefeuert habe.² Ukrainischen ...".
_END = re.compile(r"[.!?…][\"“”»«'’)⁰¹²³⁴⁵⁶⁷⁸⁹]*(?=\s+[\"„“»«(]?[A-ZÄÖÜ0-9])")


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin; the first is 0."""
    starts = [0]
    for match in _END.finditer(text):
        before = text[:match.start()].rsplit(None, 1)
        word = before[-1] if before else ""
        if match.group().startswith("."):
            if word.lower() in _ABBREVIATIONS or re.fullmatch(r"[^\W\d]", word):  # "George W. Bush", "z. B."
                continue
            if re.fullmatch(r"\d{1,2}", word):  # an ordinal: "am 3. März"
                continue
        rest = text[match.end():]
        starts.append(match.end() + len(rest) - len(rest.lstrip()))
    return starts


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) that contain text[start:end]."""
    starts = sentence_starts(text)
    first = max(s for s in starts if s <= start)
    later = [s for s in starts if s >= end]
    last = min(later) if later else len(text)
    return text[first:last].strip()
