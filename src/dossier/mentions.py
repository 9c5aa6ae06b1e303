"""Where the text names an actor: by name or alias, tolerant of German inflection ("Putins",
"Kim Jong-uns", "Russlands", "der Vereinigten Staaten") and of the spellings in the aliases.

The cost grows with the text, not with texts x names: an Aho-Corasick automaton (pyahocorasick) finds,
in one pass in C, where the first word of any name occurs; only there are the names that begin with that
word tried, each group of them as one small regular expression. (One alternation of every name, as this
module used before, costs per text position as much as there are names: with the names growing with the
corpus, the whole grows with its square.)

At a position, the longest name wins (then the one claimed first); mentions do not overlap, and are
found left to right, as one alternation of all names, longest first, would find them.

Short forms: once a source has named an actor in full, it may go on with a short form ("Lawrow" after
"Sergej Lawrow", "Sicherheitsrat" after "UN-Sicherheitsrat"). Those count for that source only, and only
after the full name; a bare surname never becomes an alias of the whole dossier. Where the short form may
mean two actors the source names ("Kim" with Kim Jong-un and Kim Jong-il), it counts for neither.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

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


@dataclass(frozen=True)
class SourceMentions:
    blocks: tuple[tuple[Mention, ...], ...]  # per block of the source, in text order; short forms included
    ambiguous: dict[str, tuple[str, ...]]  # short form -> the actors named in the source it may mean


class MentionFinder:
    def __init__(self, names: Iterable[tuple[str, str]], short: Iterable[tuple[str, str]] = ()):
        """`names`: (actor id, name or alias) pairs. The first actor to claim a spelling keeps it.
        `short`: (actor id, short form) pairs (see `short_forms`), counted by `in_source`."""
        claimed: dict[str, tuple] = {}  # pattern -> (length of the name, actor, first word, second word)
        for actor, name in names:
            words = _words(name.strip())
            if words:
                claimed.setdefault(_flexible(words), (len(name), actor, words[0], words[1] if len(words) > 1 else None))
        # A short form that is some actor's name is that actor's, in every source.
        self._owners: dict[str, set[str]] = {}
        for actor, form in short:
            words = _words(form.strip())
            if words and _flexible(words) not in claimed:
                self._owners.setdefault(form.strip(), set()).add(actor)
        self._short = MentionFinder((form, form) for form in self._owners) if self._owners else None
        self._build(claimed)

    def _build(self, claimed: dict[str, tuple]) -> None:
        # Rank: longest name first, then the first claimed (sorted() is stable).
        ranked = sorted(claimed.items(), key=lambda p: -p[1][0])
        groups: dict[str, list[tuple]] = {}  # first word -> (rank, pattern, actor, second word), by rank
        for rank, (pattern, (_, actor, first, second)) in enumerate(ranked):
            groups.setdefault(first, []).append((rank, pattern, actor, second))
        self._automaton = ahocorasick.Automaton() if groups else None
        for first, members in groups.items():
            self._automaton.add_word(first, _Group(len(first), members))
        if self._automaton is not None:
            self._automaton.make_automaton()

    def compile(self) -> None:
        """Compiles every group's expressions now instead of when its first word first occurs: before a fork,
        so that the children share them (`dossier serve` keeps the finder from one rebuild to the next)."""
        for group in self._automaton.values() if self._automaton is not None else ():
            group.compile()
        if self._short is not None:
            self._short.compile()

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

    def in_source(self, texts: Sequence[str]) -> SourceMentions:
        """The mentions in the blocks of one source, short forms included (after the full name)."""
        full = [self.find(text) for text in texts]
        if self._short is None:
            return SourceMentions(tuple(map(tuple, full)), {})
        first: dict[str, tuple[int, int]] = {}  # actor -> (block, offset) of the first full mention
        for number, mentions in enumerate(full):
            for m in mentions:
                first.setdefault(m.actor, (number, m.start))
        blocks, ambiguous = [], {}
        for number, (text, mentions) in enumerate(zip(texts, full)):
            shorts = []
            for m in self._short.find(text):
                owners = sorted(a for a in self._owners[m.actor] if a in first)
                if len(owners) > 1:
                    ambiguous[m.actor] = tuple(owners)
                elif owners and first[owners[0]] < (number, m.start) and not _overlaps(m, mentions):
                    shorts.append(Mention(m.start, m.end, owners[0]))
            blocks.append(tuple(sorted(mentions + shorts, key=lambda m: m.start)))
        return SourceMentions(tuple(blocks), ambiguous)

    def count(self, texts: Iterable[str]) -> Counter[str]:
        """Mentions per actor in the blocks of one source."""
        counts: Counter[str] = Counter()
        for mentions in self.in_source(list(texts)).blocks:
            counts.update(m.actor for m in mentions)
        return counts


# The kinds of actor named by an abbreviation and a noun ("UN-Sicherheitsrat"), then by the noun alone.
_BODIES = ("international", "organisation", "government", "party")
_ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,5}")


def short_forms(actors: Iterable[tuple[str, str | None, Sequence[str]]]) -> list[tuple[str, str]]:
    """(actor id, short form) pairs for (actor id, kind, names) triples: a person's surname ("Lawrow" for
    Sergej Lawrow; "Kim" for Kim Jong-un, whose family name comes first), a body's noun without the
    abbreviation before it ("Sicherheitsrat" for UN-Sicherheitsrat). A first word of anybody's full name
    is shared with them: "Kim" may also mean Kim Jong-il or Ellen Kim."""
    actors = list(actors)
    pairs = []
    for actor, kind, names in actors:
        for name in names:
            words = _words(name.strip())
            if len(words) < 2:
                continue
            if kind == "person":
                surname = words[-1] if len(words[-1]) >= 3 and words[-1][0].isupper() else words[0]
                if len(surname) >= 3 and surname[0].isupper():
                    pairs.append((actor, surname))
            elif (kind in _BODIES and len(words) == 2 and _ABBREVIATION.fullmatch(words[0])
                  and words[1][0].isupper() and len(words[1]) >= 4):
                pairs.append((actor, words[1]))
    forms = {form for _, form in pairs}
    pairs += [(actor, words[0]) for actor, _, names in actors for name in names
              if len(words := _words(name.strip())) >= 2 and words[0] in forms]
    return list(dict.fromkeys(pairs))


def _overlaps(m: Mention, mentions: list[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in mentions)


class _Group:
    """The names that begin with one word, as few small expressions (the alternatives by rank: which one
    matched, `lastindex`, says which name). First words are shared ("Sergej", "Kim", "UN"): a large group is
    split by the first two letters of the second word, so that a hit tries a few names, not hundreds.
    Compiled when the word first occurs: compiling is most of the cost of a finder, and `dossier suggest`
    looks at one source only."""

    __slots__ = ("length", "_members", "_parts")

    def __init__(self, length: int, members: list[tuple]):
        self.length = length
        self._members = members  # (rank, pattern, actor, second word or None)
        self._parts: dict | None = None

    def compile(self) -> None:
        if self._parts is None:
            self._parts = _split(self._members)

    def match(self, text: str, start: int) -> tuple[int, int, str] | None:
        """(rank, end, actor) of the best name of the group at `start`, or None."""
        if self._parts is None:
            self._parts = _split(self._members)
        parts = self._parts
        if len(parts) == 1:
            tries = parts.values()
        else:
            tries = [parts.get(None), parts.get("*")]  # one-word names; second words of other letters
            after = _AFTER_FIRST_WORD.match(text, start + self.length)
            if after:
                pair = text[after.end():after.end() + 2]
                if not pair.isascii():
                    tries = parts.values()  # case-insensitive matches beyond ASCII: let the expressions judge
                elif len(pair) == 2 and pair.isalpha():
                    tries.append(parts.get(pair.lower()))
        best = None
        for part in tries:
            if part is not None and (match := part[0].match(text, start)) is not None:
                rank, actor = part[1][match.lastindex - 1]
                if best is None or rank < best[0]:
                    best = (rank, match.end(), actor)
        return best


_SPLIT = 8  # names in a group worth splitting
# After a name's first word: its ending, then the space or hyphen before the second word (at most one
# ending can be followed by a separator, so this finds where the second word starts).
_AFTER_FIRST_WORD = re.compile(_INFLECTION + _SEPARATOR)


def _split(members: list[tuple]) -> dict:
    buckets: dict[str | None, list[tuple]] = {}
    for rank, pattern, actor, second in members:
        key = None if len(members) < _SPLIT or second is None else _letters(second)
        buckets.setdefault(key, []).append((rank, pattern, actor))
    return {key: (re.compile("(?:" + "|".join(f"({p})" for _, p, _ in names) + r")(?![\w])"),
                  [(rank, actor) for rank, _, actor in names]) for key, names in buckets.items()}


def _letters(word: str) -> str:
    """The bucket of a second word: its first two letters in lower case, or "*" (tried always)."""
    pair = word[:2]
    return pair.lower() if len(pair) == 2 and pair.isascii() and pair.isalpha() else "*"


def _words(name: str) -> list[str]:
    return [w for w in re.split(_SEPARATOR, name) if w]


def _flexible(words: list[str]) -> str:
    # Any run of space/hyphen between words; each word may be inflected. The first word as written (proper
    # nouns are capitalised, and "UN" must not match the "un" of "Jong-un"), later words in any case
    # ("Kim Jong-Un").
    first, *rest = words
    parts = [re.escape(first) + _INFLECTION] + [f"(?i:{re.escape(w)}){_INFLECTION}" for w in rest]
    return _SEPARATOR.join(parts)
