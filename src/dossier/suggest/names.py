"""Names in article text that look like persons or organisations and are no actor yet.

German capitalises every noun, so a capital letter alone says little. A candidate is a run of at least two
capitalised words ("Sergej Schoigu", "Internationale Atomenergieorganisation") once known actors' mentions
are cut out of the text, a genitive ends a run ("Wladiwostoks Kampfjets"), and leading words that are no
part of a name are dropped: function words, dates, roles ("Verteidigungsminister"), and a sentence's first
word when the texts also use it lowercased. What is left counts as

- an organisation if a word ends in an organisation noun ("-organisation", "Center", "Volksarmee");
- a person if every word looks like a name: never written lowercase in the dossier's texts, never seen
  after an article, a number or "mit sowjetischer" (that makes it a noun), no noun or adjective ending,
  not longer than names get.

Everything else is dropped: precision matters more than recall, since an editor reads every suggestion.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..mentions import MentionFinder
from .dates import MONTHS
from .text import sentence_starts

_TOKEN = re.compile(r"[A-ZÄÖÜ]\.(?=\s)|[^\W\d_][\w'’\-]*")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")

# Lowercase words allowed inside a name ("Center for Strategic and International Studies", "bin Salman").
_PARTICLES = frozenset("von van de da del di du la le bin al ibn".split())
_LINKS = frozenset("for of and the on für".split())  # only inside organisation names

_FUNCTION_WORDS = frozenset("""
der die das den dem des ein eine einer eines einem einen kein keine keinen keiner im am zum zur vom beim ins
in an auf aus bei mit nach seit von vor zu für gegen ohne um durch über unter zwischen als auch aber doch
denn dass wenn weil ob und oder sondern noch nur schon jetzt dann dort hier da so wie was wer wo es er sie
wir ihr ich man dies diese dieser dieses diesem diesen jene sein seine seinen seinem seiner ihre ihren ihrem
unser nicht mehr viele einige alle beide zudem zwar dabei damit danach daher deshalb trotz während bis ab
laut gemäß nun heute gestern bereits immer etwa rund fast allerdings jedenfalls ebenfalls besonders
sogar selbst gerade außerdem inzwischen zuletzt zunächst schließlich anfang mitte ende beginn jahr
jahre jahren jahres montag dienstag mittwoch donnerstag freitag samstag sonntag frühjahr frühling sommer
herbst winter herr frau dr prof
""".split()) | frozenset(MONTHS)
_ROLE = re.compile(
    r"(?:minister|präsident|chef|sekretär|sprecher|kanzler|führer|botschafter|diktator|machthaber|herrscher|"
    r"expert|analyst|direktor|leiter|general|admiral|vorsitzend|korrespondent|professor|autor|journalist|"
    r"politiker|diplomat|vertreter|berater|beauftragt|schwester|bruder|vater|mutter|sohn|tochter|"
    r"staatsoberhaupt)(?:in|innen|en|e|er|es|s|n)?$", re.IGNORECASE)
# Endings of German nouns and adjectives that names do not have.
_NOUN_ENDING = re.compile(
    r"(?:ung|heit|keit|schaft|tion|sion|tät|ismus|nis|tum|gipfel|krieg|vertrag|abkommen|programm|politik|"
    r"republik|konferenz|regierung|stadt|krise|pakt|reaktor|front|halbinsel|meer)(?:en|es|s|n)?$", re.IGNORECASE)
_ADJECTIVE_ENDING = re.compile(r"(?:isch|lich|ig)(?:e|en|er|es|em)$", re.IGNORECASE)
# Organisation nouns. Strong ones make a name on their own ("Stimson Center"); weak ones are common nouns
# too ("die Moskauer Armee"), so they count only at the end of a compound ("Volksarmee", "Sicherheitsrat").
_STRONG = ("organisation|organization|institut|institute|center|centre|zentrum|stiftung|foundation|endowment|"
           "agentur|agency|council|ministerium|ministry|kommission|commission|komitee|committee|nationen|nations|"
           "universität|university|akademie|academy|times|post|news|association|corporation|assembly")
_WEAK = "armee|army|rat|partei|party|union|bank|fonds|fund|gruppe|group|verband|bund|dienst|gesellschaft|zeitung"
_ORGANISATION = re.compile(rf"(?:{_STRONG})(?:en|es|s|n)?$|\w\w\w(?:{_WEAK})(?:en|es|s|n)?$", re.IGNORECASE)
_KINDS = ((re.compile(r"(?:partei|party)$", re.I), "party"),
          (re.compile(r"(?:times|post|news|zeitung|agentur|agency)$", re.I), "media"),
          (re.compile(r"(?:institut|institute|center|centre|stiftung|foundation|endowment)$", re.I), "think-tank"),
          (re.compile(r"(?:ministerium|ministry)$", re.I), "government"))
_DETERMINERS = frozenset("""
der die das den dem des ein eine einer eines einem einen kein keine keinen keiner keines keinem im am zum zur
vom beim ins sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren
dieser diese dieses diesem diesen jeder jede jedes jedem jeden welche welcher welches
""".split())
_PREPOSITIONS = frozenset("mit von zu bei nach aus für gegen ohne um durch über unter vor an auf in seit trotz wegen "
                          "während".split())
_ADJECTIVE = re.compile(r"(?!allem$|allen$)[a-zäöüß]+(?:e|en|er|es|em)$")  # not "vor allem Kim"
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s+$")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-ZÄÖÜ]{2,8})\)")
# Capitalised English words that mark a headline in title case ("Limo Gifted From Putin Is Now Carting Kim
# Around"), whose every word looks like a name.
_TITLE_CASE = frozenset("The Of And For From Is Are Its To In On At By With Now How What Why Who Will After "
                        "Over Around Into Against Than About".split())
_LONGEST_NAME_PART = 13  # longer capitalised words are German compounds ("Überschallkampfjets"), not names


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True)
class NameCandidate:
    name: str  # the shortest spelling: the build finds its inflected forms by itself
    kind: str  # a guess: "person", "organisation", "party", "media", "think-tank" or "government"
    spellings: tuple[str, ...]
    count: int
    paragraphs: tuple[int, ...]
    acronym: str | None  # "(IAEO)" right after the name: an alias


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _stem(word: str) -> str:
    """The word without a German case ending, to compare "Weltraumbahnhof" and "Weltraumbahnhofs"."""
    word = word.lower().rstrip("-")
    return re.sub(r"(?:es|en|er|em|ns|s|n|e)$", "", word) if len(word) > 4 else word


def _adjacent(text: str, left: Token, right: Token) -> bool:
    return text[left.end:right.start] in (" ", "\u00a0")


@dataclass(frozen=True)
class Vocabulary:
    """What the dossier's texts say about words: which are also written lowercase, which are nouns."""

    lowercase: frozenset[str]  # stems of words written lowercase: "konkreter" makes "Konkrete" common
    # Stems of capitalised words seen after article + adjective, preposition + adjective or a number: nouns.
    nouns: frozenset[str]
    # ... and right after an article: nouns, or organisations' names ("die New York Times").
    after_article: frozenset[str]
    capitalised: frozenset[str]

    @classmethod
    def of(cls, texts: Iterable[str]) -> "Vocabulary":
        lowercase: set[str] = set()
        nouns: set[str] = set()
        after_article: set[str] = set()
        capitalised: set[str] = set()
        for text in texts:
            words = tokens(text)
            starts = set(sentence_starts(text))
            for i, word in enumerate(words):
                if not word.capitalised:
                    lowercase.add(_stem(word.text))
                    continue
                capitalised.add(word.text)
                adjectives = _after_article(text, words, i, starts)
                if adjectives or _NUMBER_BEFORE.search(text, max(0, word.start - 40), word.start):
                    nouns.add(_stem(word.text))
                elif adjectives == 0:
                    after_article.add(_stem(word.text))
        return cls(frozenset(lowercase), frozenset(nouns), frozenset(after_article), frozenset(capitalised))

    def is_common(self, word: str) -> bool:
        stem = _stem(word)
        return stem in self.lowercase or stem in self.nouns or stem in self.after_article

    def is_genitive(self, word: str) -> bool:
        """"Wladiwostoks", when the texts also have "Wladiwostok": a genitive, which ends a name."""
        return word.endswith("s") and word[:-1] in self.capitalised


def _after_article(text: str, words: list[Token], i: int, sentence_starts: set[int]) -> int | None:
    """How many adjectives stand between words[i] and an article (or a preposition) before it; None if none
    does: "dem Weltraumbahnhof" 0, "mit sowjetischer Hilfe" 1. After a comma an "article" is more likely a
    relative pronoun ("..., die Kim Jong Un machte"), and so it is at a sentence's start when a lowercase
    word follows ("Das sagte Jenny Town")."""
    j, adjectives = i - 1, 0
    while j >= 0 and adjectives < 3 and _adjacent(text, words[j], words[j + 1]):
        word = words[j].text.lower()
        if word in _DETERMINERS or (adjectives and word in _PREPOSITIONS):
            if word in _DETERMINERS and (text[max(0, words[j].start - 3):words[j].start].rstrip().endswith(",")
                                         or (adjectives and words[j].start in sentence_starts)):
                return None
            return adjectives
        if words[j].capitalised or not _ADJECTIVE.match(words[j].text):
            return None
        adjectives += 1
        j -= 1
    return None


def _runs(text: str, words: list[Token], masked: list[tuple[int, int]], vocabulary: Vocabulary) -> list[list[Token]]:
    """Maximal runs of capitalised words (particles and links inside) not covered by a known mention."""

    def free(word: Token) -> bool:
        return not any(start < word.end and word.start < end for start, end in masked)

    runs: list[list[Token]] = []
    current: list[Token] = []
    for word in words:
        joins = (current and _adjacent(text, current[-1], word) and free(word)
                 and not vocabulary.is_genitive(current[-1].text))
        if joins and (word.capitalised or word.text in _PARTICLES or word.text in _LINKS):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if word.capitalised and free(word) else []
    if current:
        runs.append(current)
    return runs


def _not_name_part(word: Token, sentence_initial: bool, vocabulary: Vocabulary) -> bool:
    if word.text.lower().rstrip(".") in _FUNCTION_WORDS or _ROLE.search(word.text) or not word.capitalised:
        return True
    return sentence_initial and vocabulary.is_common(word.text)


def _looks_like_name(word: str, vocabulary: Vocabulary) -> bool:
    if _INITIAL.fullmatch(word):
        return True
    return not (vocabulary.is_common(word) or _NOUN_ENDING.search(word) or _ADJECTIVE_ENDING.search(word)
                or word.isupper()
                or word.lower() in _FUNCTION_WORDS or _ROLE.search(word)
                or any(len(part) > _LONGEST_NAME_PART for part in word.split("-")))


def _classify(run: list[Token], vocabulary: Vocabulary) -> str | None:
    names = [w.text for w in run if w.capitalised]
    if len(names) < 2 or not (run[0].capitalised and run[-1].capitalised):
        return None
    if any(_ORGANISATION.search(w) for w in names):
        return next((kind for pattern, kind in _KINDS if any(pattern.search(w) for w in names)), "organisation")
    if any(w.text in _LINKS for w in run) or len(names) > 4 or _INITIAL.fullmatch(names[-1]):
        return None
    return "person" if all(_looks_like_name(w, vocabulary) for w in names) else None


def _name_in(run: list[Token], vocabulary: Vocabulary) -> tuple[list[Token], str] | None:
    """The name a run holds, and its kind; None if it holds none."""

    def leading_noun(word: Token) -> bool:  # "Kriegsgegnern Sowjetunion", "Delegation Sergej Schoigu"
        return ((_stem(word.text) in vocabulary.nouns or bool(_NOUN_ENDING.search(word.text)))
                and not _ORGANISATION.search(word.text))

    while run and (leading_noun(run[0]) or not run[0].capitalised):
        run = run[1:]
    if kind := _classify(run, vocabulary):
        return run, kind
    person = run  # a person's name may follow any noun: "eine Rede von George W. Bush"
    while person and (vocabulary.is_common(person[0].text) or not person[0].capitalised):
        person = person[1:]
    if len(person) < len(run) and (kind := _classify(person, vocabulary)):
        return person, kind
    parts: list[list[Token]] = [[]]  # "X for Y": perhaps a name on one side
    for word in run:
        if word.text in _LINKS:
            parts.append([])
        else:
            parts[-1].append(word)
    for part in parts if len(parts) > 1 else []:
        if kind := _classify(part, vocabulary):
            return part, kind
    return None


def _headlines(words: list[Token], starts: list[int], end: int) -> list[tuple[int, int]]:
    """Sentences that are English headlines in title case: two or more _TITLE_CASE words inside."""
    bounds = list(zip(starts, starts[1:] + [end]))
    return [(first, last) for first, last in bounds
            if sum(w.text in _TITLE_CASE for w in words if first < w.start < last) >= 2]


def find_names(paragraphs: Sequence[tuple[int, str]], known: MentionFinder,
               vocabulary: Vocabulary) -> list[NameCandidate]:
    """Candidates for new actors in (paragraph number, text) pairs, most frequent first."""
    hits: dict[tuple[str, ...], list[tuple[str, int, str | None]]] = defaultdict(list)
    kinds: dict[tuple[str, ...], str] = {}
    for number, text in paragraphs:
        words = tokens(text)
        starts = sentence_starts(text)
        masked = [(m.start, m.end) for m in known.find(text)] + _headlines(words, starts, len(text))
        for run in _runs(text, words, masked, vocabulary):
            while run and _not_name_part(run[0], run[0].start in starts, vocabulary):
                run = run[1:]
            while run and _not_name_part(run[-1], False, vocabulary):
                run = run[:-1]
            found = _name_in(run, vocabulary) if len(run) >= 2 else None
            if found is None:
                continue
            name, kind = found
            end = name[-1].end - (2 if name[-1].text.endswith(("'s", "’s")) else 0)  # "Vladimir Putin’s"
            acronym = _ACRONYM_AFTER.match(text, name[-1].end)
            # One candidate for "Kim Jong-un", "Kim Jong Un" and "Kim Jong-uns": the build finds them all by one.
            key = tuple(_stem(part) for w in text[name[0].start:end].split() for part in w.split("-"))
            hits[key].append((text[name[0].start:end], number, acronym["acronym"] if acronym else None))
            kinds.setdefault(key, kind)
    candidates = []
    for key, found_hits in hits.items():  # insertion order: among equally frequent names, the first one first
        spellings = sorted({s for s, _, _ in found_hits}, key=lambda s: (len(s), s))
        acronyms = [a for _, _, a in found_hits if a]
        candidates.append(NameCandidate(spellings[0], kinds[key], tuple(spellings), len(found_hits),
                                        tuple(sorted({n for _, n, _ in found_hits})), acronyms[0] if acronyms else None))
    return sorted(candidates, key=lambda c: -c.count)
