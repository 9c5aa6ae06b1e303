import datetime as dt

import pytest

from dossier.dates import DateError, coerce_date_text, parse_date
from dossier.i18n import GERMAN


@pytest.mark.parametrize("text, start, end, label", [
    ("2023-09-16", "2023-09-16", "2023-09-16", "16. September 2023"),
    ("2023-09", "2023-09-01", "2023-09-30", "September 2023"),
    ("2024-02", "2024-02-01", "2024-02-29", "Februar 2024"),
    ("2023", "2023-01-01", "2023-12-31", "2023"),
    ("2024-23", "2024-09-01", "2024-11-30", "Herbst 2024"),
    ("196X", "1960-01-01", "1969-12-31", "1960er Jahre"),
    ("19XX", "1900-01-01", "1999-12-31", "20. Jahrhundert"),
    ("1950/1953", "1950-01-01", "1953-12-31", "1950–1953"),
    ("2000~", "2000-01-01", "2000-12-31", "um 2000"),
    ("2024-03?", "2024-03-01", "2024-03-31", "März 2024 (unsicher)"),
    ("../1973", "1973-01-01", "1973-12-31", "bis 1973"),
    ("2024-08-06/..", "2024-08-06", "2024-08-06", "seit 6. August 2024"),
    ("198X/199X", "1980-01-01", "1999-12-31", "1980er–1990er Jahre"),
    ("194X/2009", "1940-01-01", "2009-12-31", "1940er Jahre–2009"),
])
def test_bounds_and_german_label(text, start, end, label):
    date = parse_date(text)
    assert (date.start.isoformat(), date.end.isoformat(), date.label(GERMAN)) == (start, end, label)


@pytest.mark.parametrize("text", ["Mitte September 2023", "2023-13", "2023-02-30", "2024/2023", "", "../..",
                                  "2023-21-01", "196X-05", "23-09-2023"])
def test_rejects_what_is_not_an_accepted_edtf_form(text):
    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize("text, period", [
    ("1950/1953", "1950er Jahre"), ("196X", "1960er Jahre"), ("19XX", "20. Jahrhundert"), ("2000~", "2000"),
    ("2023-09", "2023"), ("201X", "2010er Jahre"), ("19XX/1953", "20. Jahrhundert"),
])
def test_timeline_period(text, period):
    assert parse_date(text).period(GERMAN)[1] == period


def test_sorting_by_bounds_puts_vaguer_dates_first_within_their_start():
    dates = sorted(["2023-09-16", "2023", "2023-09", "196X", "1961"], key=lambda t: parse_date(t).sort_key())
    assert dates == ["196X", "1961", "2023", "2023-09", "2023-09-16"]


@pytest.mark.parametrize("value, text", [(dt.date(2024, 6, 20), "2024-06-20"), (2024, "2024"), ("2024-06", "2024-06"),
                                         (True, None), ([2024], None)])
def test_yaml_values_come_back_as_edtf_text(value, text):
    assert coerce_date_text(value) == text


@pytest.mark.parametrize("text", ["2023-09-16", "2023-09", "2024-02", "2023", "2024-21", "2024-23", "196X", "19XX",
                                  "1950/1953", "2000~", "2024-03?", "2007/2009", "196X/2009"])
def test_bounds_agree_with_the_edtf_package(text):
    import edtf

    parsed = edtf.parse_edtf(text)
    expected = (dt.date(*parsed.lower_strict()[:3]), dt.date(*parsed.upper_strict()[:3]))
    assert (parse_date(text).start, parse_date(text).end) == expected


def test_winter_reaches_into_the_next_year():
    # The edtf package ends winter on 31 December; a winter runs from December to February.
    assert (parse_date("2023-24").start, parse_date("2023-24").end) == (dt.date(2023, 12, 1), dt.date(2024, 2, 29))


@pytest.mark.parametrize("text, label", [("2023-09-16", "16 September 2023"), ("196X", "1960s"), ("19XX", "20th century"),
                                         ("20XX", "21st century"), ("2000~", "c. 2000"), ("2024-23", "autumn 2024")])
def test_english_is_a_setting_not_a_fork(text, label):
    from dossier.i18n import ENGLISH

    assert parse_date(text).label(ENGLISH) == label


@pytest.mark.parametrize("text, label", [
    ("1985/..", "seit 1985"),                      # open: still going on
    ("1985/", "ab 1985 (Ende unbekannt)"),         # unknown end: not the same
    ("../1985", "bis 1985"),
    ("/1985", "bis 1985 (Beginn unbekannt)"),
])
def test_an_unknown_end_is_not_an_open_end(text, label):
    assert parse_date(text).label(GERMAN) == label


@pytest.mark.parametrize("text", ["２０２３", "٢٠٢٣", "2023\n/2024", "2023\n", "2023-0９", "1985/\n"])
def test_dates_take_ascii_digits_only_and_no_line_break(text):
    with pytest.raises(DateError):
        parse_date(text)
