"""Synthetic KFOR documents in the family's wordings, built from parts so each test states only
what it varies. All figures and names are invented."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.core.synthetic_pdf import Block, Furniture, heading, make_pdf, para


@dataclass
class ReportSpec:
    label: str = "Annex I"
    nato_letter: list[Block] = field(default_factory=list)
    signed: list[Block] = field(default_factory=list)
    enclosure: bool = True
    title: str = "Report to the United Nations on Kosovo Force operations"
    paragraphs: list[str] = field(default_factory=list)


def nato_letter(period: str, signed_name: str = "Anna Lindqvist", office: str = "") -> list[Block]:
    blocks = [
        para(
            "In accordance with paragraph 20 of Security Council resolution 1244 (1999), please "
            f"find attached the quarterly report on Kosovo Force operations covering the period "
            f"{period} (see enclosure). I would appreciate your making the report available to "
            "the members of the Council."
        ),
        Block(f"(Signed) {signed_name}", "para"),
    ]
    if office:
        blocks.append(Block(office, "para", space_before=0))
    return blocks


def modern_report(period: str, as_at: str, troops: str, nato: str, non_nato: str) -> list[str]:
    return [
        "The present report is submitted in accordance with Security Council resolution 1244 "
        f"(1999) and covers Kosovo Force (KFOR) activities during the period {period}.",
        f"As at {as_at}, the total number of KFOR troops in theatre remained approximately "
        f"{troops}, from {nato} North Atlantic Treaty Organization (NATO) and {non_nato} non-NATO "
        "troop-contributing nations.",
        "There were no major security incidents during the reporting period and no requests for "
        "KFOR to intervene as a third security responder.",
        "During the reporting period, the overall security situation in Kosovo remained calm but "
        "unpredictable, while 14 villages held local festivals and 23 people were arrested by the "
        "Kosovo police for smuggling.",
        "On 12 May, the Commander of KFOR met the Special Representative of the Secretary-General, "
        "Maria Olsen, to discuss cooperation with the Organization for Security and Co-operation "
        "in Europe (OSCE).",
    ]


def cover_letter(letter_date: str, dates: str, periods: str, annexes: str) -> list[Block]:
    return [
        heading(
            f"Letter dated {letter_date} from the Secretary-General addressed to the President "
            "of the Security Council"
        ),
        para(
            "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit "
            f"the attached letters, dated {dates}, from the Secretary-General of the North "
            "Atlantic Treaty Organization, Anna Lindqvist, each transmitting a report on the "
            f"international security presence in Kosovo, covering the periods {periods} "
            f"(see annexes {annexes})."
        ),
        para(
            "I would be grateful if you could bring the present letter and its annexes to the "
            "attention of the members of the Security Council."
        ),
        para("(Signed) Carlos Mendes"),
    ]


def header(symbol: str | None, date: str) -> list[tuple[str, str]]:
    return [
        ("United Nations", symbol or ""),
        ("Security Council", "Distr.: General"),
        ("", date),
        ("", "Original: English"),
    ]


def build(
    path: Path,
    reports: list[ReportSpec],
    cover: list[Block] | None = None,
    symbol: str | None = "S/2021/228",
    date: str = "15 March 2021",
    job_number: str | None = "21-04137 (E)  150321  160321",
    barcode: str | None = "*2104137*",
    max_lines_per_page: int | None = None,
    symbol_in_header: bool = True,
) -> Path:
    blocks: list[Block] = list(cover or [])
    for report in reports:
        blocks.append(Block(report.label, "centre", space_before=18))
        blocks.extend(report.nato_letter)
        blocks.extend(report.signed)
        if report.enclosure:
            blocks.append(Block("Enclosure", "centre", space_before=18))
        if report.title:
            blocks.append(heading(report.title))
        for number, text in enumerate(report.paragraphs, start=1):
            blocks.append(para(text, f"{number}."))
    furniture = Furniture(symbol=symbol, job_number=job_number, barcode=barcode)
    header_rows = header(symbol if symbol_in_header else None, date)
    return make_pdf(path, blocks, furniture, header_rows, max_lines_per_page)


_LONG_REPORT_PARAGRAPHS = [
    "During the reporting period, KFOR continued to conduct routine framework operations across "
    "the KFOR area of operations, while maintaining a proactive and flexible force posture.",
    "On {day} May, a KFOR patrol met representatives of the Kosovo police and the European Union "
    "Rule of Law Mission in Kosovo (EULEX) near the administrative boundary line.",
    "The close coordination and cooperation at the tactical level between KFOR, EULEX and the "
    "Kosovo police was effective, and freedom of movement was maintained throughout.",
    "KFOR continued to maintain its close cooperation with other security providers in the "
    "Balkans joint operations area, including the Organization for Security and Co-operation in "
    "Europe (OSCE) and the World Health Organization.",
    "The security situation in the north remained calm but fragile; 14 villages held local "
    "festivals and 23 people were arrested by the Kosovo police for smuggling.",
]


def long_document(path: Path, paragraphs_per_report: int = 680) -> Path:
    """A three-report document, about 115 pages by default (for the benchmarks)."""
    period = "from 1 April to 30 June 2020"
    reports = []
    for index, label in enumerate(("Annex I", "Annex II", "Annex III")):
        paragraphs = modern_report(period, "30 June 2020", "3,600", "19", str(8 + index))
        for number in range(paragraphs_per_report):
            template = _LONG_REPORT_PARAGRAPHS[number % len(_LONG_REPORT_PARAGRAPHS)]
            paragraphs.append(template.format(day=number % 28 + 1))
        reports.append(ReportSpec(label, nato_letter(period), paragraphs=paragraphs))
    cover = cover_letter(
        "3 December 2020",
        "3 August 2020 and 24 November 2020",
        f"{period} and from 1 July to 30 September 2020",
        "I to III",
    )
    return build(path, reports, cover=cover)
