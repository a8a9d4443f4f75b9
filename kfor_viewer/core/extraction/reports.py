"""One `Report` per transmitted report: the annex label, the NATO letter's date and signatory
(from the annex, else from what the covering letter says about it), then the report's own fields
(report_body)."""

from __future__ import annotations

import datetime as dt
import re

from kfor_viewer.core.extraction import report_body
from kfor_viewer.core.extraction.cover_letter import (
    NatoSender,
    find_signed,
    nato_senders,
    normal_case_name,
)
from kfor_viewer.core.extraction.dates import parse_date
from kfor_viewer.core.extraction.model import CoverLetter, Field, Report
from kfor_viewer.core.extraction.source import Region, Source
from kfor_viewer.core.extraction.structure import Layout, ReportPart

NATO_TITLE_RE = re.compile(
    r"^(?:(?:Deputy|Acting|Assistant)\s+)?Secretary[- ]General"
    r"(?:\s+of\s+the\s+(?:North\s+Atlantic\s+Treaty\s+Organi[sz]ation|NATO)(?:\s*\(NATO\))?)?$",
    re.IGNORECASE,
)
NATO_TITLE_IN_LINE_RE = re.compile(
    r"(?:,\s*|\s+|^)(?P<title>(?:(?:Deputy|Acting|Assistant)\s+)?Secretary[- ]General"
    r"(?:\s+of\s+the\s+(?:North\s+Atlantic\s+Treaty\s+Organi[sz]ation|NATO))?)\s*$",
    re.IGNORECASE,
)
KFOR_RE = re.compile(r"\bKFOR\b|Kosovo Force|security presence in Kosovo", re.IGNORECASE)
NATO_LETTER_HEADING_RE = re.compile(r"^letter\s+dated\s+", re.IGNORECASE)


def reports(source: Source, layout: Layout, cover: CoverLetter | None) -> list[Report]:
    senders = nato_senders(source, layout.cover) if layout.cover else []
    transmitted = cover.transmitted_letter_dates if cover else []
    year_hint, reference = _context_dates(source, layout, cover)
    result = []
    for index, part in enumerate(layout.reports):
        report = Report()
        report.label = _label(source, part)
        if part.title:
            title_text = " ".join(source.quote(part.title).split())
            report.title = source.field(title_text, part.title.start, part.title.end)
        report.letter_date = _letter_date(source, part, year_hint)
        if report.letter_date is None:
            report.letter_date = _transmitted_date(layout, transmitted, index)
        _signatory(source, part, report, senders)
        letter_date = report.letter_date.value if report.letter_date else reference
        hint = letter_date.year if letter_date else year_hint
        report_body.read_body(source, part.body, report, hint, letter_date)
        if _is_report(source, part, report):
            result.append(report)
    return result


def _label(source: Source, part: ReportPart) -> Field | None:
    """ "Annex I", or "Annex, Enclosure II" with the evidence of both headings."""
    regions = [r for r in (part.label_region, part.enclosure_label) if r is not None]
    if not part.label or not regions:
        return None
    evidence = tuple(e for r in regions for e in source.field(None, r.start, r.end).evidence)
    return Field(part.label, evidence)


def _transmitted_date(layout: Layout, transmitted: list[Field], index: int) -> Field | None:
    """The covering letter's dates in order, one per report; or its only date when every
    report is enclosed with the same NATO letter."""
    if len(transmitted) == len(layout.reports):
        return transmitted[index]
    if len(transmitted) == 1 and len({part.letter for part in layout.reports}) == 1:
        return transmitted[0]
    return None


def _is_report(source: Source, part: ReportPart, report: Report) -> bool:
    """A KFOR report has a report title, or names KFOR and states a period or a figure (so
    any PDF that mentions troops is not taken for one)."""
    if report.title is not None:
        return True
    names_kfor = KFOR_RE.search(source.text, part.body.start, part.body.end) is not None
    figures = (report.period_start, report.troops_total, report.nato_nations)
    return names_kfor and any(f is not None for f in figures)


def _context_dates(
    source: Source, layout: Layout, cover: CoverLetter | None
) -> tuple[int | None, dt.date | None]:
    """The year implied by the document (its letter or its header's date) and that date."""
    if cover and cover.date:
        return cover.date.value.year, cover.date.value
    dated = [d for d in source.dates(layout.header.start, layout.header.end) if d.year]
    if dated:
        value = dated[0].resolve(None)
        return (value.year, value) if value else (None, None)
    any_year = re.search(r"\b(?:19|20)\d{2}\b", source.text)
    return (int(any_year.group()), None) if any_year else (None, None)


def _letter_date(source: Source, part: ReportPart, year_hint: int | None) -> Field | None:
    """A NATO letter heading ("Letter dated ...") or a date standing alone atop the letter."""
    for paragraph in source.paragraphs(part.letter)[:4]:
        text = source.quote(paragraph)
        if NATO_LETTER_HEADING_RE.match(text):
            dates = source.dates(paragraph.start, paragraph.end)
            if dates and (value := dates[0].resolve(year_hint)):
                return source.field(value, dates[0].start, dates[0].end)
        if (value := parse_date(text, year_hint)) is not None:
            return source.field(value, paragraph.start, paragraph.end)
    return None


def _signatory(source: Source, part: ReportPart, report: Report, senders: list[NatoSender]) -> None:
    """Name and title from the annex's "(Signed)" block, else from the letter heading, else from
    the covering letter's naming of the NATO sender."""
    letter = part.letter if part.letter else part.body
    found = find_signed(source, letter)
    if found is not None:
        _read_signed_block(source, letter, found, report)
    if report.signatory_title is None:
        heading_senders = nato_senders(source, _opening(source, letter))
        if heading_senders:
            report.signatory_title = heading_senders[0].title
    sender = _matching_sender(senders, report.signatory)
    if sender is not None:
        report.signatory_title = report.signatory_title or sender.title
        if report.signatory is None and sender.name is not None:
            report.signatory = sender.name


def _read_signed_block(
    source: Source, letter: Region, found: tuple[Region, int], report: Report
) -> None:
    """ "(Signed) Name", "(Signed) Name, Deputy Secretary General", "(Signed) Acting
    Secretary-General", or the office on the line under the name."""
    paragraph, start = found
    text = source.text[start : paragraph.end]
    honorific = re.match(r"(?:Mr|Mrs|Ms|Dr)\.?\s+", text)
    name_start = start + (honorific.end() if honorific else 0)
    office = NATO_TITLE_IN_LINE_RE.search(source.text[name_start : paragraph.end])
    name_end = name_start + office.start() if office else paragraph.end
    name = " ".join(source.text[name_start:name_end].split()).rstrip(",")
    if name:
        end = name_start + len(name)
        report.signatory = source.field(normal_case_name(name), name_start, end)
    if office:
        value = " ".join(office["title"].split())
        start, end = office.span("title")
        report.signatory_title = source.field(value, name_start + start, name_start + end)
        return
    following = [p for p in source.paragraphs(letter) if p.start >= paragraph.end][:1]
    if following and NATO_TITLE_RE.match(" ".join(source.quote(following[0]).split())):
        value = " ".join(source.quote(following[0]).split())
        report.signatory_title = source.field(value, following[0].start, following[0].end)


def _opening(source: Source, region: Region) -> Region:
    """The first two paragraphs: a letter heading, even one set over two short paragraphs."""
    paragraphs = source.paragraphs(region)[:2]
    return Region(paragraphs[0].start, paragraphs[-1].end) if paragraphs else region


def _matching_sender(senders: list[NatoSender], name: Field | None) -> NatoSender | None:
    if not senders:
        return None
    if name is None:
        return senders[0] if len(senders) == 1 else None
    family = name.value.split()[-1].lower()
    for sender in senders:
        if sender.name is None or family in sender.name.value.lower():
            return sender
    return None
