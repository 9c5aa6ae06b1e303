"""The German date-expression finder of `dossier suggest`: phrasings and the EDTF each one proposes."""

import pytest

from dossier.dates import parse_date
from dossier.suggest.dates import find_dates


def only(text: str, article: str | None = "2024-06-21"):
    found = find_dates(text, parse_date(article) if article else None)
    assert len(found) == 1, [m.phrase for m in found]
    return found[0]


# (sentence, the phrase found, EDTF, resolved against the article's date?) for an article of 21 June 2024
@pytest.mark.parametrize("text, phrase, edtf, relative", [
    # days
    ("Am 3. März 2022 begann es.", "Am 3. März 2022", "2022-03-03", False),
    ("Er kam am 19.06.2024 an.", "am 19.06.2024", "2024-06-19", False),
    ("Vom 18. bis 19. Juni 2024 war er dort.", "Vom 18. bis 19. Juni 2024", "2024-06-18/2024-06-19", False),
    ("Das war am 16. Juni.", "am 16. Juni", "2024-06-16", True),
    ("am 30. Dezember letzten Jahres", "am 30. Dezember letzten Jahres", "2023-12-30", True),
    ("am 2. Februar dieses Jahres", "am 2. Februar dieses Jahres", "2024-02-02", True),
    ("Er kam am 29. Februar 2024.", "am 29. Februar 2024", "2024-02-29", False),
    # months: EDTF has no "early", "mid" or "late", so those keep the month
    ("Anfang Mai 2023 reiste er.", "Anfang Mai 2023", "2023-05", False),
    ("Mitte September 2023 traf er Putin.", "Mitte September 2023", "2023-09", False),
    ("Ende Oktober 2006 kam der Test.", "Ende Oktober 2006", "2006-10", False),
    ("Das geschah im Oktober 2006.", "im Oktober 2006", "2006-10", False),
    ("Im Mai legte Russland ein Veto ein.", "Im Mai", "2024-05", True),
    ("Seit März wächst der Handel.", "Seit März", "2024-03", True),
    ("im Juli vorigen Jahres", "im Juli vorigen Jahres", "2023-07", True),
    ("Mitte Juli des vergangenen Jahres", "Mitte Juli des vergangenen Jahres", "2023-07", True),
    ("im vergangenen Mai", "im vergangenen Mai", "2024-05", True),
    ("Im kommenden Mai", "Im kommenden Mai", "2025-05", True),
    # a month later in the year than the article: most likely last year's, so marked uncertain
    ("Mitte September reiste Kim.", "Mitte September", "2023-09?", True),
    # seasons are EDTF 21-24
    ("im Frühjahr 2024", "im Frühjahr 2024", "2024-21", False),
    ("Im Sommer 2023 kam er.", "Im Sommer 2023", "2023-22", False),
    ("Herbst 2024", "Herbst 2024", "2024-23", False),
    ("im Winter 2023/24", "im Winter 2023/24", "2023-24", False),
    ("Ende des Sommers 2023", "Ende des Sommers 2023", "2023-22", False),
    ("Im vergangenen Herbst", "Im vergangenen Herbst", "2023-23", True),
    ("im Frühjahr", "im Frühjahr", "2024-21", True),
    # years
    ("1961 unterzeichneten sie einen Vertrag.", "1961", "1961", False),
    ("Putin kam im Jahr 2000 nach Pjöngjang.", "im Jahr 2000", "2000", False),
    ("im Jahre 2006", "im Jahre 2006", "2006", False),
    ("Ende 2023 kam die Wende.", "Ende 2023", "2023", False),
    ("Anfang des Jahres 2022", "Anfang des Jahres 2022", "2022", False),
    ("um das Jahr 2000", "um das Jahr 2000", "2000~", False),
    ("Erst um 2000 begann es.", "um 2000", "2000~", False),
    ("im vergangenen Jahr", "im vergangenen Jahr", "2023", True),
    ("In diesem Jahr", "In diesem Jahr", "2024", True),
    ("im Vorjahr", "im Vorjahr", "2023", True),
    ("vor zwei Jahren", "vor zwei Jahren", "2022", True),
    ("vor mehr als 70 Jahren", "vor mehr als 70 Jahren", "1954~", True),
    # intervals
    ("Der Koreakrieg (1950-1953) wäre ...", "1950-1953", "1950/1953", False),
    ("Der Koreakrieg 1950–53", "1950–53", "1950/1953", False),
    ("von 2007 bis 2009", "von 2007 bis 2009", "2007/2009", False),
    ("zwischen 1950 und 1953", "zwischen 1950 und 1953", "1950/1953", False),
    # decades
    ("in den 1990er Jahren", "in den 1990er Jahren", "199X", False),
    ("Ende der 1990er Jahre", "Ende der 1990er Jahre", "199X", False),
    ("die 1960er-Jahre", "die 1960er-Jahre", "196X", False),
    ("Anfang der achtziger Jahre", "Anfang der achtziger Jahre", "198X", True),
    ("in den 90er Jahren", "in den 90er Jahren", "199X", True),
    ("die zwanziger Jahre", "die zwanziger Jahre", "202X", True),
    # days of the week, against an article dated to the day (21 June 2024 was a Friday)
    ("sagte Putin am Mittwoch", "am Mittwoch", "2024-06-19", True),
    ("Gestern kam Kim.", "Gestern", "2024-06-20", True),
])
def test_phrase_and_edtf(text, phrase, edtf, relative):
    found = only(text)
    assert (found.phrase, found.edtf, found.relative) == (phrase, edtf, relative)
    parse_date(found.edtf)  # every proposal is a date the dossier accepts


@pytest.mark.parametrize("text, article, edtf", [
    ("Mitte September reiste Kim.", "2023-09", "2023-09"),  # the doc's own example
    ("im Juli vorigen Jahres", "2024-02", "2023-07"),  # the doc's own example
    ("im Juli", "2024-02", "2023-07?"),  # after the article's month: last year's, probably
    ("im Juli", "2024", "2024-07?"),  # the article gives its year only: the year is a guess
    ("am Mittwoch", "2024-06", "2024-06?"),  # too vague for the day: the article's month, uncertain
    ("Mitte September", None, None),  # no article date: nothing to resolve against
    ("in den 90er Jahren", None, "199X"),
])
def test_relative_expressions_depend_on_the_article_date(text, article, edtf):
    found = only(text, article)
    assert found.relative and found.edtf == edtf and found.note


@pytest.mark.parametrize("text", [
    "Rund 2000 Soldaten wurden entsandt.",
    "Es kamen 2000 Menschen.",
    "Der Handel belief sich auf 45 Millionen US-Dollar.",
    "Die DOI lautet 10.48269/2451-0610-ksm-2024-008.",
    "Siehe https://example.org/2024/06/bericht.",
    "Der Mai-Bericht und der August-Plan.",  # a month word without a cue is no date
    "Nach 1.000 Kilometern, 10.2000 und 2000%.",
    "in den letzten Jahrzehnten",
    "August Bebel sprach.",
    "Bis heute gilt das.",
])
def test_what_is_not_a_date(text):
    assert find_dates(text, parse_date("2024-06-21")) == []


def test_overlapping_phrases_give_one_expression_each():
    text = ("Mitte September 2023 traf er Putin, am 30. Dezember letzten Jahres und am 2. Februar dieses "
            "Jahres feuerte Russland Raketen ab, 2001 und 2002 war er in Moskau.")
    found = [(m.phrase, m.edtf) for m in find_dates(text, parse_date("2024"))]
    assert found == [("Mitte September 2023", "2023-09"), ("am 30. Dezember letzten Jahres", "2023-12-30"),
                     ("am 2. Februar dieses Jahres", "2024-02-02"), ("2001", "2001"), ("2002", "2002")]


def test_positions_point_at_the_phrase():
    text = "Schon im Frühjahr 2024 hatten Berichte die Runde gemacht."
    found = only(text)
    assert text[found.start:found.end] == "im Frühjahr 2024"
