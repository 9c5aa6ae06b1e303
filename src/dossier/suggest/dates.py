"""German date expressions in article text, each with an EDTF proposal in a form the dossier accepts.

"am 3. März 2022" -> 2022-03-03, "Anfang Mai 2023" -> 2023-05 (EDTF has no "early"/"mid"/"late"),
"im Frühjahr 2024" -> 2024-21, "in den 1990er Jahren" -> 199X, "um das Jahr 2000" -> 2000~,
"von 2007 bis 2009" -> 2007/2009. Expressions without a year ("Mitte September", "im Juli vorigen Jahres",
"vor zwei Jahren") are resolved against the article's date and marked as relative; where the article's date
cannot settle the year, the proposal carries EDTF's "?" (uncertain) and a note says why.

Each rule is one regular expression plus a function that turns its match into a proposal. All rules run
over the text; where matches overlap, the one that starts first wins, then the longest, so
"Mitte September 2023" is one expression, not "Mitte September" plus "2023".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from ..dates import EdtfDate

MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
          "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12}
# EDTF seasons 21-24; for comparing with the article's month, each season counts from its first month.
SEASONS = {"früh": 21, "som": 22, "her": 23, "win": 24}
_SEASON_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}
_DECADE_WORDS = {"zwanzig": 2, "dreißig": 3, "dreissig": 3, "vierzig": 4, "fünfzig": 5, "sechzig": 6,
                 "siebzig": 7, "achtzig": 8, "neunzig": 9}
_NUMBER_WORDS: dict[str, int | None] = {"einem": 1, "einigen": None, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
                 "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15,
                 "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
                 "achtzig": 80, "neunzig": 90, "hundert": 100}
_WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
             "sonnabend": 5, "sonntag": 6}
# A year followed by one of these words counts things ("2000 Soldaten"), it is no date.
_COUNTED = re.compile(
    r"\s*(?:%|Prozent|Euro|Dollar|US-Dollar|Rubel|Won|Yuan|Tonnen|Kilometer|Meter|Soldaten|Menschen|Mann|"
    r"Personen|Einwohner|Arbeiter|Tote|Opfer|Container|Granaten|Geschosse|Raketen|Panzer|Stück|Mal)\b")
_COUNT_BEFORE = re.compile(r"(?:rund|über|etwa|fast|knapp|mehr als|weniger als|bis zu|insgesamt|je|ca\.)\s+$",
                           re.IGNORECASE)

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON = r"Frühjahr(?:s|es)?|Frühling(?:s)?|Sommer(?:s)?|Herbst(?:es|s)?|Winter(?:s)?"
_PART = r"Anfang|Mitte|Ende|Beginn"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_B = r"(?<![\w\d.,/-])"  # a phrase starts at a word boundary, not inside a number, URL or DOI
_E = r"(?![\w%]|[.,/-]\d)"  # and ends at one


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    phrase: str
    edtf: str | None  # None only where the article has no date to resolve a relative expression against
    relative: bool  # resolved against the article's date
    note: str | None = None


@dataclass(frozen=True)
class _Proposal:
    edtf: str | None
    relative: bool = False
    note: str | None = None


def _month_of(word: str) -> int:
    """The EDTF month (1-12) or season (21-24) a month or season word stands for."""
    word = word.lower()
    if word in MONTHS:
        return MONTHS[word]
    return next(value for prefix, value in SEASONS.items() if word.startswith(prefix))


def _point(year: int, month: int | None = None, day: int | None = None) -> str:
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


# The article's date, as far as it reaches: year, month, day (None where it is vaguer).
@dataclass(frozen=True)
class _Ref:
    year: int | None
    month: int | None
    day: dt.date | None
    text: str | None

    @classmethod
    def of(cls, article: EdtfDate | None) -> "_Ref":
        if article is None or article.start.year != article.end.year:
            return cls(None, None, None, article.text if article else None)
        precision = article.precision
        month = article.start.month if precision in ("month", "day") else None
        day = article.start if precision == "day" else None
        return cls(article.start.year, month, day, article.text)


def _in_article_year(ref: _Ref, month: int, day: int | None = None, offset: int | str | None = None) -> _Proposal:
    """A month, season or day without a year. `offset`: -1/0/+1 years when the text says so ("vorigen
    Jahres"); "last"/"next" for "vergangenen Mai"/"kommenden Mai"; None when the text says nothing."""
    if ref.year is None:
        return _Proposal(None, True, "no year given, and the source has no date")
    basis = f"relative to the article's date {ref.text}"
    if isinstance(offset, int):
        return _Proposal(_point(ref.year + offset, month, day), True, basis)
    first_month = _SEASON_MONTH.get(month, month)
    if ref.month is None:  # the article gives only its year: the year is a guess
        year = ref.year - 1 if offset == "last" else ref.year + 1 if offset == "next" else ref.year
        return _Proposal(_point(year, month, day) + "?", True, f"{basis}; the year is inferred")
    later = (first_month, day or 1) > (ref.month, ref.day.day if ref.day else 31)  # than the article's date
    if offset == "last":
        return _Proposal(_point(ref.year - 1 if later or first_month == ref.month else ref.year, month, day),
                         True, basis)
    if offset == "next":
        return _Proposal(_point(ref.year if later else ref.year + 1, month, day), True, basis)
    if later:  # after the article's date: most likely last year's, but it may be announced for later
        return _Proposal(_point(ref.year - 1, month, day) + "?", True,
                         f"{basis}; after that date, so the year before is assumed")
    return _Proposal(_point(ref.year, month, day), True, basis)


def _decade(ref: _Ref, tens: int) -> _Proposal:
    """'die 90er Jahre', 'die achtziger Jahre': the latest such decade that began by the article's year."""
    if ref.year is None:
        return _Proposal(f"19{tens}X", True, "century assumed: the source has no date")
    start = ref.year // 100 * 100 + tens * 10
    if start > ref.year:
        start -= 100
    return _Proposal(f"{start // 10}X", True, f"century from the article's date {ref.text}")


def _year_offset(ref: _Ref, offset: int, approximate: bool = False) -> _Proposal:
    if ref.year is None:
        return _Proposal(None, True, "relative, and the source has no date")
    return _Proposal(f"{ref.year + offset:04d}" + ("~" if approximate else ""), True,
                     f"relative to the article's date {ref.text}")


def _day_month(m: re.Match, ref: _Ref) -> _Proposal | None:
    day, month = int(m["day"]), MONTHS[m["month"].lower()]
    year = m["year"]
    try:
        dt.date(int(year) if year else 2000, month, day)  # 2000: a leap year, so 29. Februar passes
    except ValueError:
        return None
    if year:
        return _Proposal(_point(int(year), month, day))
    return _in_article_year(ref, month, day, offset=_offset(m["rel"]) if m["rel"] else None)


def _day_range(m: re.Match, ref: _Ref) -> _Proposal | None:
    month = MONTHS[m["month"].lower()]
    first, last = int(m["d1"]), int(m["d2"])
    if not 1 <= first < last <= 31:
        return None
    if m["year"]:
        return _Proposal(f"{_point(int(m['year']), month, first)}/{_point(int(m['year']), month, last)}")
    start = _in_article_year(ref, month, first)
    if start.edtf is None:
        return start
    year = int(start.edtf[:4])
    return _Proposal(f"{_point(year, month, first)}/{_point(year, month, last)}", True, start.note)


def _numeric_day(m: re.Match, ref: _Ref) -> _Proposal | None:
    try:
        date = dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return _Proposal(date.isoformat())


def _year_range(m: re.Match, ref: _Ref) -> _Proposal | None:
    first, last = m["y1"], m["y2"]
    if len(last) == 2:  # "1950-53"
        last = first[:2] + last
    if int(last) <= int(first):
        return None
    return _Proposal(f"{first}/{last}")


def _decade_phrase(m: re.Match, ref: _Ref) -> _Proposal | None:
    if m["dec4"]:
        return _Proposal(m["dec4"][:3] + "X")
    tens = int(m["dec2"][0]) if m["dec2"] else _DECADE_WORDS[m["decw"].lower()]
    return _decade(ref, tens)


def _month_year(m: re.Match, ref: _Ref) -> _Proposal:
    # "Winter 2023/24" is EDTF's winter of 2023: the season is named after the year it begins in.
    return _Proposal(_point(int(m["year"]), _month_of(m["ms"])))


def _offset(word: str) -> int:
    """-1, 0 or +1 years for "vorigen/vergangenen/letzten", "dieses/laufenden", "kommenden/nächsten"."""
    word = word.lower()
    return 0 if word.startswith(("dies", "laufend")) else 1 if word.startswith(("komm", "nächst")) else -1


def _month_relative_year(m: re.Match, ref: _Ref) -> _Proposal:
    return _in_article_year(ref, _month_of(m["ms"]), offset=_offset(m["rel"]))


def _relative_month(m: re.Match, ref: _Ref) -> _Proposal:
    word = m["rel"].lower()
    offset = "next" if word.startswith(("komm", "nächst")) else 0 if word.startswith("dies") else "last"
    return _in_article_year(ref, _month_of(m["ms"]), offset=offset)


def _month_alone(m: re.Match, ref: _Ref) -> _Proposal:
    return _in_article_year(ref, _month_of(m["ms"]))


def _approximate_year(m: re.Match, ref: _Ref) -> _Proposal | None:
    if _COUNTED.match(m.string, m.end()):
        return None
    return _Proposal(m["year"] + "~")


def _year(m: re.Match, ref: _Ref) -> _Proposal:
    return _Proposal(m["year"])


def _bare_year(m: re.Match, ref: _Ref) -> _Proposal | None:
    text = m.string
    if _COUNTED.match(text, m.end()) or _COUNT_BEFORE.search(text, 0, m.start()):
        return None
    return _Proposal(m["year"])


def _relative_year(m: re.Match, ref: _Ref) -> _Proposal:
    return _year_offset(ref, _offset(m["rel"] or m["rel2"] or "vorigen"))  # "Vorjahr": the year before


def _years_ago(m: re.Match, ref: _Ref) -> _Proposal | None:
    n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS.get(m["n"].lower())
    if not n:
        return None
    return _year_offset(ref, -n, approximate=bool(m["about"]))


def _weekday(m: re.Match, ref: _Ref) -> _Proposal:
    word = (m["wd"] or m["wd2"]).lower()
    if ref.day is None:
        if ref.year is None:
            return _Proposal(None, True, "relative, and the source has no date")
        vague = ref.text or ""
        return _Proposal(vague.rstrip("?~%") + "?", True, f"the article's date {vague} is too vague for the day")
    if word.startswith("vorgestern"):
        back = 2
    elif word.startswith("gestern"):
        back = 1
    else:  # the last such weekday up to the article's day
        back = (ref.day.weekday() - _WEEKDAYS[word]) % 7
    return _Proposal((ref.day - dt.timedelta(days=back)).isoformat(), True, f"relative to the article's date {ref.text}")


def _rule(pattern: str, handler: Callable[[re.Match, _Ref], _Proposal | None]):
    return re.compile(f"{_B}(?:{pattern}){_E}", re.IGNORECASE), handler


# "vorigen Jahres", "des vergangenen Jahres", "dieses Jahres": the year relative to the article's
_REL_YEAR = r"(?:des\s+)?(?P<rel>(?:vorig|vergangen|letzt|laufend|kommend|nächst)en|dies(?:es|en))\s+Jahres"
_LEAD = rf"(?:(?:{_PART})\s+|(?:am|vom|zum|im|seit|ab|bis)\s+)?"
_RULES = (
    _rule(rf"(?:vom\s+|zwischen\s+dem\s+)?(?P<d1>[0-3]?\d)\.\s*(?:bis(?:\s+zum)?|und|–|-)\s*(?P<d2>[0-3]?\d)\.\s*"
          rf"(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?", _day_range),
    _rule(rf"(?:(?:am|vom|zum|seit\s+dem|bis\s+zum)\s+)?(?P<day>[0-3]?\d)\.\s*(?P<month>{_MONTH})"
          rf"(?:\s+(?P<year>{_YEAR})|\s+{_REL_YEAR})?", _day_month),
    _rule(rf"(?:am\s+)?(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{_YEAR})", _numeric_day),
    _rule(rf"(?:von\s+)?(?P<y1>{_YEAR})\s*(?:bis|–|-|—)\s*(?P<y2>{_YEAR}|\d\d)", _year_range),
    _rule(rf"zwischen\s+(?P<y1>{_YEAR})\s+und\s+(?P<y2>{_YEAR})", _year_range),
    _rule(rf"(?:(?:{_PART})\s+)?(?:(?:in|seit|bis\s+in)\s+)?(?:(?:den|der|die)\s+)?"
          rf"(?:(?P<dec4>1[89]\d0|20\d0)|(?P<dec2>[2-9]0)|(?P<decw>{'|'.join(_DECADE_WORDS)}))er"
          r"(?:\s+|-)Jahre(?:n)?", _decade_phrase),
    _rule(rf"(?:um\s+das\s+Jahr|um|circa|ca\.|gegen)\s+(?P<year>{_YEAR})", _approximate_year),
    _rule(rf"{_LEAD}(?:(?:des|dem)\s+)?(?P<ms>{_MONTH}|{_SEASON})\s+(?P<year>{_YEAR})(?:/\d\d(?:\d\d)?)?",
          _month_year),
    _rule(rf"{_LEAD}(?:(?:des|dem)\s+)?(?P<ms>{_MONTH}|{_SEASON})\s+{_REL_YEAR}", _month_relative_year),
    _rule(rf"(?:(?:{_PART})\s+|(?:im|in|seit|ab|bis)\s+)?(?:des\s+|dem\s+)?"
          rf"(?P<rel>vergangenen|letzten|vorigen|diesen|diesem|kommenden|nächsten)\s+(?P<ms>{_MONTH}|{_SEASON})",
          _relative_month),
    _rule(rf"(?:(?:{_PART})\s+|(?:im|seit|ab|bis\s+zum|bis\s+in\s+den|bis)\s+)(?P<ms>{_MONTH}|{_SEASON})",
          _month_alone),
    _rule(rf"(?:(?:im|in\s+den)\s+Jahre?n?\s+|(?:{_PART})\s+(?:des\s+Jahres\s+)?|Jahr(?:es)?\s+)(?P<year>{_YEAR})",
          _year),
    _rule(rf"(?:(?:{_PART})\s+)?(?:im\s+|des\s+)?(?P<rel>(?:vergangen|vorig|letzt|laufend|kommend|nächst)e[nms]?)"
          rf"\s+Jahr(?:es)?|(?:(?:{_PART})\s+)?(?:in\s+)?(?P<rel2>diese[mns]?)\s+Jahr(?:es)?|(?:im\s+)?Vorjahr",
          _relative_year),
    _rule(r"vor\s+(?P<about>(?:mehr|weniger)\s+als\s+|über\s+|fast\s+|knapp\s+|rund\s+|etwa\s+)?"
          r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+Jahr(?:en)?", _years_ago),
    _rule(r"(?:am\s+|(?:vergangenen|letzten|diesen)\s+)(?P<wd>" + "|".join(_WEEKDAYS) + r")"
          r"(?:abend|morgen|nachmittag|vormittag|nacht)?|(?P<wd2>vorgestern|gestern)", _weekday),
    _rule(rf"(?P<year>{_YEAR})", _bare_year),
)


def find_dates(text: str, article: EdtfDate | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, with its EDTF proposal."""
    ref = _Ref.of(article)
    found: list[tuple[int, int, int, re.Match, Callable]] = []
    for priority, (regex, handler) in enumerate(_RULES):
        for match in regex.finditer(text):
            found.append((match.start(), -(match.end() - match.start()), priority, match, handler))
    mentions: list[DateMention] = []
    taken_until = -1
    for start, _, _, match, handler in sorted(found, key=lambda f: f[:3]):
        if start < taken_until:
            continue
        proposal = handler(match, ref)
        if proposal is None:
            continue
        taken_until = match.end()
        mentions.append(DateMention(start, match.end(), match.group(), proposal.edtf, proposal.relative,
                                    proposal.note))
    return mentions
