"""A held-out corpus: KFOR documents of every era written the way the real ones read (1999 monthly
reports in capitals, middle-era exact totals with non-NATO shares, quarterly reports with en-dash
ranges, recent ones with nation counts, a French version, OCR-like noise), with the values a
careful reader would take from each. Texts and figures are invented; the wordings are the family's.

Each `Case` is typeset by tests.core.synthetic_pdf; `expected` holds the document, cover-letter
and per-report values (None where the text does not state the field).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tests.core.synthetic_pdf import Block, Furniture, heading, para

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


def _monthly_1999() -> Case:
    blocks = [
        heading(
            "LETTER DATED 19 NOVEMBER 1999 FROM THE SECRETARY-GENERAL ADDRESSED TO THE "
            "PRESIDENT OF THE SECURITY COUNCIL"
        ),
        para(
            "Pursuant to paragraph 20 of Security Council resolution 1244 (1999), I have the "
            "honour to convey herewith the fourth monthly report on the operations of the "
            "international security presence in Kosovo, covering the period 1 to 31 October "
            "(see annex)."
        ),
        para("(Signed) Kofi A. ANNAN"),
        centre("Annex"),
        para(
            "I am writing to transmit the monthly report on the operations of the Kosovo Force "
            "covering the period 1 to 31 October."
        ),
        para("(Signed) Henrik VALLBERG"),
        heading("Monthly report to the United Nations on the operations of the Kosovo Force"),
        *numbered(
            [
                "This report covers the period 1 to 31 October. Over the reporting period, the "
                "number of KFOR troops in Kosovo stood at almost 46,000, with a further 7,000 "
                "providing rear support in neighbouring countries.",
                "The security situation in Kosovo remained tense, with ethnically motivated "
                "violence in the main towns.",
                "MNB North. On 4 October, a grenade was thrown at a KFOR patrol in Mitrovica; two "
                "soldiers were injured. Some 3,000 people took part in a demonstration on the "
                "main bridge.",
                "MNB East. On 12 October, KFOR detained 9 persons and seized 14 weapons in three "
                "villages near Gnjilane.",
                "MNB Centre. A total of 120 incidents of arson and looting were reported in the "
                "brigade area.",
            ],
            dots=False,
        ),
    ]
    return Case(
        "1999 monthly, capitals, no dots",
        english_header("S/1999/1185", "22 November 1999", capitals=True),
        blocks,
        Furniture("S/1999/1185", "99-35012 (E)  221199", "*9935012*"),
        document={
            "symbol": "S/1999/1185",
            "distribution": "General",
            "distribution_date": D(1999, 11, 22),
            "original_language": "English",
            "job_number": "99-35012 (E)",
        },
        cover={
            "date": D(1999, 11, 19),
            "sender": "Secretary-General",
            "addressee": "President of the Security Council",
            "signatory": "Kofi A. Annan",
            "resolution": "1244 (1999)",
            "transmitted_letter_dates": [],
        },
        reports=[
            {
                "label": "Annex",
                "letter_date": None,
                "signatory": "Henrik Vallberg",
                "period_start": D(1999, 10, 1),
                "period_end": D(1999, 10, 31),
                "as_at": None,
                "troops_total": 46000,
                "troops_approximate": True,
                "troops_qualifier": "almost",
                "nato_nations": None,
                "non_nato_nations": None,
                "contributing_nations": None,
                "non_nato_troops": None,
                "major_incidents": None,
                "intervention_requests": None,
                "event_dates": [D(1999, 10, 4), D(1999, 10, 12)],
                "assessment_starts": "The security situation in Kosovo remained tense",
            }
        ],
    )


def _monthly_2000_noisy() -> Case:
    blocks = [
        heading(
            "Letter dated 21 June 2000 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "Pursuant to paragraph 20 of Security Council resolution 1244 (1999), I have the "
            "honour to transmit herewith the monthly report on the operations  of the Kosovo "
            "Force, covering the period 1 to 31 May 2000 (see annex)."
        ),
        para("(Signed) Kofi A. ANNAN"),
        centre("Annex. Monthly report to the United Nations on the operations of the Kosovo Force"),
        *numbered(
            [
                "This report covers the period 1 to 31 May 2000 .",
                "Over the reporting period  KFOR troop strength was nearly 42,500 , drawn from 39 "
                "nations, of whom some 5,600 came from non-NATO nations .",
                "The overall secu- rity situation in Kosovo remained calm but tense . Some 27 "
                "people were arrested for illegal possession of weapons.",
                "In MNB South, on 23 May, a Kosovo Serb house was set on fire in the village of "
                "Velika Hoca; 2 villages were placed under curfew.",
                "In MNB West, on 2 8 May an explosive device was found . In MNB North, "
                "approximately 1,500 people demonstrated in Mitrovica on 28 May.",
            ],
            dots=False,
        ),
    ]
    return Case(
        "2000 monthly, OCR-like noise, Annex. heading",
        english_header("S/2000/614", "26 June 2000", capitals=True),
        blocks,
        Furniture("S/2000/614", "00-49876 (E)  260600", "*0049876*"),
        document={"symbol": "S/2000/614", "distribution_date": D(2000, 6, 26)},
        cover={"date": D(2000, 6, 21), "signatory": "Kofi A. Annan", "resolution": "1244 (1999)"},
        reports=[
            {
                "label": "Annex",
                "signatory": None,
                "signatory_title": None,
                "period_start": D(2000, 5, 1),
                "period_end": D(2000, 5, 31),
                "as_at": None,
                "troops_total": 42500,
                "troops_qualifier": "nearly",
                "contributing_nations": 39,
                "non_nato_troops": 5600,
                "nato_nations": None,
                "non_nato_nations": None,
                "major_incidents": None,
                "assessment_starts": "The overall secu",
            }
        ],
    )


def _monthly_2003_of_whom() -> Case:
    blocks = [
        heading(
            "Letter dated 24 June 2003 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "Pursuant to paragraph 20 of Security Council resolution 1244 (1999), I have the "
            "honour to transmit herewith a letter dated 5 June 2003 from the Deputy Secretary "
            "General of the North Atlantic Treaty Organization transmitting the monthly report "
            "on KFOR operations for the period 1 to 30 April 2003 (see annex)."
        ),
        para("(Signed) Kofi A. Annan"),
        centre("Annex"),
        heading(
            "Letter dated 5 June 2003 from the Deputy Secretary General of the North Atlantic "
            "Treaty Organization addressed to the Secretary-General"
        ),
        para(
            "Please find attached the monthly report on KFOR operations for April 2003. I would "
            "be grateful if you could make it available to the members of the Security Council."
        ),
        para("(Signed) Alessandro Ferri"),
        Block("Deputy Secretary General", "para", space_before=0),
        centre("Enclosure"),
        heading("Monthly report to the United Nations on KFOR operations"),
        *numbered(
            [
                "This report covers KFOR operations for the period 1 to 30 April 2003.",
                "As at 15 April 2003, the total number of troops in theatre was 17,850, of whom "
                "2,140 were from non-NATO countries.",
                "The overall security situation in Kosovo remained stable but fragile.",
                "A total of 12 incidents involving explosive devices were reported. On 17 April, "
                "3,000 people took part in a demonstration in Mitrovica; KFOR seized 312 weapons "
                "during a search operation on 22 April.",
            ]
        ),
    ]
    return Case(
        "2003 monthly, exact total, of whom non-NATO",
        english_header("S/2003/675", "27 June 2003"),
        blocks,
        Furniture("S/2003/675", "03-40521 (E)  270603", "*0340521*"),
        document={"symbol": "S/2003/675", "job_number": "03-40521 (E)"},
        cover={"date": D(2003, 6, 24), "transmitted_letter_dates": [D(2003, 6, 5)]},
        reports=[
            {
                "label": "Annex",
                "letter_date": D(2003, 6, 5),
                "signatory": "Alessandro Ferri",
                "signatory_title": "Deputy Secretary General",
                "period_start": D(2003, 4, 1),
                "period_end": D(2003, 4, 30),
                "as_at": D(2003, 4, 15),
                "troops_total": 17850,
                "troops_approximate": False,
                "non_nato_troops": 2140,
                "nato_nations": None,
                "contributing_nations": None,
                "event_dates": [D(2003, 4, 17), D(2003, 4, 22)],
            }
        ],
    )


def _bimonthly_2005_including() -> Case:
    blocks = [
        heading(
            "Letter dated 27 May 2005 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "I have the honour to transmit herewith a letter dated 23 May 2005 from the Acting "
            "Secretary General of the North Atlantic Treaty Organization, Mr. Pieter van der "
            "Berg, transmitting the report on KFOR operations covering the period from 1 March "
            "to 30 April 2005 (see annex)."
        ),
        para("(Signed) Kofi A. Annan"),
        centre("Annex"),
        para(
            "In accordance with Security Council resolution 1244 (1999), I attach the report on "
            "KFOR operations for March and April 2005."
        ),
        para("(Signed) Mr. Pieter van der Berg"),
        Block("Acting Secretary General", "para", space_before=0),
        centre("Enclosure"),
        heading("Report to the United Nations on KFOR operations"),
        *numbered(
            [
                "The present report covers the period from 1 March to 30 April 2005.",
                "KFOR troop strength stood at 15,800 during the reporting period, including "
                "1,900 non-NATO troops.",
                "There were no major security incidents during the reporting period.",
                "The security situation remained calm. On 17 March, Kosovo police arrested 14 "
                "suspects, and representatives of 45 countries met in Vienna on 30 March.",
            ]
        ),
    ]
    return Case(
        "2005 bimonthly, stood at, including non-NATO, Mr. + Acting",
        english_header("S/2005/362", "1 June 2005"),
        blocks,
        Furniture("S/2005/362", "05-36789 (E)  010605", "*0536789*"),
        document={"distribution_date": D(2005, 6, 1), "symbol": "S/2005/362"},
        cover={"date": D(2005, 5, 27), "transmitted_letter_dates": [D(2005, 5, 23)]},
        reports=[
            {
                "letter_date": D(2005, 5, 23),
                "signatory": "Pieter van der Berg",
                "signatory_title": "Acting Secretary General",
                "period_start": D(2005, 3, 1),
                "period_end": D(2005, 4, 30),
                "as_at": None,
                "troops_total": 15800,
                "troops_approximate": False,
                "non_nato_troops": 1900,
                "nato_nations": None,
                "contributing_nations": None,
                "major_incidents": False,
                "intervention_requests": None,
                "event_dates": [D(2005, 3, 17), D(2005, 3, 30)],
            }
        ],
    )


def _monthly_2008_next_sentence() -> Case:
    blocks = [
        heading(
            "Letter dated 10 March 2008 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "I have the honour to transmit herewith a letter dated 4 March 2008 from the Deputy "
            "Secretary General of the North Atlantic Treaty Organization, transmitting the "
            "monthly report on KFOR operations for the period from 1 to 31 January 2008 (see "
            "annex)."
        ),
        para("(Signed) BAN Ki-moon"),
        centre("Annex"),
        para("I have the honour to enclose the monthly report on KFOR operations."),
        para("(Signed) Deputy Secretary General"),
        centre("Enclosure"),
        heading("Monthly report to the United Nations on KFOR operations"),
        *numbered(
            [
                "This report covers the period from 1 to 31 January 2008.",
                "As at 31 January 2008, KFOR troop strength was 15,100. Non-NATO nations "
                "contributed 1,650 of these troops.",
                "The security situation in Kosovo remained calm but tense. There were no major "
                "security incidents and no requests for KFOR to intervene.",
                "On 20 January, KFOR destroyed 240 weapons handed in during an amnesty.",
            ]
        ),
    ]
    return Case(
        "2008 monthly, non-NATO in the next sentence, office-only signatory",
        english_header("S/2008/171", "12 March 2008"),
        blocks,
        Furniture("S/2008/171", "08-26543 (E)  120308", "*0826543*"),
        cover={"date": D(2008, 3, 10), "signatory": "Ban Ki-moon"},
        reports=[
            {
                "letter_date": D(2008, 3, 4),
                "signatory": None,
                "signatory_title": "Deputy Secretary General",
                "period_start": D(2008, 1, 1),
                "period_end": D(2008, 1, 31),
                "as_at": D(2008, 1, 31),
                "troops_total": 15100,
                "troops_approximate": False,
                "non_nato_troops": 1650,
                "major_incidents": False,
                "intervention_requests": False,
                "event_dates": [D(2008, 1, 20)],
            }
        ],
    )


def _quarterly_2010_year_boundary() -> Case:
    blocks = [
        heading(
            "Letter dated 18 March 2010 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "I have the honour to transmit herewith a letter dated 8 March 2010 from the "
            "Secretary-General of the North Atlantic Treaty Organization, Lars Holmgren, "
            "transmitting the report on KFOR operations for the period from 1 November 2009 to "
            "31 January 2010 (see annex)."
        ),
        para("(Signed) BAN Ki-moon"),
        centre("Annex"),
        para(
            "In accordance with paragraph 20 of Security Council resolution 1244 (1999), I "
            "attach the quarterly report on Kosovo Force operations (see enclosure)."
        ),
        para("(Signed) Lars Holmgren"),
        centre("Enclosure"),
        heading("Report to the United Nations on Kosovo Force operations"),
        *numbered(
            [
                "The present report covers the period from 1 November 2009 to 31 January 2010.",
                "As at 31 January, KFOR troop strength remained at approximately 10,200.",
                "The overall security situation in Kosovo remained stable. There were no major "
                "security incidents during the reporting period.",
                "On 15 December, the North Atlantic Council decided to move KFOR to the next "
                "phase of its reduction. On 9 January, a KFOR patrol was stoned near Zubin Potok.",
            ]
        ),
    ]
    return Case(
        "2010 quarterly across a year boundary, 'As at 31 January' without year",
        english_header("S/2010/150", "22 March 2010"),
        blocks,
        Furniture("S/2010/150", "10-28111 (E)  220310", "*1028111*"),
        cover={"date": D(2010, 3, 18), "transmitted_letter_dates": [D(2010, 3, 8)]},
        reports=[
            {
                "label": "Annex",
                "letter_date": D(2010, 3, 8),
                "signatory": "Lars Holmgren",
                "signatory_title": "Secretary-General of the North Atlantic Treaty Organization",
                "period_start": D(2009, 11, 1),
                "period_end": D(2010, 1, 31),
                "as_at": D(2010, 1, 31),
                "troops_total": 10200,
                "troops_approximate": True,
                "troops_qualifier": "approximately",
                "major_incidents": False,
                "event_dates": [D(2009, 12, 15), D(2010, 1, 9)],
            }
        ],
    )


def _quarterly_2013_two_reports() -> Case:
    def report(period: str, as_at: str, troops: str, nations: str) -> list[Block]:
        return [
            centre("Enclosure"),
            heading("Report to the United Nations on Kosovo Force operations"),
            *numbered(
                [
                    "The present report covers Kosovo Force (KFOR) activities during the "
                    f"reporting period ({period}).",
                    f"As at {as_at}, the total number of KFOR troops in theatre was "
                    f"approximately {troops}, from {nations} troop-contributing nations.",
                    "The overall security situation in Kosovo remained calm but fragile, in "
                    "particular in the north. There were no major security incidents.",
                ]
            ),
        ]

    blocks = [
        heading(
            "Letter dated 14 May 2013 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit "
            "the attached letters dated 7 February and 6 May 2013 from the Secretary-General of "
            "the North Atlantic Treaty Organization, Lars Holmgren, transmitting reports on "
            "KFOR operations for the periods from 1 October to 31 December 2012 and from 1 "
            "January to 31 March 2013 (see annexes I and II)."
        ),
        para("(Signed) BAN Ki-moon"),
        centre("Annex I"),
        para("Please find attached the quarterly report on Kosovo Force operations."),
        para("(Signed) Lars Holmgren"),
        *report("1 October\u201331 December 2012", "31 December 2012", "5,100", "31"),
        centre("Annex II"),
        para("Please find attached the quarterly report on Kosovo Force operations."),
        para("(Signed) Lars Holmgren"),
        *report("1 January-31 March 2013", "31 March 2013", "4,900", "30"),
    ]
    return Case(
        "2013 quarterly, two annexes, en-dash ranges in parentheses",
        english_header("S/2013/123", "16 May 2013"),
        blocks,
        Furniture("S/2013/123", "13-33456 (E)  160513  170513", "*1333456*"),
        document={"symbol": "S/2013/123", "job_number": "13-33456 (E)"},
        cover={
            "date": D(2013, 5, 14),
            "transmitted_letter_dates": [D(2013, 2, 7), D(2013, 5, 6)],
        },
        reports=[
            {
                "label": "Annex I",
                "letter_date": D(2013, 2, 7),
                "period_start": D(2012, 10, 1),
                "period_end": D(2012, 12, 31),
                "as_at": D(2012, 12, 31),
                "troops_total": 5100,
                "contributing_nations": 31,
                "nato_nations": None,
                "major_incidents": False,
            },
            {
                "label": "Annex II",
                "letter_date": D(2013, 5, 6),
                "period_start": D(2013, 1, 1),
                "period_end": D(2013, 3, 31),
                "as_at": D(2013, 3, 31),
                "troops_total": 4900,
                "contributing_nations": 30,
            },
        ],
    )


def _three_reports_2019() -> Case:
    def annex(label: str, date: str, period: str, as_at: str, troops: str, nations: str):
        return [
            centre(label),
            heading(
                f"Letter dated {date} from the Secretary General of the North Atlantic Treaty "
                "Organization addressed to the Secretary-General"
            ),
            para(
                "In accordance with paragraph 20 of Security Council resolution 1244 (1999), "
                "please find attached the quarterly report on Kosovo Force operations covering "
                f"the period {period} (see enclosure)."
            ),
            para("(Signed) Jonas Eriksen"),
            centre("Enclosure"),
            heading("Report to the United Nations on Kosovo Force operations"),
            *numbered(
                [
                    "The present report is submitted in accordance with Security Council "
                    "resolutions 1244 (1999) and 2470 (2019) and covers the period "
                    f"{period}.",
                    f"As at {as_at}, the total number of KFOR troops in theatre remained "
                    f"approximately {troops}, {nations}.",
                    "There were no major security incidents during the reporting period and no "
                    "requests for KFOR to intervene as a third security responder.",
                    "Representatives of 12 countries attended a regional conference in Skopje. "
                    "The security situation remained generally calm but fragile.",
                ]
            ),
        ]

    blocks = [
        heading(
            "Letter dated 2 December 2019 from the Secretary-General addressed to the President "
            "of the Security Council"
        ),
        para(
            "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit "
            "the attached letters, dated 14 May, 30 August and 25 November 2019, from the "
            "Secretary General of the North Atlantic Treaty Organization, Jonas Eriksen, each "
            "transmitting a report on the international security presence in Kosovo (see "
            "annexes I to III)."
        ),
        para("(Signed) Ana Ribeiro"),
        *annex(
            "Annex I",
            "14 May 2019",
            "from 1 January to 31 March 2019",
            "31 March 2019",
            "3,500",
            "from 20 NATO and 8 non-NATO troop-contributing nations",
        ),
        *annex(
            "Annex II",
            "30 August 2019",
            "from 1 April to 30 June 2019",
            "30 June 2019",
            "3,450",
            "from 21 North Atlantic Treaty Organization (NATO) and 7 non-NATO troop-"
            "contributing nations",
        ),
        *annex(
            "Annex III",
            "25 November 2019",
            "from 1 July to 30 September 2019",
            "15 September 2019",
            "3,500",
            "from 28 nations",
        ),
    ]
    return Case(
        "2019 three annexes with NATO letter headings and nation counts",
        english_header("S/2019/934", "4 December 2019"),
        blocks,
        Furniture("S/2019/934", "19-20876 (E)  041219", "*1920876*"),
        cover={
            "date": D(2019, 12, 2),
            "signatory": "Ana Ribeiro",
            "transmitted_letter_dates": [D(2019, 5, 14), D(2019, 8, 30), D(2019, 11, 25)],
        },
        reports=[
            {
                "label": "Annex I",
                "letter_date": D(2019, 5, 14),
                "signatory": "Jonas Eriksen",
                "signatory_title": "Secretary General of the North Atlantic Treaty Organization",
                "period_start": D(2019, 1, 1),
                "period_end": D(2019, 3, 31),
                "as_at": D(2019, 3, 31),
                "troops_total": 3500,
                "troops_qualifier": "approximately",
                "nato_nations": 20,
                "non_nato_nations": 8,
                "contributing_nations": None,
                "major_incidents": False,
                "intervention_requests": False,
                "resolutions": ["1244 (1999)", "2470 (2019)"],
                "event_dates": [],
            },
            {
                "label": "Annex II",
                "letter_date": D(2019, 8, 30),
                "period_end": D(2019, 6, 30),
                "troops_total": 3450,
                "nato_nations": 21,
                "non_nato_nations": 7,
            },
            {
                "label": "Annex III",
                "letter_date": D(2019, 11, 25),
                "period_start": D(2019, 7, 1),
                "as_at": D(2019, 9, 15),
                "troops_total": 3500,
                "nato_nations": None,
                "non_nato_nations": None,
                "contributing_nations": 28,
            },
        ],
    )


def _recent_2024_incident() -> Case:
    blocks = [
        heading(
            "Letter dated 20 September 2024 from the Secretary-General addressed to the "
            "President of the Security Council"
        ),
        para(
            "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit "
            "the attached letter, dated 12 September 2024, from the Secretary-General of the "
            "North Atlantic Treaty Organization, Maarten de Groot, transmitting a report on the "
            "international security presence in Kosovo covering the period from 1 April to 30 "
            "June 2024 (see annex)."
        ),
        para("(Signed) Ana Ribeiro"),
        centre("Annex"),
        para(
            "In accordance with paragraph 20 of Security Council resolution 1244 (1999), please "
            "find attached the quarterly report on Kosovo Force operations (see enclosure)."
        ),
        para("(Signed) Maarten de Groot"),
        centre("Enclosure"),
        heading("Report to the United Nations on Kosovo Force operations"),
        *numbered(
            [
                "The present report covers Kosovo Force (KFOR) activities from 1 April to 30 June "
                "2024.",
                "As at 30 June 2024, the total number of KFOR troops in theatre was approximately "
                "4,400, from 21 North Atlantic Treaty Organization (NATO) and 8 non-NATO "
                "troop-contributing nations.",
                "There was one major security incident during the reporting period; there were "
                "no requests for KFOR to intervene as a third security responder.",
                "On 14 May, 25 people were injured in clashes in Zvecan. The security situation "
                "in the north of Kosovo remained tense.",
            ]
        ),
    ]
    return Case(
        "2024 quarterly, one major incident, no request",
        english_header("S/2024/688", "24 September 2024"),
        blocks,
        Furniture("S/2024/688", "24-17345 (E)  240924", "*2417345*"),
        cover={"date": D(2024, 9, 20), "transmitted_letter_dates": [D(2024, 9, 12)]},
        reports=[
            {
                "label": "Annex",
                "letter_date": D(2024, 9, 12),
                "signatory": "Maarten de Groot",
                "signatory_title": "Secretary-General of the North Atlantic Treaty Organization",
                "period_start": D(2024, 4, 1),
                "period_end": D(2024, 6, 30),
                "as_at": D(2024, 6, 30),
                "troops_total": 4400,
                "nato_nations": 21,
                "non_nato_nations": 8,
                "major_incidents": True,
                "intervention_requests": False,
                "event_dates": [D(2024, 5, 14)],
            }
        ],
    )


def _french_2021() -> Case:
    blocks = [
        heading(
            "Lettre datée du 29 mars 2021, adressée à la Présidente du Conseil de sécurité par "
            "le Secrétaire général"
        ),
        para(
            "Conformément à la résolution 1244 (1999) du Conseil de sécurité, j'ai l'honneur de "
            "vous transmettre ci-joint la lettre datée du 15 mars 2021 que m'a adressée le "
            "Secrétaire général de l'Organisation du Traité de l'Atlantique Nord, par laquelle "
            "il transmet le rapport sur les opérations de la KFOR pour la période du 1er "
            "octobre au 31 décembre 2020 (voir annexe)."
        ),
        para("(Signé) Ana Ribeiro"),
        centre("Annexe"),
        para(
            "Conformément au paragraphe 20 de la résolution 1244 (1999) du Conseil de sécurité, "
            "veuillez trouver ci-joint le rapport trimestriel sur les opérations de la KFOR."
        ),
        para("(Signé) Maarten de Groot"),
        centre("Pièce jointe"),
        heading("Rapport à l'Organisation des Nations Unies sur les opérations de la KFOR"),
        *numbered(
            [
                "Le présent rapport porte sur les activités de la Force de paix au Kosovo "
                "(KFOR) pendant la période du 1er octobre au 31 décembre 2020.",
                "Au 31 décembre 2020, l'effectif total de la KFOR sur le théâtre était "
                "d'environ 3 400 militaires, provenant de 19 pays membres de l'Organisation du "
                "Traité de l'Atlantique Nord (OTAN) et de 8 pays non membres de l'OTAN.",
                "Aucun incident de sécurité majeur ne s'est produit pendant la période considérée.",
            ]
        ),
    ]
    header = [
        ("Nations Unies", "S/2021/301"),
        ("Conseil de sécurité", "Distr. générale"),
        ("", "1er avril 2021"),
        ("", "Français"),
        ("", "Original : anglais"),
    ]
    return Case(
        "2021 French version",
        header,
        blocks,
        Furniture("S/2021/301", "21-04512 (F)  010421", "*2104512*"),
        document={
            "organ": "Conseil de sécurité",
            "symbol": "S/2021/301",
            "distribution": "Générale",
            "distribution_date": D(2021, 4, 1),
            "original_language": "Anglais",
            "job_number": "21-04512 (F)",
        },
        cover={"date": D(2021, 3, 29), "transmitted_letter_dates": [D(2021, 3, 15)]},
        reports=[
            {
                "label": "Annexe",
                "letter_date": D(2021, 3, 15),
                "signatory": "Maarten de Groot",
                "period_start": D(2020, 10, 1),
                "period_end": D(2020, 12, 31),
                "as_at": D(2020, 12, 31),
                "troops_total": 3400,
                "troops_approximate": True,
                "nato_nations": 19,
                "non_nato_nations": 8,
                "major_incidents": False,
            }
        ],
    )


def _monthly_2006_one_month() -> Case:
    blocks = [
        heading(
            "Letter dated 29 June 2006 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit "
            "herewith the report on the international security presence in Kosovo for the "
            "period from 1 to 31 May 2006 (see annex)."
        ),
        para("(Signed) Kofi A. Annan"),
        centre("Annex"),
        heading("Monthly report to the United Nations on KFOR operations"),
        *numbered(
            [
                "This report covers the period from 1 to 31 May 2006.",
                "The total number of troops in theatre was 16,250. Of those, 2,100 were from "
                "non-NATO countries.",
                "The overall security situation remained calm. A total of 67 weapons and 3,400 "
                "rounds of ammunition were seized in 28 operations.",
                "On 12 May, the Special Representative of the Secretary-General, Peter Lund, "
                "met the Commander of KFOR. Between 18 and 20 May, an exercise took place in "
                "Multinational Task Force North.",
            ]
        ),
    ]
    return Case(
        "2006 monthly report directly in the annex",
        english_header("S/2006/460", "30 June 2006"),
        blocks,
        Furniture("S/2006/460", "06-41234 (E)  300606", "*0641234*"),
        cover={"date": D(2006, 6, 29), "transmitted_letter_dates": []},
        reports=[
            {
                "label": "Annex",
                "letter_date": None,
                "signatory": None,
                "period_start": D(2006, 5, 1),
                "period_end": D(2006, 5, 31),
                "as_at": None,
                "troops_total": 16250,
                "troops_approximate": False,
                "non_nato_troops": 2100,
                "event_dates": [D(2006, 5, 12), D(2006, 5, 18)],
                "people": ["Peter Lund"],
            }
        ],
    )


def _monthly_2001_old_layout() -> Case:
    header = [
        ("UNITED NATIONS", "S"),
        ("Security Council", "Distr."),
        ("", "GENERAL"),
        ("", "S/2001/389"),
        ("", "20 April 2001"),
        ("", "ORIGINAL: ENGLISH"),
    ]
    blocks = [
        heading(
            "LETTER DATED 18 APRIL 2001 FROM THE SECRETARY-GENERAL ADDRESSED TO THE PRESIDENT "
            "OF THE SECURITY COUNCIL"
        ),
        para(
            "Pursuant to paragraph 20 of Security Council resolution 1244 (1999), I have the "
            "honour to convey the attached report on the international security presence in "
            "Kosovo for the month of March 2001, received from the Secretary-General of the "
            "North Atlantic Treaty Organization (see annex)."
        ),
        para("(Signed) Kofi A. ANNAN"),
        centre(
            "Annex to the letter dated 18 April 2001 from the Secretary-General addressed to "
            "the President of the Security Council"
        ),
        heading("Monthly report to the United Nations on the operations of the Kosovo Force"),
        *numbered(
            [
                "This report covers KFOR operations during the month of March 2001.",
                "KFOR's strength is currently about 39,000 troops in Kosovo, provided by 36 "
                "nations.",
                "The situation in Kosovo remained tense in the Presevo valley and calm elsewhere.",
                "MNB East. On 7 March, 12 armed men were detained near the administrative "
                "boundary line; 40 rifles and 6 mortars were seized.",
                "MNB South. On 19 March, an explosion damaged a bus carrying 30 passengers.",
            ],
            dots=False,
        ),
        para("(Signed) Pieter de HAAN"),
    ]
    return Case(
        "2001 monthly, old header columns, 'for the month of', 'Annex to the letter'",
        header,
        blocks,
        Furniture("S/2001/389", "01-33871 (E)  200401", "*0133871*"),
        document={
            "symbol": "S/2001/389",
            "distribution": "General",
            "distribution_date": D(2001, 4, 20),
            "original_language": "English",
        },
        cover={
            "date": D(2001, 4, 18),
            "sender": "Secretary-General",
            "signatory": "Kofi A. Annan",
        },
        reports=[
            {
                "label": "Annex",
                "period_start": D(2001, 3, 1),
                "period_end": D(2001, 3, 31),
                "as_at": None,
                "troops_total": 39000,
                "troops_qualifier": "about",
                "contributing_nations": 36,
                "non_nato_troops": None,
                "major_incidents": None,
                "intervention_requests": None,
                "event_dates": [D(2001, 3, 7), D(2001, 3, 19)],
                "assessment_starts": "The situation in Kosovo remained tense",
            }
        ],
    )


def _quarterly_2015_requests_from_police() -> Case:
    blocks = [
        heading(
            "Letter dated 5 May 2015 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "I have the honour to transmit herewith a letter dated 23 April 2015 from the "
            "Secretary General of NATO, transmitting the report on the international security "
            "presence in Kosovo for the period 1 January - 31 March 2015 (see annex)."
        ),
        para("(Signed) BAN Ki-moon"),
        centre("Annex"),
        heading(
            "Letter dated 23 April 2015 from the Secretary General of NATO addressed to the "
            "Secretary-General"
        ),
        para("I attach the quarterly report on KFOR operations for your information."),
        para("(Signed) Jonas Eriksen"),
        centre("Enclosure"),
        heading("Report to the United Nations on KFOR operations"),
        *numbered(
            [
                "This report covers the period 1 January - 31 March 2015.",
                "As of 31 March 2015, KFOR troops numbered approximately 4,600, provided by 31 "
                "nations.",
                "No major incidents affecting KFOR were reported. There have been no requests "
                "from the Kosovo police or EULEX for KFOR to intervene.",
                "The security situation in Kosovo remained calm and stable. About 2,000 people "
                "gathered in Pristina on 27 January; 120 police officers were injured.",
            ]
        ),
    ]
    return Case(
        "2015 quarterly, 'As of', 'provided by 31 nations', requests from the police",
        english_header("S/2015/318", "6 May 2015"),
        blocks,
        Furniture("S/2015/318", "15-07123 (E)  060515", "*1507123*"),
        cover={"date": D(2015, 5, 5), "transmitted_letter_dates": [D(2015, 4, 23)]},
        reports=[
            {
                "letter_date": D(2015, 4, 23),
                "signatory": "Jonas Eriksen",
                "signatory_title": "Secretary General of NATO",
                "period_start": D(2015, 1, 1),
                "period_end": D(2015, 3, 31),
                "as_at": D(2015, 3, 31),
                "troops_total": 4600,
                "troops_qualifier": "approximately",
                "contributing_nations": 31,
                "major_incidents": False,
                "intervention_requests": False,
                "event_dates": [D(2015, 1, 27)],
            }
        ],
    )


def _quarterly_2017_allies_and_partners() -> Case:
    blocks = [
        heading(
            "Letter dated 21 February 2017 from the Secretary-General addressed to the "
            "President of the Security Council"
        ),
        para(
            "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit "
            "the attached letter, dated 10 February 2017, from the Secretary General of the "
            "North Atlantic Treaty Organization, Jonas Eriksen, transmitting a report on the "
            "international security presence in Kosovo, covering the period from 1 October to "
            "31 December 2016 (see annex)."
        ),
        para("(Signed) Ana Ribeiro"),
        centre("Annex"),
        para("Please find attached the quarterly report on Kosovo Force operations."),
        para("(Signed) Jonas Eriksen"),
        centre("Enclosure"),
        heading("Report to the United Nations on Kosovo Force operations"),
        *numbered(
            [
                "The present report covers the period from 1 October to 31 December 2016.",
                "As at 31 December 2016, KFOR comprised approximately 4,300 troops from 21 NATO "
                "Allies and 7 partner nations.",
                "There were no major security incidents. KFOR was not required to intervene as "
                "a third security responder.",
                "The security situation remained calm. Ministers from 14 countries met in "
                "Pristina on 6 December.",
            ]
        ),
    ]
    return Case(
        "2017 quarterly, Allies and partner nations, not required to intervene",
        english_header("S/2017/160", "23 February 2017"),
        blocks,
        Furniture("S/2017/160", "17-02345 (E)  230217", "*1702345*"),
        cover={"date": D(2017, 2, 21), "transmitted_letter_dates": [D(2017, 2, 10)]},
        reports=[
            {
                "letter_date": D(2017, 2, 10),
                "signatory": "Jonas Eriksen",
                "signatory_title": "Secretary General of the North Atlantic Treaty Organization",
                "period_start": D(2016, 10, 1),
                "period_end": D(2016, 12, 31),
                "as_at": D(2016, 12, 31),
                "troops_total": 4300,
                "nato_nations": 21,
                "non_nato_nations": 7,
                "contributing_nations": None,
                "major_incidents": False,
                "intervention_requests": False,
                "event_dates": [D(2016, 12, 6)],
            }
        ],
    )


def _quarterly_2011_nations_in_parentheses() -> Case:
    blocks = [
        heading(
            "Letter dated 15 March 2011 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "I have the honour to transmit herewith a letter dated 9 March 2011 from the "
            "Secretary-General of the North Atlantic Treaty Organization, Mr. Lars Holmgren, "
            "transmitting the report on KFOR operations for the period from 1 December 2010 to "
            "28 February 2011 (see annex)."
        ),
        para("(Signed) BAN Ki-moon"),
        centre("Annex"),
        para("I attach the quarterly report on KFOR operations."),
        para("(Signed) Lars Holmgren"),
        centre("Enclosure"),
        heading("Quarterly report to the United Nations on KFOR operations"),
        *numbered(
            [
                "This report covers the period from 1 December 2010 to 28 February 2011.",
                "KFOR's strength currently stands at approximately 6,200 troops from 31 nations "
                "(22 NATO and 9 non-NATO).",
                "The overall security situation remained calm. There were no major security "
                "incidents involving KFOR.",
                "On 12 December 2010, elections to the Assembly of Kosovo took place without "
                "significant incidents. The Kosovo Security Force has 2,500 active members.",
            ]
        ),
    ]
    return Case(
        "2011 quarterly, '31 nations (22 NATO and 9 non-NATO)', page breaks mid-paragraph",
        english_header("S/2011/158", "17 March 2011"),
        blocks,
        Furniture("S/2011/158", "11-26420 (E)  170311", "*1126420*"),
        cover={"date": D(2011, 3, 15), "transmitted_letter_dates": [D(2011, 3, 9)]},
        reports=[
            {
                "letter_date": D(2011, 3, 9),
                "signatory": "Lars Holmgren",
                "signatory_title": "Secretary-General of the North Atlantic Treaty Organization",
                "period_start": D(2010, 12, 1),
                "period_end": D(2011, 2, 28),
                "as_at": None,
                "troops_total": 6200,
                "contributing_nations": 31,
                "nato_nations": 22,
                "non_nato_nations": 9,
                "non_nato_troops": None,
                "major_incidents": False,
                "event_dates": [D(2010, 12, 12)],
            }
        ],
        max_lines_per_page=9,
    )


def _monthly_2004_current_strength() -> Case:
    blocks = [
        heading(
            "Letter dated 30 June 2004 from the Secretary-General addressed to the President of "
            "the Security Council"
        ),
        para(
            "I have the honour to transmit herewith the report on the international security "
            "presence in Kosovo covering the period from 1 to 31 May 2004 (see annex)."
        ),
        para("(Signed) Kofi A. Annan"),
        centre("Annex"),
        heading(
            "Letter dated 23 June 2004 from the Secretary General of NATO addressed to the "
            "Secretary-General"
        ),
        para("Please find enclosed the monthly report on KFOR operations for May 2004."),
        para("(Signed) Jan de VRIES BAKKER"),
        centre("Enclosure"),
        heading("Monthly report to the United Nations on KFOR operations"),
        *numbered(
            [
                "This report covers the period from 1 to 31 May 2004.",
                "The current KFOR strength is 17,467 troops including 2,150 from non-NATO "
                "countries.",
                "The security situation in Kosovo remained calm but tense after the violence of "
                "March. KFOR arrested 31 persons; 5 villages were searched.",
                "On 26 May, KFOR handed over 3 border crossing points to the Kosovo police.",
            ]
        ),
    ]
    return Case(
        "2004 monthly, 'current KFOR strength is ... including ... from non-NATO countries'",
        english_header("S/2004/529", "2 July 2004"),
        blocks,
        Furniture("S/2004/529", "04-40872 (E)  020704", "*0440872*"),
        cover={"date": D(2004, 6, 30), "transmitted_letter_dates": []},
        reports=[
            {
                "letter_date": D(2004, 6, 23),
                "signatory": "Jan de Vries Bakker",
                "signatory_title": "Secretary General of NATO",
                "period_start": D(2004, 5, 1),
                "period_end": D(2004, 5, 31),
                "troops_total": 17467,
                "troops_approximate": False,
                "non_nato_troops": 2150,
                "contributing_nations": None,
                "event_dates": [D(2004, 5, 26)],
            }
        ],
        max_lines_per_page=12,
    )


def _quarterly_2023_serious_incident() -> Case:
    blocks = [
        heading(
            "Letter dated 8 December 2023 from the Secretary-General addressed to the President "
            "of the Security Council"
        ),
        para(
            "Pursuant to Security Council resolution 1244 (1999), I have the honour to transmit "
            "the attached letter, dated 30 November 2023, from the Secretary General of the "
            "North Atlantic Treaty Organization, Maarten de Groot, transmitting a report on the "
            "international security presence in Kosovo, covering the period from 1 July to 30 "
            "September 2023 (see annex)."
        ),
        para("(Signed) Ana Ribeiro"),
        centre("Annex"),
        para("Please find attached the quarterly report on Kosovo Force operations."),
        para("(Signed) Maarten de Groot"),
        centre("Enclosure"),
        heading("Report to the United Nations on Kosovo Force operations"),
        *numbered(
            [
                "The present report covers the period from 1 July to 30 September 2023.",
                "As at 30 September 2023, the total number of KFOR troops in theatre was "
                "approximately 4,500, from 20 NATO Allies and 8 non-NATO partner nations.",
                "The most serious security incident of the reporting period took place on 24 "
                "September in Banjska, where one police officer was killed.",
                "Following the incident, NATO deployed an additional 200 troops from the "
                "operational reserve force; 3,000 people attended the funeral on 27 September.",
            ]
        ),
    ]
    return Case(
        "2023 quarterly, 'NATO Allies and non-NATO partner nations', a serious incident",
        english_header("S/2023/960", "11 December 2023"),
        blocks,
        Furniture("S/2023/960", "23-24555 (E)  111223", "*2324555*"),
        cover={"date": D(2023, 12, 8), "transmitted_letter_dates": [D(2023, 11, 30)]},
        reports=[
            {
                "period_start": D(2023, 7, 1),
                "period_end": D(2023, 9, 30),
                "as_at": D(2023, 9, 30),
                "troops_total": 4500,
                "nato_nations": 20,
                "non_nato_nations": 8,
                "non_nato_troops": None,
                "major_incidents": True,
                "intervention_requests": None,
                "event_dates": [D(2023, 9, 24), D(2023, 9, 27)],
            }
        ],
    )


CASES = [
    _monthly_1999(),
    _monthly_2000_noisy(),
    _monthly_2003_of_whom(),
    _bimonthly_2005_including(),
    _monthly_2006_one_month(),
    _monthly_2008_next_sentence(),
    _quarterly_2010_year_boundary(),
    _quarterly_2013_two_reports(),
    _three_reports_2019(),
    _recent_2024_incident(),
    _french_2021(),
    _monthly_2001_old_layout(),
    _quarterly_2015_requests_from_police(),
    _quarterly_2017_allies_and_partners(),
    _quarterly_2011_nations_in_parentheses(),
    _monthly_2004_current_strength(),
    _quarterly_2023_serious_incident(),
]
