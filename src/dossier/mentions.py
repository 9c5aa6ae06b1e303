"""Where the text names an actor: by name or alias, tolerant of German inflection ("Putins",
"Kim Jong-uns", "Russlands", "der Vereinigten Staaten") and of the spellings in the aliases.

All names go into one regular expression, longest first, so one pass over a text finds every actor's
mentions: the cost grows with the text, not with texts x aliases.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

# German case endings a word of a name can take: genitive -s/-es/-ns, dative/plural -n/-en, adjective
# -m/-r ("Vereinte" -> "Vereinten Nationen"); and the English possessive 's.
_INFLECTION = r"(?:s|es|ns|n|en|m|r|['’]s)?"
_SEPARATOR = r"[\s\-‐]+"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


class MentionFinder:
    def __init__(self, names: Iterable[tuple[str, str]]):
        """`names`: (actor id, name or alias) pairs. The first actor to claim a spelling keeps it."""
        patterns: dict[str, tuple[int, str]] = {}
        for actor, name in names:
            pattern = _flexible(name.strip())
            if pattern:
                patterns.setdefault(pattern, (len(name), actor))
        self._actors: list[str] = []
        alternatives = []
        for pattern, (_, actor) in sorted(patterns.items(), key=lambda p: -p[1][0]):
            alternatives.append(f"(?P<n{len(self._actors)}>{pattern})")
            self._actors.append(actor)
        self._regex = re.compile(rf"(?<![\w])(?:{'|'.join(alternatives)})(?![\w])") if alternatives else None

    def find(self, text: str) -> list[Mention]:
        if self._regex is None:
            return []
        return [Mention(m.start(), m.end(), self._actors[int(m.lastgroup[1:])]) for m in self._regex.finditer(text)]

    def count(self, texts: Iterable[str]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(m.actor for m in self.find(text))
        return counts


def _flexible(name: str) -> str:
    # Any run of space/hyphen between words; each word may be inflected. The first word as written (proper
    # nouns are capitalised, and "UN" must not match the "un" of "Jong-un"), later words in any case
    # ("Kim Jong-Un").
    words = [w for w in re.split(_SEPARATOR, name) if w]
    if not words:
        return ""
    first, *rest = words
    parts = [re.escape(first) + _INFLECTION] + [f"(?i:{re.escape(w)}){_INFLECTION}" for w in rest]
    return _SEPARATOR.join(parts)
