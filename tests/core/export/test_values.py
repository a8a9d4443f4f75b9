from __future__ import annotations

import datetime as dt

import pytest

from kfor_viewer.core.export.values import (
    color_name,
    display_time,
    format_change,
    format_value,
    parse_value,
    safe_color,
)


def test_values_read_the_un_way():
    assert format_value(dt.date(2020, 6, 30)) == "30 June 2020"
    assert format_value(3600) == "3,600"
    assert format_value(3600, "approx_int") == "approx. 3,600"
    assert format_value(False) == "No"
    assert format_value(None) == "\u2014"


def test_a_corrected_list_reads_as_its_items():
    assert format_value(["KFOR", "EULEX"]) == "KFOR; EULEX"
    assert format_value(["2020-08-03"]) == "3 August 2020"
    event = {"date": "2020-07-09", "text": "Demonstrations without incident."}
    assert format_value([event]) == "9 July 2020: Demonstrations without incident."
    assert format_value([]) == "none"


def test_changes_use_a_true_minus_sign():
    assert format_change(-200) == "\u2212200"
    assert format_change(1500) == "+1,500"
    assert format_change(0) == "0"


def test_corrections_are_typed_like_extracted_values():
    assert parse_value("2020-06-29", "date") == dt.date(2020, 6, 29)
    assert parse_value("3,450", "int") == 3450
    assert parse_value("not a date", "date") == "not a date"


@pytest.mark.parametrize(
    ("color", "name"),
    [("#FFE066", "yellow"), ("#8CE99A", "green"), ("#74C0FC", "blue"), ("#FFA8A8", "red"),
     ("#FFC078", "orange"), ("#E599F7", "purple"), ("#808080", "grey")],
)  # fmt: skip
def test_colour_names(color, name):
    assert color_name(color) == name


def test_only_hex_colours_pass_into_styles():
    assert safe_color("#abcdef") == "#ABCDEF"
    assert safe_color("red;background:url(x)") == "#FFE066"


def test_display_time():
    assert display_time("2026-01-02T03:04:05.000000Z") == "2 January 2026, 03:04 UTC"
