"""Held-out documents of 1999-2005: monthly and bimonthly reports (capitals, undotted paragraph
numbers, MNB incidents, exact totals with non-NATO shares)."""

from __future__ import annotations

from tests.core.extraction.real_world import Case, D, centre, english_header, numbered
from tests.core.synthetic_pdf import Block, Furniture, heading, para


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


CASES = [
    _monthly_1999(),
    _monthly_2000_noisy(),
    _monthly_2001_old_layout(),
    _monthly_2003_of_whom(),
    _monthly_2004_current_strength(),
    _bimonthly_2005_including(),
]
