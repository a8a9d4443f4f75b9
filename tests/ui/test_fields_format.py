"""Values as people read them in the fields panel, and back from what they type."""

from __future__ import annotations

import datetime as dt

import pytest

from kfor_viewer.ui import fields_format as ff


def test_values_are_formatted_for_people():
    assert ff.format_date(dt.date(2020, 6, 30)) == "30 June 2020"
    assert ff.format_date("2004-09-01") == "1 September 2004"
    assert ff.format_number(16250) == "16,250"
    assert ff.format_number(3600, approximate=True) == "≈ 3,600"
    assert ff.format_difference(-200) == "−200"
    assert ff.format_difference(1500) == "+1,500"
    assert ff.format_difference(0) == "no change"
    assert ff.format_value("incidents", False) == "None reported"
    assert ff.format_value("incidents", True) == "Yes"
    assert ff.format_value("number", None) == "not stated"


def test_periods_are_compact_in_headings():
    assert ff.format_period("2020-04-01", "2020-06-30") == "1 Apr – 30 Jun 2020"
    assert ff.format_period("2004-09-01", "2004-09-30") == "1 – 30 Sep 2004"
    assert ff.format_period("2019-12-01", "2020-02-29") == "1 Dec 2019 – 29 Feb 2020"
    assert ff.format_period(None, "2020-02-29") == ""


@pytest.mark.parametrize(
    ("kind", "typed", "value"),
    [
        ("number", "3,600", 3600),
        ("troops", "≈ 3 500", 3500),
        ("troops", "approximately 4,100", 4100),
        ("date", "30 June 2020", "2020-06-30"),
        ("date", "2020-07-01", "2020-07-01"),
        ("incidents", "None reported", False),
        ("incidents", "yes", True),
        ("text", "  Jens   Stoltenberg ", "Jens Stoltenberg"),
    ],
)
def test_typed_values_are_parsed(kind, typed, value):
    assert ff.parse_edit(kind, typed) == value


@pytest.mark.parametrize(
    ("kind", "typed"), [("number", "many"), ("date", "soon"), ("incidents", "maybe"), ("text", " ")]
)
def test_nonsense_is_refused_with_a_reason(kind, typed):
    with pytest.raises(ValueError, match=r"\w"):
        ff.parse_edit(kind, typed)


def test_a_list_is_typed_one_item_a_line():
    from kfor_viewer.ui.fields_format import parse_list

    assert parse_list("text", "  KFOR \n\nEULEX  mission\n") == ["KFOR", "EULEX mission"]
    assert parse_list("text", "\n  \n") == []
    assert parse_list("date", "3 August 2020\n2020-11-24") == ["2020-08-03", "2020-11-24"]
    said = "Demonstrations took place: without incident."
    assert parse_list("event", f"9 July 2020: {said}") == [{"date": "2020-07-09", "text": said}]


@pytest.mark.parametrize(
    ("kind", "text", "says"),
    [
        ("date", "3 August 2020\nlast Tuesday", "Line 2: “last Tuesday” is not a date"),
        ("event", "9 July 2020 demonstrations", "Line 1: write an event like"),
        ("event", "someday: demonstrations", "Line 1: “someday” is not a date"),
    ],
)
def test_a_line_that_is_not_an_item_is_named(kind, text, says):
    from kfor_viewer.ui.fields_format import parse_list

    with pytest.raises(ValueError, match=says):
        parse_list(kind, text)
