"""Mention finding: the automaton finds exactly what one alternation of every name (longest first) finds.

The alternation below is the reference: the plain statement of the rules (first word as written, later
words in any case, German endings, any space or hyphen between words, the longest name at a position,
the first actor to claim a spelling). It is correct but slow (its cost per text position grows with the
number of names), so the finder uses an automaton; here both meet on random texts and names.
"""

from __future__ import annotations

import random
import re

import pytest

from dossier.mentions import _INFLECTION, _SEPARATOR, Mention, MentionFinder


def reference_find(names: list[tuple[str, str]], text: str) -> list[Mention]:
    patterns: dict[str, tuple[int, str]] = {}
    for actor, name in names:
        words = [w for w in re.split(_SEPARATOR, name.strip()) if w]
        if words:
            first, *rest = words
            pattern = _SEPARATOR.join([re.escape(first) + _INFLECTION]
                                      + [f"(?i:{re.escape(w)}){_INFLECTION}" for w in rest])
            patterns.setdefault(pattern, (len(name), actor))
    if not patterns:
        return []
    ordered = sorted(patterns.items(), key=lambda p: -p[1][0])
    regex = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<n{i}>{p})" for i, (p, _) in enumerate(ordered)) + r")(?![\w])")
    return [Mention(m.start(), m.end(), ordered[int(m.lastgroup[1:])][1][1]) for m in regex.finditer(text)]


PIECES = ["Kim", "Kims", "Jong", "un", "Un", "UN", "Il", "Putin", "Wladimir", "Vereinigte", "Staaten", "der",
          "Sicherheitsrat", "Nord", "Korea", "Nordkorea", "O'Brien", "U.S.", "A&M", "Süd", "Ära", "Schoigu"]
ENDINGS = ["", "", "", "s", "es", "ns", "n", "en", "m", "r", "'s", "’s", "x", "e"]
GLUE = [" ", " ", "-", "  ", "‐", ", ", ". ", "\n", "", "(", ") "]


def random_name(rng: random.Random) -> str:
    return rng.choice([" ", "-"]).join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))


def random_text(rng: random.Random, names: list[tuple[str, str]]) -> str:
    out = []
    for _ in range(rng.randint(1, 25)):
        if rng.random() < 0.4:
            word = rng.choice(names)[1]
            word = word.upper() if rng.random() < 0.05 else word.lower() if rng.random() < 0.1 else word
        else:
            word = rng.choice(PIECES)
        out.append(word + rng.choice(ENDINGS) + rng.choice(GLUE))
    return "".join(out)


@pytest.mark.parametrize("seed", range(40))
def test_automaton_finds_what_the_alternation_finds(seed):
    rng = random.Random(seed)
    names = [(f"a{rng.randint(0, 8)}", random_name(rng)) for _ in range(rng.randint(1, 12))]
    finder = MentionFinder(names)
    for _ in range(60):
        text = random_text(rng, names)
        assert finder.find(text) == reference_find(names, text), (names, text)


def test_no_names_no_mentions():
    assert MentionFinder([]).find("Putin") == []
    assert MentionFinder([("x", "  ")]).find("Putin") == []


def test_longest_name_wins_and_the_first_claim_keeps_a_spelling():
    finder = MentionFinder([("korea", "Korea"), ("nordkorea", "Nord-Korea"), ("zweiter", "Nord Korea")])
    assert finder.find("Nord-Koreas Nachbar Korea") == [Mention(0, 11, "nordkorea"), Mention(20, 25, "korea")]
