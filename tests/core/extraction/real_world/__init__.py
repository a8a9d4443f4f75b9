"""A held-out corpus: KFOR documents of every era written the way the real ones read (1999 monthly
reports in capitals, middle-era exact totals with non-NATO shares, quarterly reports with en-dash
ranges, recent ones with nation counts, a French version, OCR-like noise), with the values a
careful reader would take from each. Texts and figures are invented; the wordings are the family's.

Each `Case` is typeset by tests.core.synthetic_pdf; `document`, `cover` and `reports` hold the
expected values (None where the text does not state the field).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tests.core.synthetic_pdf import Block, Furniture, para

D = dt.date


@dataclass
class Case:
    name: str
    header: list[tuple[str, str]]
    blocks: list[Block]
    furniture: Furniture
    document: dict = field(default_factory=dict)
    cover: dict = field(default_factory=dict)
    reports: list[dict] = field(default_factory=list)
    max_lines_per_page: int | None = None  # to break pages (and paragraphs) early


def centre(text: str) -> Block:
    return Block(text, "centre", space_before=18)


def numbered(paragraphs: list[str], dots: bool = True) -> list[Block]:
    return [para(text, f"{n}." if dots else str(n)) for n, text in enumerate(paragraphs, 1)]


def english_header(symbol: str, date: str, capitals: bool = False) -> list[tuple[str, str]]:
    if capitals:
        return [
            ("UNITED NATIONS", symbol),
            ("Security Council", "Distr. GENERAL"),
            ("", date),
            ("", "ORIGINAL: ENGLISH"),
        ]
    return [
        ("United Nations", symbol),
        ("Security Council", "Distr.: General"),
        ("", date),
        ("", "Original: English"),
    ]


def all_cases() -> list[Case]:
    """Every document of the corpus, oldest first."""
    from tests.core.extraction.real_world import era_middle, era_monthly, era_recent

    return [*era_monthly.CASES, *era_middle.CASES, *era_recent.CASES]
