"""The overview axis as geometry (pages/axis.py): golden numbers for the scale, the ticks and the marks."""

from __future__ import annotations

import datetime as dt

from dossier.dates import parse_date
from dossier.pages.axis import MIN_TARGET, Segment, Tick, choose_scale, layout, ticks


def dates(*texts):
    return [parse_date(t) for t in texts]


CROWDED = dates("1950", "1961", "2000", "2022-02", "2022", "2022-05", "2023-07", "2023-09", "2023-09-16",
                "2024-06", "2024", "2024-02", "2024-03?")


def test_the_core_is_the_last_run_of_crowded_years_and_gets_half_the_width():
    scale = choose_scale(CROWDED)
    assert scale.segments == (
        Segment(dt.date(1950, 1, 1), dt.date(1990, 1, 1), 0.0, 19.4),
        Segment(dt.date(1990, 1, 1), dt.date(2022, 1, 1), 20.9, 50.0),
        Segment(dt.date(2022, 1, 1), dt.date(2025, 1, 1), 51.5, 100.0),
    )
    assert scale.core_start == 2022
    # Proportional within a segment: the middle of the core's first year lies a sixth into the core.
    assert abs(scale.x(dt.date(2022, 7, 2)) - (51.5 + 48.5 / 6)) < 0.05


def test_without_a_crowded_year_the_last_three_years_are_the_core_and_a_short_span_has_fewer_segments():
    scale = choose_scale(dates("2001", "2010", "2020"))
    assert [s.years for s in scale.segments] == [(2001, 2017), (2018, 2020)]  # 2001 is after 1980: no past
    assert [(s.x0, s.x1) for s in scale.segments] == [(0.0, 39.4), (40.9, 100.0)]
    single = choose_scale(dates("2023-01", "2023-02", "2023-03"))
    assert [(s.years, s.x0, s.x1) for s in single.segments] == [((2023, 2023), 0.0, 100.0)]


def test_ticks_fall_on_round_years_and_quarters_where_a_year_is_wide():
    past, middle, core = choose_scale(CROWDED).segments
    assert [t.year for t in ticks(past)] == [1960, 1980]  # every 20 years; 1950 would crowd 1960
    assert [t.year for t in ticks(middle)] == [1990, 2000, 2010]
    assert ticks(core)[:4] == (Tick(51.5, 2022), Tick(55.483, 2022, 4), Tick(59.51, 2022, 7), Tick(63.581, 2022, 10))


def test_marks_keep_the_span_shape_qualifier_and_open_ends_of_their_dates():
    axis = layout([("decade", parse_date("196X")), ("day", parse_date("2023-09-16")),
                   ("about", parse_date("2000~")), ("unsure", parse_date("2024-03?")),
                   ("both", parse_date("2024-03%")), ("until", parse_date("../2024")),
                   ("since", parse_date("2023-09/..")), ("month", parse_date("2024-06"))])
    marks = {m.event: m for m in axis.marks}
    assert [m.event for m in axis.marks] == ["decade", "day", "about", "unsure", "both", "until", "since", "month"]
    assert marks["day"].shape == "point" and marks["month"].shape == "bar" == marks["decade"].shape
    assert (marks["about"].qualifier, marks["unsure"].qualifier, marks["both"].qualifier) == \
        ("approximate", "uncertain", "both")
    assert marks["until"].open_start and not marks["until"].open_end
    assert marks["since"].open_end and not marks["since"].open_start
    # Exact spans: the decade is ten years long, a month one twelfth of a core year.
    scale = axis.scale
    assert marks["decade"].x0 == round(scale.x(dt.date(1960, 1, 1)), 3)
    assert marks["decade"].x1 == round(scale.x(dt.date(1970, 1, 1)), 3)
    # A span that ends with its segment ends at the segment's edge, not across the break.
    eighties = layout([("a", parse_date("198X")), ("b", parse_date("2023"))] * 1 +
                      [(f"c{i}", parse_date("2023-05")) for i in range(3)]).marks[0]
    assert eighties.x1 == 19.4
    assert marks["month"].x0 == round(scale.x(dt.date(2024, 6, 1)), 3)
    assert marks["month"].x1 == round(scale.x(dt.date(2024, 7, 1)), 3)


def test_marks_that_would_touch_go_to_separate_rows_and_the_others_share_one():
    axis = layout([("a", parse_date("2024-06")), ("b", parse_date("2024-06")), ("c", parse_date("2024-01")),
                   ("d", parse_date("2022/2024"))])
    lanes = {m.event: m.lane for m in axis.marks}
    assert lanes["d"] == 0  # the earliest start takes the first row
    assert lanes["c"] == lanes["a"] == 1  # January and June do not touch
    assert lanes["b"] == 2  # the second June event
    assert axis.lanes == 3


def test_every_event_of_the_real_dossier_has_one_mark_in_date_order(real_dossier):
    axis = layout((e.id, e.date) for e in real_dossier.events)
    assert [m.event for m in axis.marks] == [e.id for e in real_dossier.events]
    for mark, event in zip(axis.marks, real_dossier.events):
        assert 0 <= mark.x0 <= mark.x1 <= 100, event.id
        assert (mark.shape == "point") == (event.date.precision == "day")
    starts = [m.x0 for m in axis.marks]
    assert starts == sorted(starts)
    assert axis.scale.core_start == 2022


def test_the_links_of_one_row_keep_apart_at_the_narrowest_plot(real_dossier):
    """Each mark's link is at least MIN_TARGET wide (24 px on a 640 px plot), centred on its span; two in one
    row never overlap, so every link is a whole 24 x 24 px tap target (the rows are 24 px high)."""
    axis = layout((e.id, e.date) for e in real_dossier.events)
    rows: dict[int, list[tuple[float, float]]] = {}
    for mark in axis.marks:
        middle, half = (mark.x0 + mark.x1) / 2, max(mark.x1 - mark.x0, MIN_TARGET) / 2
        rows.setdefault(mark.lane, []).append((middle - half, middle + half))
    assert MIN_TARGET * 640 / 100 == 24
    for links in rows.values():
        links.sort()
        assert all(a[1] <= b[0] + 1e-9 for a, b in zip(links, links[1:]))
