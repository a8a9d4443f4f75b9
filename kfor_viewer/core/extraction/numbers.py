"""Whole numbers as the reports print them, with the qualifier that makes them approximate.

"16,250", "16 250" (space, no-break or thin space), "16.250", "16250"; number words up to
ninety-nine ("eight", "twenty-seven"); qualifiers "approximately", "some", "almost", "nearly",
"about", "over", "around", "more than"... (and French "environ", "près de", "plus de").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = [
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
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
for _index, _tens in enumerate(_TENS):
    NUMBER_WORDS[_tens] = 20 + 10 * _index
    for _unit in range(1, 10):
        NUMBER_WORDS[f"{_tens}-{_UNITS[_unit]}"] = 20 + 10 * _index + _unit

_WORD_ALTERNATION = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# A thousands group: comma, dot, space, no-break space, narrow no-break or thin space.
_GROUPED = r"\d{1,3}(?:[,.\u00a0\u202f\u2009 ]\d{3})+(?![\d,.]\d)"
DIGITS = rf"(?:{_GROUPED}|\d+)(?![\d])"
NUMBER = rf"(?:{DIGITS}|\b(?:{_WORD_ALTERNATION})\b)"
QUALIFIERS = (
    "approximately",
    "approx.",
    "roughly",
    "around",
    "about",
    "some",
    "almost",
    "nearly",
    "just over",
    "just under",
    "more than",
    "fewer than",
    "less than",
    "close to",
    "up to",
    "over",
    "under",
    "environ",
    "près de",
    "plus de",
    "quelque",
)
_QUALIFIER_ALTERNATION = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_DIGITS_ONLY_RE = re.compile(DIGITS)
_NON_DIGIT_RE = re.compile(r"\D")
# The last word of every qualifier: only a number after one of these can be qualified.
_QUALIFIER_ENDS = frozenset(q.split()[-1] for q in QUALIFIERS) | {"of"}
DIGITS_RE = re.compile(rf"(?<![\d,.])(?:{DIGITS})")
QUALIFIER_BEFORE_RE = re.compile(
    rf"\b(?P<qualifier>{_QUALIFIER_ALTERNATION})\s+(?:of\s+)?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in text: offsets of the number itself, its value, and its qualifier if any."""

    start: int
    end: int
    value: int
    qualifier: str | None

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None


def parse_number(text: str) -> int | None:
    """The whole number `text` consists of ("3,600", "3 600", "twenty-seven"), or None."""
    stripped = text.strip()
    lowered = stripped.lower()
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    if _DIGITS_ONLY_RE.fullmatch(stripped):
        return int(_NON_DIGIT_RE.sub("", stripped))
    return None


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number written in digits in text[start:end], with the qualifier printed just
    before it. (Figures of troops are never spelled out; counts may be: see NUMBER.)"""
    found = []
    for match in DIGITS_RE.finditer(text, start, len(text) if end is None else end):
        value = parse_number(match.group())
        if value is None:
            continue
        window_start = max(match.start() - 24, 0)
        before = None
        if _word_before(text[window_start : match.start()]) in _QUALIFIER_ENDS:
            before = QUALIFIER_BEFORE_RE.search(text, window_start, match.start())
        qualifier = before["qualifier"].lower() if before else None
        found.append(Quantity(match.start(), match.end(), value, qualifier))
    return found


def _word_before(window: str) -> str:
    """The word that ends just before a number, lower case ("d'environ 3 600": "environ")."""
    words = window.split()
    if not words or not window[-1:].isspace():
        return ""
    return words[-1].replace("’", "'").rsplit("'", 1)[-1].lower()
