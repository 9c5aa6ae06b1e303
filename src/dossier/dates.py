"""EDTF dates: which forms the dossier accepts, their bounds, and how they read in German.

A date is as precise as its source: "2023-09" stays a month, "196X" a decade. The bounds (first and last
possible day) sort the timeline; the label keeps the precision visible ("September 2023", "1960er Jahre",
"um 2000", "1950–1953").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .i18n import Words

# One point in time: year, month, day, season (21-24), decade (196X) or century (19XX), plus a qualifier.
# ASCII digits only ([0-9], not \d, which takes "２０２３" and "٢٠٢٣" too); used with fullmatch, since "$" would
# also match before a trailing newline.
_POINT = re.compile(
    r"(?P<year>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)"
    r"(?:-(?P<month>0[1-9]|1[0-2]|2[1-4])(?:-(?P<day>0[1-9]|[12][0-9]|3[01]))?)?"
    r"(?P<q>[?~%])?"
)

SUPPORTED_FORMS = (
    "2023-09-16 (day), 2023-09 (month), 2023 (year), 2024-23 (autumn 2024), 196X (decade), 19XX (century), "
    "1950/1953 (interval), ../2009 or 2022/.. (open interval); append ~ for 'about', ? for 'uncertain'"
)


class DateError(ValueError):
    pass


@dataclass(frozen=True)
class Point:
    year: str
    month: int | None
    day: int | None
    qualifier: str | None

    @property
    def precision(self) -> str:
        if self.year.endswith("XX"):
            return "century"
        if self.year.endswith("X"):
            return "decade"
        if self.day:
            return "day"
        if self.month and self.month > 12:
            return "season"
        if self.month:
            return "month"
        return "year"


@dataclass(frozen=True)
class EdtfDate:
    text: str
    start: dt.date  # first possible day
    end: dt.date  # last possible day
    points: tuple[Point | None, ...]  # one point, or two for an interval (None = open end)

    @property
    def is_interval(self) -> bool:
        return len(self.points) == 2

    @property
    def precision(self) -> str:
        return "interval" if self.is_interval else self.points[0].precision

    @property
    def qualifier(self) -> str | None:
        return next((p.qualifier for p in self.points if p and p.qualifier), None)

    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        return (self.start, self.end, self.text)

    def label(self, words: Words) -> str:
        if not self.is_interval:
            return _point_label(self.points[0], words)
        first, last = self.points
        if first is not None and last is not None and first.qualifier and first.qualifier == last.qualifier:
            # "2019?/2024?" reads "2019–2024 (unsicher)", not "2019 (unsicher)–2024 (unsicher)".
            bare = EdtfDate(self.text, self.start, self.end, tuple(dataclasses.replace(p, qualifier=None) for p in self.points))
            return _qualified(bare.label(words), first.qualifier, words)
        # ".." is an open end (still going on), an empty end is an unknown one: "1985/" is not "seit 1985".
        if first is None:
            template = words.date_until if self.text.startswith("..") else words.date_unknown_start
            return template.format(_point_label(last, words))
        if last is None:
            template = words.date_since if self.text.endswith("..") else words.date_unknown_end
            return template.format(_point_label(first, words))
        if first.precision == last.precision == "decade" and not (first.qualifier or last.qualifier):
            # "1980er–1990er Jahre", not "1980er Jahre–1990er Jahre": the honest span, read as one.
            return words.timeline_words["decade_range"].format(first=first.year[:3] + "0", last=last.year[:3] + "0")
        return f"{_point_label(first, words)}–{_point_label(last, words)}"

    def period(self, words: Words) -> tuple[int, str]:
        """The timeline group: a decade before 2000, a year after (where the sources' events crowd)."""
        year = self.start.year
        precision = self.points[0].precision if self.points[0] is not None else None
        if precision == "century":
            return year - year % 100, words.century.format(words.ordinal(year // 100 + 1))
        if year < 2000 or precision == "decade":
            decade = year - year % 10
            return decade, words.decade.format(decade)
        return year, str(year)


def _point_label(point: Point, words: Words) -> str:
    precision = point.precision
    if precision == "century":
        text = words.century.format(words.ordinal(int(point.year[:2]) + 1))
    elif precision == "decade":
        text = words.decade.format(int(point.year[:3] + "0"))
    elif precision == "season":
        text = f"{words.seasons[point.month - 21]} {point.year}"
    elif precision == "month":
        text = f"{words.months[point.month - 1]} {point.year}"
    elif precision == "day":
        text = words.day.format(day=point.day, month=words.months[point.month - 1], year=point.year)
    else:
        text = point.year
    return _qualified(text, point.qualifier, words)


def _qualified(text: str, qualifier: str | None, words: Words) -> str:
    if qualifier == "~":
        return words.approximate.format(text)
    if qualifier == "?":
        return words.uncertain.format(text)
    if qualifier == "%":
        return words.approximate.format(words.uncertain.format(text))
    return text


def _parse_point(text: str) -> Point:
    match = _POINT.fullmatch(text)
    if not match:
        raise DateError(text)
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if day and month and month > 12:
        raise DateError(text)
    if "X" in match["year"] and month:
        raise DateError(text)
    return Point(match["year"], month, day, match["q"])


_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # spring .. winter (Dec to Feb of the next year)


def _month_end(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _point_bounds(point: Point) -> tuple[dt.date, dt.date]:
    """First and last possible day of one point. Computed here, not by the edtf package: its parser takes
    about 10 ms a date, which made `dossier check` slow; tests/test_dates.py checks both agree."""
    digits = point.year.replace("X", "0")
    first_year = int(digits)
    last_year = first_year + {"century": 99, "decade": 9}.get(point.precision, 0)
    if point.day:
        day = dt.date(first_year, point.month, point.day)  # ValueError for 2023-02-30
        return day, day
    if point.month and point.month > 12:
        first, last = _SEASONS[point.month]
        return dt.date(first_year, first, 1), _month_end(first_year, last)
    if point.month:
        return dt.date(first_year, point.month, 1), _month_end(first_year, point.month)
    return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)


@lru_cache(maxsize=None)
def parse_date(text: str) -> EdtfDate:
    """Parse the accepted EDTF forms; raise DateError for anything else."""
    text = text.strip(" ")  # not every white space: "2023\n/2024" is no date
    parts = text.split("/")
    if len(parts) > 2 or not text:
        raise DateError(text)
    points = tuple(None if part in ("..", "") and len(parts) == 2 else _parse_point(part) for part in parts)
    if all(p is None for p in points):
        raise DateError(text)
    try:
        bounds = [_point_bounds(p) for p in points if p is not None]
    except ValueError as exc:
        raise DateError(text) from exc
    # An open interval end has no bound of its own: the defined end gives both.
    start, end = bounds[0][0], bounds[-1][1]
    if start > end:
        raise DateError(text)
    return EdtfDate(text, start, end, points)


def coerce_date_text(value: object) -> str | None:
    """YAML turns unquoted 2024-06-20 into a date (and plain PyYAML 2024 into an int; load/located_yaml keeps
    numbers as written): take them back as EDTF text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    if isinstance(value, str):
        return value
    return None
