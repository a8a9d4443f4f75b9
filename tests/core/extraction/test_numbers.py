"""Numbers with every thousands separator and qualifier, and property tests over generated ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kfor_viewer.core.extraction.numbers import QUALIFIERS, find_quantities, parse_number

SEPARATORS = [",", " ", "\u00a0", "\u202f", "\u2009", ".", ""]


def _grouped(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,600", 3600),
        ("3 600", 3600),
        ("16250", 16250),
        ("twenty-seven", 27),
        ("Eight", 8),
        ("3,60", None),
        ("many", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_qualifier_is_the_word_just_before():
    (quantity,) = find_quantities("remained at approximately 3,600 troops")
    assert (quantity.value, quantity.qualifier, quantity.approximate) == (
        3600,
        "approximately",
        True,
    )
    (exact,) = find_quantities("was 16,250 in total")
    assert (exact.value, exact.approximate) == (16250, False)


def test_a_list_of_years_is_not_one_number():
    assert [q.value for q in find_quantities("in 2019, 2020 and 2021")] == [2019, 2020, 2021]


@given(st.integers(min_value=0, max_value=9_999_999), st.sampled_from(SEPARATORS))
def test_any_grouped_number_parses_back(value, separator):
    text = _grouped(value, separator)
    assert parse_number(text) == value
    (quantity,) = find_quantities(f"a total of {text} troops")
    assert quantity.value == value
    assert quantity.qualifier is None


@given(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(QUALIFIERS),
    st.sampled_from([",", " ", ""]),
)
def test_any_qualified_number_is_approximate(value, qualifier, separator):
    text = f"KFOR strength was {qualifier} {_grouped(value, separator)}."
    quantities = find_quantities(text)
    assert [q.value for q in quantities] == [value]
    assert quantities[0].qualifier == qualifier
    assert quantities[0].approximate


@given(st.integers(min_value=0, max_value=99))
def test_number_words_parse(value):
    units = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    word = units[value] if value < 20 else tens[value // 10 - 2]
    if value >= 20 and value % 10:
        word += f"-{units[value % 10]}"
    assert parse_number(word) == value
