"""The parts of a document: header block, the Secretary-General's letter, annexes, and within
each annex the NATO letter and the report(s) it encloses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kfor_viewer.core.extraction.source import Region, Source

COVER_HEADING_RE = re.compile(
    r"^(?:Identical\s+)?letters?\s+dated\s+.{4,40}?\s+from\s+the\s+.{3,120}?\s+addressed\s+to\s+"
    r"the\s+President\b"
    r"|^Lettres?\s+datées?\s+du\s+.{4,40}?\s+adressées?\s+(?:au|à\s+la)\s+Président",
    re.IGNORECASE,
)
HEADING_START_RE = re.compile(r"^(?:Identical\s+)?(?:letters?|lettres?)\s+dat", re.IGNORECASE)
ANNEX_RE = re.compile(
    r"^(?P<label>(?:Annex|Annexe|ANNEX|ANNEXE)(?:\s+(?:[IVXLC]+|\d+)\b)?)"
    r"(?=\s*$|\s*[.:]|\s+to\s+the\s+letter)"
)
ENCLOSURE_RE = re.compile(
    r"^(?P<label>(?:Enclosure|ENCLOSURE|Pièce jointe)(?:\s+(?:[IVXLC]+|\d+))?)\s*$"
)
REPORT_TITLE_RE = re.compile(
    r"^(?:(?:Monthly|Quarterly|Periodic)\s+)?report\b.{0,120}?"
    r"\b(?:United Nations|Kosovo Force|KFOR)"
    r"|^Rapport\b",
    re.IGNORECASE,
)
SIGNED_RE = re.compile(r"^\((?:Signed|Signé)\)\s*", re.IGNORECASE)
MAX_HEADING_LENGTH = 200


@dataclass
class ReportPart:
    label: str | None
    label_region: Region | None
    letter: Region  # the NATO letter before the report (may be empty)
    body: Region  # the report itself
    title: Region | None = None
    enclosure_label: Region | None = None  # when an annex encloses several reports


@dataclass
class Layout:
    header: Region
    cover: Region | None
    cover_heading: Region | None
    reports: list[ReportPart] = field(default_factory=list)


def find_layout(source: Source) -> Layout:
    """Split the document into its parts from its headings (never from page positions)."""
    whole = Region(0, len(source.text))
    paragraphs = source.paragraphs(whole)
    cover_heading = _cover_heading(source, paragraphs)
    annexes = [
        (p, match)
        for p in paragraphs
        if len(source.quote(p)) <= MAX_HEADING_LENGTH
        and (match := ANNEX_RE.match(source.quote(p)))
        and (cover_heading is None or p.start > cover_heading.start)
    ]
    first_annex = annexes[0][0].start if annexes else whole.end
    header_end = cover_heading.start if cover_heading else _header_end(source, paragraphs)
    cover = Region(cover_heading.start, first_annex) if cover_heading else None
    layout = Layout(Region(0, header_end), cover, cover_heading)
    if annexes:
        for index, (paragraph, match) in enumerate(annexes):
            end = annexes[index + 1][0].start if index + 1 < len(annexes) else whole.end
            label_region = Region(paragraph.start, paragraph.start + match.end("label"))
            annex = Region(paragraph.end, end)
            layout.reports.extend(_reports_in_annex(source, match["label"], label_region, annex))
    else:
        body_start = header_end
        if cover is not None:
            signed = next(
                (p for p in source.paragraphs(cover) if SIGNED_RE.match(source.quote(p))), None
            )
            body_start = signed.end if signed else cover.start
            layout.cover = Region(cover.start, body_start)
        layout.reports.extend(_reports_in_annex(source, None, None, Region(body_start, whole.end)))
    return layout


def _cover_heading(source: Source, paragraphs: list[Region]) -> Region | None:
    """The letter's heading, which may have been set as two or three short paragraphs."""
    for index, paragraph in enumerate(paragraphs):
        if not HEADING_START_RE.match(source.quote(paragraph)):
            continue
        for following in paragraphs[index : index + 3]:
            heading = Region(paragraph.start, following.end)
            if COVER_HEADING_RE.match(" ".join(source.quote(heading).split())):
                return heading
    return None


def _header_end(source: Source, paragraphs: list[Region]) -> int:
    """Without a letter heading, the header is the first page's opening short lines."""
    end = 0
    for paragraph in paragraphs[:8]:
        if len(source.quote(paragraph)) > 80 or source.doc_text.page_of(paragraph.start) > 0:
            break
        end = paragraph.end
    return end


def _headings(source: Source, region: Region, pattern: re.Pattern[str]) -> list[Region]:
    """Short paragraphs of the region that match a heading pattern."""
    return [
        p
        for p in source.paragraphs(region)
        if len(source.quote(p)) <= MAX_HEADING_LENGTH and pattern.match(source.quote(p))
    ]


def _reports_in_annex(
    source: Source, label: str | None, label_region: Region | None, annex: Region
) -> list[ReportPart]:
    """One report per enclosure, or the annex itself (its letter ends at the report title)."""
    enclosures = _headings(source, annex, ENCLOSURE_RE)
    if not enclosures:
        title = next(iter(_headings(source, annex, REPORT_TITLE_RE)), None)
        split = title.start if title else annex.start
        letter = Region(annex.start, split)
        return [ReportPart(label, label_region, letter, Region(split, annex.end), title)]
    letter = Region(annex.start, enclosures[0].start)
    parts = []
    for index, enclosure in enumerate(enclosures):
        end = enclosures[index + 1].start if index + 1 < len(enclosures) else annex.end
        body = Region(enclosure.end, end)
        part_label = label
        if len(enclosures) > 1:
            enclosure_label = source.quote(enclosure)
            part_label = f"{label}, {enclosure_label}" if label else enclosure_label
        title = next(iter(_headings(source, body, REPORT_TITLE_RE)), None)
        enclosure_label = enclosure if len(enclosures) > 1 else None
        parts.append(ReportPart(part_label, label_region, letter, body, title, enclosure_label))
    return parts
