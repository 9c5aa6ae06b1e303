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

from dossier.mentions import _INFLECTION, _SEPARATOR, Mention, MentionFinder, short_forms


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
          "Sicherheitsrat", "Nord", "Korea", "Nordkorea", "O'Brien", "U.S.", "A&M", "Süd", "Ära", "Schoigu", "ſo",
          "Kelvin", "\u212aim", "Ka", "K", "2024", "Über", "über"]
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


@pytest.mark.parametrize("seed", range(15))
def test_groups_of_names_that_share_a_first_word_find_the_same(seed):
    # Many names behind one first word ("Sergej ...", "Kim ..."): the group is split by its second words.
    rng = random.Random(seed)
    names = [(f"a{rng.randint(0, 30)}", rng.choice(["Kim", "UN", "Süd"]) + rng.choice([" ", "-"]) + random_name(rng))
             for _ in range(rng.randint(20, 60))]
    names += [("solo", "Kim"), ("solo", "UN")]
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


# Short forms after the full name (#12): counted in that source only, after the full name, for one actor.

ACTORS = [("sergej-lawrow", "person", ["Sergej Lawrow"]), ("un-sicherheitsrat", "international", ["UN-Sicherheitsrat"]),
          ("nsc", "government", ["Nationaler Sicherheitsrat der Vereinigten Staaten"]),
          ("kim-jong-un", "person", ["Kim Jong-un"]), ("kim-jong-il", "person", ["Kim Jong-il"]),
          ("george-w-bush", "person", ["George W. Bush"]), ("george-h-w-bush", "person", ["George H. W. Bush"]),
          ("wladimir-putin", "person", ["Wladimir Putin", "Putin"])]
SHORT = MentionFinder([(a, n) for a, _, names in ACTORS for n in names], short_forms(ACTORS))


def counted(*paragraphs: str) -> dict[str, int]:
    return dict(SHORT.count(paragraphs))


def test_short_forms_of_the_actors():
    assert sorted({f for _, f in short_forms(ACTORS)}) == ["Bush", "Kim", "Lawrow", "Putin", "Sicherheitsrat"]


@pytest.mark.parametrize("paragraphs, counts", [
    (["Sergej Lawrow reiste an.", "Lawrow sagte, Lawrows Pläne stünden."], {"sergej-lawrow": 3}),
    (["Lawrow sagte das. Später kam Sergej Lawrow."], {"sergej-lawrow": 1}),  # before the full name: not yet
    (["Lawrow sagte das."], {}),  # no full name in this source: a bare surname is no alias
    (["Der UN-Sicherheitsrat tagte.", "Im Sicherheitsrat legte Russland ein Veto ein."], {"un-sicherheitsrat": 2}),
    # The short form inside another actor's full name is that actor's mention, not a short form.
    (["Der UN-Sicherheitsrat tagte; der Nationaler Sicherheitsrat der Vereinigten Staaten nicht."],
     {"un-sicherheitsrat": 1, "nsc": 1}),
    (["Kim Jong-un kam.", "Kim reiste ab."], {"kim-jong-un": 2}),  # the family name first
    (["Kim Jong-un traf Kim Jong-il.", "Kim reiste ab."], {"kim-jong-un": 1, "kim-jong-il": 1}),  # which Kim?
    (["George W. Bush und George H. W. Bush.", "Bush sagte."], {"george-w-bush": 1, "george-h-w-bush": 1}),
])
def test_short_forms_count_after_the_full_name_in_the_same_source(paragraphs, counts):
    assert counted(*paragraphs) == counts


def test_a_short_form_two_named_actors_share_is_reported():
    found = SHORT.in_source(["Kim Jong-un traf Kim Jong-il.", "Kim reiste ab."])
    assert found.ambiguous == {"Kim": ("kim-jong-il", "kim-jong-un")}
    assert [m.actor for m in found.blocks[1]] == []
    found = SHORT.in_source(["Sergej Lawrow reiste an. Lawrow sagte"])
    assert [(m.start, m.end, m.actor) for m in found.blocks[0]] == [(0, 13, "sergej-lawrow"), (25, 31, "sergej-lawrow")]
    assert found.ambiguous == {}


def test_short_forms_in_the_five_sources(real_dossier):
    d = real_dossier
    names = [(a.id, n) for a in d.actors for n in a.names]
    full, short = MentionFinder(names), MentionFinder(names, short_forms((a.id, a.kind, a.names) for a in d.actors))
    texts = {s.id: [b.text for b in s.blocks] for s in d.sources}
    # "Sicherheitsrat" after "UN-Sicherheitsrat", "Kim" after "Kim Jong-un" where no other Kim is named.
    assert short.count(texts["neue-allianz-havertz"])["un-sicherheitsrat"] > full.count(texts["neue-allianz-havertz"])["un-sicherheitsrat"]
    assert short.count(texts["putin-besuch-pjoengjang"])["kim-jong-un"] > full.count(texts["putin-besuch-pjoengjang"])["kim-jong-un"]
    # Where Kim Jong-il is named too, "Kim" alone counts for neither, and is reported.
    assert short.in_source(texts["pakt-der-parias"]).ambiguous["Kim"] == ("kim-jong-il", "kim-jong-un")
    assert short.count(texts["pakt-der-parias"])["kim-jong-un"] == full.count(texts["pakt-der-parias"])["kim-jong-un"]
    # The build counts them so.
    assert d.mentions["un-sicherheitsrat"]["neue-allianz-havertz"] == short.count(texts["neue-allianz-havertz"])["un-sicherheitsrat"]
