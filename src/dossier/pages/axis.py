"""The timeline's overview axis, as geometry: where each event stands on a broken time axis, in percent of
the plot's width, and in which row. Pure: dates in, numbers out; timeline.md.j2 draws them as HTML and
CSS, so the overview needs no script and works from file:// (tests/test_axis.py pins the numbers).

The sources crowd into a few recent years and reach back a century. A linear axis would squeeze the crowded
years into a sliver, so the axis is piecewise linear: the past, the decades before the core, and the core,
each with a fixed share of the width and its own scale, with a visible break between them. Within a
segment, distance is proportional to time; a mark's length is its date's uncertainty (the first to the last
possible day), so a decade is a long bar and a day a dot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..dates import EdtfDate

CROWDED = 3  # a year with at least this many events starting in it belongs to the core
MIDDLE_YEARS = 30  # the middle segment reaches this far back from the core (to a decade)
SHARES = {3: (0.2, 0.3, 0.5), 2: (0.4, 0.6), 1: (1.0,)}  # of the width, by number of segments
BREAK = 1.5  # percent of the width left blank between two segments
MIN_PLOT = 640  # px: the plot is never narrower on screen (dossier-time.css); it scrolls on a phone
# Percent: a mark's link is at least 24 px wide (WCAG 2.2 target size), centred on its span, at the
# narrowest plot; the rows are 24 px high (dossier-time.css), so links in one row must not overlap.
MIN_TARGET = 24 / MIN_PLOT * 100
MIN_MARK = 1.0  # percent: a dot or a short bar is drawn at least this wide (see dossier-time.css)
TAIL = 2.5  # percent: an open end ("bis 2024") is drawn as a fading tail of this length
GAP = 0.4  # percent between two marks in one row
TICK_SPACING = 5.0  # percent: ticks at least this far apart
STEPS = (1, 2, 5, 10, 20, 25, 50, 100)  # years between ticks


@dataclass(frozen=True)
class Segment:
    start: dt.date  # its first day
    end: dt.date  # the first day after it
    x0: float  # percent of the width
    x1: float

    def x(self, day: dt.date) -> float:
        share = (day - self.start).days / (self.end - self.start).days
        return self.x0 + share * (self.x1 - self.x0)

    @property
    def years(self) -> tuple[int, int]:
        """First and last year, for the label ("1990–2021")."""
        return self.start.year, self.end.year - 1


@dataclass(frozen=True)
class Scale:
    segments: tuple[Segment, ...]

    @property
    def core_start(self) -> int:
        return self.segments[-1].start.year

    def x(self, day: dt.date, end: bool = False) -> float:
        """Percent of the width where a day begins; with `end`, where the day before it ends (a span's right
        edge: "1980-1989" ends at its segment's right end, not across the break). A day in no segment (never,
        for the dossier's own dates) clamps."""
        for segment in self.segments:
            if (segment.start < day <= segment.end) if end else (segment.start <= day < segment.end):
                return segment.x(day)
        return self.segments[0].x0 if day < self.segments[0].start else self.segments[-1].x1


@dataclass(frozen=True)
class Tick:
    x: float
    year: int
    month: int | None = None  # a quarter's tick inside a wide year (April, July, October): a minor tick


@dataclass(frozen=True)
class Mark:
    event: str
    x0: float  # the first possible day's start ...
    x1: float  # ... to the last possible day's end: the exact span, in percent
    lane: int  # row, from the top
    shape: str  # "point" (a day) or "bar"
    qualifier: str | None  # "approximate" (~), "uncertain" (?), "both" (%), or None
    open_start: bool  # "../2024": the start is not known
    open_end: bool  # "2023-09/..": the end is not known


@dataclass(frozen=True)
class Axis:
    scale: Scale
    ticks: tuple[tuple[Tick, ...], ...]  # per segment
    marks: tuple[Mark, ...]  # in the order of the events given
    lanes: int


def choose_scale(dates: Iterable[EdtfDate]) -> Scale:
    """The segments for these dates: the core is the last run of consecutive years in which at least
    CROWDED events start; the middle reaches MIDDLE_YEARS back from it, to a decade; the past is the rest."""
    dates = list(dates)
    first = min(d.start.year for d in dates)
    last = max(d.end.year for d in dates)
    starts: dict[int, int] = {}
    for d in dates:
        starts[d.start.year] = starts.get(d.start.year, 0) + 1
    crowded = [y for y in range(first, last + 1) if starts.get(y, 0) >= CROWDED]
    core = crowded[-1] if crowded else max(first, last - 2)
    while core - 1 in crowded:
        core -= 1
    middle = (core - MIDDLE_YEARS) // 10 * 10
    bounds = [y for y in (first, middle, core) if first <= y <= core]
    bounds = sorted(set(bounds)) + [last + 1]
    shares = SHARES[len(bounds) - 1]
    usable = 100.0 - BREAK * (len(shares) - 1)
    segments, x = [], 0.0
    for (start, end), share in zip(zip(bounds, bounds[1:]), shares):
        width = usable * share
        segments.append(Segment(dt.date(start, 1, 1), dt.date(end, 1, 1), round(x, 3), round(x + width, 3)))
        x += width + BREAK
    return Scale(tuple(segments))


def ticks(segment: Segment) -> tuple[Tick, ...]:
    """Years at a round step, at least TICK_SPACING apart, none crowding the segment's ends (the segment's
    label names its first and last year). Where a year is wide enough, its quarters too, unlabelled."""
    first, last = segment.years
    per_year = (segment.x1 - segment.x0) / (last - first + 1)
    step = next((s for s in STEPS if s * per_year >= TICK_SPACING), STEPS[-1])
    round_years = [y for y in range(first, last + 1) if y % step == 0]
    if first not in round_years and (not round_years or (round_years[0] - first) * per_year >= TICK_SPACING):
        round_years.insert(0, first)  # the start, where no round year is near it
    years = [y for y in round_years if (last + 1 - y) * per_year >= TICK_SPACING * 0.7]
    out = []
    for year in years:
        out.append(Tick(round(segment.x(dt.date(year, 1, 1)), 3), year))
        if per_year / 4 >= TICK_SPACING * 0.7:
            out.extend(Tick(round(segment.x(dt.date(year, m, 1)), 3), year, m) for m in (4, 7, 10))
    return tuple(out)


def _qualifier(date: EdtfDate) -> str | None:
    found = {p.qualifier for p in date.points if p and p.qualifier}
    if "%" in found or {"~", "?"} <= found:
        return "both"
    return {"~": "approximate", "?": "uncertain"}.get(next(iter(found), None))


def layout(events: Iterable[tuple[str, EdtfDate]]) -> Axis:
    """Every event as a mark: its exact span, and the first row (from the top) where its extent (what is
    drawn, with its tails, and its link, at least MIN_TARGET wide) does not touch another mark's."""
    events = list(events)
    scale = choose_scale(d for _, d in events)
    rows: list[float] = []  # per row: where its last mark's drawn extent ends
    marks = []
    for event, date in sorted(events, key=lambda e: (e[1].start, e[1].end)):
        x0, x1 = scale.x(date.start), scale.x(date.end + dt.timedelta(days=1), end=True)
        open_start = date.is_interval and date.points[0] is None
        open_end = date.is_interval and date.points[1] is None
        middle, half = (x0 + x1) / 2, max(x1 - x0, MIN_MARK) / 2
        link = max(x1 - x0, MIN_TARGET) / 2
        left = min(middle - half - (TAIL if open_start else 0), middle - link)
        right = max(middle + half + (TAIL if open_end else 0), middle + link)
        lane = next((i for i, end in enumerate(rows) if end + GAP <= left), len(rows))
        if lane == len(rows):
            rows.append(right)
        rows[lane] = right
        shape = "point" if date.precision == "day" else "bar"
        marks.append(Mark(event, round(x0, 3), round(x1, 3), lane, shape, _qualifier(date), open_start, open_end))
    order = {event: i for i, (event, _) in enumerate(events)}
    marks.sort(key=lambda m: order[m.event])
    return Axis(scale, tuple(ticks(s) for s in scale.segments), tuple(marks), len(rows))
