"""Held-out documents of 2006-2013: the last monthly reports and the first quarterly ones (non-NATO
share in the next sentence, office-only signatories, periods across a year boundary, en-dash
ranges)."""

from __future__ import annotations

from tests.core.extraction.real_world import Case, D, centre, english_header, numbered
from tests.core.synthetic_pdf import Block, Furniture, heading, para


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


CASES = [
    _monthly_2006_one_month(),
    _monthly_2008_next_sentence(),
    _quarterly_2010_year_boundary(),
    _quarterly_2011_nations_in_parentheses(),
    _quarterly_2013_two_reports(),
]
