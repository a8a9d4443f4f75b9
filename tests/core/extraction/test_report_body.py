"""Report fields across the family's wordings: periods, "as at", troop totals (approximate and
exact, with non-NATO troops in the same or the next sentence), nation counts, incidents, events."""

from __future__ import annotations

import datetime as dt

import pytest

from kfor_viewer.core.extraction import extract
from tests.core.extraction.kfor_documents import ReportSpec, build, cover_letter, modern_report


def _single_report(tmp_path, paragraphs, title="Report to the United Nations on Kosovo Force"):
    spec = ReportSpec("Annex", paragraphs=paragraphs, title=title, enclosure=False)
    path = build(tmp_path / "report.pdf", [spec], date="10 July 2006")
    result = extract(path)
    assert len(result.reports) == 1, result.message
    return result.reports[0]


def _value(field):
    return None if field is None else field.value


def test_modern_quarterly_wording(tmp_path):
    report = _single_report(
        tmp_path,
        modern_report("from 1 October to 31 December 2005", "31 December 2005", "3,500", "20", "7"),
    )
    assert _value(report.period_start) == dt.date(2005, 10, 1)
    assert _value(report.period_end) == dt.date(2005, 12, 31)
    assert _value(report.as_at) == dt.date(2005, 12, 31)
    assert _value(report.troops_total) == 3500
    assert _value(report.troops_approximate) is True
    assert _value(report.nato_nations) == 20
    assert _value(report.non_nato_nations) == 7
    assert report.non_nato_troops is None
    assert _value(report.major_incidents) is False
    assert _value(report.intervention_requests) is False


def test_villages_and_arrests_are_not_nation_counts(tmp_path):
    paragraphs = [
        "This report covers the period 1 to 31 May 2006.",
        "KFOR troops helped 14 villages and 23 people were arrested during operations.",
        "The security situation remained calm.",
    ]
    report = _single_report(tmp_path, paragraphs)
    assert report.nato_nations is None
    assert report.non_nato_nations is None
    assert report.troops_total is None


@pytest.mark.parametrize(
    ("sentences", "total", "non_nato"),
    [
        (
            [
                "The total number of troops in theatre was 16,250, including 1,850 from non-NATO "
                "countries."
            ],
            16250,
            1850,
        ),
        (
            ["KFOR troop strength was 16,250. Of these, 1,850 troops were from non-NATO nations."],
            16250,
            1850,
        ),
        (
            ["KFOR strength stood at 15 900 troops; troops from non-NATO nations numbered 1 720."],
            15900,
            1720,
        ),
        (["Over the reporting period, KFOR troop strength was some 38,000."], 38000, None),
    ],
)
def test_exact_and_approximate_totals(tmp_path, sentences, total, non_nato):
    paragraphs = ["This report covers the period 1 to 31 May 2006.", *sentences]
    report = _single_report(tmp_path, paragraphs)
    assert _value(report.troops_total) == total
    assert _value(report.non_nato_troops) == non_nato
    assert _value(report.troops_approximate) is ("some" in sentences[0])
    assert report.as_at is None


@pytest.mark.parametrize(
    ("wording", "approximate", "qualifier"),
    [
        ("remained approximately 4,500", True, "approximately"),
        ("remained at approximately 4,500", True, "approximately"),
        ("remains about 4,500", True, "about"),
        ("was almost 4,500", True, "almost"),
        ("was nearly 4,500", True, "nearly"),
        ("was over 4,500", True, "over"),
        ("was 4,500", False, None),
    ],
)
def test_troop_qualifiers(tmp_path, wording, approximate, qualifier):
    paragraphs = [
        "The present report covers the period from 1 April to 30 June 2006.",
        f"As at 30 June 2006, the total number of KFOR troops in theatre {wording}.",
    ]
    report = _single_report(tmp_path, paragraphs)
    assert _value(report.troops_total) == 4500
    assert _value(report.troops_approximate) is approximate
    assert _value(report.troops_qualifier) == qualifier


def test_as_at_mid_period_and_year_from_context(tmp_path):
    paragraphs = [
        "The present report covers the period from 1 April to 30 June.",
        "As at 15 May, KFOR strength was approximately 9,800 troops.",
    ]
    report = _single_report(tmp_path, paragraphs)
    assert _value(report.period_start) == dt.date(2006, 4, 1)
    assert _value(report.as_at) == dt.date(2006, 5, 15)


@pytest.mark.parametrize(
    ("period_text", "start", "end"),
    [
        ("1 to 30 September 2004", dt.date(2004, 9, 1), dt.date(2004, 9, 30)),
        ("3 March-2 April", dt.date(2006, 3, 3), dt.date(2006, 4, 2)),
        ("3 March\u20132 April 2006", dt.date(2006, 3, 3), dt.date(2006, 4, 2)),
        ("from 16 December 2005 to 15 January 2006", dt.date(2005, 12, 16), dt.date(2006, 1, 15)),
        ("from 16 December to 15 January", dt.date(2005, 12, 16), dt.date(2006, 1, 15)),
    ],
)
def test_period_wordings(tmp_path, period_text, start, end):
    paragraphs = [f"This report covers the reporting period {period_text}."]
    report = _single_report(tmp_path, paragraphs)
    assert (_value(report.period_start), _value(report.period_end)) == (start, end)


@pytest.mark.parametrize(
    ("sentence", "requested"),
    [
        ("KFOR did not receive any requests to intervene.", False),
        ("The Kosovo police requested KFOR to intervene on two occasions.", True),
        ("There were no requests for KFOR intervention.", False),
        ("KFOR was asked to intervene once.", True),
    ],
)
def test_intervention_wordings(tmp_path, sentence, requested):
    report = _single_report(tmp_path, ["This report covers the period 1 to 31 May 2006.", sentence])
    assert _value(report.intervention_requests) is requested


def test_incidents_and_interventions_stated_positively(tmp_path):
    paragraphs = [
        "This report covers the period 1 to 31 May 2006.",
        "There were two major security incidents in Multinational Task Force North.",
        "KFOR was requested to intervene once, in Mitrovica.",
    ]
    report = _single_report(tmp_path, paragraphs)
    assert _value(report.major_incidents) is True
    assert _value(report.intervention_requests) is True


def test_events_take_their_year_from_the_period(tmp_path):
    paragraphs = [
        "This report covers the period from 1 December 2005 to 28 February 2006.",
        "On 9 December, a patrol was stoned near the bridge.",
        "Elections were held on 20 January without incident.",
        "From 30 January to 2 February, KFOR held an exercise.",
        "The security situation remained calm.",
    ]
    report = _single_report(tmp_path, paragraphs)
    events = [(e.value["date"], e.value["text"]) for e in report.events]
    assert events == [
        (dt.date(2005, 12, 9), "On 9 December, a patrol was stoned near the bridge."),
        (dt.date(2006, 1, 20), "Elections were held on 20 January without incident."),
        (dt.date(2006, 1, 30), "From 30 January to 2 February, KFOR held an exercise."),
    ]
    assert _value(report.security_assessment) == "The security situation remained calm."


def test_cover_letter_period_disagreement_is_a_warning(tmp_path):
    spec = ReportSpec(
        "Annex",
        paragraphs=modern_report(
            "from 1 April to 30 June 2020", "30 June 2020", "3,600", "19", "8"
        ),
    )
    cover = cover_letter("3 August 2020", "3 August 2020", "from 1 January to 31 March 2020", "")
    result = extract(build(tmp_path / "r.pdf", [spec], cover=cover, date="7 August 2020"))
    codes = [w.code for w in result.warnings]
    assert codes == ["cover_letter_period_mismatch"]


@pytest.mark.parametrize(
    ("sentence", "total", "non_nato", "nations"),
    [
        (
            "Over the reporting period (1-31 May 2005) there were approximately 17,000 troops "
            "from NATO and non-NATO countries in theatre.",
            17000,
            None,
            None,
        ),
        (
            "As at 31 March 2015, the total number of KFOR troops in theatre remained at "
            "approximately 4,600, from 31 troop-contributing nations.",
            4600,
            None,
            31,
        ),
        (
            "KFOR strength was 16,000 troops from thirty-six contributing nations, of which 1,900 "
            "were from non-NATO countries.",
            16000,
            1900,
            36,
        ),
    ],
)
def test_troops_from_all_nations_and_total_nation_counts(
    tmp_path, sentence, total, non_nato, nations
):
    paragraphs = ["This report covers the period 1 to 31 May 2005.", sentence]
    report = _single_report(tmp_path, paragraphs)
    assert _value(report.troops_total) == total
    assert _value(report.non_nato_troops) == non_nato
    assert _value(report.contributing_nations) == nations
    assert report.nato_nations is None and report.non_nato_nations is None


def test_fields_read_across_a_page_break_and_a_hyphenated_word(tmp_path):
    paragraphs = [
        "The present report covers the period from 1 April to 30 June 2006 and describes the "
        "activities of the Kosovo Force throughout the whole of the area of operations.",
        "As at 30 June 2006, the total number of KFOR troops in theatre remained approxi~mately "
        "9,800, from 24 North Atlantic Treaty Organization (NATO) and 6 non-NATO troop-"
        "contributing nations, deployed across the five multinational task forces of the force.",
    ]
    spec = ReportSpec("Annex", paragraphs=paragraphs, enclosure=False)
    path = build(tmp_path / "break.pdf", [spec], date="10 July 2006", max_lines_per_page=10)
    report = extract(path).reports[0]
    assert _value(report.troops_total) == 9800
    assert _value(report.troops_qualifier) == "approximately"
    assert (_value(report.nato_nations), _value(report.non_nato_nations)) == (24, 6)
    # The sentence runs over the page break: one evidence entry on each page.
    evidence = report.non_nato_nations.evidence
    assert [(e.page, e.quote) for e in evidence] == [
        (1, "6 non-NATO"),
        (2, "troop-contributing nations"),
    ]


@pytest.mark.parametrize(
    ("sentences", "total", "non_nato"),
    [
        (
            [
                "As at 31 May 2006, the total number of troops in theatre was 15,870.",
                "This number includes 2,305 troops from non-NATO countries.",
            ],
            15870,
            2305,
        ),
        (
            [
                "As at 31 May 2006, the total number of troops in theatre was 14,960.",
                "This includes 2,140 troops from countries that are not members of the North "
                "Atlantic Treaty Organization (NATO).",
            ],
            14960,
            2140,
        ),
        (
            [
                "During the reporting period (1-31 May) approximately 41,000 Kosovo Force (KFOR) "
                "troops were deployed in theatre, with no major deployment changes."
            ],
            41000,
            None,
        ),
    ],
)
def test_middle_and_early_era_strength_wordings(tmp_path, sentences, total, non_nato):
    report = _single_report(
        tmp_path, ["This report covers the period from 1 to 31 May 2006.", *sentences]
    )
    assert _value(report.troops_total) == total
    assert _value(report.non_nato_troops) == non_nato


def test_no_requirement_for_intervention_is_no_request(tmp_path):
    sentence = (
        "There were no major security incidents during the reporting period and no requirement "
        "for the direct intervention of KFOR."
    )
    report = _single_report(tmp_path, ["This report covers the period 1 to 31 May 2006.", sentence])
    assert _value(report.major_incidents) is False
    assert _value(report.intervention_requests) is False


def test_later_counts_of_seized_weapons_are_not_the_strength(tmp_path):
    paragraphs = [
        "Over the reporting period (1 to 31 December 2002) there were almost 28,000 Kosovo Force "
        "(KFOR) troops in theatre.",
        "KFOR troops seized a total of 67 weapons and 2,350 rounds of ammunition.",
        "In all, 120 people were detained by KFOR troops.",
    ]
    report = _single_report(tmp_path, paragraphs)
    assert _value(report.troops_total) == 28000
    assert _value(report.troops_qualifier) == "almost"


def test_assessment_without_the_words_security_situation(tmp_path):
    paragraphs = [
        "During the reporting period (1-31 May) approximately 41,000 KFOR troops were deployed.",
        "Security",
        "The situation in Kosovo remained tense. There were several violent attacks.",
    ]
    report = _single_report(tmp_path, paragraphs)
    assert _value(report.security_assessment) == "The situation in Kosovo remained tense."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "KFOR currently numbers some 33,400 troops, of whom 4,100 are from non-NATO countries.",
            {"troops_total": 33400, "troops_qualifier": "some", "non_nato_troops": 4100},
        ),
        (
            "Total KFOR strength at the end of the reporting period was 32,000 troops from 36 "
            "contributing nations.",
            {"troops_total": 32000, "contributing_nations": 36, "nato_nations": None},
        ),
        (
            "Non-NATO troop contributors provided 2,300 of the 18,000 troops in theatre.",
            {"troops_total": 18000, "non_nato_troops": 2300},
        ),
        (
            "KFOR's total strength was approximately 3,700 personnel from 27 troop-contributing "
            "nations, 19 of which are NATO members.",
            {"troops_total": 3700, "contributing_nations": 27, "nato_nations": 19},
        ),
        (
            "The total number of KFOR troops remained approximately 3,700 from 27 nations (19 "
            "NATO Allies and 8 partners).",
            {"nato_nations": 19, "non_nato_nations": 8, "contributing_nations": 27},
        ),
        (
            "No significant security incidents occurred, and KFOR did not have to intervene.",
            {"major_incidents": False, "intervention_requests": False, "troops_total": None},
        ),
        (
            "There were two major security incidents in the reporting period.",
            {"major_incidents": True, "intervention_requests": None},
        ),
    ],
)
def test_further_strength_and_incident_wordings(tmp_path, sentence, expected):
    report = _single_report(tmp_path, ["This report covers the period 1 to 31 May 2006.", sentence])
    assert {key: _value(getattr(report, key)) for key in expected} == expected
