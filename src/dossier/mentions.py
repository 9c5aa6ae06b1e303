"""Where the text names an actor: by name or alias, tolerant of German inflection ("Putins",
"Kim Jong-uns", "Russlands") and of the different spellings in the aliases.

All names go into one regular expression, longest first, so one pass over a text finds every actor's
mentions: the cost grows with the text, not with texts x aliases.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

# German case endings a name can take: genitive -s/-es/-ns, dative/plural -n/-en; and the English 's.
_INFLECTION = r"(?:s|es|ns|n|en|['’]s)?"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


class MentionFinder:
    def __init__(self, names: Iterable[tuple[str, str]]):
        """`names`: (actor id, name or alias) pairs."""
        by_form: dict[str, str] = {}
        patterns: dict[str, int] = {}
        for actor, name in names:
            form = _normalise(name)
            if form:
                by_form.setdefault(form, actor)
                patterns.setdefault(_flexible(name.strip()), len(form))
        self._actor_of = by_form
        if patterns:
            alternatives = sorted(patterns, key=lambda p: patterns[p], reverse=True)
            self._regex = re.compile(rf"(?<![\w])(?P<name>{'|'.join(alternatives)}){_INFLECTION}(?![\w])")
        else:
            self._regex = None

    def find(self, text: str) -> list[Mention]:
        if self._regex is None:
            return []
        found = []
        for match in self._regex.finditer(text):
            actor = self._actor_of.get(_normalise(match.group("name")))
            if actor:
                found.append(Mention(match.start(), match.end(), actor))
        return found

    def count(self, texts: Iterable[str]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(m.actor for m in self.find(text))
        return counts


def _normalise(name: str) -> str:
    # "Kim Jong-un", "Kim Jong Un" and "Kim Jong-Un" differ only in hyphen, space and case after the first word.
    return re.sub(r"[\s\-‐]+", " ", name.strip()).casefold()


def _flexible(name: str) -> str:
    # Any run of space/hyphen between words; the first word as written (proper nouns are capitalised,
    # and "UN" must not match the "un" of "Jong-un"), later words in any case ("Kim Jong-Un").
    first, *rest = re.split(r"[\s\-‐]+", name)
    return r"[\s\-‐]+".join([re.escape(first)] + [f"(?i:{re.escape(w)})" for w in rest])
