"""Where the text names an actor: by name or alias, tolerant of German inflection ("Putins",
"Kim Jong-uns", "Russlands", "der Vereinigten Staaten") and of the spellings in the aliases.

The cost grows with the text, not with texts x names: an Aho-Corasick automaton (pyahocorasick) finds,
in one pass in C, where the first word of any name occurs; only there are the names that begin with that
word tried, each group of them as one small regular expression. (One alternation of every name, as this
module used before, costs per text position as much as there are names: with the names growing with the
corpus, the whole grows with its square.)

At a position, the longest name wins (then the one claimed first); mentions do not overlap, and are
found left to right, as one alternation of all names, longest first, would find them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import ahocorasick

# German case endings a word of a name can take: genitive -s/-es/-ns, dative/plural -n/-en, adjective
# -m/-r ("Vereinte" -> "Vereinten Nationen"); and the English possessive 's.
_INFLECTION = r"(?:s|es|ns|n|en|m|r|['’]s)?"
_SEPARATOR = r"[\s\-‐]+"
_WORD_BEFORE = re.compile(r"\w")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


class MentionFinder:
    def __init__(self, names: Iterable[tuple[str, str]]):
        """`names`: (actor id, name or alias) pairs. The first actor to claim a spelling keeps it."""
        claimed: dict[str, tuple[int, str, str]] = {}  # pattern -> (length of the name, actor, first word)
        for actor, name in names:
            words = _words(name.strip())
            if words:
                claimed.setdefault(_flexible(words), (len(name), actor, words[0]))
        # Rank: longest name first, then the first claimed (sorted() is stable).
        ranked = sorted(claimed.items(), key=lambda p: -p[1][0])
        groups: dict[str, list[tuple[int, str, str]]] = {}  # first word -> (rank, pattern, actor), by rank
        for rank, (pattern, (_, actor, first)) in enumerate(ranked):
            groups.setdefault(first, []).append((rank, pattern, actor))
        self._automaton = ahocorasick.Automaton() if groups else None
        for first, members in groups.items():
            self._automaton.add_word(first, _Group(len(first), members))
        if self._automaton is not None:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        if self._automaton is None:
            return []
        best: dict[int, tuple[int, int, str]] = {}  # start -> (rank, end, actor) of the best name there
        for last, group in self._automaton.iter(text):
            start = last - group.length + 1
            if start and _WORD_BEFORE.match(text, start - 1):
                continue  # inside a word
            found = group.match(text, start)
            if found is None:
                continue
            rank, end, actor = found
            if start not in best or rank < best[start][0]:
                best[start] = (rank, end, actor)
        mentions = []
        taken = 0  # end of the last mention: mentions do not overlap
        for start in sorted(best):
            if start >= taken:
                _, end, actor = best[start]
                mentions.append(Mention(start, end, actor))
                taken = end
        return mentions

    def count(self, texts: Iterable[str]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(m.actor for m in self.find(text))
        return counts


class _Group:
    """The names that begin with one word, as one expression (the alternatives by rank: which one matched,
    `lastindex`, says which name). Compiled when the word first occurs: compiling is most of the cost of
    a finder, and `dossier suggest` looks at one source only."""

    __slots__ = ("length", "_members", "_regex")

    def __init__(self, length: int, members: list[tuple[int, str, str]]):
        self.length = length
        self._members = members
        self._regex = None

    def match(self, text: str, start: int) -> tuple[int, int, str] | None:
        """(rank, end, actor) of the best name of the group at `start`, or None."""
        if self._regex is None:
            self._regex = re.compile("(?:" + "|".join(f"({p})" for _, p, _ in self._members) + r")(?![\w])")
            self._members = [(rank, actor) for rank, _, actor in self._members]
        match = self._regex.match(text, start)
        if match is None:
            return None
        rank, actor = self._members[match.lastindex - 1]
        return rank, match.end(), actor


def _words(name: str) -> list[str]:
    return [w for w in re.split(_SEPARATOR, name) if w]


def _flexible(words: list[str]) -> str:
    # Any run of space/hyphen between words; each word may be inflected. The first word as written (proper
    # nouns are capitalised, and "UN" must not match the "un" of "Jong-un"), later words in any case
    # ("Kim Jong-Un").
    first, *rest = words
    parts = [re.escape(first) + _INFLECTION] + [f"(?i:{re.escape(w)}){_INFLECTION}" for w in rest]
    return _SEPARATOR.join(parts)
