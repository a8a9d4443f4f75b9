"""The text an extractor reads and the helpers every extractor module shares: regions of the
joined text, sentences and paragraphs within them, and fields built with their evidence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kfor_viewer.core.extraction.dates import MONTH, DateMatch, find_dates
from kfor_viewer.core.extraction.model import Evidence, Field
from kfor_viewer.core.extraction.numbers import Quantity, find_quantities
from kfor_viewer.core.page_text import DocumentText

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "no",
        "nos",
        "st",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "prof",
        "rev",
        "e.g",
        "i.e",
        "approx",
        "distr",
        "para",
        "paras",
        "art",
        "arts",
        "vol",
        "jan",
        "feb",
        "febr",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "mme",
        "m",
    ]
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“(]?[A-Z0-9])|\n")
_BARE_NUMBER = re.compile(r"\(?\w{1,4}[.)]")  # "2.", "(a)": a paragraph number, not a sentence
_LAST_WORD = re.compile(r"([\w.]+)$")
# A paragraph number printed without a dot ("2 The situation..."), as older reports set them;
# not the day of a date opening the paragraph ("15 May marked...").
_UNDOTTED_NUMBER = re.compile(rf"\d{{1,3}}\s+(?!(?i:{MONTH})\b)(?=[\"“(]?[A-Z])")


@dataclass(frozen=True, slots=True)
class Region:
    start: int
    end: int

    def __bool__(self) -> bool:
        return self.end > self.start


class Source:
    """A document's text with field and sentence helpers bound to it."""

    def __init__(self, doc_text: DocumentText) -> None:
        self.doc_text = doc_text
        self.text = doc_text.text
        self._sentence_cache: dict[tuple[int, int], list[Region]] = {}
        self._memo: dict[str, Any] = {}
        self._dates: list[DateMatch] | None = None
        self._date_starts: list[int] = []

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value computed once per document (a scan of the whole text shared by regions)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def quantities(self, start: int, end: int) -> list[Quantity]:
        """The numbers lying wholly in text[start:end] (the text is scanned once)."""
        found = self.memo("quantities", lambda: find_quantities(self.text))
        starts = self.memo("quantity_starts", lambda: [q.start for q in found])
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [q for q in found[first:last] if q.end <= end]

    def dates(self, start: int, end: int) -> list[DateMatch]:
        """The dates lying wholly in text[start:end] (the text is scanned once)."""
        if self._dates is None:
            self._dates = find_dates(self.text)
            self._date_starts = [d.start for d in self._dates]
        first = bisect.bisect_left(self._date_starts, start)
        last = bisect.bisect_left(self._date_starts, end)
        return [d for d in self._dates[first:last] if d.end <= end]

    def field(self, value: Any, start: int, end: int) -> Field:
        start, end = self._trim(start, end)
        spans = self.doc_text.evidence(start, end)
        return Field(value, tuple(Evidence.from_span(span) for span in spans))

    def quote(self, region: Region) -> str:
        return self.text[region.start : region.end]

    def paragraphs(self, region: Region) -> list[Region]:
        """The paragraphs overlapping the region, clipped to it (found by bisection)."""
        paragraphs = self.doc_text.paragraphs
        ends = self.memo("paragraph_ends", lambda: [p.end for p in paragraphs])
        first = bisect.bisect_right(ends, region.start)
        result = []
        for p in paragraphs[first:]:
            if p.start >= region.end:
                break
            result.append(Region(max(p.start, region.start), min(p.end, region.end)))
        return result

    def sentences(self, region: Region) -> list[Region]:
        """Sentences of the region, trimmed; a paragraph number ("2.") is not a sentence."""
        key = (region.start, region.end)
        if key not in self._sentence_cache:
            self._sentence_cache[key] = self._split_sentences(region)
        return self._sentence_cache[key]

    def _split_sentences(self, region: Region) -> list[Region]:
        sentences: list[Region] = []
        start = region.start
        for match in _SENTENCE_END.finditer(self.text, region.start, region.end):
            if match.group() != "\n" and self._ends_with_abbreviation(match.start()):
                continue
            self._append_sentence(sentences, start, match.start() + 1)
            start = match.end()
        self._append_sentence(sentences, start, region.end)
        return sentences

    def _append_sentence(self, sentences: list[Region], start: int, end: int) -> None:
        start, end = self._trim(start, end)
        if start == 0 or self.text[start - 1] == "\n":
            number = _UNDOTTED_NUMBER.match(self.text, start, end)
            start = number.end() if number else start
        if end > start and not _BARE_NUMBER.fullmatch(self.text, start, end):
            sentences.append(Region(start, end))

    def _ends_with_abbreviation(self, dot: int) -> bool:
        if self.text[dot] != ".":
            return False
        word = _LAST_WORD.search(self.text, max(dot - 12, 0), dot)
        if word is None:
            return False
        token = word.group(1).lower()
        return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())

    def sentence_at(self, region: Region, offset: int) -> Region | None:
        for sentence in self.sentences(region):
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end
