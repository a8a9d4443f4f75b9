"""Values as the fields panel shows them to people, and back from what they type: dates
"30 June 2020", numbers "3,600", approximate "≈ 3,600", "None reported", compact periods.

Works on the JSON form of values (ISO date strings, ints, bools, str), which is also the form
corrections are stored in. Month names come from a fixed table, not the locale (Qt sets the
process locale, and a German desktop must still read "30 June 2020" like the document).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kfor_viewer.core.display import MONTH_NAMES, long_date, short_date, signed_thousands

NOT_STATED = "not stated"
NONE_NAMED = "none named"
APPROX = "\u2248"


def json_value(value: Any) -> Any:
    """The value in the form corrections are stored in: dates as ISO strings, also inside an
    event's {"date", "text"}."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def format_date(value: Any) -> str:
    """2020-06-30 -> "30 June 2020"."""
    date = as_date(value)
    return long_date(date) if date else str(value)


def format_number(value: int, approximate: bool = False) -> str:
    return f"{APPROX} {value:,}" if approximate else f"{value:,}"


def format_difference(difference: int) -> str:
    """+1,500, −200 (a true minus sign) or "no change"."""
    if difference == 0:
        return "no change"
    return signed_thousands(difference)


def format_period(start: Any, end: Any) -> str:
    """A compact period for headings: "1 Apr – 30 Jun 2020", "1 – 30 Sep 2004"."""
    first, last = as_date(start), as_date(end)
    if first is None or last is None:
        return ""
    short = [month[:3] for month in MONTH_NAMES]
    if first.year != last.year:
        return f"{first.day} {short[first.month - 1]} {first.year} – {short_date(last)}"
    if first.month != last.month:
        return f"{first.day} {short[first.month - 1]} – {short_date(last)}"
    return f"{first.day} – {short_date(last)}"


def format_value(kind: str, value: Any, approximate: bool = False) -> str:
    if value is None:
        return NOT_STATED
    if kind == "date":
        return format_date(value)
    if kind == "number" and isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, approximate)
    if kind == "incidents" or isinstance(value, bool):
        return "Yes" if value else "None reported"
    if kind == "event" and isinstance(value, dict):
        return f"{format_date(value.get('date'))}: {value.get('text', '')}"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def format_count(values: Any) -> str:
    """A list field's summary: how many items it has."""
    return f"{len(values)}" if isinstance(values, list) and values else NONE_NAMED


def format_item(kind: str, value: Any) -> str:
    """One item of a list as the list editor shows it, one a line: "30 June 2020: text"."""
    if kind == "event" and isinstance(value, dict):
        return f"{format_date(value.get('date'))}: {value.get('text', '')}"
    return format_value(kind, value)


def parse_list(item_kind: str, text: str) -> list[Any]:
    """The items the user typed, one a line (blank lines ignored; none at all is an empty list);
    ValueError names the first line that is not an item of `item_kind`."""
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                items.append(_parse_item(item_kind, line))
            except ValueError as error:
                raise ValueError(f"Line {number}: {error}") from None
    return items


def _parse_item(kind: str, line: str) -> Any:
    if kind == "event":
        date_text, separator, event = line.partition(":")
        if not separator or not event.strip():
            raise ValueError("write an event like 30 June 2020: what happened.")
        return {"date": parse_edit("date", date_text), "text": " ".join(event.split())}
    return parse_edit(kind, line)


def parse_edit(kind: str, text: str) -> Any:
    """The JSON value the user typed for a field of `kind`; ValueError says what is expected."""
    from kfor_viewer.core.extraction.dates import parse_date
    from kfor_viewer.core.extraction.numbers import parse_number

    cleaned = text.strip()
    if not cleaned:
        raise ValueError("Enter a value (use Revert to go back to the extracted one).")
    if kind == "date":
        date = as_date(cleaned) or parse_date(cleaned)
        if date is None:
            raise ValueError(f"“{cleaned}” is not a date; write it like 30 June 2020.")
        return date.isoformat()
    if kind in ("number", "troops"):
        for prefix in (APPROX, "~", "approximately", "about", "some"):
            cleaned = cleaned.removeprefix(prefix).strip()
        number = parse_number(cleaned)
        if number is None:
            raise ValueError(f"“{text.strip()}” is not a whole number; write it like 3,600.")
        return number
    if kind == "incidents":
        return _parse_yes_no(cleaned)
    return " ".join(cleaned.split())


def _parse_yes_no(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("yes", "y", "true", "reported"):
        return True
    if lowered in ("no", "n", "false", "none", "none reported"):
        return False
    raise ValueError("Answer Yes or None reported.")
