"""Reports found in annexes and enclosures, with the NATO letter's date and signatory in every
form the family uses, and the changes from one report to the next."""

from __future__ import annotations

import datetime as dt

import pytest

from kfor_viewer.core.extraction import extract
from tests.core.extraction.kfor_documents import (
    ReportSpec,
    build,
    cover_letter,
    modern_report,
    nato_letter,
)
from tests.core.synthetic_pdf import Block, para

QUARTERS = [
    ("from 1 January to 31 March 2021", "31 March 2021"),
    ("from 1 April to 30 June 2021", "30 June 2021"),
    ("from 1 July to 30 September 2021", "30 September 2021"),
]


def _value(field):
    return None if field is None else field.value


def _spec(label, quarter, troops="3,500", nato="20", non_nato="7", **letter):
    period, as_at = QUARTERS[quarter]
    return ReportSpec(
        label,
        nato_letter(period, **letter),
        paragraphs=modern_report(period, as_at, troops, nato, non_nato),
    )


def test_three_reports_with_changes(tmp_path):
    specs = [
        _spec("Annex I", 0, "3,500", "20", "7"),
        _spec("Annex II", 1, "3,400", "20", "8"),
        _spec("Annex III", 2, "3,450", "19", "8"),
    ]
    cover = cover_letter(
        "10 November 2021",
        "5 May 2021, 4 August 2021 and 2 November 2021",
        f"{QUARTERS[0][0]}, {QUARTERS[1][0]} and {QUARTERS[2][0]}",
        "I, II and III",
    )
    result = extract(build(tmp_path / "three.pdf", specs, cover=cover, date="12 November 2021"))
    assert [_value(r.label) for r in result.reports] == ["Annex I", "Annex II", "Annex III"]
    assert [_value(r.letter_date) for r in result.reports] == [
        dt.date(2021, 5, 5),
        dt.date(2021, 8, 4),
        dt.date(2021, 11, 2),
    ]
    assert [_value(r.troops_total) for r in result.reports] == [3500, 3400, 3450]
    differences = [
        (c.from_report, c.to_report, c.troops_total["difference"], c.nato_nations["difference"])
        for c in result.changes
    ]
    assert differences == [("Annex I", "Annex II", -100, 0), ("Annex II", "Annex III", 50, -1)]
    assert result.warnings == []


def test_one_report_without_enclosure(tmp_path):
    spec = _spec("Annex", 1)
    spec.enclosure = False
    result = extract(build(tmp_path / "one.pdf", [spec], date="10 August 2021"))
    assert len(result.reports) == 1
    report = result.reports[0]
    assert _value(report.label) == "Annex"
    assert _value(report.signatory) == "Anna Lindqvist"
    assert _value(report.period_end) == dt.date(2021, 6, 30)


@pytest.mark.parametrize(
    ("signed_name", "office", "name", "title"),
    [
        ("Mircea Tudor", "Deputy Secretary General", "Mircea Tudor", "Deputy Secretary General"),
        ("Mr. Paul Girard", "Acting Secretary-General", "Paul Girard", "Acting Secretary-General"),
        ("Acting Secretary General", "", None, "Acting Secretary General"),
        (
            "Mircea Tudor, Deputy Secretary-General",
            "",
            "Mircea Tudor",
            "Deputy Secretary-General",
        ),
    ],
)
def test_nato_signatory_forms(tmp_path, signed_name, office, name, title):
    spec = _spec("Annex", 1, signed_name=signed_name, office=office)
    result = extract(build(tmp_path / "signed.pdf", [spec], date="10 August 2021"))
    report = result.reports[0]
    assert _value(report.signatory) == name
    assert _value(report.signatory_title) == title


def test_nato_letter_heading_gives_date_and_office(tmp_path):
    heading = Block(
        "Letter dated 2 August 2021 from the Deputy Secretary General of the North Atlantic "
        "Treaty Organization addressed to the Secretary-General",
        "heading",
    )
    spec = _spec("Annex", 1, signed_name="Mircea Tudor")
    spec.nato_letter = [heading, *spec.nato_letter]
    result = extract(build(tmp_path / "heading.pdf", [spec], date="10 August 2021"))
    report = result.reports[0]
    assert _value(report.letter_date) == dt.date(2021, 8, 2)
    assert _value(report.signatory) == "Mircea Tudor"
    assert _value(report.signatory_title) == (
        "Deputy Secretary General of the North Atlantic Treaty Organization"
    )


def test_older_monthly_report_directly_in_annex(tmp_path):
    spec = ReportSpec(
        "Annex",
        title="Monthly report to the United Nations on the operations of the Kosovo Force",
        enclosure=False,
        paragraphs=[
            "This report covers the period 1 to 31 May 2004.",
            "Over the reporting period, KFOR troop strength was some 18,500, of whom 2,100 were "
            "from non-NATO countries.",
            "On 17 May, a KFOR patrol was fired upon in Multinational Brigade Centre.",
        ],
    )
    cover = [
        para(
            "I have the honour to transmit herewith the monthly report on the international "
            "security presence in Kosovo (see annex)."
        ),
        para("(Signed) Kofi A. ANNAN"),
    ]
    result = extract(build(tmp_path / "old.pdf", [spec], cover=cover, date="21 June 2004"))
    report = result.reports[0]
    assert _value(report.title).startswith("Monthly report to the United Nations")
    assert (_value(report.period_start), _value(report.period_end)) == (
        dt.date(2004, 5, 1),
        dt.date(2004, 5, 31),
    )
    assert (_value(report.troops_total), _value(report.non_nato_troops)) == (18500, 2100)
    assert _value(report.troops_qualifier) == "some"
    assert [e.value["date"] for e in report.events] == [dt.date(2004, 5, 17)]
    assert report.nato_nations is None


def test_implausible_jump_between_reports_is_a_warning(tmp_path):
    specs = [_spec("Annex I", 0, "3,500"), _spec("Annex II", 1, "35,000")]
    result = extract(build(tmp_path / "jump.pdf", specs, date="10 August 2021"))
    assert [w.code for w in result.warnings] == ["implausible_troop_change"]
    assert result.warnings[0].report == "Annex II"
