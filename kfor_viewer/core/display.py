"""How dates and figures read for people, the same in the side panel and in every export:
"30 June 2020", "3,600", "+200" and "−200" (a true minus sign).

Month names come from a fixed table, not the locale: Qt sets the process locale, and a German
desktop must still read "30 June 2020" as the documents print it.
"""

from __future__ import annotations

import datetime as dt

MINUS = "\u2212"
MONTH_NAMES = (
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
)


def long_date(date: dt.date) -> str:
    """2020-06-30 -> "30 June 2020"."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def short_date(date: dt.date) -> str:
    """2020-06-30 -> "30 Jun 2020"."""
    return f"{date.day} {MONTH_NAMES[date.month - 1][:3]} {date.year}"


def signed_thousands(difference: int) -> str:
    """+1,500, −200 (U+2212) or 0."""
    if difference > 0:
        return f"+{difference:,}"
    if difference < 0:
        return f"{MINUS}{-difference:,}"
    return "0"
