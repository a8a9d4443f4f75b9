"""Dates and periods as UN documents print them, in English and French.

Dates: "30 June 2020", "1er avril 2020", "June 30, 2020", "9 July" (year from context).
Periods: "from 1 April to 30 June 2020", "1 to 30 September 2004", "3 March-2 April",
"du 1er avril au 30 juin 2020", "between 1 and 31 May 2006"; a missing year is taken from a
hint (the document's year) so that the period does not end after the reference date (the letter
that transmits it), and a range whose start is later in the year than its end crosses a year
boundary.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv",
        "february feb febr février fevrier févr",
        "march mar mars",
        "april apr avril avr",
        "may mai",
        "june jun juin",
        "july jul juillet juil",
        "august aug août aout",
        "september sep sept septembre",
        "october oct octobre",
        "november nov novembre",
        "december dec décembre decembre déc",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_ABBREVIATIONS = {"jan", "janv", "feb", "febr", "févr", "mar", "apr", "avr", "jun", "jul", "juil"}
_ABBREVIATIONS |= {"aug", "sep", "sept", "oct", "nov", "dec", "déc"}
_FULL_NAMES = "|".join(sorted(set(MONTHS) - _ABBREVIATIONS, key=len, reverse=True))
_ABBREVIATED = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
MONTH = rf"(?:{_FULL_NAMES}|(?:{_ABBREVIATED})\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
_RANGE_SEP = r"\s*(?:-|\u2013|\u2014|\u2011|\bto\b|\buntil\b|\bthrough\b|\btill\b|\bau\b)\s*"

DATE_RE = re.compile(
    rf"\b(?P<d>{DAY})\s+(?P<m>{MONTH})(?![a-zé])(?:,?\s+(?P<y>{YEAR})\b)?"
    # The lookahead (a word then a digit) spares trying every month name at every word.
    rf"|\b(?=[^\W\d_]{{3,9}}\.?\s+\d)(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y2>{YEAR})\b",
    re.IGNORECASE,
)
PERIOD_RE = re.compile(
    rf"\b(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH})(?![a-zé]))?(?:,?\s+(?P<y1>{YEAR}))?"
    rf"(?:{_RANGE_SEP}|(?P<and>\s+and\s+)(?=(?:{DAY})\s+(?:{MONTH})))"
    rf"(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?![a-zé])(?:,?\s+(?P<y2>{YEAR})\b)?",
    re.IGNORECASE,
)


# Whole months: "during the month of March 2001", "the months of February and March 2001",
# "pendant le mois de mars".
MONTH_PERIOD_RE = re.compile(
    rf"\b(?:months?\s+of\s+|mois\s+d(?:e\s+|['’]))(?P<m>{_FULL_NAMES})\b"
    rf"(?:\s+(?:and|to|through|et)\s+(?P<m_last>{_FULL_NAMES})\b)?(?:,?\s+(?P<y>{YEAR})\b)?",
    re.IGNORECASE,
)
_LEADING_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: offsets and its parts (year None when not printed)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    def resolve(self, year_hint: int | None) -> dt.date | None:
        year = self.year if self.year is not None else year_hint
        return _safe_date(year, self.month, self.day) if year else None


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    start: int
    end: int
    first: dt.date
    last: dt.date


def _day(text: str) -> int:
    return int(_LEADING_DIGITS.match(text).group())


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every day-and-month date in text[start:end], with offsets into `text`."""
    found = []
    for match in DATE_RE.finditer(text, start, len(text) if end is None else end):
        day, month, year = (match["d"], match["m"], match["y"])
        if day is None:
            day, month, year = match["d2"], match["m2"], match["y2"]
        found.append(
            DateMatch(
                match.start(),
                match.end(),
                _day(day),
                _month(month),
                int(year) if year else None,
            )
        )
    return found


def parse_date(text: str, year_hint: int | None = None) -> dt.date | None:
    """The date that `text` consists of (surrounding spaces and punctuation allowed), or None."""
    stripped = text.strip().strip(".,;:()")
    matches = find_dates(stripped)
    if len(matches) != 1 or matches[0].start != 0 or matches[0].end != len(stripped):
        return None
    return matches[0].resolve(year_hint)


def find_periods(
    text: str,
    start: int = 0,
    end: int | None = None,
    year_hint: int | None = None,
    reference: dt.date | None = None,
) -> list[PeriodMatch]:
    """Every date range in text[start:end] resolved to dates (see the module docstring)."""
    periods = []
    for match in PERIOD_RE.finditer(text, start, len(text) if end is None else end):
        if match["and"] and not text[
            max(match.start() - 12, 0) : match.start()
        ].rstrip().lower().endswith("between"):
            continue  # "9 July and 11 July" are two dates, "between 9 and 11 July" a range
        resolved = _resolve_period(match, year_hint, reference)
        if resolved is not None:
            periods.append(PeriodMatch(match.start(), match.end(), *resolved))
    for match in MONTH_PERIOD_RE.finditer(text, start, len(text) if end is None else end):
        if (month := _whole_month(match, year_hint, reference)) is not None:
            periods.append(PeriodMatch(match.start(), match.end(), *month))
    return sorted(periods, key=lambda period: period.start)


def _whole_month(
    match: re.Match[str], year_hint: int | None, reference: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    first_month = _month(match["m"])
    last_month = _month(match["m_last"]) if match["m_last"] else first_month
    year = int(match["y"]) if match["y"] else year_hint
    if year is None:
        return None
    if not match["y"] and reference is not None and dt.date(year, last_month, 1) > reference:
        year -= 1
    first_year = year - 1 if first_month > last_month else year  # "December and January"
    last_day = calendar.monthrange(year, last_month)[1]
    return dt.date(first_year, first_month, 1), dt.date(year, last_month, last_day)


def _preceded_by(text: str, offset: int, word: str) -> bool:
    return text[max(offset - len(word) - 4, 0) : offset].rstrip().lower().endswith(word)


def _resolve_period(
    match: re.Match[str], year_hint: int | None, reference: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    d1, d2 = _day(match["d1"]), _day(match["d2"])
    m2 = _month(match["m2"])
    m1 = _month(match["m1"]) if match["m1"] else m2
    if match["y2"]:
        y2 = int(match["y2"])
    elif year_hint is not None:
        y2 = year_hint
        if reference is not None and _safe_date(y2, m2, d2) and dt.date(y2, m2, d2) > reference:
            y2 -= 1
    else:
        return None
    y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if match["y1"]:
        y1 = int(match["y1"])
    first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    if first is None or last is None:
        return None
    return first, last


def year_near(
    month: int, day: int, anchor: dt.date, until: dt.date | None = None
) -> dt.date | None:
    """The date with this day and month closest to `anchor` (or to the range anchor..until):
    how a year left implicit is read."""
    last = until or anchor

    def distance(date: dt.date) -> int:
        return max((anchor - date).days, (date - last).days, 0)

    candidates = [
        date
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (date := _safe_date(year, month, day)) is not None
    ]
    return min(candidates, key=distance, default=None)
