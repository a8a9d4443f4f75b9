"""Held-out documents of 2015-2024: quarterly reports with nation counts (one to three per
document) and a French version."""

from __future__ import annotations

from tests.core.extraction.real_world import Case, D, centre, english_header, numbered
from tests.core.synthetic_pdf import Furniture, heading, para


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


CASES = [
    _quarterly_2015_requests_from_police(),
    _quarterly_2017_allies_and_partners(),
    _three_reports_2019(),
    _french_2021(),
    _quarterly_2023_serious_incident(),
    _recent_2024_incident(),
]
