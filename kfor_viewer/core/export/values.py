"""How values read in every export: UN-style dates ("1 April 2020"), thousands with commas,
a true minus sign for decreases, and a plain name for each highlight colour."""

from __future__ import annotations

import colorsys
import datetime as dt
import re
from typing import Any

from kfor_viewer.core.display import long_date, signed_thousands

NOT_STATED = "\u2014"  # an em dash: the document does not state the value
_HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
# Hue bands (degrees, upper bound) and their names, for saturated colours.
_HUES = (
    (15, "red"),
    (40, "orange"),
    (70, "yellow"),
    (170, "green"),
    (200, "cyan"),
    (255, "blue"),
    (290, "purple"),
    (340, "pink"),
    (360, "red"),
)


def format_value(value: Any, kind: str = "text") -> str:
    """The text of a value as the summary shows it; None reads as an em dash."""
    if value is None or value == "":
        return NOT_STATED
    if isinstance(value, bool) or kind == "bool":
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, int):
        text = f"{value:,}"
        return f"approx. {text}" if kind == "approx_int" else text
    if isinstance(value, list):  # a corrected list field: organisations, events...
        items = [format_value(parse_value(item, "date")) for item in value]
        return "; ".join(items) or "none"
    if isinstance(value, dict) and "text" in value:  # an event
        return f"{format_value(parse_value(value.get('date'), 'date'))}: {value['text']}"
    return str(value)


def parse_value(value: Any, kind: str) -> Any:
    """A correction's JSON value typed like the extracted one (ISO strings become dates)."""
    if kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if kind in ("int", "approx_int") and isinstance(value, str):
        digits = value.replace(",", "").replace(" ", "").strip()
        return int(digits) if re.fullmatch(r"-?\d+", digits) else value
    return value


def format_change(difference: int) -> str:
    """+200, −200 (with U+2212) or 0."""
    return signed_thousands(difference)


def safe_color(value: str, fallback: str = "#FFE066") -> str:
    """`value` when it is '#RRGGBB', else `fallback`: colours go into CSS and PDF verbatim."""
    return value.upper() if isinstance(value, str) and _HEX_COLOR.fullmatch(value) else fallback


def color_rgb(value: str) -> tuple[float, float, float]:
    """'#RRGGBB' as three floats in 0..1."""
    color = safe_color(value)
    return tuple(int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def color_name(value: str) -> str:
    """A plain word for a highlight colour ('yellow', 'green'...), for readers of text formats."""
    red, green, blue = color_rgb(value)
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if saturation < 0.15 or lightness < 0.08 or lightness > 0.97:
        return "white" if lightness > 0.9 else "black" if lightness < 0.15 else "grey"
    degrees = hue * 360
    return next(name for bound, name in _HUES if degrees <= bound)


def display_time(iso: str) -> str:
    """'2026-11-28T11:01:32.022028Z' -> '28 November 2026, 11:01 UTC' (unchanged if unreadable)."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(dt.UTC)
    except ValueError:
        return iso
    return f"{format_value(moment.date(), 'date')}, {moment:%H:%M} UTC"
