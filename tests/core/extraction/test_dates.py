"""Dates and periods in the family's forms, and property tests over generated ones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kfor_viewer.core.extraction.dates import find_dates, find_periods, parse_date, year_near

D = dt.date

ENGLISH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FRENCH = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
DASHES = ["-", "\u2013", "\u2014", " to ", " - ", " \u2013 "]

dates = st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2040, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 December 2020", dt.date(2020, 12, 7)),
        ("1er avril 2020", dt.date(2020, 4, 1)),
        ("June 30, 2020", dt.date(2020, 6, 30)),
        ("4 Sept. 2020", dt.date(2020, 9, 4)),
        ("(30 June 2020)", dt.date(2020, 6, 30)),
        ("31 June 2020", None),
        ("30 June 2020 and later", None),
        ("Monday", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_a_date_without_year_needs_a_hint():
    assert parse_date("9 July") is None
    assert parse_date("9 July", year_hint=2020) == dt.date(2020, 7, 9)


def test_month_names_are_not_found_inside_words():
    assert find_dates("a 12 Marchers parade and 3 Mayors") == []


def test_two_dates_joined_by_and_are_not_a_range():
    assert find_periods("on 9 July and 11 July", year_hint=2020) == []
    (period,) = find_periods("between 9 and 11 July 2020")
    assert (period.first, period.last) == (dt.date(2020, 7, 9), dt.date(2020, 7, 11))


def test_missing_year_never_ends_after_the_transmitting_letter():
    (period,) = find_periods(
        "from 1 October to 31 December", year_hint=2021, reference=dt.date(2021, 2, 4)
    )
    assert (period.first, period.last) == (dt.date(2020, 10, 1), dt.date(2020, 12, 31))


def test_year_near_prefers_the_period():
    first, last = dt.date(2005, 12, 1), dt.date(2006, 2, 28)
    assert year_near(12, 9, first, last) == dt.date(2005, 12, 9)
    assert year_near(1, 20, first, last) == dt.date(2006, 1, 20)


@given(dates, st.sampled_from(["en", "fr", "us"]))
def test_any_written_date_parses_back(date, style):
    if style == "en":
        text = f"{date.day} {ENGLISH[date.month - 1]} {date.year}"
    elif style == "fr":
        day = "1er" if date.day == 1 else str(date.day)
        text = f"{day} {FRENCH[date.month - 1]} {date.year}"
    else:
        text = f"{ENGLISH[date.month - 1]} {date.day}, {date.year}"
    assert parse_date(text) == date
    assert parse_date(text.upper()) == date


@given(dates, st.integers(min_value=0, max_value=400), st.sampled_from(DASHES), st.booleans())
def test_any_written_period_parses_back(first, length, dash, year_once):
    last = first + dt.timedelta(days=length)
    first_text = f"{first.day} {ENGLISH[first.month - 1]}"
    if not year_once or first.year != last.year:
        first_text += f" {first.year}"
    text = (
        f"covering the period {first_text}{dash}{last.day} {ENGLISH[last.month - 1]} {last.year}."
    )
    (period,) = find_periods(text)
    assert (period.first, period.last) == (first, last)
    assert text[period.start : period.end].startswith(str(first.day))


@given(dates, st.integers(min_value=0, max_value=300))
def test_period_without_years_takes_them_from_context(first, length):
    """A range with no year at all, read with the year of a letter written after it."""
    last = first + dt.timedelta(days=length)
    letter = last + dt.timedelta(days=40)
    text = f"from {first.day} {ENGLISH[first.month - 1]} to {last.day} {ENGLISH[last.month - 1]}"
    (period,) = find_periods(text, year_hint=letter.year, reference=letter)
    assert (period.first, period.last) == (first, last)


@given(dates)
def test_same_month_range_names_the_month_once(date):
    last_day = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    text = f"1 to {last_day.day} {ENGLISH[date.month - 1]} {date.year}"
    (period,) = find_periods(text)
    assert (period.first, period.last) == (date.replace(day=1), last_day)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("during the month of March 2001", D(2001, 3, 1), D(2001, 3, 31)),
        ("for the month of February", D(2004, 2, 1), D(2004, 2, 29)),
        ("covering the months of February and March 2001", D(2001, 2, 1), D(2001, 3, 31)),
        ("the months of December and January 2002", D(2001, 12, 1), D(2002, 1, 31)),
        ("pendant le mois de mars 2001", D(2001, 3, 1), D(2001, 3, 31)),
    ],
)
def test_whole_months_are_periods(text, first, last):
    (period,) = find_periods(text, year_hint=2004, reference=D(2004, 6, 1))
    assert (period.first, period.last) == (first, last)


def test_a_month_named_alone_is_not_a_period():
    assert find_periods("In March 2001 the situation remained calm.", year_hint=2001) == []
